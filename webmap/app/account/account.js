// The account page: the logged-in person's profile, email address,
// organisations (join, claim, register, approve members), API tokens (shown
// once), data download, logout (here or everywhere) and deletion. A visitor
// without a session sees a link to the login instead.
import { h } from '../map/dom.js';
import { t, lang, fmtDate, collator } from '../common/i18n.js';
import { gql, wire, say, busy, checked, errorText, code } from './form.js';
import * as Q from './api.js';
import { organisationsPart } from './orgs.js';

const $ = (id) => document.getElementById(id);
const root = $('account-root');
const UI = lang.toUpperCase();

async function main() {
  let me;
  try {
    me = (await gql(Q.ME, { lang: UI })).me;
  } catch (err) {
    $('account-loading').replaceWith(h('div', { class: 'form-alert' }));
    say(root.querySelector('.form-alert'), 'error', t('errors.title'), errorText(code(err)));
    root.removeAttribute('aria-busy');
    return;
  }
  $('account-loading').remove();
  root.removeAttribute('aria-busy');
  if (!me) {
    $('account-signin').hidden = false;
    return;
  }
  $('account-main').hidden = false;
  $('account-hello').textContent = t('account.hello', { name: me.name });
  profile(me);
  email(me);
  tokens(me);
  data();
  sessions();
  removal();
  await organisationsPart(me, { UI, reload });
}

/** reload asks for the account again (after a change that shows elsewhere on the page). */
async function reload() {
  return (await gql(Q.ME, { lang: UI })).me;
}

function profile(me) {
  const form = $('profile-form');
  form.querySelector('#p-name').value = me.name;
  for (const box of form.querySelectorAll('input[name=languages]')) box.checked = me.languages.includes(box.value);
  form.querySelector('#p-share').checked = me.shareDetails;
  wire(form, $('profile-alert'), {
    rules: [['p-name', {}]],
    fields: { 'input.name': 'p-name', 'input.languages': 'p-languages' },
    run: async (f) => {
      const input = { name: f.get('name').trim(), languages: checked(form, 'languages'), shareDetails: form.querySelector('#p-share').checked };
      const d = await gql(Q.UPDATE, { input });
      $('account-hello').textContent = t('account.hello', { name: d.updateProfile.name });
      say($('profile-alert'), 'success', t('account.saved'));
    },
  });
}

function email(me) {
  $('email-current').textContent = t('account.currentEmail', { email: me.email });
  const form = $('email-form');
  wire(form, $('email-alert'), {
    rules: [['e-email', { email: true }], ['e-password', {}]],
    fields: { newEmail: 'e-email', password: 'e-password' },
    run: async (f) => {
      await gql(Q.CHANGE_EMAIL, { email: f.get('email').trim(), password: f.get('password') });
      form.reset();
      say($('email-alert'), 'success', t('account.registerSentTitle'), t('account.emailSent'));
    },
  });
}

function tokenTable(list) {
  const host = $('token-list');
  if (!list.length) {
    host.replaceChildren(h('p', { id: 'tokens-none' }, t('account.tokensNone')));
    return;
  }
  const c = collator();
  const rows = [...list].sort((a, b) => c.compare(a.name, b.name)).map((k) => h('tr', { class: 'ecl-table__row', 'data-token': k.id },
    h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': t('account.colName') }, k.name, ' ', h('code', {}, `${k.prefix}…`)),
    h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': t('account.colScope') }, t(`account.scope_${k.scope}`)),
    h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': t('account.colCreated') }, fmtDate(k.createdAt)),
    h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': t('account.colUsed') }, k.lastUsed ? fmtDate(k.lastUsed) : t('account.never')),
    h('td', { class: 'ecl-table__cell', 'data-ecl-table-header': t('account.colAction') },
      h('button', { type: 'button', class: 'ecl-button ecl-button--secondary', 'data-revoke': k.id, onclick: (ev) => revoke(ev.currentTarget, k) },
        h('span', { class: 'ecl-button__container' }, h('span', { class: 'ecl-button__label', 'data-ecl-label': 'true' }, t('account.revoke', { name: k.name })))))));
  host.replaceChildren(h('div', { class: 'acct-table-wrap' }, h('table', { class: 'ecl-table ecl-table--zebra', id: 'tokens-table' },
    h('caption', { class: 'ecl-u-sr-only' }, t('account.tokensCaption')),
    h('thead', { class: 'ecl-table__head' }, h('tr', { class: 'ecl-table__row' },
      ...['colName', 'colScope', 'colCreated', 'colUsed', 'colAction'].map((k) => h('th', { class: 'ecl-table__header', scope: 'col' }, t(`account.${k}`))))),
    h('tbody', { class: 'ecl-table__body' }, rows))));
}

async function revoke(btn, k) {
  const box = $('token-alert');
  await busy(btn, async () => {
    try {
      await gql(Q.REVOKE_TOKEN, { id: k.id });
    } catch (err) {
      say(box, 'error', t('errors.title'), errorText(code(err)));
      return;
    }
    tokenTable((await reload()).apiTokens);
    say(box, 'success', t('account.revoked', { name: k.name }));
  });
}

function tokens(me) {
  tokenTable(me.apiTokens);
  const form = $('token-form');
  wire(form, $('token-alert'), {
    rules: [['k-name', {}]],
    fields: { name: 'k-name', scope: 'k-scope' },
    run: async (f) => {
      const d = await gql(Q.NEW_TOKEN, { name: f.get('name').trim(), scope: f.get('scope') });
      form.reset();
      tokenTable((await reload()).apiTokens);
      say($('token-alert'), 'warning', t('account.tokenOnceTitle'), h('p', {}, t('account.tokenOnce')),
        h('code', { class: 'acct-token', id: 'token-secret' }, d.createApiToken.secret));
    },
  });
}

function data() {
  $('data-download').addEventListener('click', async (ev) => {
    const box = $('data-alert');
    await busy(ev.currentTarget, async () => {
      let text;
      try {
        text = (await gql(Q.MY_DATA)).myData;
      } catch (err) {
        say(box, 'error', t('errors.title'), errorText(code(err)));
        return;
      }
      const file = `ewsi-my-data-${new Date().toISOString().slice(0, 10)}.json`;
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = h('a', { href: url, download: file, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      say(box, 'success', t('account.dataReady', { file }));
    });
  });
}

function sessions() {
  const box = $('sessions-alert');
  const out = (q) => async (ev) => {
    await busy(ev.currentTarget, async () => {
      try {
        await gql(q);
      } catch (err) {
        say(box, 'error', t('errors.title'), errorText(code(err)));
        return;
      }
      location.assign('/login?out=1');
    });
  };
  $('logout').addEventListener('click', out(Q.LOGOUT));
  $('logout-all').addEventListener('click', out(Q.LOGOUT_ALL));
}

function removal() {
  const form = $('delete-form');
  wire(form, $('delete-alert'), {
    rules: [['d-password', {}], ['d-sure', { tick: true }]],
    fields: { password: 'd-password' },
    run: async (f) => {
      await gql(Q.DELETE, { password: f.get('password') });
      $('account-main').replaceWith(h('div', { class: 'form-alert', id: 'account-deleted' }));
      say($('account-deleted'), 'success', t('account.done'), t('account.deleted'));
    },
  });
}

main();
