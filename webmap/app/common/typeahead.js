// The type-ahead over the API's fast path (suggest): an ARIA 1.2 combobox (an
// input that controls a listbox, the option under the arrow keys named by
// aria-activedescendant) proposing names and titles from the first letter, the
// typed prefixes marked. Escape closes the list; a live region says how many
// proposals there are.
//
// typeahead() is the chooser of a node in forms (the editor's link target, the
// comparison). siteSearch() enhances the header's search box on every page:
// Enter on a proposal opens its page, Enter without one goes to the search
// page (/search?q=...), as the form does without scripts.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from './i18n.js';
import { NODE_LABEL, label, contentLang, kindName, uiLang, href } from './nodes.js';
import { marked } from '../search/marks.js';

export const SUGGEST = `query($q: String!, $kinds: [ContentKind!], $lang: Lang, $first: Int) {
  suggest(prefix: $q, kinds: $kinds, lang: $lang, first: $first) { label parts { text match } node { ${NODE_LABEL} } }
}`;

/** suggestions asks the API for up to first proposals of q among kinds. */
export async function suggestions(q, kinds, first = 8) {
  const d = await gql(SUGGEST, { q, kinds, lang: uiLang().toUpperCase(), first });
  return d.suggest;
}

/** listbox wires the keyboard, the mouse and the live region of a combobox:
input is the box, list the listbox; fetch(q) returns the proposals ({ node,
parts }), option(item) draws one, choose(item) acts on it; extra(q) adds an
item after them, say(n) is what the live region says of n proposals. It returns
{ close, items() }. */
export function listbox(input, list, status, { fetch, option, choose, delay = 120, minLength = 1, extra, say }) {
  let items = [];
  let active = -1;
  let timer;
  let seq = 0;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');
  list.setAttribute('role', 'listbox');

  const all = () => (extra ? [...items, extra(input.value.trim())].filter(Boolean) : items);
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const render = () => {
    const shown = all();
    list.replaceChildren(...shown.map((it, i) => {
      const li = option(it);
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.addEventListener('mousedown', (e) => { e.preventDefault(); close(); choose(it); });
      return li;
    }));
    const open = shown.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
    active = -1;
    status.textContent = !input.value.trim() ? '' : say ? say(items.length)
      : items.length ? t('typeahead.results', { n: items.length }) : t('typeahead.none');
  };
  const search = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < minLength) { items = []; render(); return; }
    try {
      const got = await fetch(q);
      if (mine !== seq) return;
      items = got;
    } catch {
      if (mine !== seq) return;
      items = [];
    }
    render();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, delay);
  });
  input.addEventListener('keydown', (e) => {
    const n = list.children.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight(active + 1 >= n ? 0 : active + 1);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      const it = all()[active];
      close();
      choose(it);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { close, items: () => items, refresh: search };
}

/** proposal draws a proposal: its kind, then its label with the typed prefixes marked. */
function proposal(it) {
  const l = contentLang(it.node);
  return h('li', { 'data-id': it.node.id },
    h('span', { class: 'kind' }, kindName(it.node)), ' ',
    h('span', { lang: l && l !== uiLang() ? l : undefined }, it.parts?.length ? marked(it.parts) : it.label ?? label(it.node)),
    it.node.demo ? [' ', h('span', { class: 'badge demo' }, t('related.demo'))] : null);
}

/** typeahead returns { el, input, value(), set(node) }: a labelled combobox with id
inputId over suggest(kinds); onPick(node or null) is called when the choice changes. */
export function typeahead(ui, { inputId, labelText, kinds, onPick, initial, describedBy }) {
  const listId = inputId + '-list';
  const input = h('input', { id: inputId, type: 'text', class: 'ecl-text-input',
    'aria-describedby': [inputId + '-hint', describedBy].filter(Boolean).join(' ') });
  const list = h('ul', { id: listId, class: 'ewsi-typeahead', 'aria-label': labelText, hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let chosen = initial || null;
  if (chosen) input.value = label(chosen);
  const pick = (n) => {
    chosen = n;
    input.value = n ? label(n) : '';
    onPick?.(n);
  };
  const box = listbox(input, list, status, { fetch: (q) => suggestions(q, kinds), option: proposal, choose: (it) => pick(it.node) });
  input.addEventListener('input', () => { if (chosen) { chosen = null; onPick?.(null); } });
  const el = h('div', { class: 'field combo ecl-form-group ewsi-typeahead-host' }, h('label', { for: inputId, class: 'ecl-form-label' }, labelText), input,
    h('p', { id: inputId + '-hint', class: 'muted small' }, t('typeahead.hint')), list, status);
  return { el, input, value: () => chosen, set: (n) => { box.close(); pick(n); } };
}

/** siteSearch makes the header's search box a type-ahead (once). */
export function siteSearch(doc = document) {
  const input = doc.getElementById('site-search');
  if (!input || input.dataset.typeahead) return;
  input.dataset.typeahead = 'on';
  const form = input.form;
  const host = input.parentElement;
  host.classList.add('ewsi-typeahead-host');
  const list = h('ul', { id: 'site-search-list', class: 'ewsi-typeahead', 'aria-label': t('typeahead.list'), hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const hint = h('span', { id: 'site-search-hint', class: 'visually-hidden' }, t('typeahead.hint'));
  input.setAttribute('aria-describedby', 'site-search-hint');
  host.append(list, status, hint);
  listbox(input, list, status, {
    fetch: (q) => suggestions(q),
    option: (it) => (it.all ? h('li', { class: 'ewsi-typeahead__all' }, t('typeahead.all', { q: it.all })) : proposal(it)),
    extra: (q) => (q ? { all: q } : null),
    choose: (it) => {
      if (it.all) form.requestSubmit();
      else location.assign(href(it.node));
    },
  });
}

siteSearch();
