// The poster's view (replies, suggestions, shortlist, decline, close, contact
// exchange) and the replier's view (status, agreement, contact), each opened by
// the key this browser keeps or one typed in. Actions that fail show an ECL
// error notification; the close form shows its errors at its field.
import { h } from '../map/dom.js';
import { t, ui, errorText } from '../partners/msg.js';
import { button, field, textInput, notification } from '../partners/ecl.js';
import { gql, MANAGE, MY_REPLY, SHORTLIST, DECLINE, SHARE_POSTER, SHARE_REPLIER, CLOSE, keepManageKey, keepReplyKey } from './api.js';
import { showFormErrors, apiErrors } from './errors.js';

/** act runs a mutation and refreshes the page, or shows the error in box. */
async function act(ctx, box, query, vars) {
  try {
    await gql(query, { ...vars });
    ctx.refresh();
  } catch (e) {
    const n = notification('error', t('requests.actionFailed'), errorText(e.errors?.[0]?.extensions?.code || 'NETWORK'));
    box.replaceChildren(n);
    n.focus();
  }
}

const olang = (o) => (o.olang ? o.olang.toLowerCase() : undefined);

function contactBlock(rep) {
  if (rep.contact) {
    return h('p', { class: 'contact', 'data-contact': 'shared' }, `${t('requests.contact')}: ${rep.contact.name} <`,
      h('a', { href: `mailto:${rep.contact.email}`, class: 'ecl-link' }, rep.contact.email), '>');
  }
  return h('p', { class: 'ecl-help-block' }, t('requests.waiting'));
}

/** replyBadges shows a reply's status, language and demo mark as ECL labels. */
export function replyBadges(ctx, rep) {
  const st = ctx.label('ReplyStatus', rep.status);
  return [' ', h('span', { class: `ecl-label ecl-label--${rep.status === 'DECLINED' ? 'low' : rep.status === 'SHORTLISTED' ? 'high' : 'medium'} badge s-${rep.status}`,
    lang: st.lang !== ui ? st.lang : undefined }, st.text),
  ' ', ctx.langLabel(rep.lang),
  rep.demo && [' ', h('span', { class: 'ecl-label ecl-label--low badge demo', title: t('requests.demoNote') }, t('requests.demo'))]];
}

/** posterView lists the replies with their actions, the suggestions and the close form. */
export async function posterView(ctx, key) {
  const { request } = ctx;
  const d = await gql(MANAGE, { id: request.id, key, lang: ui.toUpperCase() });
  const m = d.managePartnerRequest;
  const open = request.status !== 'CLOSED';
  const replies = m.replies.map((rep) => {
    const err = h('div', { class: 'action-alert' });
    const actions = h('div', { class: 'board-actions' });
    if (open && rep.status !== 'SHORTLISTED') {
      actions.append(button(t('requests.shortlist'), { class: 'shortlist', onclick: () => act(ctx, err, SHORTLIST, { id: request.id, key, reply: rep.id }) }));
    }
    if (open && rep.status !== 'DECLINED') {
      const msg = textInput(`msg-${rep.id}`, { name: 'message' });
      actions.append(field(`msg-${rep.id}`, t('requests.declineMsg'), msg),
        button(t('requests.decline'), { class: 'decline', onclick: () => act(ctx, err, DECLINE, { id: request.id, key, reply: rep.id, msg: msg.value || null }) }, 'secondary'));
    }
    const share = [];
    if (rep.status === 'SHORTLISTED') {
      share.push(rep.posterAgreed ? h('p', {}, t('requests.youAgreed'))
        : button(t('requests.share'), { class: 'share', onclick: () => act(ctx, err, SHARE_POSTER, { id: request.id, key, reply: rep.id }) }));
      if (rep.replierAgreed) share.push(h('p', {}, t('requests.theyAgreed')));
      share.push(contactBlock(rep));
    }
    return h('li', { class: 'ecl-card reply', 'data-reply': rep.id },
      h('div', { class: 'ecl-card__body' },
        h('h4', { class: 'reply-title' }, h('span', { lang: olang(rep.organisation) }, rep.organisation.name),
          rep.organisation.country ? ` (${rep.organisation.country.name})` : '', ...replyBadges(ctx, rep)),
        h('dl', { class: 'ecl-description-list facts' },
          h('dt', { class: 'ecl-description-list__term' }, t('requests.fit')), h('dd', { class: 'ecl-description-list__definition', lang: rep.lang.toLowerCase() }, rep.fit),
          h('dt', { class: 'ecl-description-list__term' }, t('requests.offer')), h('dd', { class: 'ecl-description-list__definition', lang: rep.lang.toLowerCase() }, rep.offer)),
        actions, ...share, err));
  });
  const sugg = m.suggestions.map((s) => {
    const type = ctx.label('OrgType', s.organisation.type);
    return h('li', { class: 'ecl-card suggestion' }, h('div', { class: 'ecl-card__body' },
      h('a', { href: `/node?id=${encodeURIComponent(s.organisation.id)}`, class: 'ecl-link ecl-link--standalone', lang: olang(s.organisation) }, s.organisation.name),
      ' — ', h('span', { lang: type.lang !== ui ? type.lang : undefined }, type.text), s.organisation.country ? `, ${s.organisation.country.name}` : '',
      h('ul', { class: 'reasons', 'aria-label': t('requests.reasons') }, s.reasons.map((r) => h('li', {}, r.text)))));
  });
  const out = [h('h2', { id: 'manage-title' }, t('requests.manageTitle')),
    h('h3', {}, t('requests.replies')),
    replies.length ? h('ul', { class: 'board-cards', id: 'replies' }, replies) : h('p', {}, t('requests.noReplies')),
    h('h3', {}, t('requests.suggestions')),
    sugg.length ? h('ul', { class: 'board-cards', id: 'suggestions' }, sugg) : h('p', {}, t('requests.noSuggestions'))];
  if (open) out.push(h('h3', { id: 'close-title' }, t('requests.closeTitle')), closeForm(ctx, key));
  return [h('section', { class: 'poster', 'aria-labelledby': 'manage-title' }, out)];
}

