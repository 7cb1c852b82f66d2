// A MapLibre GL JS map of one EWSI Graph tile layer, from its TileJSON
// (?layer=all by default), for webmap/test/maplibre.test.mjs. It sets
// window.mapState to 'loaded' or 'error: ...' once the map is idle.
/* global maplibregl */
const layer = new URLSearchParams(location.search).get('layer') || 'all';
maplibregl.setWorkerUrl(new URL('maplibre-gl-csp-worker.js', location.href).href);
window.mapState = 'loading';
const map = new maplibregl.Map({
  container: 'map',
  center: [10, 50],
  zoom: 3,
  style: {
    version: 8,
    sources: { ewsi: { type: 'vector', url: new URL('/tiles/' + layer + '.json', location.href).href } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f4f0' } },
      { id: 'points', type: 'circle', source: 'ewsi', 'source-layer': layer,
        paint: { 'circle-radius': ['case', ['get', 'cluster'], 12, 5], 'circle-color': '#1d4e89' } },
    ],
  },
});
window.map = map;
map.on('error', (e) => { window.mapState = 'error: ' + (e.error && e.error.message); });
map.once('idle', () => { if (window.mapState === 'loading') window.mapState = 'loaded'; });
