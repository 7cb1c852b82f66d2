// The annual contributors report (/contributors): what was published from
// contributions in a year, by kind and by country, and who contributed (named
// only when they share their details), with the same report as CSV.
import { h } from '../map/dom.js';
import { t, lang as ui, fmtNumber } from '../common/i18n.js';
import { errorText } from '../partners/msg.js';
import { button, field, select, notification } from '../partners/ecl.js';
import { gql } from '../map/api.js';

const params = new URLSearchParams(location.search);
const root = document.getElementById('contributors-root');
const codeOf = (e) => e?.errors?.[0]?.extensions?.code || (e instanceof TypeError ? 'NETWORK' : 'UNKNOWN');
const REPORT = `query($year: Int!, $lang: Lang) { contributorsReport(year: $year) { year total
  byKind { key count } byCountry { key count } contributors { name total byKind { key count } } }
  countries { iso2 name(lang: $lang) } }`;

/** table renders a two-column table with a caption. */
function table(id, caption, head, rows) {
  return h('div', { class: 'ewsi-table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-caption` },
    h('table', { class: 'ecl-table ecl-table--zebra', id },
      h('caption', { id: `${id}-caption` }, caption),
      h('thead', { class: 'ecl-table__head' }, h('tr', { class: 'ecl-table__row' },
        head.map((x) => h('th', { class: 'ecl-table__header', scope: 'col' }, x)))),
      h('tbody', { class: 'ecl-table__body' }, rows.map((r) => h('tr', { class: 'ecl-table__row' },
        r.map((x, i) => h(i === 0 ? 'th' : 'td', { class: 'ecl-table__cell', scope: i === 0 ? 'row' : undefined }, x)))))));
}

async function main() {
  const now = new Date().getUTCFullYear();
  const year = Number(params.get('year')) || now;
  const years = [];
  for (let y = now; y >= 2024; y--) years.push([String(y), String(y)]);
  const pick = h('form', { method: 'get', action: '/contributors', class: 'board-filters', 'aria-labelledby': 'year-pick' },
    h('h2', { class: 'board-filters__title', id: 'year-pick' }, t('contributors.pick')),
    params.get('lang') && h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }),
    field('f-year', t('contributors.year'), select('f-year', years, String(year), { name: 'year' })),
    button(t('contributors.show'), { type: 'submit' }, 'secondary'));
  const d = await gql(REPORT, { year, lang: ui.toUpperCase() });
  const r = d.contributorsReport;
  const country = new Map(d.countries.map((c) => [c.iso2, c.name]));
  const kind = (k) => t(`contributors.kind_${k.toLowerCase()}`);
  root.replaceChildren(pick,
    h('h2', { class: 'ecl-u-type-heading-2', id: 'report-title' }, t('contributors.reportTitle', { year: String(r.year) })),
    h('p', { id: 'report-total' }, t('contributors.total', { n: r.total, count: fmtNumber(r.total) })),
    h('p', {}, h('a', { class: 'ecl-link', href: `/contributors.csv?year=${r.year}`, id: 'csv-link', download: '' }, t('contributors.csv'))),
    ...(r.total ? [
      table('by-kind', t('contributors.byKind'), [t('contributors.kind'), t('contributors.items')], r.byKind.map((x) => [kind(x.key), fmtNumber(x.count)])),
      table('by-country', t('contributors.byCountry'), [t('contributors.country'), t('contributors.items')],
        r.byCountry.map((x) => [x.key ? country.get(x.key) || x.key : t('contributors.noCountry'), fmtNumber(x.count)])),
      table('people', t('contributors.people'), [t('contributors.name'), t('contributors.items'), t('contributors.what')],
        r.contributors.map((x) => [x.name || t('contributors.anonymous'), fmtNumber(x.total),
          x.byKind.map((k) => `${kind(k.key)}: ${fmtNumber(k.count)}`).join(', ')])),
    ] : [h('p', { id: 'report-empty' }, t('contributors.empty'))]));
}

main().catch((e) => {
  root.replaceChildren(notification('error', t('contributors.errorTitle'), errorText(codeOf(e))));
});
