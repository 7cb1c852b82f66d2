// Compare practices (/compare?id=practice:a&id=practice:b): two to four
// practices side by side, one column each, one row per field of the common
// good-practice template. Practices are picked with the type-ahead over search;
// the choice is in the address, so a comparison can be shared.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtNumber, fmtDate } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { typeahead } from '../common/typeahead.js';
import { uiLang, labelIndex, enumText, LABELS } from '../common/nodes.js';

export const MAX = 4;

export const COMPARE = `query($ids: [ID!]!, $lang: Lang) {
  nodes(ids: $ids) { id ... on Practice {
    title lang summary summaryEn area challenge howItWorks results evaluation beneficiaries startDate endDate stage budget
    fundingSource resources contact website demo
    country { name(lang: $lang) } themes { name(lang: $lang) } principles { number short(lang: $lang) }
    implementers { ... on Organisation { id name } ... on LocalAuthority { id name } } } }
  ${LABELS}
}`;

/** FIELDS are the rows: the template's fields in its order. kind says how a
value is shown: text in the practice's language, or a fact in the interface's. */
export const FIELDS = [
  ['country', 'fact'], ['implementers', 'fact'], ['area', 'text'], ['summary', 'text'], ['challenge', 'text'],
  ['howItWorks', 'text'], ['results', 'text'], ['evaluation', 'text'], ['beneficiaries', 'text'], ['startDate', 'fact'],
  ['endDate', 'fact'], ['stage', 'fact'], ['budget', 'fact'], ['fundingSource', 'text'], ['resources', 'text'],
  ['themes', 'fact'], ['principles', 'fact'], ['contact', 'text'], ['website', 'fact'],
];

const params = new URLSearchParams(location.search);
const ids = [...new Set(params.getAll('id').filter(Boolean))].slice(0, MAX);
const root = document.getElementById('compare-root');

const withIds = (list) => '/compare?' + new URLSearchParams(list.map((id) => ['id', id])).toString();
const day = (d) => fmtDate(d + 'T00:00:00Z', { dateStyle: 'medium', timeZone: 'UTC' });

function value(p, field, labels) {
  const v = p[field];
  switch (field) {
    case 'country': return v?.name;
    case 'implementers': return v.map((x) => x.name).join(', ');
    case 'beneficiaries': return v.join(', ');
    case 'startDate': case 'endDate': return v && day(v);
    case 'stage': return v && enumText(labels, 'PracticeStage', v);
    case 'budget': return v != null ? fmtNumber(v, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }) : null;
    case 'themes': return v.map((x) => x.name).join(', ');
    case 'principles': return v.map((x) => `${x.number}. ${x.short}`).join('; ');
    case 'website': return v && h('a', { class: 'ecl-link', href: v, rel: 'noopener' }, v);
    case 'summary': return v || p.summaryEn;
  }
  return v;
}

function picker(chosen) {
  const full = chosen.length >= MAX;
  const ta = !full && typeahead(uiLang(), {
    inputId: 'compare-add', labelText: t('compare.add'), kinds: ['PRACTICE'],
    onPick: (n) => { if (n && !ids.includes(n.id)) location.assign(withIds([...ids, n.id])); },
  });
  return h('section', { class: 'compare-pick', 'aria-labelledby': 'compare-pick-title' },
    h('h2', { id: 'compare-pick-title' }, t('compare.chosen', { n: chosen.length, max: MAX })),
    chosen.length > 0 && h('ul', { class: 'plain compare-chosen' }, chosen.map((p) => h('li', {},
      h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(p.id)}`, lang: p.lang?.toLowerCase() !== lang ? p.lang?.toLowerCase() : undefined }, p.title), ' ',
      h('a', { class: 'ecl-link ecl-link--standalone small', href: withIds(ids.filter((x) => x !== p.id)), 'aria-label': t('compare.removeNamed', { title: p.title }) }, t('compare.remove'))))),
    full ? h('p', {}, t('compare.full', { max: MAX })) : ta.el);
}

function table(practices, labels) {
  return h('div', { class: 'compare-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'compare-table-caption' },
    h('table', { class: 'compare-table', 'data-hook': 'compare-table' },
      h('caption', { id: 'compare-table-caption', class: 'visually-hidden' }, t('compare.caption')),
      h('thead', {}, h('tr', {}, h('td', {}), practices.map((p) => h('th', { scope: 'col', 'data-id': p.id, lang: p.lang?.toLowerCase() !== lang ? p.lang?.toLowerCase() : undefined }, p.title,
        p.demo && [' ', h('span', { class: 'ecl-label ecl-label--medium', lang }, t('common.demo'))])))),
      h('tbody', {}, FIELDS.map(([f, kind]) => h('tr', { 'data-field': f },
        h('th', { scope: 'row' }, t('compare.field_' + f)),
        practices.map((p) => {
          const v = value(p, f, labels);
          const cl = p.lang?.toLowerCase();
          return h('td', { lang: kind === 'text' && v && cl !== lang ? cl : undefined }, v || h('span', { class: 'muted', lang }, t('compare.empty')));
        }))))));
}

async function render() {
  let d = { nodes: [], labels: [] };
  if (ids.length) {
    try {
      d = await gql(COMPARE, { ids, lang: lang.toUpperCase() });
    } catch (e) {
      showError(root, e);
      root.removeAttribute('aria-busy');
      return;
    }
  } else {
    d = await gql(`query($lang: Lang) { ${LABELS} }`, { lang: lang.toUpperCase() }).catch(() => ({ labels: [] }));
  }
  const practices = (d.nodes || []).filter((n) => n && n.title !== undefined);
  const labels = labelIndex(d.labels);
  root.replaceChildren(
    picker(practices),
    practices.length >= 2 ? table(practices, labels) : h('p', { role: 'status' }, t('compare.pickMore')));
  root.removeAttribute('aria-busy');
}

render();
