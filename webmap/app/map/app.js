// The interactive map of local and regional authorities' good practices: Leaflet
// over Natural Earth country shapes (no tile server), clusters from the GraphQL
// mapLayer, a list of what is on the map for keyboard and screen-reader users, a
// side panel, filters, a choropleth, three interface languages, and the whole
// state in the URL.
import { gql, REFERENCE, LAYER, DETAIL, normalise } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { KINDS, fromURL, toURL, filterOf } from './state.js';
import { nodeDetail, countryDetail } from './panel.js';
import { newMap, addBasemap } from './basemap.js';
import { siteHeader } from '../common/header.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const state = fromURL(location.search, localStorage.getItem('ewsi.lang'));
let ref = { themes: [], principles: [], countries: [] };
let countryLayer = null;
let layerAbort = null;
let loads = 0;
let lastLayer = null;
let lastFocus = null;

const relabelHeader = siteHeader($('site-nav'), state.lang, 'map');
const map = newMap('map', state);
const markers = L.layerGroup().addTo(map);

function writeURL() {
  history.replaceState(null, '', toURL(state));
}

// ---- language ----
function applyLang() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(state.lang, el.dataset.i18n);
  $('map').setAttribute('aria-label', t(state.lang, 'mapLabel'));
  $('lang').value = state.lang;
  document.title = `EWSI Graph · ${t(state.lang, 'title')}`;
}

async function loadReference() {
  ref = await gql(REFERENCE, { lang: state.lang.toUpperCase() });
}

