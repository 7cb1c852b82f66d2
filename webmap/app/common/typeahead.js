// A type-ahead over the full-text search: an ARIA combobox (input + listbox)
// that lists up to eight nodes of the given kinds while one types, chosen with the
// mouse or with the arrow keys and Enter; Escape closes the list.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, fmtNumber } from './i18n.js';
import { NODE_LABEL, label, contentLang, kindName, uiLang } from './nodes.js';

const SEARCH = `query($q: String!, $kinds: [ContentKind!], $lang: Lang) {
  search(query: $q, kinds: $kinds, prefix: true, first: 8) { edges { node { ${NODE_LABEL} } } }
}`;

/** typeahead returns { el, input, value(), set(node) }: a labelled combobox with id
inputId over search(kinds); onPick(node or null) is called when the choice changes. */
export function typeahead(ui, { inputId, labelText, kinds, onPick, initial, describedBy }) {
  const listId = inputId + '-list';
  const input = h('input', { id: inputId, type: 'text', class: 'ecl-text-input', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': [inputId + '-hint', describedBy].filter(Boolean).join(' ') });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': labelText, hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let chosen = initial || null;
  let items = [];
  let active = -1;
  let timer;
  let seq = 0;
  if (chosen) input.value = label(chosen);

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const pick = (n) => {
    chosen = n;
    input.value = n ? label(n) : '';
    close();
    onPick?.(n);
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) { input.setAttribute('aria-activedescendant', `${listId}-${i}`); list.children[i].scrollIntoView({ block: 'nearest' }); }
  };
  const render = () => {
    list.replaceChildren(...items.map((n, i) => h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': n.id,
      onmousedown: (e) => { e.preventDefault(); pick(n); } },
    h('span', { class: 'kind' }, kindName(n)), ' ', h('span', { lang: contentLang(n) }, label(n)),
    n.demo ? [' ', h('span', { class: 'badge demo' }, t('related.demo'))] : null)));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    status.textContent = items.length ? t('related.results', { n: fmtNumber(items.length), count: items.length }) : t('related.noResults');
    active = -1;
  };
  const search = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) { items = []; render(); return; }
    try {
      const d = await gql(SEARCH, { q, kinds, lang: uiLang().toUpperCase() });
      if (mine !== seq) return;
      items = d.search.edges.map((e) => e.node);
    } catch {
      items = [];
    }
    render();
  };
  input.addEventListener('input', () => {
    if (chosen) { chosen = null; onPick?.(null); }
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); if (list.hidden) render(); highlight(Math.min(active + 1, items.length - 1)); }
    else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); pick(items[active]); }
    else if (e.key === 'Escape' && !list.hidden) { e.preventDefault(); close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  const el = h('div', { class: 'field combo ecl-form-group' }, h('label', { for: inputId, class: 'ecl-form-label' }, labelText), input,
    h('p', { id: inputId + '-hint', class: 'muted small' }, t('related.searchHint')), list, status);
  return { el, input, value: () => chosen, set: pick };
}
