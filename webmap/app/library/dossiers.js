// Integration dossiers and special features. /dossiers lists them, newest
// first; /dossiers?id=dossier:x shows one with the content editors linked into
// it (links of type IN_DOSSIER), read live from the graph at each visit.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtDate } from '../common/i18n.js';
import { showError, showNotFound } from '../common/notify.js';
import { other } from './ui.js';

export const DOSSIERS = `query { dossiers(first: 50) { totalCount edges { node { id title format dlang: lang summary date } } } }`;

export const DOSSIER = `query($id: ID!, $lang: Lang!) {
  node(id: $id) { ... on Dossier { id title format dlang: lang summary summaryEn body date
    items(first: 100) { note node { __typename id
      ... on Practice { title clang: lang }
      ... on Document { title clang: lang date titleIn(lang: $lang) celex }
      ... on News { title clang: lang date }
      ... on Event { title clang: lang start }
      ... on Funding { title clang: lang deadline }
      ... on Milestone { mtitle: title(lang: $lang) mdate: date }
      ... on Organisation { name }
      ... on LocalAuthority { name }
    } } } }
}`;

const id = new URLSearchParams(location.search).get('id');

function format(f) {
  return f === 'feature' ? t('dossiers.feature') : t('dossiers.dossier');
}

async function list(main, status) {
  const d = await gql(DOSSIERS);
  status.textContent = t('dossiers.count', { n: d.dossiers.totalCount });
  main.replaceChildren(h('ul', { class: 'ewsi-doc-list' }, d.dossiers.edges.map(({ node: x }) => h('li', { lang: other(x.dlang) },
    h('p', { class: 'ewsi-doc-title' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/dossiers?id=${encodeURIComponent(x.id)}` }, x.title)),
    h('ul', { class: 'ewsi-doc-meta', lang }, h('li', {}, format(x.format)), h('li', {}, h('time', { datetime: x.date }, fmtDate(x.date)))),
    h('p', { class: 'ecl-u-type-paragraph-s' }, x.summary)))));
}

function item(it) {
  const n = it.node;
  const own = n.titleIn ?? n.mtitle;
  const name = own ?? n.title ?? n.name ?? n.id;
  const date = n.date ?? n.mdate ?? n.start ?? n.deadline;
  return h('li', {},
    h('p', { class: 'ewsi-doc-title' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(n.id)}`, lang: own ? undefined : other(n.clang) }, name)),
    h('ul', { class: 'ewsi-doc-meta' }, h('li', {}, t(`dossiers.kind_${n.__typename}`)),
      date && h('li', {}, h('time', { datetime: date }, fmtDate(date))), n.celex && h('li', {}, `CELEX ${n.celex}`)),
    it.note && h('p', { class: 'ecl-u-type-paragraph-s' }, it.note));
}

async function one(main, status) {
  const d = await gql(DOSSIER, { id, lang: lang.toUpperCase() });
  const x = d.node;
  if (!x || !x.title) {
    status.textContent = '';
    showNotFound(main, { id });
    return;
  }
  const heading = document.querySelector('h1');
  if (heading) {
    heading.textContent = x.title;
    if (other(x.dlang)) heading.setAttribute('lang', other(x.dlang));
  }
  document.title = `${x.title} – ${t('dossiers.title')}`;
  document.getElementById('dossiers-intro').hidden = true;
  status.textContent = t('dossiers.items', { n: x.items.length });
  main.replaceChildren(...[
    h('p', {}, h('a', { class: 'ecl-link', href: '/dossiers' }, t('dossiers.all'))),
    h('ul', { class: 'ewsi-doc-meta' }, h('li', {}, format(x.format)), h('li', {}, h('time', { datetime: x.date }, fmtDate(x.date)))),
    h('div', { class: 'ewsi-prose', lang: other(x.dlang) }, h('p', { class: 'ecl-u-type-paragraph-lead' }, x.summary), x.body && h('p', {}, x.body)),
    x.summaryEn && other(x.dlang) !== undefined && h('div', { class: 'ewsi-summary-en', lang: 'en' }, x.summaryEn),
    h('h2', { class: 'ecl-u-type-heading-3', id: 'dossier-items' }, t('dossiers.itemsTitle')),
    x.items.length ? h('ul', { class: 'ewsi-doc-list', 'aria-labelledby': 'dossier-items' }, x.items.map(item)) : h('p', {}, t('dossiers.empty')),
  ].filter(Boolean));
}

async function run() {
  const main = document.getElementById('dossiers-main');
  const status = document.getElementById('dossiers-status');
  try {
    await (id ? one(main, status) : list(main, status));
  } catch (err) {
    status.textContent = '';
    showError(main, err, { id: t('dossiers.title') });
  }
}

run();
