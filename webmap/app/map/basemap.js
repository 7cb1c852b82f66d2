// The basemap every map of the app draws. By default it is offline: land, sea,
// borders (Natural Earth country shapes, split at the antimeridian at build
// time) and the names of places by zoom (GeoNames cities, capitals and big
// cities first, smaller towns as one zooms in), all from the server's own files
// (build/web/basemap, see webmap/basemap-build.mjs). When the operator
// configured EWSI_BASEMAP, the page's <body> says so (data-basemap-type "xyz" or
// "style", data-basemap-url, data-basemap-attribution) and the tiles of that
// service are drawn instead of the offline land and place names, with its
// attribution; the country shapes stay on top for the choropleth and clicks.

const SEA = '#cfe3f1';
const LAND = '#f5f3ee';
const BORDER = '#8f8f8f';

let shapes = null;

/** basemapConfig returns the operator's basemap from the page's <body>. */
export function basemapConfig() {
  const d = document.body.dataset;
  const type = ['xyz', 'style'].includes(d.basemapType) && d.basemapUrl ? d.basemapType : 'offline';
  return { type, url: d.basemapUrl || '', attribution: d.basemapAttribution || '' };
}

/** countryShapes fetches and decodes the country shapes once per page: a GeoJSON
FeatureCollection whose features carry properties.iso2. */
export function countryShapes() {
  shapes ??= fetch('/basemap/countries.json').then((r) => {
    if (!r.ok) throw new Error(`/basemap/countries.json: HTTP ${r.status}`);
    return r.json();
  }).then((world) => window.topojson.feature(world, world.objects.countries));
  return shapes;
}

const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** loadScript adds a script of the server's own once, and resolves when it ran. */
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(s);
  });
}

/** addTiles draws the operator's tile service under the map's layers. */
async function addTiles(map, cfg) {
  const L = window.L;
  // the attribution is the operator's text, shown as text
  const attribution = escapeHTML(cfg.attribution);
  if (cfg.type === 'xyz') {
    return L.tileLayer(cfg.url, { attribution, maxZoom: 19, crossOrigin: true }).addTo(map);
  }
  if (!window.maplibregl) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/vendor/maplibre-gl/maplibre-gl.css';
    document.head.append(css);
    await loadScript('/vendor/maplibre-gl/maplibre-gl-csp.js');
    window.maplibregl.setWorkerUrl('/vendor/maplibre-gl/maplibre-gl-csp-worker.js');
  }
  if (!L.maplibreGL) await loadScript('/vendor/maplibre-gl-leaflet/leaflet-maplibre-gl.js');
  return L.maplibreGL({ style: cfg.url, attributionControl: { customAttribution: attribution }, interactive: false }).addTo(map);
}

/** addBasemap draws the basemap under map's other layers and returns the layer of
the country shapes. onClick, when given, receives a clicked country's iso2 and
the Leaflet event. style is a Leaflet path style or a function of the feature.
places: false leaves the place names out. */
export async function addBasemap(map, { onClick, style, places = true } = {}) {
  const L = window.L;
  const cfg = basemapConfig();
  map.getContainer().classList.add(cfg.type === 'offline' ? 'basemap-offline' : 'basemap-tiles');
  if (cfg.type !== 'offline') {
    addTiles(map, cfg).catch((e) => console.warn('basemap:', e.message));
  } else {
    map.attributionControl.addAttribution('Natural Earth; GeoNames (CC BY 4.0)');
  }
  const fc = await countryShapes();
  const plain = cfg.type === 'offline'
    ? { color: BORDER, weight: 0.7, fillOpacity: 1, fillColor: LAND }
    : { color: '#555', weight: 0.6, fillOpacity: 0, fillColor: LAND };
  const layer = L.geoJSON(fc, {
    interactive: Boolean(onClick),
    style: style || plain,
    onEachFeature: onClick ? (f, l) => l.on('click', (e) => onClick(f.properties.iso2, e)) : undefined,
  }).addTo(map);
  layer.bringToBack();
  if (places && cfg.type === 'offline') addPlaces(map);
  return layer;
}

