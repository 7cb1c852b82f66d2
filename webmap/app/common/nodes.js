// How any node is named, badged and linked across the pages: one GraphQL
// fragment of the fields that name a node, the API's labels of enum values, and
// the helpers that render them. The interface language is the page's
// (document.documentElement.lang, set by the server); the ui arguments the
// helpers still take are kept so that callers need not change.
import { h } from '../map/dom.js';
import { t, lang as pageLang } from './i18n.js';

/** NODE_LABEL selects what names a node of any kind; it needs a $lang variable.
Lang of content is aliased (plang, olang) because it is Lang! on some types and
Lang on others. */
export const NODE_LABEL = `__typename id
  ... on Practice { title plang: lang demo location { lat lon } }
  ... on Document { title plang: lang demo }
  ... on News { title plang: lang demo }
  ... on Event { title plang: lang demo location { lat lon } }
  ... on Funding { title plang: lang demo }
  ... on Organisation { name olang: lang demo location { lat lon } }
  ... on LocalAuthority { name olang: lang demo location { lat lon } }
  ... on Person { name demo }
  ... on Theme { name(lang: $lang) }
  ... on Subtheme { name(lang: $lang) }
  ... on Country { iso2 name(lang: $lang) }
  ... on Principle { number short(lang: $lang) }
  ... on Milestone { title }
  ... on Indicator { name }`;

/** LABELS selects the API's labels of every enum value in $lang. */
export const LABELS = 'labels(lang: $lang) { enum value label lang }';

/** uiLang returns the interface language of the page (en, fr or de). */
export function uiLang() {
  return (typeof pageLang === 'function' ? pageLang() : pageLang) || document.documentElement.lang || 'en';
}

/** labelIndex indexes the answer of LABELS by enum and value. */
export function labelIndex(labels) {
  const m = new Map();
  for (const l of labels || []) m.set(`${l.enum}.${String(l.value).toUpperCase()}`, l);
  return m;
}

/** enumText renders the label of value of enum from idx (see labelIndex), marked
with its own language when the API fell back to another one; a value without a
label is shown as it is. */
export function enumText(idx, enumName, value) {
  if (value === undefined || value === null || value === '') return undefined;
  const l = idx?.get(`${enumName}.${String(value).toUpperCase()}`);
  if (!l) return h('span', {}, String(value));
  const lang = l.lang?.toLowerCase();
  return h('span', { lang: lang && lang !== uiLang() ? lang : undefined }, l.label);
}

/** label returns the title or name of a node. */
export function label(n) {
  if (n.__typename === 'Principle') return `${n.number}. ${n.short}`;
  return n.title ?? n.name ?? n.id;
}

/** contentLang returns the language of a node's content, lower case, or undefined.
Names of themes, countries and principles come in the interface language. */
export function contentLang(n) {
  return (n.plang ?? n.olang ?? n.lang)?.toLowerCase();
}

/** langName names a language (ISO 639-1) in the interface language. */
export function langName(code) {
  try {
    return new Intl.DisplayNames([uiLang()], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

/** href returns the page of a node: the country page for a country, the node page otherwise. */
export function href(n) {
  if (n.__typename === 'Country' || n.id?.startsWith('country:')) return `/country?code=${encodeURIComponent(n.iso2 || n.id.slice(8))}`;
  return `/node?id=${encodeURIComponent(n.id)}`;
}

/** mapHref returns the map opened on a located node, or undefined. */
export function mapHref(n) {
  if (!n.location || !['Practice', 'Event', 'Organisation', 'LocalAuthority'].includes(n.__typename)) return undefined;
  return `/?lat=${n.location.lat.toFixed(4)}&lng=${n.location.lon.toFixed(4)}&z=12&sel=${encodeURIComponent(n.id)}`;
}

/** langBadge shows the language of content (ui is ignored: see the top). */
export function langBadge(ui, l) {
  return l && h('span', { class: 'badge lang', title: t('related.langBadge', { lang: langName(l) }) },
    h('span', { 'aria-hidden': 'true' }, l.toUpperCase()), h('span', { class: 'visually-hidden' }, t('related.langBadge', { lang: langName(l) })));
}

/** demoBadge marks generated demo content (ui is ignored: see the top). */
export function demoBadge(ui, demo) {
  return demo && h('span', { class: 'badge demo', title: t('related.demoNote') }, t('related.demo'));
}

/** kindName names the kind of node n (its GraphQL type) in the interface language. */
export function kindName(n) {
  return t('related.type_' + n.__typename);
}

/** nodeLink renders a node as its kind, a link to its page with its name in its own
language, and its language and demo badges. */
export function nodeLink(ui, n, { onOpen } = {}) {
  const lang = contentLang(n);
  const a = h('a', { href: href(n), lang, class: 'node-link ecl-link' }, label(n));
  if (onOpen) a.addEventListener('click', (e) => { if (onOpen(n)) e.preventDefault(); });
  return h('span', { class: 'node-ref' }, h('span', { class: 'kind' }, kindName(n)), ' ', a, ' ',
    lang && lang !== uiLang() ? langBadge(ui, lang) : null, ' ', demoBadge(ui, n.demo));
}