/** closeForm closes the request with an outcome, which it requires. */
function closeForm(ctx, key) {
  const box = h('div', { class: 'form-alert' });
  const outcome = textInput('outcome', { type: 'textarea', name: 'outcome', maxlength: 2000, rows: 3, 'aria-required': 'true' });
  const form = h('form', { class: 'board-form', id: 'close-form', novalidate: true, 'aria-labelledby': 'close-title' },
    field('outcome', t('requests.outcome'), outcome, { help: t('requests.closeHelp') }),
    h('div', { class: 'board-actions' }, button(t('requests.closeBtn'), { type: 'submit', id: 'close-submit' })));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!outcome.value.trim()) { showFormErrors(form, box, [{ id: 'outcome', text: t('requests.required') }]); return; }
    try {
      await gql(CLOSE, { id: ctx.request.id, key, outcome: outcome.value.trim() });
      ctx.refresh();
    } catch (e) {
      showFormErrors(form, box, apiErrors(e, { outcome: 'outcome' }));
    }
  });
  return h('div', {}, box, form);
}

/** keyEntry is the form where a poster types the manage key. */
export function keyEntry(ctx) {
  const input = textInput('manage-key', { name: 'key', autocomplete: 'off' });
  const box = h('div', { class: 'form-alert' });
  const form = h('form', { class: 'board-form', id: 'key-form', novalidate: true }, field('manage-key', t('requests.manageKey'), input),
    h('div', { class: 'board-actions' }, button(t('requests.unlock'), { type: 'submit' }, 'secondary')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) { showFormErrors(form, box, [{ id: 'manage-key', text: t('requests.required') }]); return; }
    keepManageKey(ctx.request.id, input.value.trim());
    ctx.refresh();
  });
  return h('details', { class: 'board-details' }, h('summary', {}, t('requests.haveKey')), box, form);
}

/** replierView shows one of this browser's replies to the request: status, message, agreement, contact. */
export async function replierView(ctx, mine) {
  const d = await gql(MY_REPLY, { id: mine.id, key: mine.key, lang: ui.toUpperCase() });
  const rep = d.myPartnerReply;
  const err = h('div', { class: 'action-alert' });
  const parts = [h('h2', { id: `my-${rep.id}` }, t('requests.myReply'), ...replyBadges(ctx, rep)),
    h('p', {}, h('span', { lang: olang(rep.organisation) }, rep.organisation.name), ': ', h('span', { lang: rep.lang.toLowerCase() }, rep.fit))];
  if (rep.message) parts.push(h('p', {}, `${t('requests.posterMsg')}: `, h('q', {}, rep.message)));
  if (rep.status === 'SHORTLISTED') {
    parts.push(rep.replierAgreed ? h('p', {}, t('requests.youAgreed'))
      : button(t('requests.share'), { class: 'share', id: 'replier-share', onclick: () => act(ctx, err, SHARE_REPLIER, { reply: rep.id, key: mine.key }) }));
    if (rep.posterAgreed) parts.push(h('p', {}, t('requests.theyAgreed')));
    parts.push(contactBlock(rep));
  }
  parts.push(err);
  return [h('section', { class: 'replier', 'aria-labelledby': `my-${rep.id}` }, parts)];
}

/** replyKeyEntry is the form where a replier types the reply id and key. */
export function replyKeyEntry(ctx) {
  const id = textInput('reply-id', { name: 'id', autocomplete: 'off' });
  const key = textInput('reply-key', { name: 'key', autocomplete: 'off' });
  const box = h('div', { class: 'form-alert' });
  const form = h('form', { class: 'board-form', id: 'reply-key-form', novalidate: true },
    field('reply-id', t('requests.replyId'), id), field('reply-key', t('requests.replyKey'), key),
    h('div', { class: 'board-actions' }, button(t('requests.unlock'), { type: 'submit' }, 'secondary')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const missing = [['reply-id', id], ['reply-key', key]].filter(([, x]) => !x.value.trim()).map(([f]) => ({ id: f, text: t('requests.required') }));
    if (missing.length) { showFormErrors(form, box, missing); return; }
    keepReplyKey(id.value.trim(), ctx.request.id, key.value.trim());
    ctx.refresh();
  });
  return h('details', { class: 'board-details' }, h('summary', {}, t('requests.haveReplyKey')), box, form);
}
