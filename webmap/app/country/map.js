// The small map of the country page: the country drawn over its neighbours with
// the map's own basemap module, zoomed to the country. It is a picture (no
// pan, zoom or keyboard stop): the page's "Show on the map" link opens the real
// map; its attribution is the caption under it.
import { h } from '../map/dom.js';
import { t } from '../common/i18n.js';
import { newMap, addBasemap, countryShapes } from '../map/basemap.js';

const STATIC = { zoomControl: false, dragging: false, keyboard: false, scrollWheelZoom: false, doubleClickZoom: false,
  touchZoom: false, boxZoom: false, worldCopyJump: false };

/** countryMap returns a figure with the small map of country iso2 (named name);
the map is drawn once the figure is in the page and its shapes are loaded. */
export function countryMap(iso2, name) {
  const box = h('div', { class: 'country-map', id: 'country-map', 'aria-hidden': 'true' });
  const d = document.body.dataset;
  const source = d.basemapType && d.basemapType !== 'offline' && d.basemapAttribution ? d.basemapAttribution : 'Natural Earth';
  const fig = h('figure', { class: 'country-figure', 'data-hook': 'country-map' }, box,
    h('figcaption', { class: 'muted small' }, t('country.mapCaption', { name }), ' ', t('country.mapSource', { source })));
  requestAnimationFrame(() => draw(box, iso2).then(() => { fig.dataset.drawn = 'true'; }, (e) => {
    fig.dataset.drawn = 'error';
    console.warn('country map:', e);
  }));
  return fig;
}

async function draw(box, iso2) {
  if (!window.L) throw new Error('Leaflet is not loaded');
  const map = newMap(box, { lat: 50, lng: 10, z: 3 }, STATIC);
  // the caption carries the attribution: no links inside the hidden picture
  map.attributionControl?.remove();
  const fc = await countryShapes();
  const mine = fc.features.filter((f) => f.properties.iso2 === iso2);
  // over an operator's tiles the neighbours stay see-through
  const tiles = ['xyz', 'style'].includes(document.body.dataset.basemapType);
  await addBasemap(map, {
    places: false,
    style: (f) => (f.properties.iso2 === iso2
      ? { color: '#0e47cb', weight: 1.5, fillColor: '#0e47cb', fillOpacity: tiles ? 0.3 : 0.55 }
      : { color: '#8c8c8c', weight: 0.6, fillColor: '#f4f4f0', fillOpacity: tiles ? 0 : 1 }),
  });
  if (mine.length) {
    const bounds = window.L.geoJSON({ type: 'FeatureCollection', features: mainland(mine) }).getBounds();
    map.fitBounds(bounds, { padding: [12, 12], maxZoom: 7 });
  }
  return map;
}

/** mainland keeps, of a country with far-away parts (France's overseas
departments, Portugal's islands), the polygon nearest to the biggest one, so the
map shows the country where most of it lies. */
function mainland(features) {
  const polys = features.flatMap((f) => (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]));
  if (polys.length < 2) return features;
  const area = (ring) => Math.abs(ring.reduce((s, [x1, y1], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x1 * y2 - x2 * y1; }, 0) / 2);
  const centre = (ring) => ring.reduce(([a, b], [x, y]) => [a + x / ring.length, b + y / ring.length], [0, 0]);
  const big = polys.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
  const [cx, cy] = centre(big[0]);
  const near = polys.filter((p) => { const [x, y] = centre(p[0]); return Math.hypot(x - cx, y - cy) < 12; });
  return [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: near } }];
}
