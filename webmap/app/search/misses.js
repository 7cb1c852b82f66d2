// The editors' page of searches that found nothing (/search/misses): the API's
// searchMisses, most frequent first, as a table (the words, how often, when
// last, the languages of the pages they came from), 50 at a time with a link
// to the next ones. A visitor is asked to log in; a signed-in person who is not
// an editor is told the list is for editors, as on the moderation page.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, fmtDate, fmtNumber } from '../common/i18n.js';
import { notification, errorMessage, errorCode } from '../common/notify.js';
import { langName } from '../common/nodes.js';

const MISSES = `query($after: String) {
  searchMisses(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { query count lastAt langs } } }
}`;

const root = document.getElementById('misses-root');
const params = new URLSearchParams(location.search);

function link(after) {
  const p = new URLSearchParams();
  if (params.get('lang')) p.set('lang', params.get('lang'));
  if (after) p.set('after', after);
  return `/search/misses?${p}`;
}

const cell = (header, ...children) => h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': header }, ...children);

function table(edges) {
  const cols = ['missesQuery', 'missesCount', 'missesLast', 'missesLangs'];
  return h('div', { class: 'ewsi-table-wrap' }, h('table', { class: 'ecl-table ecl-table--zebra ewsi-misses', id: 'misses-table' },
    h('caption', { class: 'ecl-u-sr-only' }, t('search.missesCaption')),
    h('thead', { class: 'ecl-table__head' }, h('tr', { class: 'ecl-table__row' },
      cols.map((k) => h('th', { class: 'ecl-table__header', scope: 'col' }, t(`search.${k}`))))),
    h('tbody', { class: 'ecl-table__body' }, edges.map(({ node: m }) => h('tr', { class: 'ecl-table__row', 'data-query': m.query },
      cell(t('search.missesQuery'), h('a', { class: 'ecl-link', href: `/search?q=${encodeURIComponent(m.query)}` }, m.query)),
      cell(t('search.missesCount'), fmtNumber(m.count)),
      cell(t('search.missesLast'), h('time', { datetime: m.lastAt }, fmtDate(m.lastAt, { dateStyle: 'medium', timeStyle: 'short' }))),
      cell(t('search.missesLangs'), m.langs.map((l) => langName(l.toLowerCase())).join(', ')))))));
}

async function main() {
  let r;
  try {
    r = (await gql(MISSES, { after: params.get('after') || undefined })).searchMisses;
  } catch (e) {
    const code = errorCode(e);
    const text = code === 'UNAUTHENTICATED' ? t('search.missesSignIn') : code === 'FORBIDDEN' ? t('search.missesForbidden') : errorMessage(e);
    const more = code === 'UNAUTHENTICATED' ? [' ', h('a', { class: 'ecl-link', href: '/login' }, t('search.missesLogin'))] : [];
    const note = notification(code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 'info' : 'error', t('search.missesTitle'), text, ...more);
    note.id = 'misses-message';
    root.replaceChildren(note);
    return;
  }
  root.replaceChildren(
    h('p', { id: 'misses-total', role: 'status' }, t('search.missesTotal', { n: r.totalCount })),
    r.edges.length ? table(r.edges) : h('p', { id: 'misses-empty' }, t('search.missesEmpty')),
    r.pageInfo.hasNextPage ? h('p', {}, h('a', { class: 'ecl-link ecl-link--standalone', rel: 'next', href: link(r.pageInfo.endCursor) }, t('search.missesMore'))) : '');
}

main().finally(() => root.setAttribute('aria-busy', 'false'));
