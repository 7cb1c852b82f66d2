// The partner-request board (/requests): the list with its filters and pages,
// a request's page (?id=), titled by the request in the tab and the page
// heading, the post form (?post=1) and the poster's and replier's views. The
// filters are a plain GET form and the pages plain links, so every view has its
// address. Every text goes into the page as text (dom.js), never as HTML.
import { h } from '../map/dom.js';
import { t, tn, ui, num, date, byName, errorText } from '../partners/msg.js';
import { button, field, select, notification } from '../partners/ecl.js';
import { loadLabels, ORG_TYPES, langNamer } from '../partners/labels.js';
import { gql, REFERENCE, BOARD, REQUEST, manageKey, repliesTo } from './api.js';
import { postForm, replyForm } from './forms.js';
import { posterView, keyEntry, replierView, replyKeyEntry } from './manage.js';

const PAGE = 20;
const params = new URLSearchParams(location.search);
const root = document.getElementById('board-root');
const boardTitle = t('requests.title');
const langName = langNamer(ui);

/** link builds an address of the board; the interface language stays when the
current address names it. */
export function link(extra = {}) {
  const p = new URLSearchParams(extra);
  if (params.get('lang')) p.set('lang', params.get('lang'));
  const q = p.toString();
  return q ? `/requests?${q}` : '/requests';
}

/** retitle names the view: the page heading, the breadcrumb's last step (under
a link back to the board) and the tab's title. */
function retitle(text, lang) {
  for (const el of [document.getElementById('page-title'), document.getElementById('crumb-current')]) {
    if (!el) continue;
    el.textContent = text;
    if (lang && lang !== ui) el.setAttribute('lang', lang);
    else el.removeAttribute('lang');
  }
  const current = document.getElementById('crumb-current');
  if (current && !document.getElementById('crumb-board')) {
    const a = h('a', { href: link(), class: 'ecl-link ecl-link--standalone ecl-breadcrumb__link', id: 'crumb-board' }, boardTitle);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'ecl-icon ecl-icon--fluid ecl-breadcrumb__icon');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('role', 'presentation');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', '/vendor/ecl/images/icons.svg#corner-arrow');
    svg.append(use);
    current.before(h('li', { class: 'ecl-breadcrumb__segment', 'data-ecl-breadcrumb-item': 'static' }, a, svg));
  }
  document.title = document.title.includes(boardTitle) ? document.title.replace(boardTitle, text) : `${text} · ${document.title}`;
}

/** langLabel shows the language content is written in. */
const langLabel = (code) => h('span', { class: 'ecl-label ecl-label--low badge lang', title: t('requests.langBadge', { lang: langName(code.toLowerCase()) }) },
  code.toUpperCase());

/** statusLabel shows a request's status as an ECL label, in the interface language. */
function statusLabel(label, status) {
  const l = label('RequestStatus', status);
  return h('span', { class: `ecl-label ecl-label--${status === 'OPEN' ? 'high' : 'low'} badge s-${status}`, lang: l.lang !== ui ? l.lang : undefined }, l.text);
}

// ---- the board ----
async function board(ref, label) {
  const f = { theme: params.get('theme') || '', country: params.get('country') || '', kind: params.get('kind') || '',
    status: params.get('status') || 'OPEN', order: params.get('order') || 'NEWEST' };
  const themes = [['', t('requests.any')]];
  for (const th of byName(ref.themes)) {
    themes.push([th.slug, th.name]);
    for (const s of byName(th.subthemes)) themes.push([s.id, `— ${s.name}`]);
  }
  const sel = (name, labelText, pairs) => field(`f-${name}`, labelText, select(`f-${name}`, pairs, f[name], { name }));
  const named = (en, values) => byName(values.map((v) => ({ v, l: label(en, v) })), (o) => o.l.text).map((o) => [o.v, o.l.text]);
  const filters = h('form', { class: 'board-filters', id: 'filters', method: 'get', action: '/requests', 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title', class: 'board-filters__title' }, t('requests.filters')),
    params.get('lang') && h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }),
    h('div', { class: 'board-filters__grid' },
      sel('theme', t('requests.theme'), themes),
      sel('country', t('requests.country'), [['', t('requests.any')], ...byName(ref.countries).map((c) => [c.iso2, c.name])]),
      sel('kind', t('requests.kind'), [['', t('requests.any')], ...named('OrgType', ORG_TYPES)]),
      sel('status', t('requests.status'), named('RequestStatus', ['OPEN', 'CLOSED', 'EXPIRED'])),
      sel('order', t('requests.order'), [['NEWEST', t('requests.newest')], ['CLOSING_SOON', t('requests.closingSoon')]])),
    h('div', { class: 'board-actions' }, button(t('requests.apply'), { type: 'submit', id: 'f-apply' })));

  const filter = { status: [f.status] };
  if (f.theme) filter.themes = [f.theme];
  if (f.country) filter.countries = [f.country];
  if (f.kind) filter.types = [f.kind];
  const after = params.get('after') || undefined;
  const d = await gql(BOARD, { lang: ui.toUpperCase(), filter, order: f.order, after });
  const c = d.partnerRequests;
  const count = h('p', { id: 'board-count', class: 'board-count', role: 'status', 'data-total': String(c.totalCount) },
    c.totalCount ? tn('requests.count', c.totalCount) : t('requests.none'));
  const list = h('ul', { class: 'board-cards', id: 'board' }, c.edges.map((e) => card(e.node, label)));
  root.replaceChildren(
    h('p', { class: 'ecl-u-type-paragraph-lead' }, t('requests.intro')),
    h('p', {}, h('a', { class: 'ecl-button ecl-button--primary', href: link({ post: '1' }), id: 'post-link' }, t('requests.post'))),
    filters, count, list, pagination(c));
}

