// The moderation page (/moderation): the contributions waiting for a decision,
// oldest first, of one country (for its coordinators) or of every country (for
// editors and moderators). Each shows its fields (text rendered from Markdown
// and sanitised by the server), the possible duplicates the server found, and a
// decision form: the publishing criteria of its kind as checkboxes and a reason.
// Publishing needs every criterion; rejecting needs a reason.
import { h } from '../map/dom.js';
import { t, lang as ui, fmtDate, fmtNumber } from '../common/i18n.js';
import { errorText } from '../partners/msg.js';
import { button, field, select, textInput, checkbox, group, setError, clearErrors, notification } from '../partners/ecl.js';
import { gql } from '../map/api.js';

const params = new URLSearchParams(location.search);
const root = document.getElementById('moderation-root');
const codeOf = (e) => e?.errors?.[0]?.extensions?.code || (e instanceof TypeError ? 'NETWORK' : 'UNKNOWN');

const REFERENCE = `query($lang: Lang) { countries { iso2 name(lang: $lang) } }`;
const QUEUE = `query($country: String, $after: String, $lang: Lang) {
  moderationQueue(country: $country, first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title lang country contributorName submittedAt pendingRevision
      fields { url website date start end deadline }
      rendered { field html } duplicates { id title reason }
      criteria(lang: $lang) { criterion text } } } } }`;
const DECIDE = `mutation($id: ID!, $d: ReviewDecision!, $c: [Criterion!]!, $r: String) {
  decideContribution(id: $id, decision: $d, criteriaMet: $c, reason: $r) { id state } }`;

/** link builds an address of this page, keeping the interface language. */
function link(extra = {}) {
  const p = new URLSearchParams(extra);
  if (params.get('lang')) p.set('lang', params.get('lang'));
  const q = p.toString();
  return q ? `/moderation?${q}` : '/moderation';
}

/** sanitised puts HTML the server rendered and sanitised (bluemonday) into an element. */
function sanitised(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html; // from the API's rendered fields only: sanitised on the server
  const div = h('div', { class: 'moderation-text' });
  div.append(tpl.content);
  return div;
}

