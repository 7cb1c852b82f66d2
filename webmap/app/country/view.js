// Renders the parts of the country page: the line of facts under the title, the
// counts, the lists (each saying its order), and the EU framework with its
// indicators. Numbers and dates are formatted in the interface language, counts
// take their plural form from the message files.
import { h } from '../map/dom.js';
import { t, fmtNumber, collator } from '../common/i18n.js';
import { nodeLink, langName, enumText } from '../common/nodes.js';
import { day } from '../node/view.js';
import { STATS } from './query.js';

/** GROUPS puts the lists under their headings; the first list of a group has no
heading of its own when it is alone. order names the message saying how the list
is sorted. */
export const GROUPS = [
  { key: 'practices', stat: 'practices', lists: [['practices', 'newest']] },
  { key: 'events', stat: 'events', lists: [['events', 'upcoming'], ['pastEvents', 'newest']] },
  { key: 'funding', stat: 'funding', lists: [['funding', 'deadline'], ['closedFunding', 'newest']] },
  { key: 'documents', stat: 'documents', lists: [['documents', 'newest']] },
  { key: 'news', stat: 'news', lists: [['news', 'newest']] },
  { key: 'organisations', stat: 'organisations', lists: [['organisations', 'updated']] },
  { key: 'authorities', stat: 'authorities', lists: [['authorities', 'updated']] },
];

/** mapLink is the way from the country page to the map zoomed to the country,
with kinds shown when given. */
export const mapLink = (code, kinds) => `/?country=${encodeURIComponent(code)}${kinds ? `&kinds=${kinds}` : ''}`;

/** countryMeta renders the line under the title: EU or not, the official languages
named and sorted in the interface language, and the way to the map. */
export function countryMeta(c) {
  const langs = c.languages.map(langName).sort(collator().compare);
  return h('ul', { class: 'node-meta' },
    h('li', {}, t(c.eu ? 'country.eu' : 'country.nonEu')),
    langs.length && h('li', {}, t('country.languages', { list: langs.join(', ') })),
    h('li', {}, h('a', { class: 'ecl-link ecl-link--standalone', href: mapLink(c.iso2), 'data-hook': 'show-on-map' }, t('country.onMap'))));
}

/** stats renders the counts of the country, each with its plural form. */
export function stats(c) {
  return h('section', { class: 'country-stats', 'aria-labelledby': 'stats-title' },
    h('h2', { id: 'stats-title' }, t('country.stats')),
    h('ul', { class: 'stats', id: 'country-stats' }, STATS.map((k) => h('li', { 'data-stat': k, 'data-n': String(c.stats[k]) },
      count('country.stat_' + k, c.stats[k], (n) => h('strong', {}, n))))));
}

/** count renders the plural message key for n (its form chosen by n, the number
formatted in the page's language), the number made by wrap (e.g. in <strong>). */
export function count(key, n, wrap) {
  const text = t(key, { n });
  const num = fmtNumber(n);
  const at = text.indexOf(num);
  if (at < 0 || !wrap) return text;
  return [text.slice(0, at), wrap(num), text.slice(at + num.length)];
}

function item(n, list, labels) {
  const date = list.date && n[list.date];
  return h('li', { 'data-id': n.id, 'data-date': date || '' },
    date && h('time', { datetime: date, class: 'item-date' }, day(date)), date && ' ',
    nodeLink(undefined, n),
    n.city && h('span', { class: 'muted small' }, ' · ', n.city),
    n.level && h('span', { class: 'muted small' }, ' · ', enumText(labels, 'AuthorityLevel', n.level)),
    n.place && h('span', { class: 'muted small', lang: n.plang?.toLowerCase() }, ' · ', n.place));
}

/** listBlock renders one list: how it is ordered, how many of how many it shows,
its items, and the way to see them on the map. */
function listBlock(code, spec, conn, order, sub, labels) {
  const items = conn.edges.map((e) => e.node);
  const titleId = 'sec-' + spec.key;
  return h('section', { class: 'country-list', 'data-section': spec.key, 'data-total': String(conn.totalCount), 'aria-labelledby': sub ? titleId : undefined },
    sub && h('h3', { id: titleId }, t('country.sub_' + spec.key)),
    items.length ? [
      h('p', { class: 'muted small order-note' }, t('country.order_' + order), ' · ',
        t('country.shown', { shown: fmtNumber(items.length), total: fmtNumber(conn.totalCount) })),
      h('ul', { class: 'plain listing' }, items.map((n) => item(n, spec, labels))),
    ] : h('p', { class: 'muted' }, t('country.none_' + spec.key)),
    spec.kinds && conn.totalCount > 0 && h('p', { class: 'small' },
      h('a', { class: 'ecl-link', href: mapLink(code, spec.kinds) }, t('country.listOnMap_' + spec.key))));
}

/** lists renders every group of lists of the country from the query's answer d. */
export function lists(c, d, specs, labels) {
  const byKey = Object.fromEntries(specs.map((s) => [s.key, s]));
  return h('div', { class: 'country-lists' }, GROUPS.map((g) => h('section', { class: 'country-group', 'data-group': g.key, 'aria-labelledby': 'group-' + g.key },
    h('h2', { id: 'group-' + g.key }, t('country.sec_' + g.key), ' ', h('span', { class: 'muted group-count' }, `(${fmtNumber(c.stats[g.stat])})`)),
    g.lists.map(([key, order], i) => listBlock(c.iso2, byKey[key], d[key], order, g.lists.length > 1, labels, i)))));
}

const AREAS = ['EMPLOYMENT', 'EDUCATION', 'SOCIAL_INCLUSION', 'ACTIVE_CITIZENSHIP'];
const areaOrder = (a) => { const i = AREAS.indexOf(a.toUpperCase()); return i < 0 ? AREAS.length : i; };

/** framework renders the EU framework: the common indicators by area (named by
the API's labels, with no figures, as the graph holds no observation yet) and the
steps of the framework. */
export function framework(indicators, milestones, labels) {
  const areas = [...new Set(indicators.map((i) => i.area))].sort((a, b) => areaOrder(a) - areaOrder(b));
  return h('section', { class: 'framework', 'aria-labelledby': 'framework-title' },
    h('h2', { id: 'framework-title' }, t('country.framework')),
    h('p', { class: 'no-data' }, t('country.frameworkNote')),
    h('div', { class: 'relation-grid' }, areas.map((a, k) => h('section', { 'aria-labelledby': 'area-' + k },
      h('h3', { id: 'area-' + k }, enumText(labels, 'IndicatorArea', a)),
      h('ul', { class: 'plain' }, indicators.filter((i) => i.area === a).map((i) => h('li', {}, i.name,
        i.unit ? h('span', { class: 'muted' }, ` (${i.unit})`) : '')))))),
    milestones.length > 0 && h('details', { class: 'framework-steps' }, h('summary', {}, t('country.frameworkSteps')),
      h('ul', { class: 'plain' }, milestones.map((m) => h('li', {}, h('time', { datetime: m.date, class: 'item-date' }, day(m.date)), ' ',
        h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(m.id)}` }, m.title))))));
}
