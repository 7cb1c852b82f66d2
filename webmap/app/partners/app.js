// The partner finder (partners.html): a practitioner describes their organisation
// or a profile, and gets organisations ranked by fit, with the reasons, distance,
// links, "more" by cursor paging and a map. The form lives in the URL.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { startPage } from '../common/page.js';
import { NODE_LABEL } from '../common/nodes.js';
import { relatedSection } from '../common/related.js';
import { t } from './i18n.js';
import { fromURL, toURL, toInput, isBlank, empty } from './state.js';
import { partnerForm } from './form.js';
import { resultsView, PARTNERS } from './results.js';

const PAGE = 10;
const REF = `query($lang: Lang) {
  themes { slug name(lang: $lang) subthemes { slug name(lang: $lang) } }
  principles { number short }
  countries { iso2 name(lang: $lang) location { lat lon } }
}`;
const ORG = `query($id: ID!, $lang: Lang) { node(id: $id) { ${NODE_LABEL} } }`;

const main = document.getElementById('main');
let ui = 'en';
let state = fromURL(location.search);
let form = null;
let results = null;
let input = null;
let cursor = null;
let seq = 0;

/** apiErrors turns the API's errors into { where, message, text }: text is the
message without the "where: " prefix, for showing next to the field. */
function apiErrors(e) {
  const list = e.errors?.length ? e.errors : [{ message: e.message }];
  return list.map((x) => {
    const where = x.extensions?.where || '';
    const text = where && x.message.startsWith(where + ': ') ? x.message.slice(where.length + 2) : x.message;
    return { where, message: t(ui, 'pFormError') + x.message, text };
  });
}

async function search(append = false) {
  const mine = ++seq;
  main.setAttribute('aria-busy', 'true');
  try {
    const d = await gql(PARTNERS, { input, first: PAGE, after: append ? cursor : undefined, lang: ui.toUpperCase() });
    if (mine !== seq) return;
    const conn = d.findPartners;
    cursor = conn.pageInfo.endCursor;
    form.clearErrors();
    results.show(conn, append);
    if (!append) document.getElementById('results-title').focus();
  } catch (e) {
    if (mine !== seq) return;
    form.showErrors(apiErrors(e));
  } finally {
    main.removeAttribute('aria-busy');
    main.dataset.searches = String(Number(main.dataset.searches || 0) + 1);
  }
}

// relatedOf shows, under the results, what is related to our organisation.
let related = null;
function relatedOf(id) {
  const fresh = id ? relatedSection(ui, id) : null;
  if (related && fresh) related.replaceWith(fresh);
  else if (related) related.remove();
  else if (fresh) main.append(fresh);
  related = fresh;
}

function submit() {
  const before = state.org;
  state = form.read();
  if (state.org !== before) relatedOf(state.org);
  history.pushState(null, '', toURL(state, ui));
  const r = toInput(state);
  if (r.errors.length) {
    form.showErrors(r.errors.map((x) => ({ ...x, text: t(ui, 'pBothCoords') })));
    return;
  }
  input = r.input;
  search(false);
}

async function render(lang) {
  if (form && lang !== ui) state = form.read(); // a change of language keeps what was typed
  ui = lang;
  document.title = `EWSI Graph · ${t(ui, 'pTitle')}`;
  main.replaceChildren(h('p', {}, t(ui, 'loading')));
  const [ref, org] = await Promise.all([
    gql(REF, { lang: ui.toUpperCase() }),
    state.org ? gql(ORG, { id: state.org, lang: ui.toUpperCase() }).then((d) => d.node).catch(() => null) : null,
  ]);
  state.orgNode = org;
  form = partnerForm(ui, ref, state, {
    onSubmit: submit,
    onReset: () => { state = empty(); history.pushState(null, '', toURL(state, ui)); render(ui); },
  });
  results = resultsView(ui, { onMore: () => search(true) });
  main.replaceChildren(h('h1', { id: 'page-title' }, t(ui, 'pTitle')), h('p', {}, t(ui, 'pIntro')), form.el, results.el);
  related = null;
  relatedOf(org?.id);
  form.mountMap();
  if (!isBlank(state)) {
    const r = toInput(state);
    input = r.input;
    if (r.errors.length) form.showErrors(r.errors.map((x) => ({ ...x, text: t(ui, 'pBothCoords') })));
    else search(false);
  }
}

window.addEventListener('popstate', () => {
  state = fromURL(location.search);
  render(ui);
});
startPage('partners', (lang) => render(lang).catch((e) => main.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message))));
