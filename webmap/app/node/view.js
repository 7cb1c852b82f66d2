// Renders any node on its own page: its fields in the language of the interface,
// its content in its own language with a badge, and its relations as links.
import { h, safeURL } from '../map/dom.js';
import { practiceCard } from '../map/panel.js';
import { t } from '../common/i18n.js';
import { label, contentLang, langBadge, demoBadge, nodeLink, mapHref, href } from '../common/nodes.js';

const field = (ui, key, value, lang) => (value || value === 0) && [h('dt', {}, t(ui, key)), h('dd', { lang }, String(value))];
const link = (ui, key, url) => safeURL(url) && [h('dt', {}, t(ui, key)),
  h('dd', {}, h('a', { href: safeURL(url), target: '_blank', rel: 'noopener noreferrer' }, url))];
const enumText = (v) => v && v.toLowerCase().replaceAll('_', ' ');

/** nodeHead renders the title of the page. */
export function nodeHead(ui, n) {
  const lang = contentLang(n);
  return h('h1', { id: 'page-title' }, h('span', { class: 'kind' }, t(ui, 'type_' + n.__typename)), ' ',
    h('span', { lang }, label(n)), ' ', langBadge(ui, lang), ' ', demoBadge(ui, n.demo));
}

/** nodeBody renders the fields and relations of n. */
export function nodeBody(ui, n) {
  const lang = contentLang(n);
  const out = [];
  if (n.country) out.push(h('p', {}, h('a', { href: href(n.country, ui) }, n.country.name)));
  const where = mapHref(n, ui);
  if (where) out.push(h('p', {}, h('a', { href: where }, t(ui, 'onMap'))));
  if (n.__typename === 'Practice') {
    const card = practiceCard(ui, { ...n, lang: n.plang, summary: n.psummary });
    card.querySelector('.practice-title').remove();
    out.push(card);
  } else {
    const summary = n.summary ?? n.msummary;
    if (summary) out.push(h('p', { lang }, summary));
    if (n.summaryEn && lang !== 'en') out.push(h('p', { lang: 'en' }, h('span', { class: 'badge lang' }, 'EN'), ' ', n.summaryEn));
    if (n.text) out.push(h('p', {}, n.text));
    if (n.description) out.push(h('p', {}, n.description));
    const dl = [
      field(ui, 'type', enumText(n.otype || n.dtype || n.kind)), field(ui, 'level', n.level), field(ui, 'city', n.city),
      field(ui, 'population', n.population?.toLocaleString(ui)), field(ui, 'languages', n.languages?.join(', ')),
      n.lookingForPartners !== undefined && field(ui, 'looking', t(ui, n.lookingForPartners ? 'yes' : 'no')),
      field(ui, 'roles', n.roles?.join(', ')), field(ui, 'date', n.date || n.mdate),
      field(ui, 'dates', [n.start, n.end].filter(Boolean).join(' – ')), field(ui, 'place', n.place, lang),
      field(ui, 'source', n.source), field(ui, 'funderKind', enumText(n.funderKind)), field(ui, 'programme', n.programme, lang),
      field(ui, 'deadline', n.deadline), field(ui, 'amount', n.amount && `${n.amount.toLocaleString(ui)} €`),
      field(ui, 'celex', n.celex), field(ui, 'eli', n.eli), field(ui, 'area', n.iarea), field(ui, 'unit', n.unit),
      link(ui, 'website', n.website), link(ui, 'url', n.url),
    ].flat().filter(Boolean);
    if (dl.length) out.push(h('h2', {}, t(ui, 'fields')), h('dl', {}, dl));
  }
  const rels = [
    ['implementers', n.implementers], ['partners', n.partners], ['fundedBy', n.fundedBy], ['publishedBy', n.publishedBy && [n.publishedBy]],
    ['practices', n.practices], ['partnerIn', n.partnerIn], ['people', n.people], ['organisations', n.organisations],
    ['themes', n.themes], ['subthemes', n.subthemes], ['theme', n.theme && [n.theme]], ['principles', n.principles],
  ].filter(([, xs]) => xs?.length);
  if (rels.length) {
    out.push(h('h2', {}, t(ui, 'relations')), h('div', { class: 'cols' }, rels.map(([key, xs]) => h('section', { class: 'relation', 'data-rel': key },
      h('h3', {}, t(ui, key), ` (${xs.length})`), h('ul', { class: 'plain' }, xs.map((x) => h('li', {}, nodeLink(ui, x))))))));
  }
  return out;
}
