// The side panel: an authority, organisation, practice or event with its
// practices in the common template and its related content, or a country with its
// counts and a link to its country page.
import { h, safeURL } from './dom.js';
import { t, fmtNumber, fmtDate } from '../common/i18n.js';
import { relatedSection } from '../common/related.js';
import { withLang } from '../common/lang.js';

const langBadge = (ui, l) => l && h('span', { class: 'badge lang', title: t('map.langBadge', { lang: l.toUpperCase() }) }, l.toUpperCase());
const demoBadge = (ui, demo) => demo && h('span', { class: 'badge demo', title: t('map.demoNote') }, t('map.demo'));
const website = (ui, url) => safeURL(url) && h('p', {}, h('a', { href: safeURL(url), target: '_blank', rel: 'noopener noreferrer' }, t('map.website')));
const field = (ui, key, value, lang) => (value || null) && h('div', { class: 'field' }, h('dt', {}, t('map.' + key)), h('dd', { lang }, value));

/** enumText shows an enum value by its label (opts.label(enumName, value) gives
{ text, lang }), marked with the label's language, or as the raw value. */
const enumText = (opts, enumName, value) => {
  const l = opts?.label?.(enumName, value);
  return l ? h('span', { lang: l.lang }, l.text) : String(value).toLowerCase().replaceAll('_', ' ');
};

/** practiceCard renders a practice in the common template; opts.label, when
given, names enum values (see enumText). */
export function practiceCard(ui, p, level = 'h3', opts = {}) {
  const lang = p.lang?.toLowerCase();
  const dates = [p.startDate, p.endDate].filter(Boolean).map((d) => fmtDate(d)).join(' – ');
  return h('article', { class: 'practice', lang },
    h(level, { class: 'practice-title' }, p.title, ' ', langBadge(ui, lang), ' ', demoBadge(ui, p.demo)),
    h('p', {}, p.summary),
    p.summaryEn && lang !== 'en' && h('p', { lang: 'en', class: 'summary-en' }, h('span', { class: 'badge lang' }, 'EN'), ' ', p.summaryEn),
    h('dl', { lang: ui },
      field(ui, 'challenge', p.challenge, lang), field(ui, 'howItWorks', p.howItWorks, lang),
      field(ui, 'results', p.results, lang), field(ui, 'evaluation', p.evaluation, lang),
      field(ui, 'beneficiaries', (p.beneficiaries || []).join(', '), lang), field(ui, 'dates', dates),
      field(ui, 'stage', p.stage && enumText(opts, 'PracticeStage', p.stage)), field(ui, 'budget', p.budget && fmtNumber(p.budget, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })),
      field(ui, 'fundingSource', p.fundingSource, lang), field(ui, 'contact', p.contact, lang),
      field(ui, 'themes', (p.themes || []).map((x) => x.name).join(', ')),
      field(ui, 'principles', (p.principles || []).map((x) => `${x.number}. ${x.short}`).join('; '))),
    website(ui, p.website));
}

/** nodeDetail renders a node of the map. */
export function nodeDetail(ui, n, opts = {}) {
  if (!n) return h('p', {}, '—');
  const lang = n.lang?.toLowerCase();
  const head = h('h2', { id: 'panel-title', lang }, n.name || n.title, ' ', langBadge(ui, lang), ' ', demoBadge(ui, n.demo));
  const out = [head];
  if (n.country) out.push(h('p', { class: 'muted' }, n.country.name));
  if (n.level) out.push(h('p', {}, `${t('map.level')}: `, enumText(opts, 'AuthorityLevel', n.level)));
  if (n.type) out.push(h('p', {}, `${t('map.type')}: `, enumText(opts, 'OrgType', n.type)));
  if (n.summary && !n.title) out.push(h('p', { lang }, n.summary));
  out.push(website(ui, n.website));
  if (n.themes && !n.title) out.push(h('p', {}, `${t('map.themes')}: `, n.themes.map((x) => x.name).join(', ')));
  if (n.title && n.start !== undefined) {
    out.push(h('p', { lang }, n.summary), h('p', {}, [n.start, n.end].filter(Boolean).map((d) => fmtDate(d)).join(' – '), n.place ? ` · ${n.place}` : ''), website(ui, n.url));
  } else if (n.title) {
    head.replaceWith(h('h2', { id: 'panel-title', lang }, h('span', { class: 'kind' }, t('map.one_PRACTICE') + ': '), n.title, ' ', langBadge(ui, lang), ' ', demoBadge(ui, n.demo)));
    const card = practiceCard(ui, n, 'h3', opts);
    card.querySelector('.practice-title').remove();
    out.push(card);
    const who = [...(n.implementers || [])];
    if (who.length) out.push(h('h3', {}, t('map.implementers')), h('ul', {}, who.map((w) => h('li', {}, w.name, ' ', website(ui, w.website) || ''))));
    if (n.partners?.length) out.push(h('h3', {}, t('map.partners')), h('ul', {}, n.partners.map((w) => h('li', {}, w.name))));
  }
  if (n.practices) {
    out.push(h('h3', {}, t('map.practices'), ` (${n.practices.length})`));
    out.push(n.practices.length ? n.practices.map((p) => practiceCard(ui, p, 'h4', opts)) : h('p', {}, t('map.noPractices')));
  }
  out.push(h('p', {}, h('a', { href: withLang(`/node?id=${encodeURIComponent(n.id)}`, ui) }, t('map.nodePage'))));
  out.push(related(ui, n.id, opts));
  return out;
}

/** related is the panel's related-content section: what else matters for node id,
with its reasons; opts.onOpen may open an item in the panel instead of its page. */
export function related(ui, id, opts = {}) {
  return relatedSection(ui, id, { ...opts, level: 'h3' });
}

/** countryDetail renders a country's counts and the way to its data. */
export function countryDetail(ui, c) {
  const q = `{ country(code: "${c.iso2}") { name(lang: ${ui.toUpperCase()}) stats { practices organisations authorities events } practices(first: 20) { edges { node { title } } } } }`;
  return [
    h('h2', { id: 'panel-title' }, c.name),
    h('h3', {}, t('map.countryStats')),
    h('ul', { class: 'stats' }, ['practices', 'organisations', 'authorities', 'events'].map((k) => h('li', {}, h('strong', {}, fmtNumber(c.stats[k])), ' ', t('map.st_' + k)))),
    h('p', {}, h('a', { href: '/graphiql?query=' + encodeURIComponent(q) }, t('map.countryData'))),
    h('p', { 'data-hook': 'country-page' }, h('a', { href: withLang(`/country?code=${c.iso2}`, ui) }, t('map.countryPageLink', { name: c.name }))),
  ];
}
