// The organisation's place in the network, a section of the node page for an
// organisation (kept apart from the node page's own code): the organisations it
// works with, found through the practices it implements or is a partner in.
// The node page already lists its practices and the people who share details.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, collator, fmtNumber } from '../common/i18n.js';

const ORG = 'id name olang: lang country { iso2 }';
const PARTNERS = `query($id: ID!) { node(id: $id) { ... on Organisation {
  practices { partners { ${ORG} } implementers { ... on Organisation { ${ORG} } } }
  partnerIn { partners { ${ORG} } implementers { ... on Organisation { ${ORG} } } } } } }`;

/** partnersOf lists the organisations other than self found in practices, once each, by name. */
export function partnersOf(self, practices) {
  const seen = new Map();
  for (const p of practices) {
    for (const o of [...(p.partners || []), ...(p.implementers || [])]) {
      if (o?.id && o.id !== self && !seen.has(o.id)) seen.set(o.id, o);
    }
  }
  const c = collator();
  return [...seen.values()].sort((a, b) => c.compare(a.name, b.name));
}

/** orgProfile returns the section for organisation n; it fills itself in. */
export function orgProfile(n) {
  const list = h('div', {}, h('p', { class: 'muted' }, t('people.loading')));
  const title = h('h3', { id: 'org-partners-title' }, t('people.orgPartners'));
  const sec = h('section', { class: 'node-relations org-profile', 'aria-labelledby': 'org-profile-title', 'data-hook': 'org-profile' },
    h('h2', { id: 'org-profile-title' }, t('people.orgProfile')),
    h('section', { class: 'relation', 'data-rel': 'orgPartners', 'aria-labelledby': 'org-partners-title' }, title, list));
  (async () => {
    let d;
    try {
      d = await gql(PARTNERS, { id: n.id });
    } catch {
      list.replaceChildren(h('p', {}, t('errors.UNKNOWN')));
      return;
    }
    const orgs = partnersOf(n.id, [...(d.node?.practices || []), ...(d.node?.partnerIn || [])]);
    title.append(' ', h('span', { class: 'muted' }, `(${fmtNumber(orgs.length)})`));
    list.replaceChildren(orgs.length
      ? h('ul', { class: 'plain' }, orgs.map((o) => h('li', {}, h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(o.id)}`, lang: o.olang?.toLowerCase() }, o.name),
        o.country ? ` (${o.country.iso2})` : '')))
      : h('p', {}, t('people.orgPartnersNone')));
  })();
  return sec;
}
