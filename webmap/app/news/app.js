// News in the language of their source, newest first, with an archive by year and
// month: ?month=YYYY-MM lists one month; the archive's links carry it, so the
// archive is plain navigation. The original language is marked with lang; an
// English summary, where there is one, is shown under its own heading.
import { h, safeURL } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtDate, fmtNumber } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { other, languageNames, regionNames, pager } from '../library/ui.js';

const PAGE = 20;

export const NEWS = `query($filter: ContentFilter, $first: Int, $after: String) {
  newsArchive { year month count }
  news(filter: $filter, orderBy: { field: DATE, direction: DESC }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title nlang: lang summary summaryEn date source url demo country { iso2 } } }
  }
}`;

const params = new URLSearchParams(location.search);
const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') || '') ? params.get('month') : undefined;
const after = params.get('after') || undefined;

/** monthRange is the first and last day of "YYYY-MM". */
export function monthRange(m) {
  const [y, mo] = m.split('-').map(Number);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${m}-01`, to: `${m}-${String(last).padStart(2, '0')}` };
}

function monthName(y, m) {
  return fmtDate(new Date(Date.UTC(y, m - 1, 15)), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function link(cursor) {
  const u = new URLSearchParams();
  if (month) u.set('month', month);
  if (cursor) u.set('after', cursor);
  const s = u.toString();
  return '/news' + (s ? '?' + s : '');
}

function archive(months) {
  const years = new Map();
  for (const m of months) {
    if (!years.has(m.year)) years.set(m.year, []);
    years.get(m.year).push(m);
  }
  const nav = document.getElementById('news-archive');
  const blocks = [...years].map(([y, ms]) => {
    const total = ms.reduce((s, m) => s + m.count, 0);
    return [h('h3', { id: `archive-${y}` }, `${y} `, h('span', { class: 'ewsi-count' }, `(${fmtNumber(total)})`)),
      h('ul', { 'aria-labelledby': `archive-${y}` }, ms.map((m) => {
        const key = `${m.year}-${String(m.month).padStart(2, '0')}`;
        return h('li', {}, h('a', { class: 'ecl-link', href: `/news?month=${key}`, 'aria-current': key === month ? 'page' : undefined },
          monthName(m.year, m.month)), ' ', h('span', { class: 'ewsi-count' }, `(${fmtNumber(m.count)})`));
      }))];
  });
  nav.replaceChildren(nav.querySelector('h2'),
    ...(month ? [h('p', {}, h('a', { class: 'ecl-link', href: '/news' }, t('news.allNews')))] : []),
    ...(months.length ? blocks.flat() : [h('p', {}, t('news.noneAtAll'))]));
}

function item(n) {
  const l = other(n.nlang);
  const meta = [];
  if (n.date) meta.push(h('time', { datetime: n.date }, fmtDate(n.date)));
  meta.push(h('span', {}, t('news.original', { language: languageNames.of(n.nlang.toLowerCase()) })));
  if (n.source) meta.push(h('span', {}, t('news.source', { source: n.source })));
  if (n.country?.iso2) meta.push(regionNames.of(n.country.iso2));
  if (n.demo) meta.push(h('span', { class: 'ecl-label ecl-label--medium' }, t('common.demo')));
  const url = safeURL(n.url);
  return h('li', { class: 'ewsi-news', lang: l },
    h('p', { class: 'ewsi-doc-title' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(n.id)}` }, n.title)),
    h('ul', { class: 'ewsi-doc-meta', lang }, meta.map((m) => h('li', {}, m))),
    n.summary && h('p', { class: 'ecl-u-type-paragraph-s' }, n.summary),
    n.summaryEn && n.nlang.toLowerCase() !== 'en' && h('div', { class: 'ewsi-summary-en', lang: 'en' },
      h('p', { class: 'ecl-u-type-paragraph-s', lang }, h('strong', {}, t('news.summaryEn'))),
      h('p', { class: 'ecl-u-type-paragraph-s' }, n.summaryEn)),
    url && h('p', { lang }, h('a', { class: 'ecl-link', href: url }, t('news.readAtSource'))));
}

async function run() {
  const status = document.getElementById('news-status');
  const list = document.getElementById('news-list');
  const nav = document.getElementById('news-pages');
  const heading = document.getElementById('news-heading');
  let filter;
  if (month) {
    filter = monthRange(month);
    const [y, m] = month.split('-').map(Number);
    heading.textContent = t('news.monthHeading', { month: monthName(y, m) });
    document.title = `${heading.textContent} – ${document.title}`;
  }
  try {
    const d = await gql(NEWS, { filter, first: PAGE, after });
    archive(d.newsArchive);
    const n = d.news;
    status.textContent = n.totalCount === 0 ? t('news.none') : t('news.count', { n: n.totalCount });
    list.replaceChildren(n.edges.length ? h('ul', { class: 'ewsi-news-list' }, n.edges.map((e) => item(e.node))) : '');
    pager(nav, n.pageInfo, after, link);
  } catch (err) {
    status.textContent = '';
    showError(list, err, {});
  }
}

run();
