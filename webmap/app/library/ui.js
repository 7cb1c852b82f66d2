// What the library's pages share: names of languages and regions, a document's
// card, checkbox groups with counts, the pager.
import { h, safeURL } from '../map/dom.js';
import { t, lang, fmtDate } from '../common/i18n.js';

export const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
export const languageNames = new Intl.DisplayNames([lang], { type: 'language' });

/** other returns l (an ISO 639-1 code, any case) when it is not the page's language, for a lang attribute. */
export function other(l) {
  const c = l?.toLowerCase();
  return c && c !== lang ? c : undefined;
}

/** scopeName names a scope: the EU or a country. */
export function scopeName(s) {
  return s === 'EU' ? t('library.scopeEU') : regionNames.of(s);
}

/** labelOf returns the label of an enum value from labels(lang:), else the value. */
export function labelOf(labels, en, value) {
  return labels.get(`${en}.${value}`) ?? value;
}

/** labelMap keys labels(lang:) by "Enum.VALUE". */
export function labelMap(list) {
  return new Map(list.map((l) => [`${l.enum}.${l.value}`, l.label]));
}

/** docCard is a document of the library as a list item. */
export function docCard(d, labels) {
  const ownTitle = d.titleIn;
  const title = ownTitle ?? d.title;
  const titleLang = ownTitle ? undefined : other(d.dlang);
  const meta = [labelOf(labels, 'DocType', d.docType)];
  if (d.date) meta.push(h('time', { datetime: d.date }, fmtDate(d.date)));
  meta.push(scopeName(d.scope));
  const publisher = d.publishedBy?.name ?? d.publisher;
  if (publisher) meta.push(publisher);
  meta.push(h('span', { lang: other(d.dlang) }, languageNames.of(d.dlang.toLowerCase())));
  const ids = [];
  if (d.celex) ids.push(h('dt', {}, t('library.celex')), h('dd', {}, d.celex));
  const eli = safeURL(d.eli);
  if (eli) ids.push(h('dt', {}, t('library.eli')), h('dd', {}, h('a', { class: 'ecl-link', href: eli }, eli)));
  const url = safeURL(d.url);
  if (url && d.celex) ids.push(h('dt', {}, t('library.officialText')), h('dd', {}, h('a', { class: 'ecl-link', href: url }, t('library.eurlex'))));
  return h('li', { class: 'ewsi-doc' },
    h('p', { class: 'ewsi-doc-title' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(d.id)}`, lang: titleLang }, title)),
    h('ul', { class: 'ewsi-doc-meta' }, meta.map((m) => h('li', {}, m)),
      h('li', {}, h('span', { class: 'ecl-label ecl-label--medium' }, d.real ? t('library.real') : t('common.demo')))),
    d.summary && h('p', { class: 'ecl-u-type-paragraph-s', lang: other(d.dlang) }, d.summary.length > 300 ? d.summary.slice(0, 300) + '…' : d.summary),
    ids.length > 0 && h('dl', { class: 'ewsi-doc-ids' }, ids));
}

let uid = 0;

/** choice is an ECL checkbox or radio button with a label and a count. */
export function choice(type, name, value, label, count, checked) {
  const id = `f-${name}-${++uid}`;
  const input = h('input', { type, class: `ecl-${type}__input`, id, name, value, checked });
  const box = type === 'checkbox'
    ? h('span', { class: 'ecl-checkbox__box', 'aria-hidden': 'true' }, svgCheck())
    : h('span', { class: 'ecl-radio__box' }, h('span', { class: 'ecl-radio__box-inner' }));
  return h('div', { class: `ecl-${type}` }, input,
    h('label', { class: `ecl-${type}__label`, for: id }, box,
      h('span', { class: `ecl-${type}__text` }, label, count === undefined ? '' : h('span', { class: 'ewsi-count' }, ` (${count})`))));
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

/** pager fills nav with a first-page and a next-page link built by link(cursor). */
export function pager(nav, info, after, link) {
  const items = [];
  if (after) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--previous' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', href: link() }, t('library.firstPage'))));
  }
  if (info.hasNextPage) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--next' },
      h('a', { class: 'ecl-link ecl-link--standalone ecl-pagination__link', href: link(info.endCursor), rel: 'next' }, t('common.next'))));
  }
  nav.querySelector('ul').replaceChildren(...items);
  nav.hidden = items.length === 0;
}
