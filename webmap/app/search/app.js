// The search page: runs search(query:, kinds:) over the GraphQL API for the
// form's q and kind values (from the URL, so a search can be shared) and lists
// the hits as ECL cards, 20 at a time, with a link to the next page (after=).
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang } from '../common/i18n.js';
import { showError, notification, errorCode, errorWhere } from '../common/notify.js';

const PAGE = 20;

export const SEARCH = `query($q: String!, $kinds: [ContentKind!], $first: Int, $after: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { __typename id
      ... on Practice { title clang: lang demo summary country { iso2 } }
      ... on Document { title clang: lang demo }
      ... on News { title clang: lang demo }
      ... on Event { title clang: lang demo }
      ... on Funding { title clang: lang demo }
      ... on Organisation { name olang: lang demo country { iso2 } }
      ... on LocalAuthority { name olang: lang demo country { iso2 } }
    } }
  }
}`;

const params = new URLSearchParams(location.search);
const q = (params.get('q') || '').trim();
const kinds = params.getAll('kind');
const after = params.get('after') || undefined;

const status = document.getElementById('search-status');
const list = document.getElementById('search-list');
const pages = document.getElementById('search-pages');
const regionNames = new Intl.DisplayNames([lang], { type: 'region' });

/** link keeps the page's search with other paging. */
function pageLink(cursor) {
  const u = new URLSearchParams();
  u.set('q', q);
  for (const k of kinds) u.append('kind', k);
  if (cursor) u.set('after', cursor);
  return '/search?' + u.toString();
}

function card(n) {
  const name = n.title ?? n.name ?? n.id;
  const contentLang = (n.clang ?? n.olang)?.toLowerCase();
  const meta = [t('search.type_' + n.__typename)];
  if (n.country?.iso2) meta.push(regionNames.of(n.country.iso2));
  const href = `/node?id=${encodeURIComponent(n.id)}`;
  return h('li', { class: 'ewsi-result' },
    h('article', { class: 'ecl-card' },
      h('div', { class: 'ecl-card__body' },
        h('div', { class: 'ecl-content-block ecl-card__content-block' },
          h('ul', { class: 'ecl-content-block__primary-meta-container' },
            meta.map((m) => h('li', { class: 'ecl-content-block__primary-meta-item' }, m)),
            n.demo && h('li', { class: 'ecl-content-block__primary-meta-item' }, h('span', { class: 'ecl-label ecl-label--medium' }, t('common.demo')))),
          h('div', { class: 'ecl-content-block__title' },
            h('a', { class: 'ecl-link ecl-link--standalone', href, lang: contentLang && contentLang !== lang ? contentLang : undefined }, name)),
          n.summary && h('div', { class: 'ecl-content-block__description', lang: contentLang && contentLang !== lang ? contentLang : undefined },
            n.summary.length > 240 ? n.summary.slice(0, 240) + '…' : n.summary)))));
}

function pager(info) {
  const items = [];
  if (after) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--previous' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', href: pageLink() }, t('search.firstPage'))));
  }
  if (info.hasNextPage) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--next' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', href: pageLink(info.endCursor), rel: 'next' }, t('common.next'))));
  }
  pages.querySelector('ul').replaceChildren(...items);
  pages.hidden = items.length === 0;
}

async function run() {
  if (!q) return;
  status.textContent = t('common.loading');
  try {
    const d = await gql(SEARCH, { q, kinds: kinds.length ? kinds : undefined, first: PAGE, after });
    const s = d.search;
    status.textContent = s.totalCount === 0 ? t('search.none', { q }) : t('search.results', { n: s.totalCount, q });
    list.replaceChildren(s.edges.length ? h('ul', { class: 'ewsi-result-list' }, s.edges.map((e) => card(e.node))) : '');
    pager(s.pageInfo);
  } catch (err) {
    status.textContent = '';
    pages.hidden = true;
    if (errorCode(err) === 'INVALID' && errorWhere(err) === 'query') {
      list.replaceChildren(notification('warning', t('errors.title'), t('search.needWord')));
    } else {
      showError(list, err, { query: t('search.query') });
    }
  }
}

run();
