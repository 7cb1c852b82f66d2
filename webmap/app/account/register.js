// The registration form: name, email, password, languages and the opt-in to
// the directory (off unless ticked). The answer never says whether the address
// was already registered: the same notice shows either way.
import { lang, t } from '../common/i18n.js';
import { gql, wire, say, checked } from './form.js';
import { REGISTER } from './api.js';

const form = document.getElementById('register-form');
const box = document.getElementById('register-alert');
const FIELDS = { 'input.name': 'r-name', 'input.email': 'r-email', 'input.password': 'r-password', 'input.languages': 'r-languages',
  name: 'r-name', email: 'r-email', password: 'r-password', languages: 'r-languages' };

wire(form, box, {
  rules: [['r-name', {}], ['r-email', { email: true }], ['r-password', { min: 10 }]],
  fields: FIELDS,
  run: async (f) => {
    const input = { name: f.get('name').trim(), email: f.get('email').trim(), password: f.get('password'),
      languages: checked(form, 'languages'), shareDetails: form.querySelector('#r-share').checked };
    await gql(REGISTER, { input, lang: lang.toUpperCase() });
    form.hidden = true;
    say(box, 'success', t('account.registerSentTitle'), t('account.registerSent'));
  },
});
