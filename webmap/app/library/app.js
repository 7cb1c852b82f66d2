// The library: published documents with filters and facets. The form is a plain
// GET form, so a filtered library is an address to share; this script reads the
// address, asks library(filter:) for one page and the facets' counts (one round
// trip in the store), and draws the facets as groups of checkboxes with counts.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, collator } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { docCard, choice, pager, labelMap, labelOf, scopeName, languageNames } from './ui.js';

const PAGE = 20;

export const LIBRARY = `query($filter: DocumentFilter, $orderBy: LibraryOrder, $first: Int, $after: String, $lang: Lang!) {
  library(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { types { value count } themes { value count } principles { value count }
      scopes { value count } langs { value count } years { value count } }
    edges { node { id title dlang: lang docType date url celex eli publisher scope real summary
      titleIn(lang: $lang) publishedBy { name } } }
  }
  themes { id name(lang: $lang) }
  principles { number short(lang: $lang) }
  labels(lang: $lang) { enum value label }
}`;

const params = new URLSearchParams(location.search);
const after = params.get('after') || undefined;

/** filterOf turns the address into the API's filter. */
export function filterOf(p) {
  const f = {};
  const types = p.getAll('type').map((v) => v.toUpperCase());
  if (types.length) f.types = types;
  if (p.getAll('theme').length) f.themes = p.getAll('theme');
  const principles = p.getAll('principle').map(Number).filter((n) => Number.isInteger(n));
  if (principles.length) f.principles = principles;
  if (p.getAll('scope').length) f.scopes = p.getAll('scope');
  if (p.getAll('doclang').length) f.langs = p.getAll('doclang');
  const year = Number(p.get('year'));
  if (p.get('year') && Number.isInteger(year)) f.years = [year];
  const q = (p.get('q') || '').trim();
  if (q) f.query = q;
  return f;
}

function link(cursor) {
  const u = new URLSearchParams(params);
  u.delete('after');
  if (cursor) u.set('after', cursor);
  return '/library?' + u.toString();
}

/** group is a fieldset of checkboxes (or radio buttons for the year) for one facet. */
function group(name, legend, values, radio) {
  const chosen = new Set(params.getAll(name));
  // a chosen value that no document has any more still shows, with 0
  for (const v of chosen) if (!values.some((x) => x.value === v)) values.push({ value: v, label: v, count: 0 });
  const type = radio ? 'radio' : 'checkbox';
  const items = values.map((v) => choice(type, name, v.value, v.label, v.count, chosen.has(v.value)));
  if (radio) items.unshift(choice('radio', name, '', t('library.anyYear'), undefined, chosen.size === 0 || chosen.has('')));
  const fs = h('fieldset', { class: 'ecl-form-group', id: `facet-${name}` }, h('legend', { class: 'ecl-form-label' }, legend), items);
  return values.length > 8 ? h('details', { open: chosen.size > 0 || undefined }, h('summary', {}, legend), fs) : fs;
}

function facets(d, labels) {
  const f = d.library.facets;
  const cmp = collator().compare;
  const themeName = new Map(d.themes.map((x) => [x.id, x.name]));
  const principle = new Map(d.principles.map((x) => [String(x.number), `${x.number}. ${x.short}`]));
  const byLabel = (a, b) => cmp(a.label, b.label);
  return [
    group('type', t('library.facetType'), f.types.map((x) => ({ ...x, label: labelOf(labels, 'DocType', x.value.toUpperCase()) })).sort(byLabel)),
    group('theme', t('library.facetTheme'), d.themes.filter((x) => f.themes.some((c) => c.value === x.id))
      .map((x) => ({ value: x.id, label: themeName.get(x.id), count: f.themes.find((c) => c.value === x.id).count }))),
    group('principle', t('library.facetPrinciple'), f.principles.map((x) => ({ ...x, label: principle.get(x.value) ?? x.value }))
      .sort((a, b) => Number(a.value) - Number(b.value))),
    group('scope', t('library.facetScope'), f.scopes.map((x) => ({ ...x, label: scopeName(x.value) }))
      .sort((a, b) => (a.value === 'EU' ? -1 : b.value === 'EU' ? 1 : byLabel(a, b)))),
    group('doclang', t('library.facetLang'), f.langs.map((x) => ({ ...x, label: languageNames.of(x.value.toLowerCase()) })).sort(byLabel)),
    group('year', t('library.facetYear'), f.years.map((x) => ({ ...x, label: x.value })).sort((a, b) => Number(b.value) - Number(a.value)), true),
  ];
}

async function run() {
  const status = document.getElementById('library-status');
  const list = document.getElementById('library-list');
  const nav = document.getElementById('library-pages');
  const orderBy = params.get('sort') === 'title' ? { field: 'TITLE', direction: 'ASC' } : { field: 'DATE', direction: 'DESC' };
  try {
    const d = await gql(LIBRARY, { filter: filterOf(params), orderBy, first: PAGE, after, lang: lang.toUpperCase() });
    const labels = labelMap(d.labels);
    document.getElementById('library-facets').replaceChildren(...facets(d, labels));
    const lib = d.library;
    status.textContent = lib.totalCount === 0 ? t('library.none') : t('library.count', { n: lib.totalCount });
    list.replaceChildren(lib.edges.length ? h('ul', { class: 'ewsi-doc-list' }, lib.edges.map((e) => docCard(e.node, labels))) : '');
    pager(nav, lib.pageInfo, after, link);
  } catch (err) {
    status.textContent = '';
    nav.hidden = true;
    showError(list, err, { 'filter.query': t('library.query'), 'filter.years': t('library.facetYear'), 'filter.scopes': t('library.facetScope'),
      'filter.countries': t('library.facetScope'), 'filter.themes': t('library.facetTheme'), 'filter.langs': t('library.facetLang') });
  }
}

run();
