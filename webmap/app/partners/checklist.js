// A multiple choice that does not need Ctrl-click: a group of ECL checkboxes in a
// disclosure whose summary says how many are chosen, with a filter box for long
// lists (typing hides the options that do not match). Keyboard: Tab to the
// summary, Enter or Space opens it, Tab through the filter and the boxes, Space
// ticks a box.
import { h } from '../map/dom.js';
import { t, tn } from './msg.js';
import { checkbox } from './ecl.js';

/** checklist returns { el, values(), open() } for the group id with the legend and
the options [value, text, lang?]; chosen are ticked. With filter, a filter box
is shown above the options. emptyText says what choosing none means. */
export function checklist(id, legend, options, chosen, { area = 'partners', name = id, filter = false, emptyText, openNow = false } = {}) {
  const summaryCount = h('span', { class: 'checklist-count' });
  const boxes = options.map(([v, text, lang], i) => {
    const box = checkbox(`${id}-${i}`, name, v, lang ? h('span', { lang }, text) : text, chosen.includes(v));
    box.dataset.text = String(text).toLocaleLowerCase();
    return box;
  });
  const none = h('p', { class: 'ecl-help-block checklist-none', hidden: true }, t(`${area}.filterNone`));
  const filterInput = filter && h('input', { type: 'search', id: `${id}-filter`, class: 'ecl-text-input ecl-text-input--s', autocomplete: 'off',
    'aria-controls': `${id}-options` });
  if (filterInput) {
    filterInput.addEventListener('input', () => {
      const q = filterInput.value.trim().toLocaleLowerCase();
      let shown = 0;
      for (const b of boxes) {
        const hit = !q || b.dataset.text.includes(q) || b.querySelector('input').checked;
        b.hidden = !hit;
        if (hit) shown += 1;
      }
      none.hidden = shown > 0;
    });
    // Enter in the filter ticks the only match rather than sending the form
    filterInput.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const visible = boxes.filter((b) => !b.hidden && !b.querySelector('input').checked);
      if (visible.length === 1) {
        visible[0].querySelector('input').click();
      }
    });
  }
  const fieldset = h('fieldset', { class: 'ecl-form-group checklist-group', id, 'data-field': id, 'aria-describedby': `${id}-error` },
    h('legend', { class: 'ecl-form-label visually-hidden' }, legend),
    h('div', { class: 'ecl-feedback-message', id: `${id}-error`, hidden: true }),
    filterInput && h('div', { class: 'checklist-filter' }, h('label', { class: 'ecl-form-label ecl-form-label--s', for: `${id}-filter` }, t(`${area}.filter`)), filterInput),
    h('div', { class: 'checklist-options', id: `${id}-options` }, boxes), none);
  const details = h('details', { class: 'checklist', 'data-checklist': id, open: openNow || chosen.length > 0 || undefined },
    h('summary', { id: `${id}-summary` }, h('span', { class: 'checklist-legend' }, legend), ' ', summaryCount), fieldset);
  const values = () => boxes.map((b) => b.querySelector('input')).filter((x) => x.checked).map((x) => x.value);
  const count = () => {
    const n = values().length;
    summaryCount.textContent = `(${n ? tn(`${area}.chosen`, n) : emptyText || t(`${area}.noneChosen`)})`;
  };
  fieldset.addEventListener('change', count);
  count();
  return { el: details, values, open: () => { details.open = true; } };
}
