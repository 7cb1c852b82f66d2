// The partner finder's results: ranked organisations as ECL cards with their
// score, the reasons in words (in the interface language, from the API) with
// their weights, distance and links to the organisation's page and the map,
// "more" by cursor paging, and a map of the results over the site's basemap.
// The count is a live region; the caller moves focus to the heading.
import { h } from '../map/dom.js';
import { newMap, addBasemap } from '../map/basemap.js';
import { t, tn, ui, num } from './msg.js';
import { button } from './ecl.js';
import { langNamer } from './labels.js';

export const PARTNERS = `query($input: PartnerSearchInput!, $first: Int, $after: String, $lang: Lang) {
  findPartners(input: $input, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { score distanceKm reasons { kind weight text(lang: $lang) }
      organisation { __typename id name olang: lang demo type city lookingForPartners languages location { lat lon }
        country { iso2 name(lang: $lang) } } } }
  }
}`;

/** nodeHref is the page of a node in the site's clean paths. */
export const nodeHref = (id) => `/node?id=${encodeURIComponent(id)}`;

/** mapHref is the map opened on a located organisation. */
const mapHref = (o) => o.location && `/?lat=${o.location.lat.toFixed(4)}&lng=${o.location.lon.toFixed(4)}&z=12&sel=${encodeURIComponent(o.id)}`;

/** reasonList renders reasons as sentences with their kind and weight as a bar;
beyond the strongest four the rest fold under "more reasons". */
function reasonList(reasons, score, label) {
  const total = score || reasons.reduce((s, r) => s + r.weight, 0) || 1;
  const item = (r) => {
    const kind = label('ReasonKind', r.kind);
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', {}));
    bar.firstChild.style.width = `${Math.max(2, Math.min(100, (100 * r.weight) / total)).toFixed(0)}%`;
    return h('li', { class: 'reason', 'data-kind': r.kind },
      h('span', { class: 'reason-kind', lang: kind.lang !== ui ? kind.lang : undefined }, kind.text), ': ',
      h('span', { class: 'reason-text' }, r.text), ' ', bar,
      h('span', { class: 'weight' }, t('partners.weight', { w: num(r.weight, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) })));
  };
  const list = h('ul', { class: 'reasons' }, reasons.slice(0, 4).map(item));
  if (reasons.length <= 5) {
    list.append(...reasons.slice(4).map(item));
    return list;
  }
  return h('div', {}, list, h('details', { class: 'more-reasons' }, h('summary', {}, tn('partners.moreReasons', reasons.length - 4)),
    h('ul', { class: 'reasons' }, reasons.slice(4).map(item))));
}

/** partnerCard renders one ranked organisation as an ECL card; rank counts from 1. */
function partnerCard(m, rank, label, langName) {
  const o = m.organisation;
  const olang = o.olang?.toLowerCase();
  const type = label('OrgType', o.type);
  const meta = [
    h('li', { class: 'ecl-content-block__primary-meta-item' }, h('span', { lang: type.lang !== ui ? type.lang : undefined }, type.text)),
    (o.city || o.country) && h('li', { class: 'ecl-content-block__primary-meta-item' }, [o.city, o.country?.name].filter(Boolean).join(', ')),
    m.distanceKm != null && h('li', { class: 'ecl-content-block__primary-meta-item' }, t('partners.distance', { km: num(Math.round(m.distanceKm)) })),
  ];
  const where = mapHref(o);
  return h('li', { class: 'partner', 'data-id': o.id, 'data-score': String(m.score) },
    h('article', { class: 'ecl-card partner-card' },
      h('div', { class: 'ecl-card__body' },
        h('div', { class: 'ecl-content-block ecl-card__content-block' },
          h('ul', { class: 'ecl-content-block__primary-meta-container' }, meta),
          h('h3', { class: 'ecl-content-block__title partner-name' },
            h('span', { class: 'partner-rank' }, `${num(rank)}. `),
            h('a', { href: nodeHref(o.id), class: 'ecl-link ecl-link--standalone', lang: olang }, o.name)),
          h('div', { class: 'ecl-content-block__description' },
            h('p', { class: 'partner-score' }, h('strong', {}, t('partners.score', { score: num(m.score, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) }))),
            h('p', { class: 'partner-why' }, t('partners.why')), reasonList(m.reasons, m.score, label)),
          h('ul', { class: 'ecl-content-block__secondary-meta-container' },
            o.languages.length > 0 && h('li', { class: 'ecl-content-block__secondary-meta-item' }, o.languages.map(langName).join(', ')),
            o.lookingForPartners && h('li', { class: 'ecl-content-block__secondary-meta-item' }, h('span', { class: 'ecl-label ecl-label--low' }, t('partners.lookingBadge'))),
            o.demo && h('li', { class: 'ecl-content-block__secondary-meta-item' }, h('span', { class: 'ecl-label ecl-label--medium' }, t('partners.demo'))),
            where && h('li', { class: 'ecl-content-block__secondary-meta-item' }, h('a', { href: where, class: 'ecl-link' }, t('partners.onMap'))))))));
}

