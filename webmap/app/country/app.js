// The country page (country.html?code=FR): a country's counts, the first page of
// its practices, organisations, authorities, events, funding, documents and news
// with links, the EU framework and indicators (no figures where the graph has no
// observation), related content, and the editor tools in editor mode.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';
import { startPage } from '../common/page.js';
import { withLang } from '../common/lang.js';
import { nodeLink } from '../common/nodes.js';
import { relatedSection } from '../common/related.js';
import { mountEditor } from '../common/editor.js';

const code = (new URLSearchParams(location.search).get('code') || '').toUpperCase();
const main = document.getElementById('main');
const FIRST = 10;
const page = (fields) => `totalCount edges { node { __typename id demo ${fields} } }`;
const CONTENT = 'title plang: lang';
const NAMED = 'name olang: lang';
const SECTIONS = [
  ['practices', 'PRACTICE'], ['organisations', 'ORGANISATION'], ['authorities', 'LOCAL_AUTHORITY,REGIONAL_AUTHORITY'],
  ['events', 'EVENT'], ['funding'], ['documents'], ['news'],
];
const STATS = ['practices', 'organisations', 'authorities', 'events', 'funding', 'documents', 'news'];

const COUNTRY = `query($code: String!, $lang: Lang, $f: ContentFilter, $first: Int) {
  country(code: $code) {
    id iso2 eurostat name(lang: $lang) eu languages
    stats { ${STATS.join(' ')} }
  }
  practices(filter: $f, first: $first, orderBy: {field: DATE, direction: DESC}) { ${page(CONTENT)} }
  organisations(filter: $f, first: $first) { ${page(NAMED)} }
  authorities(filter: $f, first: $first) { ${page(NAMED)} }
  events(filter: $f, first: $first, orderBy: {field: DATE, direction: DESC}) { ${page(CONTENT + ' start')} }
  funding(filter: $f, first: $first, orderBy: {field: DATE, direction: DESC}) { ${page(CONTENT + ' deadline')} }
  documents(filter: $f, first: $first, orderBy: {field: DATE, direction: DESC}) { ${page(CONTENT + ' date')} }
  news(filter: $f, first: $first, orderBy: {field: DATE, direction: DESC}) { ${page(CONTENT + ' date')} }
  indicators { id area name unit }
  milestones { id date title }
}`;

function section(ui, key, conn, kinds) {
  const items = conn.edges.map((e) => e.node);
  return h('section', { class: 'country-list', 'data-section': key, 'aria-labelledby': 'sec-' + key },
    h('h3', { id: 'sec-' + key }, t(ui, 'sec_' + key), ' ', h('span', { class: 'muted' },
      conn.totalCount > items.length ? `(${t(ui, 'firstOf', items.length, conn.totalCount)})` : `(${conn.totalCount})`)),
    items.length ? h('ul', { class: 'plain' }, items.map((n) => h('li', {}, nodeLink(ui, n), ' ',
      h('span', { class: 'muted small' }, n.start || n.deadline || n.date || ''))))
      : h('p', { class: 'muted' }, t(ui, 'none')),
    kinds && conn.totalCount > 0 && h('p', { class: 'small' }, h('a', { href: withLang(`/?country=${code}&kinds=${kinds}`, ui) }, t(ui, 'onMap'))));
}

function framework(ui, indicators, milestones) {
  const areas = [...new Set(indicators.map((i) => i.area))];
  return h('section', { class: 'framework', 'aria-labelledby': 'framework-title' },
    h('h2', { id: 'framework-title' }, t(ui, 'framework')),
    h('p', { class: 'no-data' }, t(ui, 'frameworkNote')),
    h('div', { class: 'cols' }, areas.map((a) => h('div', {}, h('h3', { lang: 'en' }, a.replaceAll('_', ' ').replace(/^./, (x) => x.toUpperCase())),
      h('ul', { class: 'plain' }, indicators.filter((i) => i.area === a).map((i) => h('li', { lang: 'en' }, i.name, i.unit ? h('span', { class: 'muted' }, ` (${i.unit})`) : '')))))),
    milestones.length && h('details', {}, h('summary', {}, t(ui, 'frameworkSteps')),
      h('ul', { class: 'plain' }, milestones.map((m) => h('li', {}, h('span', { class: 'muted' }, m.date), ' ',
        h('a', { href: withLang(`/node.html?id=${encodeURIComponent(m.id)}`, ui), lang: 'en' }, m.title))))));
}

async function render(ui) {
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', {}, t(ui, 'loading')));
  let d;
  try {
    d = await gql(COUNTRY, { code, lang: ui.toUpperCase(), f: { countries: [code] }, first: FIRST });
  } catch (e) {
    const bad = e.errors?.some((x) => x.extensions?.code === 'INVALID');
    main.replaceChildren(h('h1', { id: 'page-title' }, code || '—'), h('p', { class: 'error', role: 'alert' }, bad ? t(ui, 'badCountry') : e.message));
    main.removeAttribute('aria-busy');
    return;
  }
  const c = d.country;
  if (!c) {
    main.replaceChildren(h('h1', { id: 'page-title' }, code || '—'), h('p', {}, t(ui, 'badCountry')));
    main.removeAttribute('aria-busy');
    return;
  }
  document.title = `EWSI Graph · ${t(ui, 'countryTitle', c.name)}`;
  const editorSlot = h('div', { id: 'editor-slot' });
  let related = relatedSection(ui, c.id);
  main.replaceChildren(
    h('h1', { id: 'page-title' }, c.name, ' ', h('span', { class: 'muted' }, c.iso2 === c.eurostat ? c.iso2 : `${c.iso2} / ${c.eurostat}`)),
    h('p', {}, t(ui, c.eu ? 'eu' : 'nonEu'), c.languages.length ? ` · ${t(ui, 'languages')}: ${c.languages.join(', ')}` : '', ' · ',
      h('a', { href: withLang(`/?country=${c.iso2}&sel=country:${c.iso2}`, ui) }, t(ui, 'onMap'))),
    h('h2', {}, t(ui, 'countryStats')),
    h('ul', { class: 'stats', id: 'country-stats' }, STATS.map((k) => h('li', { 'data-stat': k }, h('strong', {}, c.stats[k].toLocaleString(ui)), ' ', t(ui, 'st_' + k)))),
    h('div', { class: 'cols' }, SECTIONS.map(([key, kinds]) => section(ui, key, d[key], kinds))),
    framework(ui, d.indicators, d.milestones),
    editorSlot,
    related);
  mountEditor(editorSlot, ui, c.id, () => {
    const fresh = relatedSection(ui, c.id);
    related.replaceWith(fresh);
    related = fresh;
  });
  main.removeAttribute('aria-busy');
  main.dataset.code = c.iso2;
}

startPage('country', render);
