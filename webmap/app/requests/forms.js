// The post and reply forms of the board, in ECL form components. Each form checks
// what it can before sending (required fields, lengths, the email, the closing
// date) and shows every error at its field; what the API refuses shows at the
// field the error names. Each form draws its idempotency key when it is built,
// so a double click or a resent form cannot post twice.
import { h } from '../map/dom.js';
import { t, ui, byName } from '../partners/msg.js';
import { button, setButtonText, field, select, textInput } from '../partners/ecl.js';
import { checklist } from '../partners/checklist.js';
import { combobox } from '../partners/combobox.js';
import { ORG_TYPES, EU_LANGS, langNamer } from '../partners/labels.js';
import { gql, POST, REPLY_TO, keepManageKey, keepReplyKey } from './api.js';
import { showFormErrors, clearFormErrors, apiErrors } from './errors.js';

const POST_FIELDS = {
  'input.organisation': 'p-org', 'input.title': 'p-title', 'input.description': 'p-description', 'input.lang': 'p-lang',
  'input.themes': 'p-theme', 'input.subthemes': 'p-subtheme', 'input.countries': 'p-countries', 'input.types': 'p-types',
  'input.languages': 'p-languages', 'input.funding': 'p-funding', 'input.closes': 'p-closes', 'input.contact': 'p-cname',
  'input.contact.name': 'p-cname', 'input.contact.email': 'p-cemail',
};
const REPLY_FIELDS = {
  'input.organisation': 'r-org', 'input.fit': 'r-fit', 'input.offer': 'r-offer', 'input.lang': 'r-lang',
  'input.contact': 'r-cname', 'input.contact.name': 'r-cname', 'input.contact.email': 'r-cemail',
};
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** langOptions are the EU languages named in ui, sorted, as upper-case codes. */
function langOptions() {
  const name = langNamer(ui);
  return byName(EU_LANGS.map((l) => ({ code: l.toUpperCase(), name: name(l) }))).map((l) => [l.code, l.name]);
}

/** orgPicker is the organisation field: a type-ahead; an id typed in full is taken as is. */
function orgPicker(id) {
  const c = combobox({ area: 'requests', inputId: id, labelText: t('requests.organisation'), hint: t('requests.orgHint'), kinds: ['ORGANISATION'] });
  c.id = () => c.value()?.id || (c.input.value.trim().startsWith('organisation:') ? c.input.value.trim() : '');
  return c;
}

/** keyBox shows a key once, with a plain warning to keep it. */
function keyBox(title, warning, key, next) {
  return h('section', { class: 'ecl-notification ecl-notification--warning key', 'aria-labelledby': 'key-title' },
    h('div', { class: 'ecl-notification__content' },
      h('h2', { id: 'key-title', class: 'ecl-notification__title', tabindex: '-1' }, title),
      h('div', { class: 'ecl-notification__description' }, h('p', {}, warning), h('code', { id: 'the-key' }, key), next)));
}

/** check returns the errors [{ id, text }] of the required and bounded fields. */
function check(form, rules) {
  const errors = [];
  for (const [id, rule] of rules) {
    const el = form.querySelector('#' + id);
    const v = (rule.value ? rule.value() : el.value).trim();
    if (!v) errors.push({ id, text: t(rule.pick ? 'requests.pickOrg' : 'requests.required') });
    else if (rule.min && v.length < rule.min) errors.push({ id, text: t('requests.tooShort', { n: rule.min }) });
    else if (rule.email && !EMAIL.test(v)) errors.push({ id, text: t('requests.badEmail') });
  }
  return errors;
}

/** send runs the mutation with the button busy; API errors go to their fields. */
async function send(form, box, btn, fields, run) {
  clearFormErrors(form, box);
  btn.disabled = true;
  const label = btn.textContent;
  setButtonText(btn, t('requests.sending'));
  try {
    await run();
  } catch (e) {
    showFormErrors(form, box, apiErrors(e, fields));
  } finally {
    btn.disabled = false;
    setButtonText(btn, label);
  }
}

const contactPart = (p) => h('fieldset', { class: 'ecl-form-group board-part' }, h('legend', { class: 'ecl-form-label ecl-form-label--l' }, t('requests.contact')),
  h('p', { class: 'ecl-help-block' }, t('requests.private')),
  field(`${p}-cname`, t('requests.contactName'), textInput(`${p}-cname`, { name: 'contactName', autocomplete: 'name', 'aria-required': 'true' })),
  field(`${p}-cemail`, t('requests.contactEmail'), textInput(`${p}-cemail`, { name: 'contactEmail', type: 'email', autocomplete: 'email', 'aria-required': 'true' })));

