// The partner finder's results: ranked organisations with their score, the
// reasons in words with their weights, distance and links, "more" by cursor
// paging, and a map of the results over the same basemap as the map page.
import { h } from '../map/dom.js';
import { newMap, addBasemap } from '../map/basemap.js';
import { reasonList } from '../common/related.js';
import { langBadge, demoBadge, href, mapHref } from '../common/nodes.js';
import { t } from './i18n.js';

export const PARTNERS = `query($input: PartnerSearchInput!, $first: Int, $after: String, $lang: Lang) {
  findPartners(input: $input, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { score distanceKm reasons { kind weight text }
      organisation { __typename id name olang: lang demo type city lookingForPartners languages location { lat lon }
        country { iso2 name(lang: $lang) } } } }
  }
}`;

/** partnerItem renders one ranked organisation; rank counts from 1. */
function partnerItem(ui, m, rank) {
  const o = m.organisation;
  const lang = o.olang?.toLowerCase();
  const meta = [t(ui, 'ot_' + o.type), [o.city, o.country?.name].filter(Boolean).join(', '),
    m.distanceKm != null && t(ui, 'pDistance', Math.round(m.distanceKm).toLocaleString(ui)),
    o.languages.length && `${t(ui, 'pAnyLang')}: ${o.languages.join(', ')}`, o.lookingForPartners && t(ui, 'pLooking1')].filter(Boolean);
  const where = mapHref(o, ui);
  return h('li', { class: 'partner related-item', 'data-id': o.id, 'data-score': String(m.score) },
    h('h3', { class: 'partner-name' }, h('span', { class: 'muted' }, `${rank}. `),
      h('a', { href: href(o, ui), lang }, o.name), ' ', langBadge(ui, lang), ' ', demoBadge(ui, o.demo)),
    h('p', { class: 'muted' }, meta.join(' · ')),
    h('p', { class: 'partner-score' }, h('strong', {}, `${t(ui, 'pScore')} ${m.score.toFixed(2)}`),
      where ? [' · ', h('a', { href: where }, t(ui, 'pOpenMap'))] : ''),
    reasonList(ui, m.reasons, m.score));
}

/** resultsView returns { el, show(conn, append), mountMap() }: the list and the map
of the results; onMore is called by the "more" button. */
export function resultsView(ui, { onMore }) {
  const count = h('p', { id: 'results-count', role: 'status' });
  const list = h('ol', { id: 'results-list', class: 'related-list' });
  const more = h('button', { type: 'button', id: 'p-more', hidden: true, onclick: onMore }, t(ui, 'pMore'));
  const mapEl = h('div', { id: 'results-map', class: 'results-map', role: 'region', 'aria-label': t(ui, 'pResultsMapLabel') });
  const unlocated = h('p', { class: 'muted small' });
  const el = h('section', { id: 'results', 'aria-labelledby': 'results-title', hidden: true },
    h('h2', { id: 'results-title', tabindex: '-1' }, t(ui, 'pResults')), count,
    h('div', { class: 'results-layout' }, h('div', {}, list, more),
      h('div', {}, h('h3', {}, t(ui, 'pResultsMap')), mapEl, unlocated)));
  let map = null;
  let layer = null;
  let shown = [];

  const drawMap = () => {
    if (!map) return;
    layer.clearLayers();
    const pts = [];
    shown.forEach((m, i) => {
      const o = m.organisation;
      if (!o.location) return;
      const title = `${i + 1}. ${o.name}${o.demo ? ` (${t(ui, 'demo')})` : ''}`;
      const mark = h('div', { class: `m k-ORGANISATION${o.demo ? ' demo' : ''}`, style: 'width:22px;height:22px;font-size:11px' }, i + 1);
      const icon = window.L.divIcon({ className: '', html: mark, iconSize: [22, 22] });
      window.L.marker([o.location.lat, o.location.lon], { icon, title, alt: title })
        .on('click', () => list.querySelector(`[data-id="${CSS.escape(o.id)}"] a`)?.focus()).addTo(layer);
      pts.push([o.location.lat, o.location.lon]);
    });
    const missing = shown.length - pts.length;
    unlocated.textContent = missing ? t(ui, 'pNoLocation', missing) : '';
    if (pts.length) map.fitBounds(pts, { padding: [30, 30], maxZoom: 8 });
  };
  const show = (conn, append) => {
    const start = append ? shown.length : 0;
    const matches = conn.edges.map((e) => e.node);
    shown = append ? [...shown, ...matches] : matches;
    const items = matches.map((m, i) => partnerItem(ui, m, start + i + 1));
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    el.hidden = false;
    count.textContent = conn.totalCount ? t(ui, 'pCount', shown.length, conn.totalCount) : t(ui, 'pNone');
    count.dataset.total = String(conn.totalCount);
    more.hidden = !conn.pageInfo.hasNextPage;
    if (append) items[0]?.querySelector('a')?.focus();
    if (!map) mountMap();
    else drawMap();
  };
  const mountMap = async () => {
    map = newMap(mapEl, { lat: 50, lng: 10, z: 3 });
    layer = window.L.layerGroup().addTo(map);
    drawMap();
    await addBasemap(map);
  };
  return { el, show };
}
