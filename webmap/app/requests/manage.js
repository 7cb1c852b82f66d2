// The poster's view (replies, suggestions, shortlist, decline, close, contact
// exchange) and the replier's view (status, agreement, contact), each opened by
// the key this browser keeps or one typed in.
import { h } from '../map/dom.js';
import { t, typeName } from './i18n.js';
import { gql, MANAGE, MY_REPLY, SHORTLIST, DECLINE, SHARE_POSTER, SHARE_REPLIER, CLOSE, keepManageKey, keepReplyKey } from './api.js';

/** act runs a mutation and refreshes the page, or shows the error in box. */
async function act(ctx, box, query, vars) {
  try {
    await gql(query, vars);
    ctx.refresh();
  } catch (e) {
    box.textContent = e.message;
  }
}

function contactBlock(ui, rep) {
  if (rep.contact) {
    return h('p', { class: 'contact', 'data-contact': 'shared' }, `${t(ui.lang, 'contact')}: ${rep.contact.name} <`,
      h('a', { href: `mailto:${rep.contact.email}` }, rep.contact.email), '>');
  }
  return h('p', { class: 'muted' }, t(ui.lang, 'waiting'));
}

/** posterView lists the replies with their actions, the suggestions and the close form. */
export async function posterView(ctx, key) {
  const { ui, request } = ctx;
  const d = await gql(MANAGE, { id: request.id, key });
  const m = d.managePartnerRequest;
  const open = request.status !== 'CLOSED';
  const replies = m.replies.map((rep) => {
    const err = h('p', { class: 'error', role: 'alert' });
    const msg = h('input', { id: `msg-${rep.id}`, name: 'message' });
    const actions = h('div', { class: 'actions' });
    if (open && rep.status !== 'SHORTLISTED') {
      actions.append(h('button', { type: 'button', class: 'shortlist', onclick: () => act(ctx, err, SHORTLIST, { id: request.id, key, reply: rep.id }) },
        t(ui.lang, 'shortlist')));
    }
    if (open && rep.status !== 'DECLINED') {
      actions.append(h('label', { for: `msg-${rep.id}` }, h('span', {}, t(ui.lang, 'declineMsg')), msg),
        h('button', { type: 'button', class: 'secondary decline', onclick: () => act(ctx, err, DECLINE, { id: request.id, key, reply: rep.id, msg: msg.value || null }) },
          t(ui.lang, 'decline')));
    }
    const share = [];
    if (rep.status === 'SHORTLISTED') {
      share.push(rep.posterAgreed ? h('p', {}, t(ui.lang, 'youAgreed'))
        : h('button', { type: 'button', class: 'share', onclick: () => act(ctx, err, SHARE_POSTER, { id: request.id, key, reply: rep.id }) }, t(ui.lang, 'share')));
      if (rep.replierAgreed) share.push(h('p', {}, t(ui.lang, 'theyAgreed')));
      share.push(contactBlock(ui, rep));
    }
    return h('li', { class: 'card reply', 'data-reply': rep.id },
      h('h4', {}, rep.organisation.name, rep.organisation.country ? ` (${rep.organisation.country.iso2})` : '', ...replyBadges(ui, rep)),
      h('dl', { class: 'facts' }, h('dt', {}, t(ui.lang, 'fit')), h('dd', { lang: rep.lang.toLowerCase() }, rep.fit),
        h('dt', {}, t(ui.lang, 'offer')), h('dd', { lang: rep.lang.toLowerCase() }, rep.offer)),
      actions, ...share, err);
  });
  const sugg = m.suggestions.map((s) => h('li', { class: 'card suggestion' },
    h('strong', {}, s.organisation.name), ` — ${typeName(ui.lang, s.organisation.type)}${s.organisation.country ? `, ${s.organisation.country.iso2}` : ''}`,
    h('ul', { class: 'reasons', 'aria-label': t(ui.lang, 'reasons') }, s.reasons.map((r) => h('li', {}, r.text)))));
  const out = [h('h3', { id: 'manage-title' }, t(ui.lang, 'manageTitle')),
    h('h4', {}, t(ui.lang, 'replies')),
    replies.length ? h('ul', { class: 'cards', id: 'replies' }, replies) : h('p', { class: 'muted' }, t(ui.lang, 'noReplies')),
    h('h4', {}, t(ui.lang, 'suggestions')),
    sugg.length ? h('ul', { class: 'cards', id: 'suggestions' }, sugg) : h('p', { class: 'muted' }, t(ui.lang, 'noSuggestions'))];
  if (open) {
    const err = h('p', { class: 'error', role: 'alert' });
    const outcome = h('textarea', { id: 'outcome', name: 'outcome', required: true, maxlength: 2000 });
    const form = h('form', { class: 'form', id: 'close-form' },
      h('label', { for: 'outcome' }, h('span', {}, t(ui.lang, 'outcome')), outcome),
      h('p', { class: 'muted' }, t(ui.lang, 'closeHelp')), err, h('div', {}, h('button', { type: 'submit' }, t(ui.lang, 'closeBtn'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      act(ctx, err, CLOSE, { id: request.id, key, outcome: outcome.value });
    });
    out.push(h('h4', {}, t(ui.lang, 'closeTitle')), form);
  }
  return [h('section', { class: 'poster', 'aria-labelledby': 'manage-title' }, out)];
}

function replyBadges(ui, rep) {
  return [h('span', { class: `badge s-${rep.status}` }, t(ui.lang, `rs_${rep.status}`)),
    h('span', { class: 'badge lang' }, rep.lang),
    rep.demo && h('span', { class: 'badge demo', title: t(ui.lang, 'demoNote') }, t(ui.lang, 'demo'))];
}

/** keyEntry is the form where a poster types the manage key. */
export function keyEntry(ctx) {
  const { ui, request } = ctx;
  const input = h('input', { id: 'manage-key', name: 'key', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'form', id: 'key-form' }, h('label', { for: 'manage-key' }, h('span', {}, t(ui.lang, 'manageKey')), input),
    h('div', {}, h('button', { type: 'submit', class: 'secondary' }, t(ui.lang, 'unlock'))));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    keepManageKey(request.id, input.value.trim());
    ctx.refresh();
  });
  return h('details', {}, h('summary', {}, t(ui.lang, 'haveKey')), form);
}