/** postForm builds the form that posts a request; ref holds the themes and
countries, label(enum, value) the enum labels, link(params) the board's URLs. */
export function postForm({ ref, label, link }) {
  const idem = crypto.randomUUID();
  const box = h('div', { class: 'form-alert' });
  const org = orgPicker('p-org');
  const themes = byName(ref.themes);
  const theme = select('p-theme', [['', '—'], ...themes.map((x) => [x.id, x.name])], '', { name: 'theme', 'aria-required': 'true' });
  const sub = select('p-subtheme', [['', t('requests.any')], ...themes.flatMap((x) => byName(x.subthemes).map((s) => [s.id, `${x.name} — ${s.name}`]))], '', { name: 'subtheme' });
  const countries = checklist('p-countries', t('requests.countriesField'), byName(ref.countries).map((c) => [c.iso2, c.name]), [],
    { area: 'requests', name: 'countries', filter: true, emptyText: t('requests.countriesHint') });
  const types = checklist('p-types', t('requests.kindsField'),
    byName(ORG_TYPES.map((x) => ({ v: x, l: label('OrgType', x) })), (o) => o.l.text).map((o) => [o.v, o.l.text, o.l.lang !== ui ? o.l.lang : undefined]), [],
    { area: 'requests', name: 'types', emptyText: t('requests.kindsHint') });
  const languages = checklist('p-languages', t('requests.languagesField'), langOptions().map(([c, n]) => [c.toLowerCase(), n]), [],
    { area: 'requests', name: 'languages', filter: true });
  const closes = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
  const min = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
  const max = new Date(Date.now() + 364 * 864e5).toISOString().slice(0, 10);
  const btn = button(t('requests.submit'), { type: 'submit', id: 'p-submit' });
  const form = h('form', { class: 'board-form', id: 'post-form', novalidate: true },
    h('div', { class: 'board-part' },
      org.el,
      field('p-title', t('requests.projectTitle'), textInput('p-title', { name: 'title', maxlength: 200, 'aria-required': 'true' })),
      field('p-description', t('requests.description'), textInput('p-description', { type: 'textarea', name: 'description', maxlength: 5000, rows: 5, 'aria-required': 'true' }),
        { help: t('requests.descriptionHint') }),
      field('p-lang', t('requests.lang'), select('p-lang', langOptions(), ui.toUpperCase(), { name: 'lang' })),
      field('p-theme', t('requests.theme'), theme),
      field('p-subtheme', t('requests.subtheme'), sub),
      countries.el, types.el, languages.el,
      field('p-funding', t('requests.fundingField'), textInput('p-funding', { name: 'funding', autocomplete: 'off' })),
      field('p-closes', t('requests.closesField'), textInput('p-closes', { name: 'closes', type: 'date', value: closes, min, max, 'aria-required': 'true' }))),
    contactPart('p'),
    h('div', { class: 'board-actions' }, btn));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const errors = check(form, [['p-org', { value: org.id, pick: true }], ['p-title', {}], ['p-description', { min: 20 }], ['p-theme', {}],
      ['p-closes', {}], ['p-cname', {}], ['p-cemail', { email: true }]]);
    if (errors.length) { showFormErrors(form, box, errors); return; }
    const input = { organisation: org.id(), title: f.get('title').trim(), description: f.get('description').trim(),
      lang: f.get('lang'), themes: [f.get('theme')], subthemes: f.get('subtheme') ? [f.get('subtheme')] : [],
      countries: countries.values(), types: types.values(), languages: languages.values(),
      funding: f.get('funding').trim() || null, closes: f.get('closes'),
      contact: { name: f.get('contactName').trim(), email: f.get('contactEmail').trim() } };
    send(form, box, btn, POST_FIELDS, async () => {
      const d = await gql(POST, { in: input, idem });
      const res = d.postPartnerRequest;
      const id = res.request.id;
      const open = h('p', {}, h('a', { href: link({ id }), id: 'open-request', class: 'ecl-link ecl-link--standalone' }, t('requests.open')));
      if (res.manageKey) {
        keepManageKey(id, res.manageKey);
        form.replaceWith(keyBox(t('requests.keyTitle'), t('requests.keyWarning'), res.manageKey, open));
      } else {
        form.replaceWith(open);
      }
      document.getElementById('key-title')?.focus();
    });
  });
  return h('div', { class: 'post' }, box, form);
}

/** replyForm builds the form that replies to the request in ctx. */
export function replyForm(ctx) {
  const { request, refresh } = ctx;
  const idem = crypto.randomUUID();
  const box = h('div', { class: 'form-alert' });
  const org = orgPicker('r-org');
  const btn = button(t('requests.sendReply'), { type: 'submit', id: 'r-submit' });
  const form = h('form', { class: 'board-form', id: 'reply-form', novalidate: true },
    org.el,
    field('r-fit', t('requests.fit'), textInput('r-fit', { type: 'textarea', name: 'fit', maxlength: 3000, rows: 4, 'aria-required': 'true' })),
    field('r-offer', t('requests.offer'), textInput('r-offer', { type: 'textarea', name: 'offer', maxlength: 3000, rows: 4, 'aria-required': 'true' })),
    field('r-lang', t('requests.replyLang'), select('r-lang', langOptions(), ui.toUpperCase(), { name: 'lang' })),
    contactPart('r'),
    h('div', { class: 'board-actions' }, btn));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const errors = check(form, [['r-org', { value: org.id, pick: true }], ['r-fit', { min: 10 }], ['r-offer', { min: 10 }],
      ['r-cname', {}], ['r-cemail', { email: true }]]);
    if (errors.length) { showFormErrors(form, box, errors); return; }
    const input = { request: request.id, organisation: org.id(), fit: f.get('fit').trim(), offer: f.get('offer').trim(),
      lang: f.get('lang'), contact: { name: f.get('contactName').trim(), email: f.get('contactEmail').trim() } };
    send(form, box, btn, REPLY_FIELDS, async () => {
      const d = await gql(REPLY_TO, { in: input, idem });
      const res = d.replyToPartnerRequest;
      const next = [h('p', {}, `${t('requests.replyId')}: `, h('code', { id: 'the-reply-id' }, res.reply.id)),
        h('p', {}, button(t('requests.followReply'), { id: 'follow-reply', onclick: refresh }, 'secondary'))];
      if (res.replyKey) {
        keepReplyKey(res.reply.id, request.id, res.replyKey);
        form.replaceWith(keyBox(t('requests.replyKeyTitle'), t('requests.replyKeyWarning'), res.replyKey, next));
      } else {
        form.replaceWith(...next);
      }
      document.getElementById('key-title')?.focus();
    });
  });
  return h('section', { 'aria-labelledby': 'reply-title', class: 'board-reply' },
    h('h2', { id: 'reply-title' }, t('requests.replyTitle')), box, form);
}
