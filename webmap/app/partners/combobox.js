// A type-ahead over the full-text search for organisations and authorities: an
// ARIA combobox (input + listbox) in an ECL form group, listing up to eight
// matches while one types; the arrow keys move, Enter chooses, Escape closes.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, tn, ui } from './msg.js';

const SEARCH = `query($q: String!, $kinds: [ContentKind!]) {
  search(query: $q, kinds: $kinds, prefix: true, first: 8) { edges { node { __typename id
    ... on Organisation { name olang: lang demo location { lat lon } country { iso2 } }
    ... on LocalAuthority { name olang: lang demo location { lat lon } country { iso2 } } } } }
}`;

/** combobox returns { el, input, value(), set(node) }: a labelled combobox with id
inputId over search(kinds); onPick(node or null) is called when the choice
changes; hint is its help text. */
export function combobox({ area = 'partners', inputId, labelText, hint, kinds, onPick, initial }) {
  const listId = `${inputId}-list`;
  const input = h('input', { id: inputId, type: 'text', class: 'ecl-text-input ecl-text-input--m', role: 'combobox', autocomplete: 'off',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': `${inputId}-helper ${inputId}-error` });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', 'aria-label': labelText, hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status' });
  let chosen = initial || null;
  let items = [];
  let active = -1;
  let timer;
  let seq = 0;
  const name = (n) => (n.country?.iso2 ? `${n.name} (${n.country.iso2})` : n.name);
  if (chosen) input.value = chosen.name;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (n) => {
    chosen = n;
    input.value = n ? n.name : '';
    close();
    onPick?.(n);
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${i}`);
      list.children[i].scrollIntoView({ block: 'nearest' });
    }
  };
  const render = () => {
    list.replaceChildren(...items.map((n, i) => h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': n.id,
      onmousedown: (e) => { e.preventDefault(); pick(n); } },
    h('span', { lang: n.olang?.toLowerCase() }, name(n)))));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    status.textContent = items.length ? tn(`${area}.matches`, items.length) : t(`${area}.noSuggestion`);
    active = -1;
  };
  const search = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) { items = []; render(); return; }
    try {
      const d = await gql(SEARCH, { q, kinds, lang: ui.toUpperCase() });
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
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight(Math.min(active + 1, items.length - 1));
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  const el = h('div', { class: 'ecl-form-group combo', 'data-field': inputId },
    h('label', { class: 'ecl-form-label', for: inputId }, labelText),
    h('div', { class: 'ecl-help-block', id: `${inputId}-helper` }, hint),
    h('div', { class: 'ecl-feedback-message', id: `${inputId}-error`, hidden: true }),
    input, list, status);
  return { el, input, value: () => chosen, set: pick };
}
