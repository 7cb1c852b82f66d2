// The search page (/search): one search over every content kind through the
// API's find. Its whole state is in the address (q, kinds, themes, countries,
// langs, years, sort, after and page), so a search can be shared and Back
// returns to the previous one. The facets are groups of checkboxes with their
// counts, tied to the search form; ticking one or choosing an order runs the
// search again at once (the address follows, the focus stays on the control).
// Snippets come as parts (text, matched or not) and are drawn as text nodes,
// the matched words in <mark>: nothing from the data is read as HTML.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtDate, fmtNumber } from '../common/i18n.js';
import { notification, errorCode, errorWhere, showError } from '../common/notify.js';
import { langBadge, demoBadge, contentLang } from '../common/nodes.js';
import { marked, markWords } from './marks.js';

const PAGE = 20;
export const FACETS = ['kinds', 'themes', 'countries', 'langs', 'years'];
const ORDERS = { relevance: 'RELEVANCE', newest: 'NEWEST', oldest: 'OLDEST' };

const FC = '{ value label count }';
export const FIND = `query($q: String!, $filter: SearchFilter, $order: SearchOrder, $lang: Lang, $first: Int, $after: String) {
  find(query: $q, filter: $filter, orderBy: $order, lang: $lang, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    suggestions
    facets { kinds ${FC} themes ${FC} countries ${FC} langs ${FC} years ${FC} }
    edges { cursor snippets { field parts { text match } } node { __typename id
      ... on Practice { title plang: lang demo startDate country { iso2 } }
      ... on Document { title plang: lang demo date country { iso2 } }
      ... on News { title plang: lang demo date country { iso2 } }
      ... on Event { title plang: lang demo start country { iso2 } }
      ... on Funding { title plang: lang demo deadline country { iso2 } }
      ... on Organisation { name olang: lang demo country { iso2 } }
      ... on LocalAuthority { name olang: lang demo country { iso2 } }
    } }
  }
}`;

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const sortBox = document.getElementById('search-sort');
const facetsEl = document.getElementById('search-facets');
const status = document.getElementById('search-status');
const list = document.getElementById('search-list');
const pages = document.getElementById('search-pages');
const clear = document.getElementById('search-clear');
const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
let seq = 0;

/** state reads a search from an address's query. */
export function stateOf(params) {
  const s = { q: (params.get('q') || '').trim(), sort: ORDERS[params.get('sort')] ? params.get('sort') : 'relevance' };
  for (const f of FACETS) s[f] = params.getAll(f).filter(Boolean);
  s.after = params.get('after') || '';
  s.page = Math.max(1, Number.parseInt(params.get('page'), 10) || 1);
  return s;
}

/** addressOf is the page's address of a search (lang kept when the address had it). */
export function addressOf(s, extra = {}) {
  const u = new URLSearchParams();
  if (s.q) u.set('q', s.q);
  for (const f of FACETS) for (const v of s[f] || []) u.append(f, v);
  if (s.sort && s.sort !== 'relevance') u.set('sort', s.sort);
  const l = new URLSearchParams(location.search).get('lang');
  if (l) u.set('lang', l);
  for (const [k, v] of Object.entries(extra)) if (v) u.set(k, v);
  const qs = u.toString();
  return qs ? `/search?${qs}` : '/search';
}

/** filterOf is the API's filter of a search. */
function filterOf(s) {
  const f = {};
  if (s.kinds.length) f.kinds = s.kinds;
  if (s.themes.length) f.themes = s.themes;
  if (s.countries.length) f.countries = s.countries;
  if (s.langs.length) f.langs = s.langs;
  const years = s.years.map(Number).filter(Number.isInteger);
  if (years.length) f.years = years;
  return Object.keys(f).length ? f : undefined;
}

/** formState reads the search the form (and the facets tied to it) now holds. */
function formState() {
  return stateOf(new URLSearchParams(new FormData(form)));
}

/** safeId turns a facet value into a part of an element id. */
const safeId = (v) => String(v).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

function checkbox(name, v, checked) {
  const id = `f-${name}-${safeId(v.value)}`;
  const box = h('span', { class: 'ecl-checkbox__box', 'aria-hidden': 'true' }, svgCheck());
  return h('div', { class: 'ecl-checkbox' },
    h('input', { type: 'checkbox', class: 'ecl-checkbox__input', id, name, value: v.value, checked, form: 'search-form', 'data-facet': name }),
    h('label', { class: 'ecl-checkbox__label', for: id }, box,
      h('span', { class: 'ecl-checkbox__text' }, v.label, h('span', { class: 'ewsi-count' }, ` (${fmtNumber(v.count)})`))));
}

function svgCheck() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'ecl-icon ecl-icon--m ecl-checkbox__icon');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', '/vendor/ecl/images/icons.svg#check');
  svg.append(use);
  return svg;
}

/** group is one facet: a fieldset of checkboxes with counts; a chosen value the
search no longer counts still shows, ticked, with 0. */
function group(name, values, chosen) {
  const vals = [...values];
  for (const c of chosen) if (!vals.some((v) => v.value === c)) vals.push({ value: c, label: name === 'countries' ? regionName(c) : c, count: 0 });
  if (!vals.length) return null;
  if (name === 'years') vals.sort((a, b) => Number(b.value) - Number(a.value));
  const fs = h('fieldset', { class: 'ecl-form-group', id: `facet-${name}` },
    h('legend', { class: 'ecl-form-label' }, t(`search.facet_${name}`)),
    vals.map((v) => checkbox(name, v, chosen.includes(v.value))));
  return vals.length > 8 && !chosen.length ? h('details', {}, h('summary', {}, t(`search.facet_${name}`)), fs) : fs;
}