/** landStyle is the plain land fill of the current basemap (for a choropleth
that is switched off). */
export function landStyle() {
  return basemapConfig().type === 'offline'
    ? { color: BORDER, weight: 0.7, fillOpacity: 1, fillColor: LAND }
    : { color: '#555', weight: 0.6, fillOpacity: 0, fillColor: LAND };
}

// ---- place names ----

// The smallest population named at each zoom (capitals from zoom 3 on).
const MIN_POP = [8e6, 8e6, 4e6, 2e6, 8e5, 3e5, 1e5, 4e4, 1.5e4, 5e3, 2e3, 1e3];
const MAX_LABELS = 220;
const fetched = new Map();

function getPlaces(file) {
  if (!fetched.has(file)) {
    fetched.set(file, fetch('/basemap/' + file).then((r) => (r.ok ? r.json() : [])).catch(() => []));
  }
  return fetched.get(file);
}

let index = null;
const placeIndex = () => (index ??= fetch('/basemap/places-index.json').then((r) => r.json()));

/** placesIn returns the places to name in bounds b at zoom z, largest first. */
export async function placesIn(b, z) {
  const files = ['places-world.json'];
  if (z >= 6) files.push('places-europe.json');
  if (z >= 9) {
    const ix = await placeIndex();
    const T = ix.tile;
    const have = new Set(ix.tiles);
    for (let x = Math.floor(b.getWest() / T) * T; x <= b.getEast(); x += T) {
      for (let y = Math.floor(b.getSouth() / T) * T; y <= b.getNorth(); y += T) {
        if (have.has(`${x}-${y}`)) files.push(`places-t-${x}-${y}.json`);
      }
    }
  }
  const min = MIN_POP[Math.min(z, MIN_POP.length - 1)];
  const rows = (await Promise.all(files.map(getPlaces))).flat();
  return rows.filter(([, lon, lat, pop, , capital]) => (pop >= min || (capital && z >= 3)) && b.contains([lat, lon]))
    .sort((a, b2) => b2[5] - a[5] || b2[3] - a[3]);
}

/** addPlaces names places on map by zoom: a non-interactive layer in a pane of
its own, under the markers, hidden from assistive technology (the list beside
the map is their way in); labels that would overlap a larger place's are left
out. */
export function addPlaces(map) {
  const L = window.L;
  const pane = map.createPane('places');
  pane.classList.add('places-pane');
  pane.setAttribute('aria-hidden', 'true');
  const group = L.layerGroup().addTo(map);
  let seq = 0;
  const draw = async () => {
    const my = ++seq;
    const z = map.getZoom();
    const rows = await placesIn(map.getBounds(), z);
    if (my !== seq) return;
    const taken = [];
    const labels = [];
    for (const [name, lon, lat, pop, , capital] of rows) {
      if (labels.length >= MAX_LABELS) break;
      const p = map.latLngToContainerPoint([lat, lon]);
      const big = capital || pop >= 1e6;
      const w = name.length * (big ? 7.5 : 6.5) + 10;
      const box = [p.x - 4, p.y - 9, p.x + w, p.y + 9];
      if (taken.some((q) => box[0] < q[2] && box[2] > q[0] && box[1] < q[3] && box[3] > q[1])) continue;
      taken.push(box);
      const el = document.createElement('span');
      el.className = `place${capital ? ' capital' : ''}${big ? ' big' : ''}`;
      el.textContent = name;
      labels.push(L.marker([lat, lon], {
        pane: 'places', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'place-label', html: el, iconSize: null, iconAnchor: [3, 3] }),
      }));
    }
    group.clearLayers();
    for (const m of labels) m.addTo(group);
    map.getContainer().dataset.places = String(labels.length);
  };
  map.on('moveend', draw);
  draw();
  return group;
}

/** newMap makes a Leaflet map in element el with the app's defaults. */
export function newMap(el, view = { lat: 50, lng: 10, z: 3 }, options = {}) {
  const L = window.L;
  const map = L.map(el, { minZoom: 2, maxZoom: 18, zoomSnap: 1, worldCopyJump: true, keyboard: true, ...options })
    .setView([view.lat, view.lng], view.z);
  map.getContainer().style.background = SEA;
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  return map;
}