/** resultsView returns { el, show(conn, append), stale(), clear() }: the list and
the map of the results; onMore is called by the "more" button. */
export function resultsView(label, { onMore }) {
  const langName = langNamer(ui);
  const count = h('p', { id: 'results-count', class: 'results-count', role: 'status' });
  const list = h('ol', { id: 'results-list', class: 'partner-list' });
  const more = button(t('partners.more'), { id: 'p-more', hidden: true, onclick: onMore }, 'secondary');
  const mapEl = h('div', { id: 'results-map', class: 'results-map', role: 'region', 'aria-label': t('partners.resultsMapLabel') });
  const unlocated = h('p', { class: 'ecl-help-block' });
  const title = h('h2', { id: 'results-title', class: 'ecl-u-type-heading-2', tabindex: '-1' }, t('partners.results'));
  const el = h('section', { id: 'results', 'aria-labelledby': 'results-title', hidden: true },
    title, count,
    h('div', { class: 'results-layout' }, h('div', {}, list, more),
      h('div', { class: 'results-side' }, h('h3', {}, t('partners.resultsMap')), mapEl, unlocated)));
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
      const name = `${i + 1}. ${o.name}`;
      const mark = h('div', { class: `m k-ORGANISATION${o.demo ? ' demo' : ''} partner-mark` }, String(i + 1));
      const icon = window.L.divIcon({ className: '', html: mark, iconSize: [28, 28] });
      window.L.marker([o.location.lat, o.location.lon], { icon, title: name, alt: name, keyboard: false })
        .on('click', () => list.querySelector(`[data-id="${CSS.escape(o.id)}"] a`)?.focus()).addTo(layer);
      pts.push([o.location.lat, o.location.lon]);
    });
    const missing = shown.length - pts.length;
    unlocated.textContent = missing ? tn('partners.noLocation', missing) : '';
    if (pts.length) map.fitBounds(pts, { padding: [30, 30], maxZoom: 8 });
  };
  const mountMap = async () => {
    map = newMap(mapEl, { lat: 50, lng: 10, z: 3 });
    layer = window.L.layerGroup().addTo(map);
    drawMap();
    await addBasemap(map);
  };
  const show = (conn, append) => {
    const start = append ? shown.length : 0;
    const matches = conn.edges.map((e) => e.node);
    shown = append ? [...shown, ...matches] : matches;
    const items = matches.map((m, i) => partnerCard(m, start + i + 1, label, langName));
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    el.hidden = false;
    el.classList.remove('stale');
    el.removeAttribute('aria-hidden');
    count.textContent = conn.totalCount ? tn('partners.count', conn.totalCount, { shown: num(shown.length) }) : t('partners.none');
    count.dataset.total = String(conn.totalCount);
    more.hidden = !conn.pageInfo.hasNextPage;
    if (append) items[0]?.querySelector('a')?.focus();
    if (!map) mountMap();
    else drawMap();
  };
  /** clear removes the results, so that none stay under an error. */
  const clear = () => {
    shown = [];
    list.replaceChildren();
    count.textContent = '';
    delete count.dataset.total;
    more.hidden = true;
    el.hidden = true;
    layer?.clearLayers();
  };
  return { el, show, clear, title };
}
