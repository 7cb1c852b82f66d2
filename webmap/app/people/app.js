// The directory of people (/people): those who chose to share their details,
// filtered by country (of their organisation), theme and language, twenty at a
// time; and one person's profile (/people?id=person:...) with their
// organisations, languages, themes and published contributions. No email
// address is ever asked for or shown.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, collator } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { profile } from './profile.js';

const UI = lang.toUpperCase();
const $ = (id) => document.getElementById(id);

const REFERENCE = `query($lang: Lang) { themes { id name(lang: $lang) } countries { iso2 name(lang: $lang) } }`;
const DIRECTORY = `query($lang: Lang, $filter: DirectoryFilter, $after: String) {
  directory(first: 20, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name languages demo themes { id name(lang: $lang) }
      organisations { id name olang: lang country { iso2 name(lang: $lang) } } } } } }`;

const langName = (() => {
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  return (code) => { try { return names.of(code) || code; } catch { return code; } };
})();

/** facts renders a person's organisations, languages and themes as a description list. */
export function facts(p) {
  const c = collator();
  const orgs = [...p.organisations].sort((a, b) => c.compare(a.name, b.name));
  const parts = [];
  if (orgs.length) {
    parts.push(h('dt', {}, t('people.organisations')), h('dd', {}, ...orgs.flatMap((o, i) => [i ? ', ' : '',
      h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(o.id)}`, lang: o.olang?.toLowerCase() }, o.name),
      o.country ? ` (${o.country.name})` : ''])));
  }
  if (p.languages.length) parts.push(h('dt', {}, t('people.languages')), h('dd', {}, p.languages.map(langName).sort(c.compare).join(', ')));
  if (p.themes?.length) parts.push(h('dt', {}, t('people.themes')), h('dd', {}, p.themes.map((x) => x.name).sort(c.compare).join(', ')));
  return h('dl', { class: 'people-facts' }, parts);
}

function card(p) {
  return h('li', { 'data-person': p.id },
    h('h3', { class: 'ecl-u-type-heading-5' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/people?id=${encodeURIComponent(p.id)}` }, p.name)),
    facts(p));
}

async function directory() {
  const form = $('people-filters');
  const list = $('people-list');
  const count = $('people-count');
  const more = $('people-more');
  const q = new URLSearchParams(location.search);
  const c = collator();
  try {
    const ref = await gql(REFERENCE, { lang: UI });
    $('pf-country').append(...[...ref.countries].sort((a, b) => c.compare(a.name, b.name))
      .map((x) => h('option', { value: x.iso2, selected: x.iso2 === q.get('country') }, x.name)));
    $('pf-theme').append(...[...ref.themes].sort((a, b) => c.compare(a.name, b.name))
      .map((x) => h('option', { value: x.id, selected: x.id === q.get('theme') }, x.name)));
  } catch (err) {
    showError(count, err);
    return;
  }
  const filter = {};
  if (q.get('country')) filter.countries = [q.get('country')];
  if (q.get('theme')) filter.themes = [q.get('theme')];
  if (q.get('language')) filter.languages = [q.get('language')];
  let after = null;
  const page = async () => {
    const d = (await gql(DIRECTORY, { lang: UI, filter, after })).directory;
    list.append(...d.edges.map((e) => card(e.node)));
    count.textContent = d.totalCount ? t('people.count', { n: d.totalCount }) : t('people.none');
    after = d.pageInfo.endCursor;
    more.hidden = !d.pageInfo.hasNextPage;
    return d.edges.length;
  };
  try {
    await page();
  } catch (err) {
    showError(count, err);
    return;
  }
  more.addEventListener('click', async () => {
    const before = list.children.length;
    try {
      await page();
    } catch (err) {
      showError(count, err);
      return;
    }
    list.children[before]?.querySelector('a')?.focus();
  });
  form.addEventListener('submit', (ev) => {
    // empty filters stay out of the address
    for (const s of form.querySelectorAll('select')) s.disabled = !s.value;
    setTimeout(() => { for (const s of form.querySelectorAll('select')) s.disabled = false; });
    ev.stopPropagation();
  });
}

if ($('person')) profile($('person'), UI, facts);
else directory();
