// The post and reply forms. Each form draws its idempotency key when it is built,
// so a double click or a resent form cannot post twice.
import { h } from '../map/dom.js';
import { t, typeName, TYPES } from './i18n.js';
import { gql, POST, REPLY_TO, ORGS, keepManageKey, keepReplyKey } from './api.js';

const LANGS = ['BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'GA', 'HR', 'HU', 'IT', 'LT', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SL', 'SV'];

const field = (id, label, control, help) => h('label', { for: id }, h('span', {}, label), control,
  help && h('small', { class: 'muted', id: `${id}-help` }, help));

/** orgField is an organisation picker: a text box whose list offers matching organisations by id. */
function orgField(ui, id) {
  const list = h('datalist', { id: `${id}-list` });
  const input = h('input', { id, name: 'organisation', required: true, list: `${id}-list`, autocomplete: 'off',
    'aria-describedby': `${id}-help`, placeholder: 'organisation:…' });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || q.startsWith('organisation:')) return;
    timer = setTimeout(async () => {
      const d = await gql(ORGS, { q }).catch(() => null);
      list.replaceChildren(...(d?.search.edges || []).map((e) => h('option', { value: e.node.id }, `${e.node.name} (${e.node.country?.iso2 ?? ''})`)));
    }, 250);
  });
  return [field(id, t(ui.lang, 'organisation'), input, t(ui.lang, 'orgHelp')), list];
}

const langSelect = (id, name, value) => h('select', { id, name, required: true },
  LANGS.map((l) => h('option', { value: l, selected: l === value }, l)));

/** keyBox shows a key once, with a plain warning to keep it. */
function keyBox(title, warning, key, next) {
  return h('section', { class: 'key', role: 'alert', 'aria-labelledby': 'key-title' },
    h('h3', { id: 'key-title' }, title), h('p', {}, warning), h('code', { id: 'the-key' }, key), next);
}

async function submit(form, errBox, button, ui, send) {
  errBox.textContent = '';
  button.disabled = true;
  const label = button.textContent;
  button.textContent = t(ui.lang, 'sending');
  try {
    await send();
  } catch (e) {
    errBox.textContent = e.message;
    errBox.focus();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** postForm builds the form that posts a request. */
export function postForm(ctx) {
  const { ui, link, reference } = ctx;
  const idem = crypto.randomUUID();
  const err = h('p', { class: 'error', id: 'post-error', role: 'alert', tabindex: '-1' });
  const button = h('button', { type: 'submit' }, t(ui.lang, 'submit'));
  const themeSel = h('select', { id: 'p-theme', name: 'theme', required: true });
  const subSel = h('select', { id: 'p-subtheme', name: 'subtheme' });
  const countries = h('select', { id: 'p-countries', name: 'countries', multiple: true, size: 5 });
  reference().then((r) => {
    themeSel.replaceChildren(...r.themes.map((x) => h('option', { value: x.id }, x.name)));
    subSel.replaceChildren(h('option', { value: '' }, t(ui.lang, 'any')),
      ...r.themes.flatMap((x) => x.subthemes.map((s) => h('option', { value: s.id }, `${x.name} — ${s.name}`))));
    countries.replaceChildren(...r.countries.map((c) => h('option', { value: c.iso2 }, c.name)));
  });
  const closes = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
  const max = new Date(Date.now() + 364 * 864e5).toISOString().slice(0, 10);
  const form = h('form', { class: 'form', id: 'post-form', novalidate: false },
    ...orgField(ui, 'p-org'),
    field('p-title', t(ui.lang, 'projectTitle'), h('input', { id: 'p-title', name: 'title', required: true, maxlength: 200 })),
    field('p-description', t(ui.lang, 'description'), h('textarea', { id: 'p-description', name: 'description', required: true, minlength: 20, maxlength: 5000 })),
    field('p-lang', t(ui.lang, 'lang'), langSelect('p-lang', 'lang', ui.lang.toUpperCase())),
    field('p-theme', t(ui.lang, 'theme'), themeSel),
    field('p-subtheme', t(ui.lang, 'subtheme'), subSel),
    field('p-countries', t(ui.lang, 'countriesField'), countries),
    h('fieldset', { class: 'kinds' }, h('legend', {}, t(ui.lang, 'kindsField')),
      TYPES.map((k) => h('label', {}, h('input', { type: 'checkbox', name: 'types', value: k }), typeName(ui.lang, k)))),
    field('p-languages', t(ui.lang, 'languagesField'), h('input', { id: 'p-languages', name: 'languages' })),
    field('p-funding', t(ui.lang, 'fundingField'), h('input', { id: 'p-funding', name: 'funding', placeholder: 'funding:…' })),
    field('p-closes', t(ui.lang, 'closesField'), h('input', { id: 'p-closes', name: 'closes', type: 'date', required: true, value: closes, max })),
    h('fieldset', {}, h('legend', {}, t(ui.lang, 'contact')), h('p', { class: 'muted' }, t(ui.lang, 'private')),
      field('p-cname', t(ui.lang, 'contactName'), h('input', { id: 'p-cname', name: 'contactName', required: true, autocomplete: 'name' })),
      field('p-cemail', t(ui.lang, 'contactEmail'), h('input', { id: 'p-cemail', name: 'contactEmail', type: 'email', required: true, autocomplete: 'email' }))),
    err, h('div', {}, button));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const list = (s) => s.split(/[\s,;]+/).map((x) => x.trim().toLowerCase()).filter(Boolean);
    const input = { organisation: f.get('organisation').trim(), title: f.get('title'), description: f.get('description'),
      lang: f.get('lang'), themes: [f.get('theme')], subthemes: f.get('subtheme') ? [f.get('subtheme')] : [],
      countries: f.getAll('countries'), types: f.getAll('types'), languages: list(f.get('languages') || ''),
      funding: f.get('funding').trim() || null, closes: f.get('closes'),
      contact: { name: f.get('contactName'), email: f.get('contactEmail') } };
    submit(form, err, button, ui, async () => {
      const d = await gql(POST, { in: input, idem });
      const res = d.postPartnerRequest;
      const id = res.request.id;
      const open = h('p', {}, h('a', { href: link({ id }), id: 'open-request' }, t(ui.lang, 'open')));
      if (res.manageKey) {
        keepManageKey(id, res.manageKey);
        form.replaceWith(keyBox(t(ui.lang, 'keyTitle'), t(ui.lang, 'keyWarning'), res.manageKey, open));
      } else {
        form.replaceWith(open);
      }
      document.getElementById('key-title')?.focus();
    });
  });
  return h('section', { 'aria-labelledby': 'post-title' },
    h('p', {}, h('a', { href: link() }, `← ${t(ui.lang, 'back')}`)),
    h('h2', { id: 'post-title' }, t(ui.lang, 'postTitle')), form);
}

