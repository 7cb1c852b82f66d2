// The interactive map of local and regional authorities' good practices: Leaflet
// over the offline basemap (or the operator's tiles), clusters from the GraphQL
// mapLayer named by their place, a list of what is on the map for keyboard and
// screen-reader users, a side panel (a bottom sheet on phones), filters, a
// choropleth that can be switched off, and the whole state in the URL. Every
// string comes from the messages of the page's language (map.*).
import { gql, REFERENCE, LAYER, DETAIL, normalise } from './api.js';
import { loadIndicators, loadValues, colourOf, legend as indicatorLegend } from './indicator.js';
import { h } from './dom.js';
import { t, lang, fmtNumber, collator } from '../common/i18n.js';
import { KINDS, fromURL, toURL, filterOf } from './state.js';
import { nodeDetail, countryDetail } from './panel.js';
import { newMap, addBasemap, landStyle } from './basemap.js';
import { kindSymbol, clusterSymbol } from './markers.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const state = fromURL(location.search, lang);
let ref = { themes: [], principles: [], countries: [], labels: [] };
let labels = new Map(); // "Enum.VALUE" -> { label, lang } from the API's labels(lang:)
let countryLayer = null;
let layerAbort = null;
let loads = 0;
let lastLayer = null;
let lastFocus = null; // what had focus when the panel opened
let focusAfterDraw = null; // {where, id}: the point to focus when the next drawing has it
const countryNames = new Intl.DisplayNames([lang], { type: 'region' });
const countryName = (iso2) => { try { return countryNames.of(iso2); } catch { return iso2; } };

const map = newMap('map', state);
const markers = L.layerGroup().addTo(map);

function writeURL() {
  const { zoomToCountry, ...s } = state;
  history.replaceState(null, '', toURL(s));
}

async function loadReference() {
  ref = await gql(REFERENCE, { lang: lang.toUpperCase() });
  labels = new Map(ref.labels.map((l) => [`${l.enum}.${l.value}`, l]));
}

/** label returns the API's label of an enum value in the page's language, with
the language it is in (English when it fell back), or null. */
function label(enumName, value) {
  const l = value && labels.get(`${enumName}.${String(value).toUpperCase()}`);
  return l ? { text: l.label, lang: l.lang.toLowerCase() } : null;
}

/** kindName is the name of one marker of kind k. */
const kindName = (k) => label('MarkerKind', k)?.text ?? t('map.one_' + k);

