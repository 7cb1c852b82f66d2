// Errors of the board's forms, shown the ECL way: each at its field (feedback
// message, the control marked invalid with aria-invalid and described by the
// message) and all of them in an error notification above the form that names
// each field and links to it; focus goes to the notification.
import { h } from '../map/dom.js';
import { t, tn, errorText } from '../partners/msg.js';
import { notification, setError, clearErrors } from '../partners/ecl.js';

/** labelOf names field id of form the way its label or legend does. */
export function labelOf(form, id) {
  const c = form.querySelector(`#${CSS.escape(id)}`);
  if (!c) return '';
  const own = c.matches('fieldset') ? c.querySelector('legend') : form.querySelector(`label[for="${CSS.escape(id)}"]`);
  return (own?.textContent || '').trim();
}

/** focusField focuses the control of field id (the first box of a group). */
export function focusField(id) {
  const c = document.getElementById(id);
  if (!c) return;
  for (let d = c.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  (c.matches('fieldset') ? c.querySelector('input') : c).focus();
}

/** showFormErrors shows errors [{ id, text, code? }] in form, the summary in box;
an API error (code) is named by its translated errors.<CODE> message. */
export function showFormErrors(form, box, errors) {
  clearErrors(form);
  for (const e of errors) {
    if (e.id) {
      setError(form, e.id, e.text);
      const c = form.querySelector(`#${CSS.escape(e.id)}`);
      for (let d = c?.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    }
  }
  const items = errors.map((e) => {
    const label = e.id && labelOf(form, e.id);
    const text = e.code ? errorText(e.code, label) : label ? t('requests.fieldError', { field: label, message: e.text }) : e.text;
    return h('li', {}, e.id ? h('a', { href: `#${e.id}`, class: 'ecl-link', onclick: (ev) => { ev.preventDefault(); focusField(e.id); } }, text) : text);
  });
  const note = notification('error', tn('requests.formErrors', errors.length), h('ul', { class: 'ecl-unordered-list' }, items),
    { id: `${form.id}-errors` });
  box.replaceChildren(note);
  note.focus();
}

/** clearFormErrors removes the errors of form and its summary in box. */
export function clearFormErrors(form, box) {
  clearErrors(form);
  box.replaceChildren();
}

/** apiErrors turns an API failure into [{ id, code, text }]: the field the error
names (through fieldOf) and the error's code. */
export function apiErrors(e, fieldOf) {
  const list = e.errors?.length ? e.errors : [{ message: e.message }];
  return list.map((x) => {
    const where = x.extensions?.where || '';
    const id = fieldOf[where] || fieldOf[where.split('.').slice(0, 2).join('.')] || '';
    return { id, code: x.extensions?.code || (e.errors ? 'UNKNOWN' : 'NETWORK'), text: t('requests.badValue') };
  });
}
