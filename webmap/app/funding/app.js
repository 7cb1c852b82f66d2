// Funding opportunities (/funding): the API's fundingCalls, open calls by nearest
// deadline, closed ones only when asked (then after the open ones, latest
// deadline first); filters by country, theme and funder kind in a plain form (in
// the address: ?country=FR&theme=...&kind=eu&closed=1), 20 calls a page with a
// link to the next page.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtNumber, fmtDate, collator } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { labelIndex, enumText, LABELS } from '../common/nodes.js';

export const FUNDING = `query($filter: FundingFilter, $after: String, $lang: Lang) {
  fundingCalls(filter: $filter, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title lang summary summaryEn funderKind programme amount deadline open demo applicants url
      country { iso2 name(lang: $lang) } themes { name(lang: $lang) } } }
  }
  countries(eu: true) { iso2 name(lang: $lang) }
  themes { slug name(lang: $lang) }
  ${LABELS}
}`;

const KINDS = ['eu', 'national', 'private_foundation', 'other'];
const params = new URLSearchParams(location.search);
const filter = { country: params.get('country') || '', theme: params.get('theme') || '', kind: params.get('kind') || '', closed: params.get('closed') === '1' };
const after = params.get('after') || undefined;
const root = document.getElementById('funding-root');

function select(id, name, labelText, options, value) {
  return h('div', { class: 'ecl-form-group' },
    h('label', { class: 'ecl-form-label', for: id }, labelText),
    h('div', { class: 'ecl-select__container ecl-select__container--m' },
      h('select', { class: 'ecl-select', id, name },
        h('option', { value: '' }, t('funding.any')),
        options.map(([v, text]) => h('option', { value: v, selected: v === value ? true : undefined }, text)))));
}

function form(d, labels) {
  const byName = (a, b) => collator().compare(a[1], b[1]);
  return h('form', { class: 'calendar-filters', method: 'get', action: '/funding', 'aria-label': t('funding.filters') },
    select('fund-country', 'country', t('funding.country'), d.countries.map((c) => [c.iso2, c.name]).sort(byName), filter.country),
    select('fund-theme', 'theme', t('funding.theme'), d.themes.map((x) => [x.slug, x.name]), filter.theme),
    select('fund-kind', 'kind', t('funding.kind'), KINDS.map((k) => [k, enumText(labels, 'FunderKind', k.toUpperCase()).textContent]), filter.kind),
    h('div', { class: 'ecl-form-group' }, h('div', { class: 'ecl-checkbox' },
      h('input', { type: 'checkbox', class: 'ecl-checkbox__input', id: 'fund-closed', name: 'closed', value: '1', checked: filter.closed ? true : undefined }),
      h('label', { class: 'ecl-checkbox__label', for: 'fund-closed' },
        h('span', { class: 'ecl-checkbox__box', 'aria-hidden': 'true' }),
        h('span', { class: 'ecl-checkbox__text' }, t('funding.includeClosed'))))),
    h('button', { class: 'ecl-button ecl-button--secondary', type: 'submit' }, t('funding.apply')));
}

const day = (d) => fmtDate(d + 'T00:00:00Z', { dateStyle: 'long', timeZone: 'UTC' });

function call(n, labels) {
  const cl = n.lang?.toLowerCase();
  const other = cl && cl !== lang ? cl : undefined;
  const facts = [
    [t('funding.funder'), enumText(labels, 'FunderKind', n.funderKind)],
    n.programme && [t('funding.programme'), h('span', { lang: other }, n.programme)],
    n.amount != null && [t('funding.amount'), fmtNumber(n.amount, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })],
    [t('funding.eligibleCountries'), n.country ? n.country.name : t('funding.euWide')],
    [t('funding.applicants'), n.applicants.length ? n.applicants.flatMap((a, i) => [i ? ', ' : '', enumText(labels, 'OrgType', a.toUpperCase())]) : t('funding.applicantsAny')],
    [t('funding.deadline'), n.deadline ? h('time', { datetime: n.deadline }, day(n.deadline)) : t('funding.noDeadline')],
  ].filter(Boolean);
  return h('li', { class: 'funding-call', 'data-id': n.id, 'data-deadline': n.deadline || '', 'data-open': String(n.open) },
    h('h2', { class: 'ecl-u-type-heading-4' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(n.id)}`, lang: other }, n.title)),
    h('p', {}, !n.open && h('span', { class: 'ecl-label ecl-label--high' }, t('funding.closed')), ' ',
      n.demo && h('span', { class: 'ecl-label ecl-label--medium' }, t('common.demo'))),
    h('dl', { class: 'funding-facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

async function render() {
  const f = { includeClosed: filter.closed };
  if (filter.country) f.countries = [filter.country];
  if (filter.theme) f.themes = [filter.theme];
  if (filter.kind) f.funderKinds = [filter.kind.toUpperCase()];
  let d;
  try {
    d = await gql(FUNDING, { filter: f, after, lang: lang.toUpperCase() });
  } catch (e) {
    showError(root, e);
    root.removeAttribute('aria-busy');
    return;
  }
  const labels = labelIndex(d.labels);
  const conn = d.fundingCalls;
  const next = new URLSearchParams(location.search);
  next.set('after', conn.pageInfo.endCursor || '');
  const first = new URLSearchParams(location.search);
  first.delete('after');
  root.replaceChildren(
    form(d, labels),
    h('p', { role: 'status', 'data-hook': 'funding-count', 'data-total': String(conn.totalCount) },
      t(filter.closed ? 'funding.countAll' : 'funding.countOpen', { n: conn.totalCount }), ' ', t('funding.order')),
    conn.edges.length ? h('ol', { class: 'plain funding-list', 'data-hook': 'funding-list' }, conn.edges.map((e) => call(e.node, labels))) : h('p', {}, t('funding.none')),
    h('nav', { 'aria-label': t('funding.pages'), class: 'calendar-nav' },
      after && h('a', { class: 'ecl-link ecl-link--standalone', href: '/funding?' + first }, t('funding.firstPage')),
      conn.pageInfo.hasNextPage && h('a', { class: 'ecl-link ecl-link--standalone', href: '/funding?' + next, rel: 'next' }, t('funding.nextPage'))));
  root.removeAttribute('aria-busy');
}

render();
