// The password reset: without a token, the form asks for the address and the
// same notice shows whether or not an account uses it; with the mailed
// token, the form sets the new password (every session ends).
import { h } from '../map/dom.js';
import { lang, t } from '../common/i18n.js';
import { gql, wire, say, code } from './form.js';
import { ASK_RESET, RESET } from './api.js';

const form = document.getElementById('reset-form');
const box = document.getElementById('reset-alert');

if (form.dataset.step === 'ask') {
  wire(form, box, {
    rules: [['a-email', { email: true }]],
    fields: { email: 'a-email' },
    run: async (f) => {
      await gql(ASK_RESET, { email: f.get('email').trim(), lang: lang.toUpperCase() });
      form.hidden = true;
      say(box, 'success', t('account.registerSentTitle'), t('account.resetSent'));
    },
  });
} else {
  wire(form, box, {
    rules: [['s-password', { min: 10 }]],
    fields: { password: 's-password' },
    run: async (f) => {
      try {
        await gql(RESET, { token: f.get('token'), password: f.get('password') });
      } catch (err) {
        if (code(err) === 'INVALID' && err.errors?.[0]?.extensions?.where === 'password') throw err;
        if (['INVALID', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(code(err))) {
          say(box, 'error', t('errors.title'), t('account.linkBad'), ' ', h('a', { class: 'ecl-link', href: '/account/reset' }, t('account.resetTitle')));
          return;
        }
        throw err;
      }
      form.hidden = true;
      say(box, 'success', t('account.done'), t('account.resetDone'), ' ', h('a', { class: 'ecl-link', href: '/login', id: 'reset-login' }, t('account.headerLogin')));
    },
  });
}
