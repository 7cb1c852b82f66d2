// Builds the browser files into build/web: the app's own files from webmap/app,
// and the npm packages it uses copied into build/web/vendor, so that the Go
// server serves everything from local files (no CDN, works offline).
import { cpSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'web');
const mod = (p) => join(root, 'node_modules', p);

// [source in node_modules, destination under vendor/]
const vendor = [
  ['graphiql/graphiql.min.js', 'graphiql/graphiql.min.js'],
  ['graphiql/graphiql.min.css', 'graphiql/graphiql.min.css'],
  ['react/umd/react.production.min.js', 'react/react.production.min.js'],
  ['react-dom/umd/react-dom.production.min.js', 'react-dom/react-dom.production.min.js'],
  ['leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet/dist/images', 'leaflet/images'],
  ['topojson-client/dist/topojson-client.min.js', 'topojson-client/topojson-client.min.js'],
  ['world-atlas/countries-50m.json', 'world-atlas/countries-50m.json'],
  ['world-atlas/countries-110m.json', 'world-atlas/countries-110m.json'],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
for (const [from, to] of vendor) {
  const src = mod(from);
  if (!existsSync(src)) {
    console.error(`webmap build: ${from} is missing from node_modules; run npm ci`);
    process.exit(1);
  }
  const dst = join(out, 'vendor', to);
  mkdirSync(dirname(dst), { recursive: true });
  cpSync(src, dst, { recursive: true });
}
cpSync(join(root, 'webmap', 'app'), out, { recursive: true });
// world-atlas names countries by ISO 3166 numeric code; the map joins them to the
// graph's alpha-2 codes with this table taken from world-countries.
const codes = {};
for (const c of JSON.parse(readFileSync(mod('world-countries/countries.json'), 'utf8'))) {
  if (c.ccn3) codes[c.ccn3] = c.cca2;
}
writeFileSync(join(out, 'vendor', 'world-atlas', 'iso-numeric-to-alpha2.json'), JSON.stringify(codes));
console.log(`webmap build: ${vendor.length} vendor files and the app into build/web`);