/** item renders one contribution with its decision form. */
function item(c, n, onDecided) {
  const id = `c${n}`;
  const status = h('div', { 'aria-live': 'polite' });
  const facts = [];
  for (const [k, v] of Object.entries(c.fields || {})) {
    if (v) facts.push(h('dt', {}, t(`moderation.f_${k}`)), h('dd', {}, String(v)));
  }
  for (const r of c.rendered) facts.push(h('dt', {}, t(`moderation.f_${r.field}`)), h('dd', {}, sanitised(r.html)));
  const form = h('form', { class: 'board-form', novalidate: true, 'aria-labelledby': `${id}-title` },
    group(`${id}-criteria`, t('moderation.criteria'),
      c.criteria.map((x, i) => checkbox(`${id}-crit-${i}`, 'criteria', x.criterion, x.text, false)),
      { help: t('moderation.criteriaHelp') }),
    field(`${id}-reason`, t('moderation.reason'), textInput(`${id}-reason`, { type: 'textarea', rows: 3, name: 'reason' }),
      { help: t('moderation.reasonHelp') }),
    h('div', { class: 'contribute-actions' },
      button(t('moderation.publish'), { class: 'decide-publish', onclick: () => decide('PUBLISH') }),
      button(t('moderation.reject'), { class: 'decide-reject', onclick: () => decide('REJECT') }, 'secondary')));
  async function decide(d) {
    clearErrors(form);
    const crit = [...form.querySelectorAll('input[name="criteria"]:checked')].map((x) => x.value);
    const reason = form.elements.namedItem('reason').value.trim();
    try {
      const r = (await gql(DECIDE, { id: c.id, d, c: crit, r: reason || null })).decideContribution;
      onDecided(c, r.state);
    } catch (e) {
      const x = e.errors?.[0];
      const where = x?.extensions?.where;
      const text = errorText(codeOf(e), where === 'reason' ? t('moderation.reason') : where === 'criteriaMet' ? t('moderation.criteria') : undefined);
      if (where === 'reason') setError(form, `${id}-reason`, text);
      if (where === 'criteriaMet') setError(form, `${id}-criteria`, text);
      status.replaceChildren(notification('error', t('moderation.errorTitle'), text));
    }
  }
  return h('article', { class: 'moderation-item', 'data-id': c.id, 'aria-labelledby': `${id}-title` },
    h('h3', { class: 'ecl-u-type-heading-3', id: `${id}-title`, lang: c.lang.toLowerCase() !== ui ? c.lang.toLowerCase() : undefined },
      c.title || t('moderation.untitled')),
    h('p', {}, t('moderation.meta', { kind: t(`moderation.kind_${c.kind.toLowerCase()}`), country: c.country || '—',
      who: c.contributorName || t('moderation.someone'), date: c.submittedAt ? fmtDate(c.submittedAt) : '' }),
    c.pendingRevision ? ` ${t('moderation.revision')}` : ''),
    c.duplicates.length ? h('div', { class: 'moderation-dups' }, h('p', {}, t('moderation.duplicates')),
      h('ul', { class: 'ecl-unordered-list' }, c.duplicates.map((d) => h('li', { class: 'ecl-unordered-list__item' },
        d.id.startsWith('contribution:') ? d.title : h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(d.id)}` }, d.title),
        ` (${t(`moderation.dup_${d.reason.toLowerCase()}`)})`)))) : null,
    h('dl', { class: 'moderation-fields' }, facts), form, status);
}

async function main() {
  const ref = await gql(REFERENCE, { lang: ui.toUpperCase() });
  const country = params.get('country') || '';
  const pick = h('form', { method: 'get', action: '/moderation', class: 'board-filters', 'aria-labelledby': 'queue-pick' },
    h('h2', { class: 'board-filters__title', id: 'queue-pick' }, t('moderation.pick')),
    params.get('lang') && h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }),
    field('f-country', t('moderation.country'), select('f-country', [['', t('moderation.allCountries')],
      ...ref.countries.map((c) => [c.iso2, c.name])], country, { name: 'country' })),
    button(t('moderation.show'), { type: 'submit' }, 'secondary'));
  const list = h('div', { id: 'queue', class: 'moderation-queue' });
  root.replaceChildren(pick, list);
  let q;
  try {
    q = (await gql(QUEUE, { country: country || null, after: params.get('after'), lang: ui.toUpperCase() })).moderationQueue;
  } catch (e) {
    const code = codeOf(e);
    const text = code === 'UNAUTHENTICATED' ? t('moderation.signIn') : code === 'FORBIDDEN' ? t('moderation.forbidden') : errorText(code);
    list.replaceChildren(notification(code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 'info' : 'error', t('moderation.cannotTitle'), text,
      { id: 'queue-message', live: false }));
    return;
  }
  const count = h('p', { id: 'queue-count' }, t('moderation.count', { n: q.totalCount, count: fmtNumber(q.totalCount) }));
  const done = h('div', { 'aria-live': 'polite', id: 'queue-done' });
  const items = q.edges.map((e, i) => item(e.node, i, (c, state) => {
    done.replaceChildren(notification('success', t(state === 'PUBLISHED' ? 'moderation.published' : 'moderation.rejected', { title: c.title }), ''));
    list.querySelector(`[data-id="${CSS.escape(c.id)}"]`)?.remove();
    done.querySelector('.ecl-notification')?.focus();
  }));
  list.replaceChildren(...[h('h2', { class: 'ecl-u-type-heading-2' }, t('moderation.queueTitle')), count, done,
    ...(items.length ? items : [h('p', { id: 'queue-empty' }, t('moderation.empty'))]),
    q.pageInfo.hasNextPage && h('a', { class: 'ecl-link', href: link({ country, after: q.pageInfo.endCursor }) }, t('moderation.next'))]
    .filter(Boolean));
}

main().catch((e) => {
  root.replaceChildren(notification('error', t('moderation.errorTitle'), errorText(codeOf(e))));
});
