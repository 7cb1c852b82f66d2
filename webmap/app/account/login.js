// The login form. A wrong address, a wrong password and an unconfirmed
// address fail alike; on success the page goes to ?next= (a path of this site)
// or to the account.
import { t } from '../common/i18n.js';
import { gql, wire, showErrors, say, code, errorText } from './form.js';
import { LOGIN } from './api.js';

const form = document.getElementById('login-form');
const box = document.getElementById('login-alert');
if (new URLSearchParams(location.search).get('out') === '1') say(box, 'success', t('account.loggedOut'));

/** next is where to go after logging in: a path on this site only. */
function next() {
  const n = new URLSearchParams(location.search).get('next') || '';
  return /^\/(?!\/)[^\s\\]*$/.test(n) ? n : '/account';
}

wire(form, box, {
  rules: [['l-email', { email: true }], ['l-password', {}]],
  run: async (f) => {
    try {
      await gql(LOGIN, { email: f.get('email').trim(), password: f.get('password') });
    } catch (err) {
      const c = code(err);
      if (c === 'UNAUTHENTICATED' || c === 'INVALID' || c === 'FORBIDDEN') {
        showErrors(form, box, [{ text: t('account.badLogin') }]);
        return;
      }
      showErrors(form, box, [{ text: errorText(c) }]);
      return;
    }
    location.assign(next());
  },
});
