// Clusters the same points as the Go map benchmark with supercluster (the
// reference implementation) and prints its timings as JSON: the index build and
// getClusters for 1280×800 viewports at zooms 3, 6, 10 and 14.
// Usage: node webmap/bench/supercluster.mjs test-artifacts/mapbench-points.json [rounds]
import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';

const coords = JSON.parse(readFileSync(process.argv[2] || 'test-artifacts/mapbench-points.json', 'utf8'));
const rounds = Number(process.argv[3] || 200);
const features = coords.map(([lon, lat], i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [lon, lat] } }));
// the Go side's options: radius 60 px at 256-px tiles, zooms 0-16
const opts = { radius: 60, extent: 256, minZoom: 0, maxZoom: 16 };
let t = performance.now();
const index = new Supercluster(opts).load(features);
const buildMs = performance.now() - t;

let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const latY = (lat) => { const s = Math.sin((lat * Math.PI) / 180); return Math.min(1, Math.max(0, 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI)); };
const yLat = (y) => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;
const q = (d, p) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
const zooms = [];
for (const z of [3, 6, 10, 14]) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const [lon, lat] = coords[Math.floor(rand() * coords.length)];
    const world = 256 * 2 ** z;
    const w = (1280 / world) * 360;
    const y = latY(lat);
    const box = [Math.max(-180, lon - w / 2), yLat(Math.min(1, y + 400 / world)), Math.min(180, lon + w / 2), yLat(Math.max(0, y - 400 / world))];
    t = performance.now();
    index.getClusters(box, z);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  zooms.push({ zoom: z, p50Ms: +q(times, 0.5).toFixed(3), p95Ms: +q(times, 0.95).toFixed(3), n: times.length });
}
console.log(JSON.stringify({ points: coords.length, buildMs: +buildMs.toFixed(1), zooms }, null, 2));
