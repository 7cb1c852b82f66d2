// The partner-request board: a list with filters, a request's page, the post and
// reply forms, the poster's and the replier's views. Plain ES modules; every
// text goes into the page as text (dom.js), never as HTML.
import { h } from '../map/dom.js';
import { t, typeName, TYPES, LANGS as LANGS_UI } from './i18n.js';
import { gql, REFERENCE, BOARD, REQUEST, manageKey, repliesTo } from './api.js';
import { postForm, replyForm } from './forms.js';
import { posterView, keyEntry, replierView, replyKeyEntry } from './manage.js';
import { siteHeader } from '../common/header.js';

const params = new URLSearchParams(location.search);
const saved = localStorage.getItem('ewsi.lang');
const ui = { lang: LANGS_UI.includes(params.get('lang')) ? params.get('lang') : LANGS_UI.includes(saved) ? saved : 'en' };
const $ = (id) => document.getElementById(id);
const main = $('main');
let ref = null;

/** setStatus says something to screen readers and sighted users alike. */
export function setStatus(text) { $('status').textContent = text; }

/** link builds a URL of this page keeping the interface language. */
export function link(extra = {}) {
  const p = new URLSearchParams({ ...extra, lang: ui.lang });
  return `/requests.html?${p}`;
}

function applyLang() {
  document.documentElement.lang = ui.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(ui.lang, el.dataset.i18n);
  $('lang').value = ui.lang;
  document.title = `EWSI Graph · ${t(ui.lang, 'title')}`;
}

async function reference() {
  ref = ref || await gql(REFERENCE, { lang: ui.lang.toUpperCase() });
  return ref;
}

const options = (pairs, value) => pairs.map(([v, label]) => h('option', { value: v, selected: v === value }, label));

// ---- the board ----
async function board() {
  const r = await reference();
  const f = { theme: params.get('theme') || '', country: params.get('country') || '', kind: params.get('kind') || '',
    status: params.get('status') || 'OPEN', order: params.get('order') || 'NEWEST' };
  const sel = (name, label, pairs) => h('label', {}, h('span', {}, t(ui.lang, label)),
    h('select', { name, id: `f-${name}` }, options(pairs, f[name])));
  const themes = [['', t(ui.lang, 'any')]];
  for (const th of r.themes) {
    themes.push([th.slug, th.name]);
    for (const s of th.subthemes) themes.push([s.id, `— ${s.name}`]);
  }
  const form = h('form', { class: 'filters', id: 'filters', 'aria-label': t(ui.lang, 'filters') },
    sel('theme', 'theme', themes),
    sel('country', 'country', [['', t(ui.lang, 'any')], ...r.countries.map((c) => [c.iso2, c.name])]),
    sel('kind', 'kind', [['', t(ui.lang, 'any')], ...TYPES.map((k) => [k, typeName(ui.lang, k)])]),
    sel('status', 'status', ['OPEN', 'CLOSED', 'EXPIRED'].map((s) => [s, t(ui.lang, `st_${s}`)])),
    sel('order', 'order', [['NEWEST', t(ui.lang, 'newest')], ['CLOSING_SOON', t(ui.lang, 'closingSoon')]]));
  form.addEventListener('change', () => {
    const p = new URLSearchParams({ lang: ui.lang });
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    history.replaceState(null, '', `/requests.html?${p}`);
    for (const k of ['theme', 'country', 'kind', 'status', 'order']) f[k] = p.get(k) || (k === 'status' ? 'OPEN' : k === 'order' ? 'NEWEST' : '');
    load(null);
  });
  const list = h('ul', { class: 'cards', id: 'board' });
  const count = h('p', { id: 'board-count', class: 'muted' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'more', hidden: true }, t(ui.lang, 'more'));
  main.replaceChildren(h('h2', {}, t(ui.lang, 'title')), h('p', {}, t(ui.lang, 'intro')),
    h('p', {}, h('a', { class: 'button', href: link({ post: '1' }), id: 'post-link' }, t(ui.lang, 'post'))),
    form, count, list, more);
  let cursor = null;
  async function load(after) {
    setStatus(t(ui.lang, 'loading'));
    const filter = { status: [f.status] };
    if (f.theme) filter.themes = [f.theme];
    if (f.country) filter.countries = [f.country];
    if (f.kind) filter.types = [f.kind];
    const d = await gql(BOARD, { lang: ui.lang.toUpperCase(), filter, order: f.order, after });
    const c = d.partnerRequests;
    if (!after) list.replaceChildren();
    for (const e of c.edges) list.append(card(e.node));
    count.textContent = c.totalCount ? t(ui.lang, 'count', c.totalCount) : t(ui.lang, 'none');
    count.dataset.total = c.totalCount;
    cursor = c.pageInfo.endCursor;
    more.hidden = !c.pageInfo.hasNextPage;
    setStatus('');
  }
  more.addEventListener('click', () => load(cursor).catch(fail));
  await load(null);
}

