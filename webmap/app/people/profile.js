// The profile of one person of the directory (/people?id=person:...): what the
// graph holds of a person who chose to share their details (organisations,
// languages, themes) and what they contributed that is published. A person who
// does not share their details has no profile: the same notice shows as for an
// id that names nobody.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';
import { notification, showError } from '../common/notify.js';
import { pageTitle, crumb } from '../node/title.js';

const PERSON = `query($id: ID!, $lang: Lang) { node(id: $id) { __typename id
  ... on Person { name languages demo themes { id name(lang: $lang) } organisations { id name olang: lang country { iso2 name(lang: $lang) } } } } }`;

/** profile renders the person of el.dataset.id into el; facts renders their details. */
export async function profile(el, UI, facts) {
  crumb(t('people.title'), '/people');
  let n;
  try {
    n = (await gql(PERSON, { id: el.dataset.id, lang: UI })).node;
  } catch (err) {
    if (err.errors?.some((x) => x.extensions?.code === 'INVALID')) n = null;
    else { showError(el, err); el.removeAttribute('aria-busy'); return; }
  }
  el.removeAttribute('aria-busy');
  if (!n || n.__typename !== 'Person') {
    el.replaceChildren(notification('warning', t('errors.itemNotFoundTitle'), t('people.notShared')));
    return;
  }
  pageTitle(n.name);
  el.replaceChildren(h('section', { 'aria-labelledby': 'person-facts-title' },
    h('h2', { class: 'ecl-u-type-heading-3', id: 'person-facts-title' }, t('people.profile')), facts(n)));
}