// ---- filters ----
function options(select, items, value) {
  select.replaceChildren(h('option', { value: '' }, t(state.lang, 'any')),
    ...items.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function renderFilters() {
  const ui = state.lang;
  options($('f-theme'), ref.themes.map((x) => [x.slug, x.name]), state.theme);
  const subs = ref.themes.filter((x) => !state.theme || x.slug === state.theme).flatMap((x) => x.subthemes);
  options($('f-subtheme'), subs.map((x) => [x.slug, x.name]), state.subtheme);
  options($('f-principle'), ref.principles.map((p) => [String(p.number), `${p.number}. ${p.short}`]), state.principle);
  const cs = [...ref.countries].sort((a, b) => a.name.localeCompare(b.name, ui));
  options($('f-country'), cs.map((c) => [c.iso2, c.name]), state.country);
  $('f-kinds').replaceChildren(...KINDS.map((k) => h('label', {},
    h('input', { type: 'checkbox', name: 'kinds', value: k, checked: !state.kinds.length || state.kinds.includes(k) }), t(ui, 'kind_' + k))));
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  $('f-demo').replaceChildren(...[['', 'all'], ['false', 'realOnly'], ['true', 'demoOnly']].map(([v, k]) =>
    h('option', { value: v, selected: state.demo === v }, t(ui, k))));
  $('f-choropleth').replaceChildren(...[['practices', 'chPractices'], ['indicator', 'chIndicator']].map(([v, k]) =>
    h('option', { value: v, selected: state.choropleth === v }, t(ui, k))));
}

function readFilters() {
  const f = new FormData($('filters'));
  const themeChanged = f.get('theme') !== state.theme;
  state.theme = f.get('theme') || '';
  state.subtheme = themeChanged ? '' : f.get('subtheme') || '';
  state.principle = f.get('principle') || '';
  state.country = f.get('country') || '';
  const kinds = f.getAll('kinds');
  state.kinds = kinds.length === KINDS.length ? [] : kinds;
  state.from = f.get('from') || '';
  state.to = f.get('to') || '';
  state.demo = f.get('demo') || '';
  state.choropleth = f.get('choropleth') || 'practices';
  if (themeChanged) renderFilters();
}

// ---- the layer ----
function viewport() {
  const b = map.getBounds();
  let west = b.getWest();
  let east = b.getEast();
  if (east - west >= 360) [west, east] = [-180, 180];
  const wrap = (x) => ((((x + 180) % 360) + 360) % 360) - 180;
  if (east - west < 360) [west, east] = [wrap(west), east === 180 ? 180 : wrap(east)];
  const clampLat = (y) => Math.max(-90, Math.min(90, y));
  return { west, south: clampLat(b.getSouth()), east, north: clampLat(b.getNorth()) };
}

function icon(cls, size, text) {
  // an element, not an HTML string: the policy refuses style attributes in markup
  return L.divIcon({ className: '', html: h('div', { class: `m ${cls}`, style: `width:${size}px;height:${size}px` }, text), iconSize: [size, size] });
}

function zoomTo(c) {
  map.setView([c.center.lat, c.center.lon], Math.min(c.expansionZoom, map.getMaxZoom()));
}

const STALE_RETRY_MS = 2000;
let staleTimer;

async function loadLayer() {
  layerAbort?.abort();
  layerAbort = new AbortController();
  const ui = state.lang;
  $('status').textContent = t(ui, 'loading');
  let data;
  try {
    data = (await gql(LAYER, { bbox: viewport(), zoom: map.getZoom(), filter: filterOf(state) }, layerAbort.signal)).mapLayer;
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('status').textContent = t(ui, 'error') + e.message;
    return;
  }
  lastLayer = data;
  renderLayer();
  loads++;
  document.body.dataset.layerLoads = String(loads);
  // the graph changed since this layer was clustered: ask again once the fresh one is built
  clearTimeout(staleTimer);
  if (data.stale) staleTimer = setTimeout(loadLayer, STALE_RETRY_MS);
}

function renderLayer() {
  const ui = state.lang;
  const data = lastLayer;
  markers.clearLayers();
  for (const c of data.clusters) {
    const size = Math.round(28 + 8 * Math.log10(c.count));
    const label = t(ui, 'cluster', c.count);
    L.marker([c.center.lat, c.center.lon], { icon: icon('cluster', size, c.count), title: label, alt: label, riseOnHover: true })
      .on('click', () => zoomTo(c)).addTo(markers);
  }
  for (const m of data.markers) {
    const label = `${t(ui, 'one_' + m.kind)}: ${m.name}${m.demo ? ` (${t(ui, 'demo')})` : ''}`;
    L.marker([m.location.lat, m.location.lon], { icon: icon(`k-${m.kind}${m.demo ? ' demo' : ''}`, 18, ''), title: label, alt: label })
      .on('click', () => select(m.id)).addTo(markers);
  }
  const n = data.clusters.length + data.markers.length;
  $('list-count').textContent = `(${t(ui, 'listCount', n, data.total)})`;
  $('list-count').dataset.total = String(data.total);
  $('status').textContent = t(ui, 'listCount', n, data.total);
  const items = [
    ...[...data.markers].sort((a, b) => a.name.localeCompare(b.name)).map((m) => h('li', {},
      h('button', { type: 'button', 'data-id': m.id, onclick: (e) => { lastFocus = e.currentTarget; select(m.id, true); } },
        h('span', { lang: m.lang?.toLowerCase() }, m.name), ' ',
        h('span', { class: 'muted' }, `· ${t(ui, 'one_' + m.kind)}${m.country ? ' · ' + m.country : ''}`), ' ',
        m.lang && h('span', { class: 'badge lang' }, m.lang), ' ', m.demo && h('span', { class: 'badge demo' }, t(ui, 'demo'))))),
    ...[...data.clusters].sort((a, b) => b.count - a.count).map((c) => h('li', {},
      h('button', { type: 'button', class: 'cluster-item', onclick: () => zoomTo(c) }, t(ui, 'cluster', c.count)))),
  ];
  $('list-items').replaceChildren(...items);
}

// ---- the panel ----
async function select(id, fromList = false) {
  state.sel = id;
  writeURL();
  const panel = $('panel');
  $('panel-body').replaceChildren(h('p', {}, t(state.lang, 'loading')));
  panel.hidden = false;
  try {
    const d = await gql(DETAIL, { id, lang: state.lang.toUpperCase() });
    $('panel-body').replaceChildren(...[nodeDetail(state.lang, normalise(d.node), { onOpen: openInPanel })].flat(Infinity).filter(Boolean));
  } catch (e) {
    $('panel-body').replaceChildren(h('p', {}, t(state.lang, 'error') + e.message));
  }
  if (fromList) panel.focus();
}

// openInPanel opens a related item in the panel when the map shows its kind; other
// kinds go to their page.
function openInPanel(n) {
  if (!['Practice', 'Event', 'Organisation', 'LocalAuthority'].includes(n.__typename) || !n.location) return false;
  lastFocus = null;
  map.setView([n.location.lat, n.location.lon], Math.max(map.getZoom(), 12));
  select(n.id, true);
  return true;
}

function showCountry(iso2) {
  const c = ref.countries.find((x) => x.iso2 === iso2);
  if (!c) return;
  state.sel = 'country:' + iso2;
  writeURL();
  $('panel-body').replaceChildren(...countryDetail(state.lang, c));
  $('panel').hidden = false;
}

function closePanel() {
  state.sel = '';
  writeURL();
  $('panel').hidden = true;
  lastFocus?.focus();
}

// ---- countries: basemap and choropleth ----
const BREAKS = [1, 5, 20, 100, 500];
const BLUES = ['#deebf7', '#c6dbef', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

function colour(iso2) {
  const c = ref.countries.find((x) => x.iso2 === iso2);
  if (!c || state.choropleth === 'indicator') return '#f4f4f0';
  const n = c.stats.practices;
  let i = 0;
  while (i < BREAKS.length && n >= BREAKS[i]) i++;
  return n === 0 ? '#f4f4f0' : BLUES[i];
}

function styleCountries() {
  countryLayer?.setStyle((f) => ({ color: '#8c8c8c', weight: 0.6, fillOpacity: 1, fillColor: colour(f.properties.iso2) }));
  const ui = state.lang;
  const legend = $('legend');
  if (state.choropleth === 'indicator') {
    legend.replaceChildren(h('p', {}, h('strong', {}, t(ui, 'chIndicator'))), h('p', { class: 'no-data' }, t(ui, 'noIndicator')));
  } else {
    const labels = ['0', ...BREAKS.map((b, i) => (i + 1 < BREAKS.length ? `${b}–${BREAKS[i + 1] - 1}` : `≥ ${b}`))];
    legend.replaceChildren(h('p', {}, h('strong', {}, t(ui, 'legendPractices'))),
      h('ul', {}, labels.map((l, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${i === 0 ? '#f4f4f0' : BLUES[i]}` }), l))));
  }
  legend.append(h('p', { class: 'muted' }, t(ui, 'basemap')));
}

async function loadBasemap() {
  countryLayer = await addBasemap(map, { onClick: (iso2) => showCountry(iso2) });
  styleCountries();
}

// ---- wiring ----
map.on('moveend', () => {
  const c = map.getCenter();
  Object.assign(state, { lat: c.lat, lng: c.lng, z: map.getZoom() });
  writeURL();
  loadLayer();
});
$('filters').addEventListener('change', () => {
  readFilters();
  writeURL();
  styleCountries();
  loadLayer();
});
$('filters').addEventListener('submit', (e) => e.preventDefault());
$('reset').addEventListener('click', () => {
  Object.assign(state, { theme: '', subtheme: '', principle: '', country: '', kinds: [], from: '', to: '', demo: '' });
  renderFilters();
  writeURL();
  loadLayer();
});
$('panel-close').addEventListener('click', closePanel);
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('panel').hidden) closePanel(); });
$('lang').addEventListener('change', async () => {
  state.lang = $('lang').value;
  localStorage.setItem('ewsi.lang', state.lang);
  writeURL();
  applyLang();
  relabelHeader(state.lang);
  await loadReference();
  renderFilters();
  styleCountries();
  if (lastLayer) renderLayer();
  if (state.sel.startsWith('country:')) showCountry(state.sel.slice(8));
  else if (state.sel) select(state.sel);
});

if (window.matchMedia('(max-width: 900px)').matches) $('filters-box').open = false;
applyLang();
writeURL();
loadLayer();
loadReference().then(() => {
  renderFilters();
  styleCountries();
  if (state.sel.startsWith('country:')) showCountry(state.sel.slice(8));
}).catch((e) => { $('status').textContent = t(state.lang, 'error') + e.message; });
loadBasemap().catch((e) => { $('status').textContent = t(state.lang, 'error') + e.message; });
if (state.sel && !state.sel.startsWith('country:')) select(state.sel);
