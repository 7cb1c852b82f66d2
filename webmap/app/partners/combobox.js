// A type-ahead for organisations and authorities over the API's fast path
// (suggest, from the first letter, the typed prefixes marked): an ARIA 1.2
// combobox (input + listbox, aria-activedescendant) in an ECL form group; the
// arrow keys move, Enter chooses, Escape closes.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { tn, t, ui } from './msg.js';
import { listbox } from '../common/typeahead.js';
import { marked } from '../search/marks.js';

const SUGGEST = `query($q: String!, $kinds: [ContentKind!], $lang: Lang) {
  suggest(prefix: $q, kinds: $kinds, lang: $lang, first: 8) { label parts { text match } node { __typename id
    ... on Organisation { name olang: lang demo location { lat lon } country { iso2 } }
    ... on LocalAuthority { name olang: lang demo location { lat lon } country { iso2 } } } }
}`;

/** combobox returns { el, input, value(), set(node) }: a labelled combobox with id
inputId over suggest(kinds); onPick(node or null) is called when the choice
changes; hint is its help text. */
export function combobox({ area = 'partners', inputId, labelText, hint, kinds, onPick, initial }) {
  const listId = `${inputId}-list`;
  const input = h('input', { id: inputId, type: 'text', class: 'ecl-text-input ecl-text-input--m',
    'aria-describedby': `${inputId}-helper ${inputId}-error` });
  const list = h('ul', { id: listId, class: 'combo-list', 'aria-label': labelText, hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status' });
  let chosen = initial || null;
  if (chosen) input.value = chosen.name;
  const pick = (n) => {
    chosen = n;
    input.value = n ? n.name : '';
    onPick?.(n);
  };
  const option = (it) => {
    const n = it.node;
    return h('li', { 'data-id': n.id },
      h('span', { lang: n.olang?.toLowerCase() }, it.parts?.length ? marked(it.parts) : n.name),
      n.country?.iso2 ? ` (${n.country.iso2})` : '');
  };
  const fetch = async (q) => (await gql(SUGGEST, { q, kinds, lang: ui.toUpperCase() })).suggest;
  const box = listbox(input, list, status, { fetch, option, choose: (it) => pick(it.node),
    say: (n) => (n ? tn(`${area}.matches`, n) : t(`${area}.noSuggestion`)) });
  input.addEventListener('input', () => { if (chosen) { chosen = null; onPick?.(null); } });
  const el = h('div', { class: 'ecl-form-group combo', 'data-field': inputId },
    h('label', { class: 'ecl-form-label', for: inputId }, labelText),
    h('div', { class: 'ecl-help-block', id: `${inputId}-helper` }, hint),
    h('div', { class: 'ecl-feedback-message', id: `${inputId}-error`, hidden: true }),
    input, list, status);
  return { el, input, value: () => chosen, set: (n) => { box.close(); pick(n); } };
}