function card(n) {
  return h('li', { class: 'card' },
    h('h3', {}, h('a', { href: link({ id: n.id }), lang: n.lang.toLowerCase() }, n.title), badges(n)),
    h('p', { class: 'muted' }, `${n.organisation.name} (${n.organisation.country?.iso2 ?? '—'}) · ${t(ui.lang, 'closes')} ${n.closes} · ${t(ui.lang, 'replies')}: ${n.replyCount}`),
    h('p', { class: 'muted' }, [n.themes.map((x) => x.name).join(', '),
      n.countries.length ? ` · ${n.countries.map((c) => c.iso2).join(', ')}` : '',
      n.types.length ? ` · ${n.types.map((k) => typeName(ui.lang, k)).join(', ')}` : ''].join('')));
}

/** badges shows a request's or reply's status, language and demo mark. */
export function badges(n, statusPrefix = 'st_') {
  return [h('span', { class: `badge s-${n.status}` }, t(ui.lang, `${statusPrefix}${n.status}`)),
    h('span', { class: 'badge lang' }, n.lang),
    n.demo && h('span', { class: 'badge demo', title: t(ui.lang, 'demoNote') }, t(ui.lang, 'demo'))];
}

// ---- one request ----
async function requestPage(id) {
  const d = await gql(REQUEST, { id, lang: ui.lang.toUpperCase() });
  const r = d.partnerRequest;
  const fact = (label, value) => [h('dt', {}, t(ui.lang, label)), h('dd', {}, value)];
  const names = (xs, empty) => (xs.length ? xs.map((x) => x.name).join(', ') : t(ui.lang, empty));
  main.replaceChildren(
    h('p', {}, h('a', { href: link() }, `← ${t(ui.lang, 'back')}`)),
    h('article', { 'aria-labelledby': 'req-title' },
      h('h2', { id: 'req-title' }, h('span', { lang: r.lang.toLowerCase() }, r.title), badges(r)),
      r.demo && h('p', { class: 'muted' }, t(ui.lang, 'demoNote')),
      h('p', { lang: r.lang.toLowerCase() }, r.description),
      h('dl', { class: 'facts' },
        fact('by', `${r.organisation.name}${r.organisation.country ? ` (${r.organisation.country.name})` : ''}`),
        fact('closes', r.closes),
        fact('themes', names([...r.themes, ...r.subthemes], 'any')),
        fact('countries', names(r.countries, 'anywhere')),
        fact('kinds', r.types.length ? r.types.map((k) => typeName(ui.lang, k)).join(', ') : t(ui.lang, 'anyKind')),
        r.languages.length > 0 && fact('languages', r.languages.join(', ')),
        r.funding && fact('funding', `${r.funding.title}${r.funding.deadline ? ` (${r.funding.deadline})` : ''}`),
        fact('replies', h('span', { id: 'reply-count' }, String(r.replyCount))),
        r.outcome && fact('outcome', r.outcome))),
    h('div', { id: 'poster' }), h('div', { id: 'replier' }), h('div', { id: 'reply' }));
  const ctx = { ui, request: r, refresh: () => route().catch(fail), link };
  const key = manageKey(id);
  if (key) {
    try {
      $('poster').replaceChildren(...await posterView(ctx, key));
    } catch (e) {
      $('poster').replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message), keyEntry(ctx));
    }
  }
  else if (!r.demo) $('poster').replaceChildren(keyEntry(ctx));
  const mine = repliesTo(id);
  for (const m of mine) $('replier').append(...await replierView(ctx, m));
  if (!mine.length && !r.demo && !key) $('replier').append(replyKeyEntry(ctx));
  if (r.acceptsReplies && !key && !r.demo) $('reply').replaceChildren(replyForm(ctx));
  else if (!r.acceptsReplies) $('reply').replaceChildren(h('p', { class: 'muted' }, t(ui.lang, 'closedNote')));
}

function fail(e) {
  setStatus(t(ui.lang, 'error') + e.message);
}

async function route() {
  applyLang();
  const id = params.get('id');
  if (id) return requestPage(id);
  if (params.get('post')) return main.replaceChildren(postForm({ ui, link, reference }));
  return board();
}

const relabel = siteHeader($('site-nav'), ui.lang, 'requests');
$('lang').addEventListener('change', () => {
  ui.lang = $('lang').value;
  relabel(ui.lang);
  localStorage.setItem('ewsi.lang', ui.lang);
  params.set('lang', ui.lang);
  history.replaceState(null, '', `/requests.html?${params}`);
  ref = null;
  route().catch(fail);
});

route().catch(fail);