function regionName(code) {
  try { return regionNames.of(code) || code; } catch { return code; }
}

/** dateOf is the date a result is ordered by. */
function dateOf(n) {
  return n.date ?? n.start ?? n.startDate ?? n.deadline ?? null;
}

const TYPES = ['Practice', 'Organisation', 'LocalAuthority', 'Document', 'News', 'Event', 'Funding'];

function result(e) {
  const n = e.node;
  const cl = contentLang(n);
  const other = cl && cl !== lang ? cl : undefined;
  const titleSnip = e.snippets.find((s) => s.field === 'title');
  const name = n.title ?? n.name ?? n.id;
  const d = dateOf(n);
  const meta = [h('li', { class: 'ewsi-kind' }, TYPES.includes(n.__typename) ? t('search.type_' + n.__typename) : n.__typename)];
  if (d) meta.push(h('li', {}, h('time', { datetime: d }, fmtDate(d, { dateStyle: 'medium', timeZone: 'UTC' }))));
  if (n.country?.iso2) meta.push(h('li', {}, regionName(n.country.iso2)));
  if (cl) meta.push(h('li', {}, langBadge(lang, cl)));
  if (n.demo) meta.push(h('li', {}, demoBadge(lang, true)));
  return h('li', { class: 'ewsi-result', 'data-id': n.id, 'data-kind': n.__typename, 'data-date': d || undefined },
    h('h3', { class: 'ewsi-doc-title' },
      h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(n.id)}`, lang: other },
        titleSnip ? marked(markWords(name, titleSnip.parts.filter((p) => p.match).map((p) => p.text))) : name)),
    h('ul', { class: 'ewsi-doc-meta' }, meta),
    e.snippets.filter((s) => s.field !== 'title').map((s) => h('p', { class: 'ewsi-snippet', lang: other }, marked(s.parts))));
}

function pager(s, info) {
  const items = [];
  if (s.page > 1 || s.after) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--previous' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', href: addressOf(s) }, t('search.firstPage'))));
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--current' },
      h('span', { class: 'ecl-pagination__text ecl-pagination__text--summary', 'aria-current': 'page' }, t('search.pageN', { n: s.page }))));
  }
  if (info.hasNextPage) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--next' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', rel: 'next', 'data-page': s.page + 1,
        href: addressOf(s, { after: info.endCursor, page: String(s.page + 1) }) }, t('search.nextPage', { n: s.page + 1 }))));
  }
  pages.querySelector('ul').replaceChildren(...items);
  pages.hidden = items.length === 0;
}

function nothingFound(s, suggestions) {
  const more = [];
  if (suggestions.length) {
    more.push(h('p', { class: 'ewsi-did-you-mean' }, t('search.didYouMean'), ' ',
      suggestions.flatMap((x, i) => [i ? ', ' : '', h('a', { class: 'ecl-link', href: addressOf({ ...stateOf(new URLSearchParams()), q: x }) }, x)])));
  }
  return notification('info', t('search.noneTitle'), t('search.none', { q: s.q }), ...more);
}

/** run searches for the address's state and draws the page; focusId is the
control to give the focus back to once the facets are drawn again. */
async function run(focusId) {
  const s = stateOf(new URLSearchParams(location.search));
  input.value = s.q;
  sortBox.value = s.sort;
  clear.href = addressOf({ ...stateOf(new URLSearchParams()), q: s.q });
  const mine = ++seq;
  if (!s.q) {
    status.textContent = t('search.prompt');
    list.replaceChildren();
    facetsEl.replaceChildren(h('p', { class: 'ecl-u-type-paragraph-s' }, t('search.refineHelp')));
    pages.hidden = true;
    return;
  }
  status.textContent = t('search.loading');
  list.setAttribute('aria-busy', 'true');
  try {
    const d = await gql(FIND, { q: s.q, filter: filterOf(s), order: ORDERS[s.sort], lang: lang.toUpperCase(), first: PAGE, after: s.after || undefined });
    if (mine !== seq) return;
    const r = d.find;
    const f = FACETS.map((name) => group(name, r.facets[name], s[name])).filter(Boolean);
    facetsEl.replaceChildren(...(f.length ? f : [h('p', { class: 'ecl-u-type-paragraph-s' }, t('search.refineHelp'))]));
    status.textContent = r.totalCount === 0 ? t('search.none', { q: s.q }) : t('search.results', { n: r.totalCount, q: s.q });
    list.replaceChildren(r.edges.length ? h('ol', { class: 'ewsi-doc-list ewsi-result-list', start: (s.page - 1) * PAGE + 1 }, r.edges.map(result))
      : r.totalCount === 0 ? nothingFound(s, r.suggestions) : '');
    pager(s, r.pageInfo);
  } catch (err) {
    if (mine !== seq) return;
    status.textContent = t('search.failed');
    pages.hidden = true;
    if (errorCode(err) === 'INVALID' && errorWhere(err) === 'query') {
      list.replaceChildren(notification('warning', t('errors.title'), t('search.needWord')));
    } else {
      showError(list, err, { query: t('search.query') });
    }
  } finally {
    if (mine === seq) list.setAttribute('aria-busy', 'false');
  }
  if (focusId) document.getElementById(focusId)?.focus();
}

/** go shows the search the form holds: a new entry in the history, then run. */
function go(focusId) {
  const s = formState();
  s.after = '';
  s.page = 1;
  history.pushState(null, '', addressOf(s));
  run(focusId);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  go();
});
sortBox.addEventListener('change', () => go('search-sort'));
facetsEl.addEventListener('change', (e) => {
  if (e.target.matches('input[type=checkbox]')) go(e.target.id);
});
window.addEventListener('popstate', () => run());

run();
