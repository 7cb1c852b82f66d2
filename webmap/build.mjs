// Builds the browser files into build/web: the npm packages the app uses copied
// into build/web/vendor, so that the Go server serves everything from local
// files (no CDN, works offline), and the app's pages with their scripts and
// styles bundled by esbuild under content-hashed names (name-HASH.js), which the
// server lets browsers cache for a year. The pages themselves keep their names
// and are revalidated on every visit.
import { cpSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildBasemap } from './basemap-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'webmap', 'app');
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
  // MapLibre GL JS and its Leaflet binding, loaded only when EWSI_BASEMAP names a style
  ['maplibre-gl/dist/maplibre-gl-csp.js', 'maplibre-gl/maplibre-gl-csp.js'],
  ['maplibre-gl/dist/maplibre-gl-csp-worker.js', 'maplibre-gl/maplibre-gl-csp-worker.js'],
  ['maplibre-gl/dist/maplibre-gl.css', 'maplibre-gl/maplibre-gl.css'],
  ['@maplibre/maplibre-gl-leaflet/leaflet-maplibre-gl.js', 'maplibre-gl-leaflet/leaflet-maplibre-gl.js'],
  // The Europa Component Library (EUPL-1.2): its ready-made styles, scripts,
  // fonts and logos, and the icon sprite.
  ['@ecl/preset-ec/dist/styles/ecl-ec.css', 'ecl/styles/ecl-ec.css'],
  ['@ecl/preset-ec/dist/styles/ecl-ec-print.css', 'ecl/styles/ecl-ec-print.css'],
  ['@ecl/preset-ec/dist/styles/optional/ecl-ec-utilities.css', 'ecl/styles/ecl-ec-utilities.css'],
  ['@ecl/preset-ec/dist/scripts/ecl-ec.js', 'ecl/scripts/ecl-ec.js'],
  ['@ecl/preset-ec/dist/fonts', 'ecl/fonts'],
  ['@ecl/preset-ec/dist/images/logo', 'ecl/images/logo'],
  ['@ecl/preset-ec/LICENSE', 'ecl/LICENSE'],
  ['@ecl/resources-icons/dist/sprites/icons.svg', 'ecl/images/icons.svg'],
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
// world-atlas names countries by ISO 3166 numeric code; the map joins them to the
// graph's alpha-2 codes with this table taken from world-countries.
const codes = {};
for (const c of JSON.parse(readFileSync(mod('world-countries/countries.json'), 'utf8'))) {
  if (c.ccn3) codes[c.ccn3] = c.cca2;
}
writeFileSync(join(out, 'vendor', 'world-atlas', 'iso-numeric-to-alpha2.json'), JSON.stringify(codes));
// ECL's styles name a font server before the local fonts; the site loads
// nothing from elsewhere (the Content-Security-Policy refuses it), so the
// remote sources are dropped and the local ones stay.
for (const css of ['ecl-ec.css', 'ecl-ec-print.css', 'ecl-ec-utilities.css']) {
  const file = join(out, 'vendor', 'ecl', 'styles', css);
  const text = readFileSync(file, 'utf8').replace(/url\(https?:[^)]*\) format\("woff2"\),/g, '');
  if (/url\(["']?https?:/.test(text)) {
    console.error(`webmap build: ${css} of @ecl/preset-ec still loads a remote file; see webmap/build.mjs`);
    process.exit(1);
  }
  writeFileSync(file, text);
}
const basemap = buildBasemap(root, join(out, 'basemap'));

// The pages (and the layout they share, see webmap/site) name their scripts and
// styles by absolute path: /vendor/... are copied files, anything else is a
// source under webmap/app to bundle.
const pages = readdirSync(app).filter((f) => f.endsWith('.html'));
const refRE = /<(script|link)\b[^>]*?\b(src|href)="(\/[^"]+\.(?:js|css))"[^>]*>/g;
const entries = new Set();
for (const page of pages) {
  const html = readFileSync(join(app, page), 'utf8');
  // The only script element without src allowed is a JSON data block (the
  // messages the layout puts into the page, the JSON-LD of linkeddata), which
  // is never run.
  if (/<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>/i.test(html) || /\son[a-z]+="/i.test(html) || /\sstyle="/i.test(html)) {
    console.error(`webmap build: ${page} has an inline script, handler or style, which the Content-Security-Policy refuses`);
    process.exit(1);
  }
  for (const m of html.matchAll(refRE)) {
    const [tag, path] = [m[0], m[3]];
    if (path.startsWith('/vendor/') || /rel="modulepreload"/.test(tag)) continue;
    const src = join(app, path);
    if (!existsSync(src)) {
      console.error(`webmap build: ${page} refers to ${path}, which is not in webmap/app`);
      process.exit(1);
    }
    entries.add(src);
  }
}

const result = await esbuild.build({
  entryPoints: [...entries],
  absWorkingDir: root,
  outbase: app,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  entryNames: '[dir]/[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  external: ['/vendor/*'],
  metafile: true,
  logLevel: 'warning',
});

// manifest: the path a page names (/map/app.js) -> the hashed file; static
// imports of each entry, to preload them.
const url = (file) => '/' + relative(out, join(root, file)).split('\\').join('/');
const manifest = {};
const preloads = {};
for (const [file, o] of Object.entries(result.metafile.outputs)) {
  if (!o.entryPoint) continue;
  const logical = '/' + relative(app, join(root, o.entryPoint)).split('\\').join('/');
  manifest[logical] = url(file);
  preloads[logical] = o.imports.filter((i) => i.kind === 'import-statement').map((i) => url(i.path));
}

// Vendor files the pages load are copied beside themselves under hashed names
// too (their relative references, such as leaflet's images/, still resolve).
const hashed = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10).toUpperCase();
const vendorName = (path) => {
  if (manifest[path]) return manifest[path];
  const file = join(out, path);
  if (!existsSync(file)) {
    console.error(`webmap build: a page refers to ${path}, which is not among the vendor files`);
    process.exit(1);
  }
  const bytes = readFileSync(file);
  const ext = extname(path);
  const name = `${basename(path, ext)}-${hashed(bytes)}${ext}`;
  writeFileSync(join(dirname(file), name), bytes);
  return (manifest[path] = join(dirname(path), name));
};

// Everything in webmap/app that is not a page, a script or a style is copied as is.
cpSync(app, out, { recursive: true, filter: (src) => !/\.(js|css|html)$/.test(src) });
for (const page of pages) {
  let html = readFileSync(join(app, page), 'utf8');
  html = html.replace(/^<link rel="modulepreload"[^>]*>\n?/gm, '');
  html = html.replace(refRE, (tag, _t, attr, path) => {
    const to = path.startsWith('/vendor/') ? vendorName(path) : manifest[path];
    let rewritten = tag.replace(`${attr}="${path}"`, `${attr}="${to}"`);
    if (/type="module"/.test(tag)) {
      for (const p of preloads[path] || []) rewritten = `<link rel="modulepreload" href="${p}">\n` + rewritten;
    }
    return rewritten;
  });
  // Images and icon sprites of the vendor files (<use href="/vendor/...svg#id">).
  html = html.replace(/"(\/vendor\/[^"#{}]+\.(?:svg|png))(#[^"]*)?"/g, (_m, path, frag) => `"${vendorName(path)}${frag || ''}"`);
  writeFileSync(join(out, page), html);
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
console.log(`webmap build: ${vendor.length} vendor files, ${pages.length} pages, ${entries.size} bundled entries, basemap of ${basemap.countries} countries and ${basemap.places} places into build/web`);
