// The confirmation of an email address from the mailed link: the token is in
// the address; the button sends it (a mail scanner that follows the link
// confirms nothing). At /account/email it confirms the new address of an
// existing account (the link of the address change's mail).
import { h } from '../map/dom.js';
import { t } from '../common/i18n.js';
import { gql, say, busy, code, errorText } from './form.js';
import { CONFIRM, CONFIRM_CHANGE } from './api.js';

const form = document.getElementById('confirm-form');
const box = document.getElementById('confirm-alert');
const change = location.pathname === '/account/email';

form?.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const token = new FormData(form).get('token');
  await busy(form.querySelector('[type=submit]'), async () => {
    try {
      await gql(change ? CONFIRM_CHANGE : CONFIRM, { token });
    } catch (err) {
      const c = code(err);
      const text = ['INVALID', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'].includes(c) ? t('account.linkBad') : errorText(c);
      say(box, 'error', t('errors.title'), text);
      return;
    }
    form.hidden = true;
    say(box, 'success', t('account.done'), change ? t('account.confirmedEmail') : t('account.confirmed'), ' ',
      h('a', { class: 'ecl-link', href: change ? '/account' : '/login', id: 'confirm-next' }, change ? t('account.title') : t('account.headerLogin')));
  });
});
