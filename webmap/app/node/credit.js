// Who contributed a practice, a line of the node page kept apart from its own
// code: the contributor's name linking to their profile when they share their
// details, else that a member did, or a former member once they deleted their
// account.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';

const CREDIT = `query($id: ID!) { node(id: $id) { ... on Practice { contributedBy { name formerMember person { id } } } } }`;

/** creditLine returns the credit paragraph of practice n; it fills itself in
and stays empty for content that did not come from a contribution. */
export function creditLine(n) {
  const p = h('p', { class: 'node-credit', 'data-hook': 'credit' });
  (async () => {
    let c;
    try {
      c = (await gql(CREDIT, { id: n.id })).node?.contributedBy;
    } catch {
      return;
    }
    if (!c) { p.remove(); return; }
    if (c.formerMember) p.append(t('people.creditedFormer'));
    else if (c.name && c.person) {
      const [before, after] = t('people.creditedTo', { name: '\u0000' }).split('\u0000');
      p.append(before, h('a', { class: 'ecl-link', href: `/people?id=${encodeURIComponent(c.person.id)}` }, c.name), after);
    } else p.append(t('people.creditedMember'));
  })();
  return p;
}