/** pagination links the pages of the board with plain links: after is the
cursor of the page shown, trail the cursors of the pages before it ("-" for the
first page), so that "previous" needs no script state. */
function pagination(c) {
  const trail = (params.get('trail') || '').split(',').filter(Boolean);
  const pages = Math.max(1, Math.ceil(c.totalCount / PAGE));
  const page = trail.length + 1;
  if (pages <= 1) return null;
  const keep = {};
  for (const [k, v] of params) if (!['after', 'trail', 'lang'].includes(k)) keep[k] = v;
  const at = (after, tr) => link({ ...keep, ...(after && after !== '-' ? { after } : {}), ...(tr.length ? { trail: tr.join(',') } : {}) });
  const items = [];
  if (page > 1) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--previous' },
      h('a', { href: at(trail.at(-1), trail.slice(0, -1)), class: 'ecl-link ecl-link--standalone ecl-pagination__link', rel: 'prev', id: 'page-prev' },
        t('requests.previous'))));
  }
  items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--current', 'aria-current': 'page' },
    h('span', { class: 'ecl-pagination__text' }, t('requests.pageOf', { page: num(page), pages: num(pages) }))));
  if (c.pageInfo.hasNextPage) {
    items.push(h('li', { class: 'ecl-pagination__item ecl-pagination__item--next' },
      h('a', { href: at(c.pageInfo.endCursor, [...trail, params.get('after') || '-']), class: 'ecl-link ecl-link--standalone ecl-pagination__link', rel: 'next', id: 'page-next' },
        t('requests.next'))));
  }
  return h('nav', { class: 'ecl-pagination', 'aria-label': t('requests.pagination') }, h('ul', { class: 'ecl-pagination__list' }, items));
}

function card(n, label) {
  const meta = [h('span', { lang: n.organisation.olang?.toLowerCase() }, n.organisation.name),
    n.organisation.country && ` (${n.organisation.country.name})`];
  return h('li', { class: 'request-item' }, h('article', { class: 'ecl-card' }, h('div', { class: 'ecl-card__body' },
    h('div', { class: 'ecl-content-block ecl-card__content-block' },
      h('ul', { class: 'ecl-content-block__label-container' },
        h('li', { class: 'ecl-content-block__label-item' }, statusLabel(label, n.status)),
        h('li', { class: 'ecl-content-block__label-item' }, langLabel(n.lang)),
        n.demo && h('li', { class: 'ecl-content-block__label-item' }, h('span', { class: 'ecl-label ecl-label--low badge demo', title: t('requests.demoNote') }, t('requests.demo')))),
      h('ul', { class: 'ecl-content-block__primary-meta-container' },
        h('li', { class: 'ecl-content-block__primary-meta-item' }, meta),
        h('li', { class: 'ecl-content-block__primary-meta-item' }, t('requests.closesOn', { date: date(n.closes) })),
        h('li', { class: 'ecl-content-block__primary-meta-item' }, tn('requests.replyCount', n.replyCount))),
      h('h2', { class: 'ecl-content-block__title request-title' },
        h('a', { href: link({ id: n.id }), class: 'ecl-link ecl-link--standalone', lang: n.lang.toLowerCase() }, n.title)),
      h('ul', { class: 'ecl-content-block__secondary-meta-container' },
        n.themes.length > 0 && h('li', { class: 'ecl-content-block__secondary-meta-item' }, n.themes.map((x) => x.name).join(', ')),
        n.countries.length > 0 && h('li', { class: 'ecl-content-block__secondary-meta-item' }, byName(n.countries).map((x) => x.name).join(', ')),
        n.types.length > 0 && h('li', { class: 'ecl-content-block__secondary-meta-item' }, n.types.map((k) => label('OrgType', k).text).join(', ')))))));
}

