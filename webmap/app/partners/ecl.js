// Small builders of ECL 5 form markup (form group, text input, select, checkbox,
// button, notification) shared by the partner finder and the request board. Each
// field carries its help and error boxes, tied to the control by
// aria-describedby, and shows an error the ECL way (feedback message above the
// control, the control marked invalid and aria-invalid).
import { h } from '../map/dom.js';

/** button renders an ECL button; variant is primary, secondary, tertiary or ghost. */
export function button(text, attrs = {}, variant = 'primary') {
  return h('button', { type: 'button', ...attrs, class: `ecl-button ecl-button--${variant} ${attrs.class || ''}`.trim() },
    h('span', { class: 'ecl-button__container' }, h('span', { class: 'ecl-button__label', 'data-ecl-label': 'true' }, text)));
}

/** setButtonText changes the label of a button made by button(). */
export function setButtonText(b, text) {
  (b.querySelector('.ecl-button__label') || b).textContent = text;
}

/** describedBy lists the help and error boxes of field id. */
const describedBy = (id, help) => [help && `${id}-helper`, `${id}-error`].filter(Boolean).join(' ');

/** textInput renders an ECL text input (or textarea with type 'textarea'). */
export function textInput(id, attrs = {}) {
  if (attrs.type === 'textarea') {
    const { type, ...rest } = attrs;
    return h('textarea', { id, class: 'ecl-text-area ecl-text-area--l', ...rest });
  }
  return h('input', { id, type: 'text', class: 'ecl-text-input ecl-text-input--m', ...attrs });
}

/** select renders an ECL select of [value, text, attrs?] options. */
export function select(id, options, value, attrs = {}) {
  const sel = h('select', { id, class: 'ecl-select', ...attrs },
    options.map(([v, text, extra]) => h('option', { value: v, selected: v === value, ...(extra || {}) }, text)));
  return { el: h('div', { class: 'ecl-select__container ecl-select__container--m' }, sel, h('div', { class: 'ecl-select__icon', 'aria-hidden': 'true' })), control: sel };
}

/** checkbox renders one ECL checkbox. */
export function checkbox(id, name, value, text, checked, attrs = {}) {
  const input = h('input', { type: 'checkbox', class: 'ecl-checkbox__input', id, name, value, checked, ...attrs });
  return h('div', { class: 'ecl-checkbox' }, input,
    h('label', { class: 'ecl-checkbox__label', for: id },
      h('span', { class: 'ecl-checkbox__box', 'aria-hidden': 'true' }, h('span', { class: 'ecl-checkbox__check' })),
      h('span', { class: 'ecl-checkbox__text' }, text)));
}

/** field renders an ECL form group: label, help, error and the control. control
may be { el, control } (as select() returns) or an element. */
export function field(id, label, control, { help, optional } = {}) {
  const el = control.el || control;
  const c = control.control || control;
  c.setAttribute('aria-describedby', describedBy(id, help));
  return h('div', { class: 'ecl-form-group', 'data-field': id },
    h('label', { class: 'ecl-form-label', for: id }, label, optional ? h('span', { class: 'ecl-form-label__optional' }, optional) : null),
    help && h('div', { class: 'ecl-help-block', id: `${id}-helper` }, help),
    h('div', { class: 'ecl-feedback-message', id: `${id}-error`, hidden: true }),
    el);
}

/** group renders a fieldset form group (checkboxes and the like) with a legend. */
export function group(id, legend, children, { help, attrs = {} } = {}) {
  return h('fieldset', { class: 'ecl-form-group', id, 'data-field': id, 'aria-describedby': describedBy(id, help), ...attrs },
    h('legend', { class: 'ecl-form-label' }, legend),
    help && h('div', { class: 'ecl-help-block', id: `${id}-helper` }, help),
    h('div', { class: 'ecl-feedback-message', id: `${id}-error`, hidden: true }),
    children);
}

/** setError shows (or with '' clears) the error of field id inside root. */
export function setError(root, id, message) {
  const box = root.querySelector(`#${CSS.escape(id)}-error`);
  const control = root.querySelector(`#${CSS.escape(id)}`);
  if (box) {
    box.textContent = message;
    box.hidden = !message;
  }
  if (!control) return;
  const targets = control.matches('fieldset') ? [control, ...control.querySelectorAll('input')] : [control];
  for (const x of targets) {
    if (message) x.setAttribute('aria-invalid', 'true');
    else x.removeAttribute('aria-invalid');
  }
  control.closest('.ecl-form-group')?.classList.toggle('ecl-form-group--invalid', Boolean(message));
  if (control.classList.contains('ecl-text-input')) control.classList.toggle('ecl-text-input--invalid', Boolean(message));
  if (control.classList.contains('ecl-text-area')) control.classList.toggle('ecl-text-area--invalid', Boolean(message));
  if (control.classList.contains('ecl-select')) control.classList.toggle('ecl-select--invalid', Boolean(message));
}

/** clearErrors clears every field error inside root. */
export function clearErrors(root) {
  for (const box of root.querySelectorAll('.ecl-feedback-message[id$="-error"]')) setError(root, box.id.slice(0, -6), '');
}

/** notification renders an ECL notification (variant error, warning, info or
success) with a title and a body; it is a live region when live is set. */
export function notification(variant, title, body, { id, live = true } = {}) {
  return h('div', { class: `ecl-notification ecl-notification--${variant}`, id, role: live ? (variant === 'error' ? 'alert' : 'status') : undefined, tabindex: '-1' },
    h('div', { class: 'ecl-notification__content' },
      h('div', { class: 'ecl-notification__title' }, title),
      body && h('div', { class: 'ecl-notification__description' }, body)));
}