/** replyForm builds the form that replies to the request in ctx. */
export function replyForm(ctx) {
  const { ui, request, refresh } = ctx;
  const idem = crypto.randomUUID();
  const err = h('p', { class: 'error', id: 'reply-error', role: 'alert', tabindex: '-1' });
  const button = h('button', { type: 'submit' }, t(ui.lang, 'sendReply'));
  const form = h('form', { class: 'form', id: 'reply-form' },
    ...orgField(ui, 'r-org'),
    field('r-fit', t(ui.lang, 'fit'), h('textarea', { id: 'r-fit', name: 'fit', required: true, minlength: 10, maxlength: 3000 })),
    field('r-offer', t(ui.lang, 'offer'), h('textarea', { id: 'r-offer', name: 'offer', required: true, minlength: 10, maxlength: 3000 })),
    field('r-lang', t(ui.lang, 'replyLang'), langSelect('r-lang', 'lang', ui.lang.toUpperCase())),
    h('fieldset', {}, h('legend', {}, t(ui.lang, 'contact')), h('p', { class: 'muted' }, t(ui.lang, 'private')),
      field('r-cname', t(ui.lang, 'contactName'), h('input', { id: 'r-cname', name: 'contactName', required: true, autocomplete: 'name' })),
      field('r-cemail', t(ui.lang, 'contactEmail'), h('input', { id: 'r-cemail', name: 'contactEmail', type: 'email', required: true, autocomplete: 'email' }))),
    err, h('div', {}, button));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const input = { request: request.id, organisation: f.get('organisation').trim(), fit: f.get('fit'), offer: f.get('offer'),
      lang: f.get('lang'), contact: { name: f.get('contactName'), email: f.get('contactEmail') } };
    submit(form, err, button, ui, async () => {
      const d = await gql(REPLY_TO, { in: input, idem });
      const res = d.replyToPartnerRequest;
      const next = [h('p', {}, `${t(ui.lang, 'replyId')}: `, h('code', { id: 'the-reply-id' }, res.reply.id)),
        h('p', {}, h('button', { type: 'button', id: 'follow-reply', onclick: refresh }, t(ui.lang, 'myReply')))];
      if (res.replyKey) {
        keepReplyKey(res.reply.id, request.id, res.replyKey);
        form.replaceWith(keyBox(t(ui.lang, 'replyKeyTitle'), t(ui.lang, 'replyKeyWarning'), res.replyKey, next));
      } else {
        form.replaceWith(...next);
      }
    });
  });
  return h('section', { 'aria-labelledby': 'reply-title' }, h('h3', { id: 'reply-title' }, t(ui.lang, 'replyTitle')), form);
}