// ---- one request ----
async function requestPage(id, label) {
  let r;
  try {
    r = (await gql(REQUEST, { id, lang: ui.toUpperCase() })).partnerRequest;
  } catch (e) {
    const code = e.errors?.[0]?.extensions?.code || 'INTERNAL';
    root.replaceChildren(notification('error', code === 'NOT_FOUND' ? t('requests.notFound') : errorText(code), null),
      h('p', {}, h('a', { href: link(), class: 'ecl-link ecl-link--standalone' }, t('requests.back'))));
    return;
  }
  const rlang = r.lang.toLowerCase();
  retitle(r.title, rlang);
  const fact = (labelKey, value) => [h('dt', { class: 'ecl-description-list__term' }, t(labelKey)), h('dd', { class: 'ecl-description-list__definition' }, value)];
  const names = (xs, empty) => (xs.length ? byName(xs).map((x) => x.name).join(', ') : t(empty));
  const ctx = { request: r, label, langLabel, refresh: () => route().catch(fail), link };
  root.replaceChildren(
    h('p', {}, h('a', { href: link(), class: 'ecl-link ecl-link--standalone' }, t('requests.back'))),
    h('article', { class: 'request', id: 'request', 'data-status': r.status },
      h('p', { class: 'request-labels', id: 'req-labels' }, statusLabel(label, r.status), ' ', langLabel(r.lang),
        r.demo && [' ', h('span', { class: 'ecl-label ecl-label--low badge demo' }, t('requests.demo'))]),
      r.demo && h('p', { class: 'ecl-help-block' }, t('requests.demoNote')),
      h('p', { lang: rlang, class: 'request-description' }, r.description),
      h('dl', { class: 'ecl-description-list ecl-description-list--horizontal facts' },
        fact('requests.by', [h('span', { lang: r.organisation.olang?.toLowerCase() }, r.organisation.name),
          r.organisation.country ? ` (${r.organisation.country.name})` : '']),
        fact('requests.closes', date(r.closes)),
        fact('requests.themes', names([...r.themes, ...r.subthemes], 'requests.any')),
        fact('requests.countries', names(r.countries, 'requests.anywhere')),
        fact('requests.kinds', r.types.length ? r.types.map((k) => label('OrgType', k).text).join(', ') : t('requests.anyKind')),
        r.languages.length > 0 && fact('requests.languages', byName(r.languages.map((l) => ({ name: langName(l) }))).map((x) => x.name).join(', ')),
        r.funding && fact('requests.funding', `${r.funding.title}${r.funding.deadline ? ` (${date(r.funding.deadline)})` : ''}`),
        fact('requests.replies', h('span', { id: 'reply-count' }, num(r.replyCount))),
        r.outcome && fact('requests.outcome', r.outcome))),
    h('div', { id: 'poster' }), h('div', { id: 'replier' }), h('div', { id: 'reply' }));
  const key = manageKey(id);
  const $ = (x) => document.getElementById(x);
  if (key) {
    try {
      $('poster').replaceChildren(...await posterView(ctx, key));
    } catch (e) {
      $('poster').replaceChildren(notification('error', errorText(e.errors?.[0]?.extensions?.code || 'NETWORK'), null), keyEntry(ctx));
    }
  } else if (!r.demo) {
    $('poster').replaceChildren(keyEntry(ctx));
  }
  const mine = repliesTo(id);
  for (const m of mine) $('replier').append(...await replierView(ctx, m));
  if (!mine.length && !r.demo && !key) $('replier').append(replyKeyEntry(ctx));
  if (r.acceptsReplies && !key && !r.demo) $('reply').replaceChildren(replyForm(ctx));
  else if (!r.acceptsReplies) $('reply').replaceChildren(h('p', { class: 'ecl-help-block', id: 'closed-note' }, t('requests.closedNote')));
}

function fail(e) {
  root.replaceChildren(notification('error', errorText(e.errors?.[0]?.extensions?.code || 'NETWORK'), null));
}

let ref = null;
let label = null;
async function route() {
  [ref, label] = await Promise.all([ref || gql(REFERENCE, { lang: ui.toUpperCase() }), label || loadLabels(ui)]);
  const id = params.get('id');
  if (id) return requestPage(id, label);
  if (params.get('post')) {
    retitle(t('requests.postTitle'));
    root.replaceChildren(h('p', {}, h('a', { href: link(), class: 'ecl-link ecl-link--standalone' }, t('requests.back'))),
      postForm({ ref, label, link }));
    return undefined;
  }
  return board(ref, label);
}

route().catch(fail);
