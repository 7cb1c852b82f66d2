// How any node is named, badged and linked across the pages: one GraphQL
// fragment of the fields that name a node, and the helpers that render it.
import { h } from '../map/dom.js';
import { t } from './i18n.js';
import { withLang } from './lang.js';

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
  ... on Principle { number short }
  ... on Milestone { title }
  ... on Indicator { name }`;

/** label returns the title or name of a node. */
export function label(n) {
  if (n.__typename === 'Principle') return `${n.number}. ${n.short}`;
  return n.title ?? n.name ?? n.id;
}

/** contentLang returns the language of a node's content, lower case, or undefined. */
export function contentLang(n) {
  return (n.plang ?? n.olang ?? n.lang)?.toLowerCase();
}

/** href returns the page of a node: the country page for a country, the node page otherwise. */
export function href(n, ui) {
  if (n.__typename === 'Country' || n.id?.startsWith('country:')) return withLang(`/country.html?code=${encodeURIComponent(n.iso2 || n.id.slice(8))}`, ui);
  return withLang(`/node.html?id=${encodeURIComponent(n.id)}`, ui);
}

/** mapHref returns the map opened on a located node, or undefined. */
export function mapHref(n, ui) {
  if (!n.location || !['Practice', 'Event', 'Organisation', 'LocalAuthority'].includes(n.__typename)) return undefined;
  return withLang(`/?lat=${n.location.lat.toFixed(4)}&lng=${n.location.lon.toFixed(4)}&z=12&sel=${encodeURIComponent(n.id)}`, ui);
}

/** langBadge shows the language of content. */
export function langBadge(ui, l) {
  return l && h('span', { class: 'badge lang', title: t(ui, 'langBadge', l.toUpperCase()) }, l.toUpperCase());
}

/** demoBadge marks generated demo content. */
export function demoBadge(ui, demo) {
  return demo && h('span', { class: 'badge demo', title: t(ui, 'demoNote') }, t(ui, 'demo'));
}

/** nodeLink renders a node as its kind, a link to its page with its name in its own
language, and its language and demo badges. */
export function nodeLink(ui, n, { onOpen } = {}) {
  const lang = contentLang(n);
  const a = h('a', { href: href(n, ui), lang, class: 'node-link' }, label(n));
  if (onOpen) a.addEventListener('click', (e) => { if (onOpen(n)) e.preventDefault(); });
  return h('span', { class: 'node-ref' }, h('span', { class: 'kind' }, t(ui, 'type_' + n.__typename)), ' ', a, ' ',
    langBadge(ui, lang), ' ', demoBadge(ui, n.demo));
}
