// The basemap every map of the app draws: Natural Earth country shapes from the
// world-atlas package (served from /vendor, no tile server), each tagged with its
// ISO 3166 alpha-2 code. The main map, the partner finder's place picker and its
// results map all use it.

let shapes = null;

/** countryShapes fetches and decodes the country shapes once per page: a GeoJSON
FeatureCollection whose features carry properties.iso2. */
export function countryShapes() {
  shapes ??= Promise.all([
    fetch('/vendor/world-atlas/countries-50m.json').then((r) => r.json()),
    fetch('/vendor/world-atlas/iso-numeric-to-alpha2.json').then((r) => r.json()),
  ]).then(([world, codes]) => {
    const fc = window.topojson.feature(world, world.objects.countries);
    for (const f of fc.features) f.properties.iso2 = codes[f.id] || '';
    return fc;
  });
  return shapes;
}

/** addBasemap draws the country shapes under map's other layers; onClick, when
given, receives a clicked country's iso2 and the Leaflet event. style is a
Leaflet path style or a function of the feature. */
export async function addBasemap(map, { onClick, style } = {}) {
  const L = window.L;
  const fc = await countryShapes();
  const layer = L.geoJSON(fc, {
    interactive: Boolean(onClick),
    style: style || { color: '#8c8c8c', weight: 0.6, fillOpacity: 1, fillColor: '#f4f4f0' },
    onEachFeature: onClick ? (f, l) => l.on('click', (e) => onClick(f.properties.iso2, e)) : undefined,
  }).addTo(map);
  layer.bringToBack();
  return layer;
}

/** newMap makes a Leaflet map in element el with the app's defaults and the
Natural Earth attribution. */
export function newMap(el, view = { lat: 50, lng: 10, z: 3 }, options = {}) {
  const L = window.L;
  const map = L.map(el, { minZoom: 1, maxZoom: 18, zoomSnap: 1, worldCopyJump: true, keyboard: true, ...options })
    .setView([view.lat, view.lng], view.z);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  map.attributionControl.addAttribution('Natural Earth');
  return map;
}
