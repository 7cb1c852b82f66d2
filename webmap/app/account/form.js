// The forms of the account pages, the ECL way: each form checks what it can
// before sending (required fields, lengths, the email, links), shows every error
// at its field (feedback message, the control marked invalid and described by
// it) and all of them in an error summary above the form that names each field
// and links to it; focus goes to the summary. What the API refuses shows at the
// field its error names (extensions.where), else in the summary.
import { h } from '../map/dom.js';
import { t, has } from '../common/i18n.js';
import { setError, clearErrors } from '../partners/ecl.js';
import { notification } from '../common/notify.js';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** gql posts a query to /graphql (same origin: the session cookie goes with it)
and returns its data; on errors it throws an Error that keeps them. */
export async function gql(query, variables = {}) {
  const r = await fetch('/graphql', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await r.json();
  } catch {
    throw Object.assign(new Error(`HTTP ${r.status}`), { errors: [{ message: `HTTP ${r.status}`, extensions: { code: r.status === 429 ? 'RATE_LIMITED' : 'UNKNOWN' } }] });
  }
  if (body.errors?.length) {
    throw Object.assign(new Error(body.errors.map((e) => e.message).join('; ')), { errors: body.errors, data: body.data });
  }
  return body.data;
}

/** code is the extensions.code of the first error of err. */
export const code = (err) => err?.errors?.[0]?.extensions?.code || (err instanceof TypeError ? 'NETWORK' : 'UNKNOWN');

/** labelOf names field id of form as its label or legend does. */
function labelOf(form, id) {
  const c = form.querySelector(`#${CSS.escape(id)}`);
  if (!c) return '';
  const own = c.matches('fieldset') ? c.querySelector('legend') : form.querySelector(`label[for="${CSS.escape(id)}"]`);
  return (own?.textContent || '').trim();
}

/** focusField focuses the control of field id (the first box of a group). */
function focusField(id) {
  const c = document.getElementById(id);
  if (!c) return;
  (c.matches('fieldset') ? c.querySelector('input') : c).focus();
}

/** errorText is the visitor's words for an API error code. */
export function errorText(c) {
  if (c === 'RATE_LIMITED') return t('account.tooMany');
  return t(has(`errors.${c}`) ? `errors.${c}` : 'errors.UNKNOWN');
}

/** showErrors shows errors [{ id?, text }] in form and their summary in box. */
export function showErrors(form, box, errors) {
  clearErrors(form);
  for (const e of errors) if (e.id) setError(form, e.id, e.text);
  const items = errors.map((e) => {
    const label = e.id && labelOf(form, e.id);
    const text = label ? t('account.fieldError', { field: label, message: e.text }) : e.text;
    return h('li', {}, e.id ? h('a', { href: `#${e.id}`, class: 'ecl-link', onclick: (ev) => { ev.preventDefault(); focusField(e.id); } }, text) : text);
  });
  const note = notification('error', t('account.formErrors', { n: errors.length }), h('ul', { class: 'ecl-unordered-list' }, items));
  note.id = `${form.id}-errors`;
  note.tabIndex = -1;
  box.replaceChildren(note);
  note.focus();
}

/** say shows a notice of variant (success, info, warning, error) in box and focuses it. */
export function say(box, variant, title, ...body) {
  const note = notification(variant, title, ...body);
  note.tabIndex = -1;
  box.replaceChildren(note);
  note.focus();
  return note;
}

/** check returns the errors [{ id, text }] of form's fields by rules
[[id, { email, url, min, value(), choice }]]: empty, too short, not an email. */
export function check(form, rules) {
  const errors = [];
  for (const [id, rule] of rules) {
    const el = form.querySelector('#' + id);
    if (rule.choice) {
      if (!el.querySelector('input:checked')) errors.push({ id, text: t('account.requiredChoice') });
      continue;
    }
    if (rule.tick) {
      if (!el.checked) errors.push({ id, text: t('account.mustTick') });
      continue;
    }
    const v = (rule.value ? rule.value() : el.value).trim();
    if (!v) {
      if (!rule.optional) errors.push({ id, text: t(rule.pick ? 'account.pickOrg' : 'account.required') });
    } else if (rule.min && v.length < rule.min) errors.push({ id, text: t('account.tooShort', { n: rule.min }) });
    else if (rule.email && !EMAIL.test(v)) errors.push({ id, text: t('account.badEmail') });
    else if (rule.url && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(v)) errors.push({ id, text: t('account.badUrl') });
  }
  return errors;
}

/** apiErrors turns an API failure into [{ id, text }], at the field fields
maps the error's extensions.where to (input.email → 'r-email'). */
export function apiErrors(err, fields = {}) {
  const list = err?.errors?.length ? err.errors : [{ extensions: { code: code(err) } }];
  return list.map((x) => {
    const where = x.extensions?.where || '';
    const id = fields[where] || fields[where.split('.').slice(-1)[0]] || '';
    const c = x.extensions?.code || 'UNKNOWN';
    return { id, text: id && c === 'INVALID' ? t('account.badValue') : errorText(c) };
  });
}

/** setBusy marks the submit button busy while run goes, its label saying so. */
export async function busy(btn, run) {
  const label = btn.querySelector('.ecl-button__label');
  const was = label.textContent;
  btn.disabled = true;
  label.textContent = t('account.sending');
  try {
    return await run();
  } finally {
    btn.disabled = false;
    label.textContent = was;
  }
}

/** wire sends form on submit: rules are checked first; then run(FormData)
runs with the button busy; API errors go to fields. */
export function wire(form, box, { rules = [], fields = {}, run }) {
  const btn = form.querySelector('[type=submit]');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    box.replaceChildren();
    const errors = check(form, typeof rules === 'function' ? rules() : rules);
    if (errors.length) { showErrors(form, box, errors); return; }
    await busy(btn, async () => {
      try {
        await run(new FormData(form));
      } catch (err) {
        showErrors(form, box, apiErrors(err, fields));
      }
    });
  });
}

/** values returns the checked values of the boxes named name inside root. */
export const checked = (root, name) => [...root.querySelectorAll(`input[name="${name}"]:checked`)].map((x) => x.value);