// ---- filters ----
function options(select, items, value) {
  select.replaceChildren(h('option', { value: '' }, t('map.any')),
    ...items.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function renderFilters() {
  const byName = collator().compare;
  options($('f-theme'), ref.themes.map((x) => [x.slug, x.name]), state.theme);
  const subs = ref.themes.filter((x) => !state.theme || x.slug === state.theme).flatMap((x) => x.subthemes);
  options($('f-subtheme'), subs.map((x) => [x.slug, x.name]), state.subtheme);
  options($('f-principle'), ref.principles.map((p) => [String(p.number), `${p.number}. ${p.short}`]), state.principle);
  const cs = [...ref.countries].sort((a, b) => byName(a.name, b.name));
  options($('f-country'), cs.map((c) => [c.iso2, c.name]), state.country);
  $('f-kinds').replaceChildren(...KINDS.map((k) => h('label', { class: 'kind-check' },
    h('input', { type: 'checkbox', name: 'kinds', value: k, checked: !state.kinds.length || state.kinds.includes(k) }),
    kindSymbol(k, 20), ' ', t('map.kind_' + k))));
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  $('f-demo').replaceChildren(...[['', 'all'], ['false', 'realOnly'], ['true', 'demoOnly']].map(([v, k]) =>
    h('option', { value: v, selected: state.demo === v }, t('map.' + k))));
  $('f-choropleth').replaceChildren(...[['practices', 'chPractices'], ['indicator', 'chIndicator'], ['none', 'chNone']].map(([v, k]) =>
    h('option', { value: v, selected: state.choropleth === v }, t('map.' + k))));
  renderIndicatorFilter();
}

// ---- colour by indicator: the indicators that have values, their years, and
// the values of the one chosen (read again when the choice changes) ----
let indicators = null;
let indicatorData = null;
let indicatorKey = '';

function renderIndicatorFilter() {
  const on = state.choropleth === 'indicator';
  $('f-indicator-group').hidden = !on;
  if (!on) return;
  if (indicators === null) {
    indicators = [];
    loadIndicators(lang.toUpperCase()).then((list) => { indicators = list; renderIndicatorFilter(); }).catch(() => {});
    return;
  }
  if (!state.ind && indicators.length) state.ind = indicators[0].id;
  $('f-indicator').replaceChildren(...indicators.map((i) => h('option', { value: i.id, selected: i.id === state.ind }, i.name)));
  const years = indicators.find((i) => i.id === state.ind)?.years || [];
  $('f-year').replaceChildren(h('option', { value: '' }, t('indicators.latest')),
    ...[...years].reverse().map((y) => h('option', { value: String(y), selected: String(y) === state.year }, String(y))));
  const key = state.ind + '|' + state.year;
  if (state.ind && key !== indicatorKey) {
    indicatorKey = key;
    loadValues(state.ind, Number(state.year) || 0, lang.toUpperCase()).then((d) => {
      if (indicatorKey !== key) return;
      indicatorData = d;
      styleCountries();
    }).catch(() => { indicatorData = null; styleCountries(); });
  }
}

function readFilters() {
  const f = new FormData($('filters'));
  const themeChanged = f.get('theme') !== state.theme;
  const countryChanged = (f.get('country') || '') !== state.country;
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
  const indChanged = (f.get('ind') || '') !== state.ind;
  state.ind = f.get('ind') || '';
  state.year = indChanged ? '' : f.get('year') || '';
  if (themeChanged) renderFilters();
  renderIndicatorFilter();
  return { countryChanged };
}

// ---- zoom to a country: the bounds of its largest part (France without its
// overseas departments, Norway without Svalbard) ----
function zoomToCountry(iso2) {
  if (!countryLayer || !iso2) return false;
  let best = null;
  let bestArea = -1;
  countryLayer.eachLayer((l) => {
    if (l.feature?.properties.iso2 !== iso2) return;
    const geom = l.feature.geometry;
    const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
    for (const poly of polys) {
      const b = L.latLngBounds(poly[0].map(([x, y]) => [y, x]));
      const area = (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
      if (area > bestArea) [best, bestArea] = [b, area];
    }
  });
  if (!best) return false;
  map.fitBounds(best, { padding: [16, 16], maxZoom: 9 });
  return true;
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

function zoomTo(c) {
  map.setView([c.center.lat, c.center.lon], Math.min(c.expansionZoom, map.getMaxZoom()));
}

const STALE_RETRY_MS = 2000;
let staleTimer;

async function loadLayer() {
  layerAbort?.abort();
  layerAbort = new AbortController();
  $('status').textContent = t('map.loading');
  let data;
  try {
    data = (await gql(LAYER, { bbox: viewport(), zoom: map.getZoom(), filter: filterOf(state) }, layerAbort.signal)).mapLayer;
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('status').textContent = t('map.error', { detail: e.message });
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

/** clusterName is how a cluster is called: by its place, else as a group. */
function clusterName(c) {
  return c.place ? c.place.name : null;
}

function clusterLabel(c) {
  const place = clusterName(c);
  return place ? t('map.clusterMarker', { place, n: c.count }) : t('map.clusterMarkerUnnamed', { n: c.count });
}

function countsText(c) {
  return c.counts.map((k) => t('map.count_' + k.kind, { n: k.count })).join(' · ');
}

function markerLabel(m) {
  return t(m.demo ? 'map.markerDemo' : 'map.markerLabel', { kind: kindName(m.kind), name: m.name });
}

/** keyActivate makes a marker's element a button for the keyboard: Enter and
Space do what a click does. */
function keyActivate(marker, label, action, id) {
  marker.on('add', () => {
    const el = marker.getElement();
    if (!el) return;
    if (id) el.dataset.id = id;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', label);
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        action(e);
      }
    });
  });
  marker.on('click', (e) => action(e.originalEvent));
  return marker;
}

function renderLayer() {
  const data = lastLayer;
  // a keyboard user on a marker or a list item keeps focus on it when the view is
  // drawn again; so does one whom closing the panel sent back to a point that the
  // narrowed view had left out
  const active = document.activeElement;
  const onMarker = active?.closest?.('.leaflet-marker-icon')?.dataset.id;
  const onItem = active?.closest?.('#list-items .item')?.dataset.id;
  markers.clearLayers();
  for (const c of data.clusters) {
    const size = Math.round(30 + 8 * Math.log10(c.count));
    const label = clusterLabel(c);
    const m = L.marker([c.center.lat, c.center.lon], {
      icon: L.divIcon({ className: 'cluster-icon', html: clusterSymbol(fmtNumber(c.count), size), iconSize: [size, size] }),
      title: label, alt: label, riseOnHover: true, keyboard: true,
    });
    keyActivate(m, label, () => zoomTo(c)).addTo(markers);
  }
  for (const p of data.markers) {
    const label = markerLabel(p);
    const m = L.marker([p.location.lat, p.location.lon], {
      icon: L.divIcon({ className: `kind-icon k-${p.kind}`, html: kindSymbol(p.kind, 26, p.demo), iconSize: [26, 26] }),
      title: label, alt: label, keyboard: true,
    });
    keyActivate(m, label, (e) => { lastFocus = e?.currentTarget instanceof Element ? e.currentTarget : m.getElement(); select(p.id); }, p.id).addTo(markers);
  }
  $('list-count').textContent = `(${t('map.listCount', { n: data.total })})`;
  $('list-count').dataset.total = String(data.total);
  $('status').textContent = t('map.listCount', { n: data.total });
  $('truncated').hidden = !data.truncated;
  const byName = collator().compare;
  const items = [
    ...[...data.markers].sort((a, b) => byName(a.name, b.name)).map((m) => h('li', {},
      h('button', { type: 'button', class: 'item', 'data-id': m.id, onclick: (e) => { lastFocus = e.currentTarget; select(m.id); } },
        kindSymbol(m.kind, 18, m.demo), ' ',
        h('span', { lang: m.lang?.toLowerCase() }, m.name), ' ',
        h('span', { class: 'muted' }, `· ${kindName(m.kind)}${m.country ? ' · ' + countryName(m.country) : ''}`), ' ',
        m.lang && h('span', { class: 'badge lang' }, m.lang), ' ', m.demo && h('span', { class: 'badge demo' }, t('map.demo'))))),
    ...[...data.clusters].sort((a, b) => b.count - a.count).map((c) => h('li', {},
      h('button', { type: 'button', class: 'cluster-item', 'data-cluster': c.id, onclick: () => zoomTo(c) },
        h('span', { class: 'cluster-name' }, c.place
          ? t('map.clusterNamed', { place: c.place.name, country: countryName(c.place.country), n: c.count })
          : t('map.clusterUnnamed', { n: c.count })),
        h('span', { class: 'cluster-counts' }, countsText(c)),
        h('span', { class: 'cluster-zoom muted' }, t('map.clusterZoom'))))),
  ];
  $('list-items').replaceChildren(...items);
  const again = (where, id) => id && document.querySelector(`${where}[data-id="${CSS.escape(id)}"]`);
  const waiting = focusAfterDraw && [$('list'), document.body, null].includes(document.activeElement);
  const back = again('.leaflet-marker-icon', onMarker) || again('#list-items .item', onItem)
    || (waiting && again(focusAfterDraw.where, focusAfterDraw.id));
  if (back) back.focus({ preventScroll: true });
  // the wait ends when the point is back or the user has gone elsewhere
  if (back || !waiting) focusAfterDraw = null;
}

// ---- the panel ----
async function select(id, focus = true) {
  state.sel = id;
  writeURL();
  const panel = $('panel');
  $('panel-body').replaceChildren(h('p', {}, t('map.loading')));
  panel.hidden = false;
  document.body.classList.add('panel-open');
  if (focus) panel.focus();
  try {
    const d = await gql(DETAIL, { id, lang: lang.toUpperCase() });
    if (state.sel !== id) return;
    $('panel-body').replaceChildren(...[nodeDetail(lang, normalise(d.node), { onOpen: openInPanel, label })].flat(Infinity).filter(Boolean));
  } catch (e) {
    $('panel-body').replaceChildren(h('p', {}, t('map.error', { detail: e.message })));
  }
  if (focus && !panel.hidden && !panel.contains(document.activeElement)) panel.focus();
}

// openInPanel opens a related item in the panel when the map shows its kind; other
// kinds go to their page.
function openInPanel(n) {
  if (!['Practice', 'Event', 'Organisation', 'LocalAuthority'].includes(n.__typename) || !n.location) return false;
  map.setView([n.location.lat, n.location.lon], Math.max(map.getZoom(), 12));
  select(n.id);
  return true;
}

function showCountry(iso2, focus = true) {
  const c = ref.countries.find((x) => x.iso2 === iso2);
  if (!c) return;
  state.sel = 'country:' + iso2;
  writeURL();
  $('panel-body').replaceChildren(...countryDetail(lang, c));
  $('panel').hidden = false;
  document.body.classList.add('panel-open');
  if (focus) $('panel').focus();
}

function closePanel() {
  state.sel = '';
  writeURL();
  $('panel').hidden = true;
  document.body.classList.remove('panel-open');
  // the layer may have been drawn again while the panel was open (the panel
  // narrows the map, which then loads its new view): focus the same marker or
  // list item in the new drawing
  let back = lastFocus;
  const id = back?.dataset.id;
  const where = back?.classList.contains('item') ? '#list-items .item' : '.leaflet-marker-icon';
  if (back && !back.isConnected && id) back = document.querySelector(`${where}[data-id="${CSS.escape(id)}"]`);
  if (back?.isConnected) back.focus();
  else {
    // not in this drawing: the list for now, the point once the wider view is drawn
    if (id) focusAfterDraw = { where, id };
    $('list').focus();
  }
  lastFocus = null;
}

// ---- countries: basemap and choropleth ----
const BREAKS = [1, 5, 20, 100, 500];
// a warm sequential scale (ColorBrewer YlOrBr): apart from the sea, the dark
// clusters and the kinds' colours
const SCALE = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#d9700e', '#a94f05'];

function colour(iso2) {
  const c = ref.countries.find((x) => x.iso2 === iso2);
  if (!c || !c.stats.practices) return null;
  const n = c.stats.practices;
  let i = 0;
  while (i < BREAKS.length && n >= BREAKS[i]) i++;
  return SCALE[i];
}

// mix blends two #rrggbb colours: f = 0 gives a, 1 gives b.
function mix(a, b, f) {
  const ch = (c, i) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  return '#' + [0, 1, 2].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * f).toString(16).padStart(2, '0')).join('');
}

// strength is how strongly the choropleth colours the land at zoom z: fully on
// the map of Europe, fading out towards city zooms, where the land stays plain
// so that place names and markers read well.
const strength = (z) => (z <= 5 ? 1 : z >= 9 ? 0 : (9 - z) / 4);

function styleCountries() {
  const land = landStyle();
  const on = state.choropleth !== 'none';
  const k = strength(map.getZoom());
  const paint = state.choropleth === 'indicator' ? (iso2) => colourOf(indicatorData, iso2) : colour;
  countryLayer?.setStyle((f) => {
    const fill = on && k > 0 && paint(f.properties.iso2);
    if (!fill) return land;
    return land.fillOpacity ? { ...land, fillColor: mix(land.fillColor, fill, k) } : { ...land, fillOpacity: 0.55 * k, fillColor: fill };
  });
  document.body.dataset.choropleth = state.choropleth;
  document.body.dataset.indicator = state.choropleth === 'indicator' && indicatorData ? indicatorData.indicator.id + '|' + (indicatorData.year || 'latest') : '';
  renderLegend();
}

function renderLegend() {
  const out = [
    h('h3', {}, t('map.legendMarkers')),
    h('ul', { class: 'legend-kinds' }, KINDS.map((k) => h('li', { 'data-kind': k }, kindSymbol(k, 20), ' ', kindName(k))),
      h('li', { 'data-kind': 'cluster' }, clusterSymbol(fmtNumber(12), 22), ' ', t('map.legendCluster'))),
  ];
  if (state.choropleth === 'indicator') {
    out.push(...indicatorLegend(indicatorData));
  } else if (state.choropleth === 'practices') {
    const labels = ['0', ...BREAKS.map((b, i) => (i + 1 < BREAKS.length ? `${fmtNumber(b)}–${fmtNumber(BREAKS[i + 1] - 1)}` : `≥ ${fmtNumber(b)}`))];
    out.push(h('h3', {}, t('map.legendPractices')),
      h('ul', { class: 'legend-scale' }, labels.map((l, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${i === 0 ? landStyle().fillColor : SCALE[i]}` }), l))));
  }
  out.push(h('p', { class: 'muted small' }, t('map.attribution')));
  $('legend-body').replaceChildren(...out);
}

async function loadBasemap() {
  countryLayer = await addBasemap(map, { onClick: (iso2) => { lastFocus = null; showCountry(iso2); } });
  styleCountries();
  if (state.zoomToCountry) zoomToCountry(state.country);
}

// ---- wiring ----
map.on('zoomend', () => { if (countryLayer) styleCountries(); });
map.on('moveend', () => {
  const c = map.getCenter();
  Object.assign(state, { lat: c.lat, lng: c.lng, z: map.getZoom() });
  writeURL();
  loadLayer();
});
$('filters').addEventListener('change', (e) => {
  const { countryChanged } = readFilters();
  writeURL();
  styleCountries();
  if (countryChanged && state.country && e.target.id === 'f-country' && zoomToCountry(state.country)) return; // moveend loads
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

const phone = window.matchMedia('(max-width: 760px)');
if (phone.matches) $('filters-box').open = false;
renderLegend();
writeURL();
loadLayer();
loadReference().then(() => {
  renderFilters();
  styleCountries();
  if (lastLayer) renderLayer(); // with the API's kind names
  if (state.sel.startsWith('country:')) showCountry(state.sel.slice(8), false);
}).catch((e) => { $('status').textContent = t('map.error', { detail: e.message }); });
loadBasemap().catch((e) => { $('status').textContent = t('map.error', { detail: e.message }); });
if (state.sel && !state.sel.startsWith('country:')) select(state.sel, false);