/** replierView shows one of this browser's replies to the request: status, message, agreement, contact. */
export async function replierView(ctx, mine) {
  const { ui } = ctx;
  const d = await gql(MY_REPLY, { id: mine.id, key: mine.key });
  const rep = d.myPartnerReply;
  const err = h('p', { class: 'error', role: 'alert' });
  const parts = [h('h3', { id: `my-${rep.id}` }, t(ui.lang, 'myReply'), ...replyBadges(ui, rep)),
    h('p', {}, `${rep.organisation.name}: `, h('span', { lang: rep.lang.toLowerCase() }, rep.fit))];
  if (rep.message) parts.push(h('p', {}, `${t(ui.lang, 'posterMsg')}: `, h('q', {}, rep.message)));
  if (rep.status === 'SHORTLISTED') {
    parts.push(rep.replierAgreed ? h('p', {}, t(ui.lang, 'youAgreed'))
      : h('button', { type: 'button', class: 'share', id: 'replier-share', onclick: () => act(ctx, err, SHARE_REPLIER, { reply: rep.id, key: mine.key }) }, t(ui.lang, 'share')));
    if (rep.posterAgreed) parts.push(h('p', {}, t(ui.lang, 'theyAgreed')));
    parts.push(contactBlock(ui, rep));
  }
  parts.push(err);
  return [h('section', { class: 'card replier', 'aria-labelledby': `my-${rep.id}` }, parts)];
}

/** replyKeyEntry is the form where a replier types the reply id and key. */
export function replyKeyEntry(ctx) {
  const { ui, request } = ctx;
  const id = h('input', { id: 'reply-id', name: 'id', required: true, autocomplete: 'off', placeholder: 'reply:…' });
  const key = h('input', { id: 'reply-key', name: 'key', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'form', id: 'reply-key-form' },
    h('label', { for: 'reply-id' }, h('span', {}, t(ui.lang, 'replyId')), id),
    h('label', { for: 'reply-key' }, h('span', {}, t(ui.lang, 'replyKey')), key),
    h('div', {}, h('button', { type: 'submit', class: 'secondary' }, t(ui.lang, 'unlock'))));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    keepReplyKey(id.value.trim(), request.id, key.value.trim());
    ctx.refresh();
  });
  return h('details', {}, h('summary', {}, t(ui.lang, 'haveReplyKey')), form);
}
