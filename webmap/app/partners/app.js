// The partner finder (/partners): a practitioner describes their organisation or
// a profile, and gets organisations ranked by fit, with the reasons, distance,
// links, "more" by cursor paging and a map. The form lives in the URL, so a
// search can be shared. After a search, focus moves to the results heading and
// the count is announced; an error clears the old results and shows an ECL
// notification naming the field, with the message at the field itself.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, ui, errorText } from './msg.js';
import { notification } from './ecl.js';
import { loadLabels } from './labels.js';
import { fromURL, toURL, toInput, isBlank, empty } from './state.js';
import { partnerForm } from './form.js';
import { resultsView, PARTNERS } from './results.js';

const PAGE = 10;
const REF = `query($lang: Lang) {
  themes { slug name(lang: $lang) subthemes { slug name(lang: $lang) } }
  principles { number short(lang: $lang) }
  countries { iso2 name(lang: $lang) location { lat lon } }
}`;
const ORG = `query($id: ID!) { node(id: $id) { __typename id ... on Organisation { name olang: lang country { iso2 } } } }`;

const root = document.getElementById('partner-finder');
let state = fromURL(location.search);
let form = null;
let results = null;
let label = null;
let ref = null;
let input = null;
let cursor = null;
let seq = 0;
const alertBox = h('div', { id: 'p-alert', class: 'partner-alert' });
const busy = h('p', { class: 'visually-hidden', role: 'status', id: 'p-busy' });

/** showError clears the old results and shows the errors { where, text, code }:
at their fields, and all of them in an ECL notification that names each field
(an API error by its translated errors.<CODE> message); focus goes to the
notification. */
function showError(errors) {
  results.clear();
  const placed = form.showErrors(errors);
  const items = errors.map((e, i) => {
    const p = placed.find((x) => x.index === i);
    const text = e.code ? errorText(e.code, p?.label) : p?.label ? t('partners.fieldError', { field: p.label, message: e.text }) : e.text;
    return h('li', {}, p ? h('a', { href: `#${p.id}`, class: 'ecl-link', onclick: (ev) => { ev.preventDefault(); focusField(p.id); } }, text) : text);
  });
  const note = notification('error', t('partners.errorTitle'), h('ul', { class: 'ecl-unordered-list' }, items), { id: 'p-error' });
  alertBox.replaceChildren(note);
  note.focus();
}

function focusField(id) {
  const c = document.getElementById(id);
  (c?.matches('fieldset') ? c.querySelector('input') : c)?.focus();
}

function clearError() {
  alertBox.replaceChildren();
  form.clearErrors();
}

async function search(append = false) {
  const mine = ++seq;
  root.setAttribute('aria-busy', 'true');
  busy.textContent = t('partners.searching');
  try {
    const d = await gql(PARTNERS, { input, first: PAGE, after: append ? cursor : undefined, lang: ui.toUpperCase() });
    if (mine !== seq) return;
    const conn = d.findPartners;
    cursor = conn.pageInfo.endCursor;
    clearError();
    results.show(conn, append);
    if (!append) results.title.focus();
  } catch (e) {
    if (mine !== seq) return;
    const list = e.errors?.length ? e.errors : [{ message: e.message }];
    showError(list.map((x) => ({ where: x.extensions?.where || '', code: x.extensions?.code || (e.errors ? 'UNKNOWN' : 'NETWORK'),
      text: t('partners.badValue') })));
  } finally {
    busy.textContent = '';
    root.removeAttribute('aria-busy');
    root.dataset.searches = String(Number(root.dataset.searches || 0) + 1);
  }
}

// what is related to our organisation shows under the results
const RELATED = `query($id: ID!, $lang: Lang) { related(id: $id, first: 6) { score node { __typename id
  ... on Practice { title plang: lang } ... on Organisation { name olang: lang } ... on LocalAuthority { name olang: lang }
  ... on Event { title plang: lang } ... on Document { title plang: lang } ... on News { title plang: lang } ... on Funding { title plang: lang } } } }`;
let related = null;
function relatedOf(id) {
  related?.remove();
  related = null;
  if (!id) return;
  const body = h('div', {}, h('p', {}, t('partners.loading')));
  related = h('section', { class: 'related', 'data-hook': 'related-content', 'aria-labelledby': 'related-title' },
    h('h2', { id: 'related-title' }, t('partners.related')), body);
  root.append(related);
  const box = related;
  gql(RELATED, { id, lang: ui.toUpperCase() }).then((d) => {
    const items = d.related;
    body.replaceChildren(items.length ? h('ul', { class: 'ecl-unordered-list' }, items.map((it) => h('li', { class: 'related-item' },
      h('a', { href: `/node?id=${encodeURIComponent(it.node.id)}`, class: 'ecl-link', lang: (it.node.plang || it.node.olang)?.toLowerCase() },
        it.node.title || it.node.name)))) : h('p', {}, t('partners.relatedNone')));
    box.dataset.loaded = String(items.length);
  }).catch(() => { box.dataset.loaded = 'error'; body.replaceChildren(h('p', {}, errorText('UNKNOWN'))); });
}

function submit() {
  const before = state.org;
  state = form.read();
  if (state.org !== before) relatedOf(state.org);
  history.pushState(null, '', toURL(state));
  const r = toInput(state);
  if (r.errors.length) {
    showError(r.errors.map((x) => ({ ...x, text: t('partners.bothCoords') })));
    return;
  }
  input = r.input;
  search(false);
}

async function render() {
  root.replaceChildren(h('p', {}, t('partners.loading')));
  const org = state.org ? gql(ORG, { id: state.org }).then((d) => d.node).catch(() => null) : null;
  [ref, label] = await Promise.all([ref || gql(REF, { lang: ui.toUpperCase() }), label || loadLabels(ui)]);
  state.orgNode = await org;
  form = partnerForm(ref, label, state, {
    onSubmit: submit,
    onReset: () => { state = empty(); history.pushState(null, '', toURL(state)); render(); },
  });
  results = resultsView(label, { onMore: () => search(true) });
  root.replaceChildren(h('p', { class: 'ecl-u-type-paragraph-lead partner-intro' }, t('partners.intro')), alertBox, busy, form.el, results.el);
  alertBox.replaceChildren();
  related = null;
  relatedOf(state.orgNode?.id);
  form.mountMap();
  if (!isBlank(state)) {
    const r = toInput(state);
    input = r.input;
    if (r.errors.length) showError(r.errors.map((x) => ({ ...x, text: t('partners.bothCoords') })));
    else search(false);
  }
}

window.addEventListener('popstate', () => {
  state = fromURL(location.search);
  render();
});
render().catch((e) => root.replaceChildren(notification('error', t('partners.errorTitle'),
  errorText(e.errors?.[0]?.extensions?.code || 'NETWORK'))));
