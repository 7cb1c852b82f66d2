// Renders any node on its own page in the ECL layout: its content (in its own
// language, marked with lang) in the main column, its facts in an ECL description
// list beside it (below it on a phone), and its relations as lists of links.
// Interface text comes from the message files, enum values from the API's labels.
import { h, safeURL } from '../map/dom.js';
import { t, fmtDate, fmtNumber, collator } from '../common/i18n.js';
import { icon } from '../common/notify.js';
import { contentLang, langBadge, demoBadge, nodeLink, href, mapHref, langName, enumText, kindName, uiLang } from '../common/nodes.js';

/** date formats an ISO day (YYYY-MM-DD) or time in the interface language. */
export const day = (d) => (d ? fmtDate(d.length === 10 ? `${d}T12:00:00Z` : d) : '');
/** span formats a range of days; either end may be missing. */
export const span = (a, b) => (a && b && a !== b ? t('node.range', { from: day(a), to: day(b) }) : a ? (b ? day(a) : t('node.since', { date: day(a) })) : b ? t('node.until', { date: day(b) }) : '');
const euros = (x) => fmtNumber(x, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** fact is one term of the description list with its definition, or nothing when
value is empty. lang marks content in its own language. */
function fact(key, value, lang) {
  if (value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [h('dt', { class: 'ecl-description-list__term' }, t('node.' + key)),
    h('dd', { class: 'ecl-description-list__definition', lang }, value)];
}

const external = (url) => safeURL(url) && h('a', { href: safeURL(url), class: 'ecl-link', target: '_blank', rel: 'noopener noreferrer' },
  new URL(safeURL(url)).host, h('span', { class: 'visually-hidden' }, ' ', t('node.newTab')));

const tags = (xs) => xs?.length && h('ul', { class: 'ecl-tag-set tags' }, xs.map((x) =>
  h('li', { class: 'ecl-tag-set__item' }, h('a', { class: 'ecl-tag', href: href(x) }, x.name))));

const langs = (codes) => codes?.length && codes.map(langName).sort(collator().compare).join(', ');

/** rich returns the blocks of html, which the API rendered from plain text or
Markdown and sanitised (RenderedField), each marked with the content's language;
null without html. Parsed inertly (DOMParser runs no script). */
function rich(html, lang) {
  if (!html) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks = [...doc.body.childNodes].filter((x) => x.nodeType === 1 || x.textContent.trim())
    .map((x) => (x.nodeType === 1 ? x : h('p', {}, x.textContent)));
  for (const b of blocks) if (lang) b.setAttribute('lang', lang);
  return blocks.map((b) => document.adoptNode(b));
}

/** renderedOf maps the API's rendered fields of n by field name. */
const renderedOf = (n) => Object.fromEntries((n.rendered || []).map((r) => [r.field, r.html]));

/** textBlock is a titled block of content in its own language: the rendered
Markdown when the API sent it, else the text. */
function textBlock(key, text, lang, html) {
  if (!text) return null;
  return h('section', { class: 'node-block', 'data-field': key }, h('h2', { class: 'node-block-title' }, t('node.' + key)),
    ...(rich(html, lang) || [h('p', { lang }, text)]));
}

/** nodeMeta renders the line under the title: kind, original language, demo badge,
country and the way to the map. */
export function nodeMeta(ui, n) {
  const lang = contentLang(n);
  const where = mapHref(n);
  return h('ul', { class: 'node-meta' },
    h('li', { class: 'kind' }, kindName(n)),
    lang && h('li', {}, langBadge(ui, lang)),
    n.demo && h('li', {}, demoBadge(ui, n.demo)),
    n.country && h('li', {}, h('a', { class: 'ecl-link', href: href(n.country) }, n.country.name)),
    where && h('li', {}, h('a', { class: 'ecl-link', href: where, 'data-hook': 'on-map' }, t('node.onMap'))));
}

/** facts returns the items of the description list of n. */
function facts(n, labels) {
  const lang = contentLang(n);
  const principles = n.principles?.length && h('ol', { class: 'plain principles' }, n.principles.map((p) =>
    h('li', {}, h('a', { class: 'ecl-link', href: href(p) }, `${p.number}. ${p.short}`))));
  const yesNo = (v) => v !== undefined && v !== null && t(v ? 'node.yes' : 'node.no');
  return [
    fact('dates', span(n.startDate, n.endDate) || (n.start && (n.end && n.end !== n.start ? span(n.start, n.end) : day(n.start)))),
    fact('stage', enumText(labels, 'PracticeStage', n.stage)),
    fact('type', enumText(labels, 'OrgType', n.otype) || enumText(labels, 'DocType', n.dtype) || enumText(labels, 'MilestoneKind', n.kind)),
    fact('level', enumText(labels, 'AuthorityLevel', n.level)),
    fact('funderKind', enumText(labels, 'FunderKind', n.funderKind)),
    fact('programme', n.programme, lang),
    fact('deadline', day(n.deadline)),
    fact('amount', n.amount > 0 && euros(n.amount)),
    fact('date', day(n.date || n.mdate)),
    fact('place', n.place, lang),
    fact('area', n.area, lang),
    fact('city', n.city),
    fact('population', n.population > 0 && fmtNumber(n.population)),
    fact('budget', n.budget > 0 && euros(n.budget)),
    fact('fundingSource', n.fundingSource, lang),
    fact('beneficiaries', n.beneficiaries?.join(', '), lang),
    fact('resources', n.resources, lang),
    fact('contact', n.contact, lang),
    fact('languages', langs(n.languages)),
    fact('looking', yesNo(n.lookingForPartners)),
    fact('roles', n.roles?.join(', ')),
    fact('source', n.source, lang),
    fact('celex', n.celex), fact('eli', n.eli),
    fact('indicatorArea', enumText(labels, 'IndicatorArea', n.iarea)), fact('unit', n.unit),
    fact('country', n.country && h('a', { class: 'ecl-link', href: href(n.country) }, n.country.name)),
    fact('originalLang', lang && langName(lang)),
    fact('themes', tags(n.themes)),
    fact('principles', principles),
    fact('website', external(n.website)),
    fact('url', external(n.url)),
    fact('updated', n.updatedAt && day(n.updatedAt)),
  ].flat().filter(Boolean);
}

/** nodeBody renders the content, the facts and the relations of n. */
export function nodeBody(ui, n, labels) {
  const lang = contentLang(n);
  const summary = n.psummary ?? n.summary ?? n.msummary;
  const html = renderedOf(n);
  const lead = summary && (html.summary
    ? h('div', { class: 'node-lead', lang, 'data-field': 'summary' }, ...rich(html.summary))
    : h('p', { class: 'node-lead', lang, 'data-field': 'summary' }, summary));
  const main = h('div', { class: 'node-main' },
    lead,
    n.summaryEn && lang !== 'en' && h('section', { class: 'node-block summary-en', 'data-field': 'summaryEn' },
      h('h2', { class: 'node-block-title' }, t('node.summaryEn')), h('p', { lang: 'en' }, n.summaryEn)),
    n.ptext && h('p', { class: 'node-lead' }, n.ptext),
    n.description && h('p', { lang: 'en' }, n.description),
    textBlock('challenge', n.challenge, lang, html.challenge), textBlock('howItWorks', n.howItWorks, lang, html.howItWorks),
    textBlock('results', n.results, lang, html.results), textBlock('evaluation', n.evaluation, lang, html.evaluation));
  const dl = facts(n, labels);
  const aside = dl.length && h('aside', { class: 'node-facts', 'aria-labelledby': 'facts-title' },
    h('h2', { id: 'facts-title', class: 'node-block-title' }, t('node.facts')),
    h('dl', { class: 'ecl-description-list' }, dl));
  const out = [h('div', { class: 'node-layout', 'data-kind': n.__typename }, main, aside)];
  const rels = [
    ['implementers', n.implementers], ['partners', n.partners], ['fundedBy', n.fundedBy], ['publishedBy', n.publishedBy && [n.publishedBy]],
    ['practices', n.practices], ['partnerIn', n.partnerIn], ['people', n.people], ['organisations', n.organisations],
    ['subthemes', n.subthemes], ['theme', n.theme && [n.theme]],
  ].filter(([, xs]) => xs?.length);
  if (rels.length) {
    out.push(h('section', { class: 'node-relations', 'aria-labelledby': 'relations-title' },
      h('h2', { id: 'relations-title' }, t('node.relations')),
      h('div', { class: 'relation-grid' }, rels.map(([key, xs]) => h('section', { class: 'relation', 'data-rel': key, 'aria-labelledby': 'rel-' + key },
        h('h3', { id: 'rel-' + key }, t('node.rel_' + key), ' ', h('span', { class: 'muted' }, `(${fmtNumber(xs.length)})`)),
        h('ul', { class: 'plain' }, xs.map((x) => h('li', {}, nodeLink(ui, x)))))))));
  }
  return out;
}

/** notFound renders the message for an id the graph does not hold (or that is not
an id at all, when malformed): an ECL notification with the way home. */
export function notFound(id, malformed) {
  const key = !id ? 'missingId' : malformed ? 'malformed' : 'notFound';
  return h('div', { class: 'ecl-notification ecl-notification--warning node-missing', role: 'alert', 'data-hook': 'not-found', 'data-reason': key },
    icon('warning', 'l', 'ecl-notification__icon'),
    h('div', { class: 'ecl-notification__content' },
      h('div', { class: 'ecl-notification__title' }, t(`node.${key}Title`)),
      h('p', { class: 'ecl-notification__description' }, t(`node.${key}`, { id })),
      h('p', { class: 'ecl-notification__description' }, h('a', { class: 'ecl-link ecl-link--standalone', href: '/' }, t('node.backHome')))));
}

/** failed renders an error that is not the id's fault, in the interface language. */
export function failed(text) {
  return h('div', { class: 'ecl-notification ecl-notification--error', role: 'alert', 'data-hook': 'load-error' },
    icon('error', 'l', 'ecl-notification__icon'),
    h('div', { class: 'ecl-notification__content' },
      h('div', { class: 'ecl-notification__title' }, t('node.failedTitle')),
      h('p', { class: 'ecl-notification__description' }, text)));
}

export { uiLang };
