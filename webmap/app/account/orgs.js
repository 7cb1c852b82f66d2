// The organisations part of the account page: the person's memberships, the
// requests to join the organisations they administer (approve), joining or
// claiming an organisation already on the site (a type-ahead over the search),
// and registering a new one (the person becomes its admin).
import { h } from '../map/dom.js';
import { t, collator } from '../common/i18n.js';
import { combobox } from '../partners/combobox.js';
import { ORG_TYPES } from '../partners/labels.js';
import { gql, wire, say, busy, showErrors, apiErrors, checked, errorText, code } from './form.js';
import * as Q from './api.js';

const $ = (id) => document.getElementById(id);

/** memberships lists the person's organisations with their status. */
function memberships(list) {
  if (!list.length) return h('p', { id: 'org-none' }, t('account.orgNone'));
  const c = collator();
  return h('ul', { class: 'ecl-unordered-list', id: 'org-memberships' },
    [...list].sort((a, b) => c.compare(a.organisation.name, b.organisation.name)).map((m) => h('li', { class: 'ecl-unordered-list__item acct-org-item', 'data-org': m.organisation.id },
      h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(m.organisation.id)}`, lang: m.organisation.olang?.toLowerCase() }, m.organisation.name),
      m.organisation.country ? ` (${m.organisation.country.name})` : '',
      ': ', h('span', { class: 'acct-org-status' }, m.claim && m.status === 'PENDING' ? t('account.orgClaim') : t(`account.orgState_${m.status}`)))));
}

/** adminPart lists the pending members of each organisation the person administers. */
async function adminPart(me) {
  const host = $('org-admin');
  host.replaceChildren();
  for (const m of me.memberships.filter((x) => x.status === 'ADMIN')) {
    const org = m.organisation;
    const id = `members-${org.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const box = h('div', { class: 'form-alert' });
    const sec = h('section', { 'aria-labelledby': id, class: 'acct-members' }, h('h3', { class: 'ecl-u-type-heading-4', id }, t('account.membersTitle', { org: org.name })), box);
    host.append(sec);
    let reqs = [];
    try {
      reqs = (await gql(Q.MEMBER_REQUESTS, { org: org.id })).memberRequests;
    } catch (err) {
      say(box, 'error', t('errors.title'), errorText(code(err)));
      continue;
    }
    if (!reqs.length) { sec.append(h('p', {}, t('account.membersNone'))); continue; }
    sec.append(h('ul', { class: 'ecl-unordered-list' }, reqs.map((r) => h('li', { class: 'ecl-unordered-list__item acct-org-item' }, r.person.name, ' ',
      h('button', { type: 'button', class: 'ecl-button ecl-button--secondary', 'data-approve': r.person.id,
        onclick: async (ev) => {
          const b = ev.currentTarget;
          await busy(b, async () => {
            try {
              await gql(Q.APPROVE, { org: org.id, person: r.person.id });
              b.closest('li').remove();
              say(box, 'success', t('account.saved'));
            } catch (err) {
              say(box, 'error', t('errors.title'), errorText(code(err)));
            }
          });
        } }, h('span', { class: 'ecl-button__container' }, h('span', { class: 'ecl-button__label', 'data-ecl-label': 'true' }, t('account.approve', { name: r.person.name }))))))));
  }
}

/** organisationsPart fills the organisations section for me; reload() asks for the account again. */
export async function organisationsPart(me, { UI, reload }) {
  const refresh = async (m) => {
    $('org-list').replaceChildren(memberships(m.memberships));
    await adminPart(m);
  };
  await refresh(me);

  // join or claim an organisation on the site
  const joinForm = $('join-form');
  const joinBox = $('join-alert');
  const pick = combobox({ area: 'account', inputId: 'j-org', labelText: t('account.organisation'), hint: t('account.joinHelp'), kinds: ['ORGANISATION'] });
  $('join-picker').append(pick.el);
  const send = (q, done) => async (btn) => {
    joinBox.replaceChildren();
    if (!pick.value()) { showErrors(joinForm, joinBox, [{ id: 'j-org', text: t('account.pickOrg') }]); return; }
    await busy(btn, async () => {
      try {
        await gql(q, { id: pick.value().id });
      } catch (err) {
        showErrors(joinForm, joinBox, apiErrors(err, { id: 'j-org' }));
        return;
      }
      await refresh(await reload());
      say(joinBox, 'success', t(done));
    });
  };
  const join = send(Q.JOIN, 'account.joinSent');
  const claim = send(Q.CLAIM, 'account.claimSent');
  joinForm.addEventListener('submit', (ev) => { ev.preventDefault(); join(joinForm.querySelector('#j-submit')); });
  $('j-claim').addEventListener('click', (ev) => claim(ev.currentTarget));

  // register a new organisation
  const form = $('neworg-form');
  let ref;
  try {
    ref = await gql(Q.REFERENCE, { lang: UI });
  } catch (err) {
    say($('neworg-alert'), 'error', t('errors.title'), errorText(code(err)));
    return;
  }
  const c = collator();
  const labels = new Map(ref.labels.filter((l) => l.enum === 'OrgType').map((l) => [l.value, l]));
  const typeSel = $('o-type');
  typeSel.append(...ORG_TYPES.map((v) => ({ v, l: labels.get(v) })).sort((a, b) => c.compare(a.l?.label || a.v, b.l?.label || b.v))
    .map(({ v, l }) => h('option', { value: v, lang: l && l.lang.toLowerCase() !== UI.toLowerCase() ? l.lang.toLowerCase() : undefined }, l?.label || v)));
  $('o-country').append(...[...ref.countries].sort((a, b) => c.compare(a.name, b.name)).map((x) => h('option', { value: x.iso2 }, x.name)));
  $('o-themes-boxes').append(...[...ref.themes].sort((a, b) => c.compare(a.name, b.name)).map((th, i) => h('div', { class: 'ecl-checkbox' },
    h('input', { type: 'checkbox', class: 'ecl-checkbox__input', id: `o-theme-${i}`, name: 'themes', value: th.id }),
    h('label', { class: 'ecl-checkbox__label', for: `o-theme-${i}` },
      h('span', { class: 'ecl-checkbox__box', 'aria-hidden': 'true' }, h('span', { class: 'ecl-checkbox__check' })),
      h('span', { class: 'ecl-checkbox__text' }, th.name)))));
  wire(form, $('neworg-alert'), {
    rules: [['o-name', {}], ['o-type', {}], ['o-country', {}], ['o-website', { url: true, optional: true }]],
    fields: { 'input.name': 'o-name', 'input.type': 'o-type', 'input.country': 'o-country', 'input.city': 'o-city', 'input.website': 'o-website', 'input.themes': 'o-themes' },
    run: async (f) => {
      const input = { name: f.get('name').trim(), type: f.get('type'), country: f.get('country'), city: f.get('city').trim() || null,
        website: f.get('website').trim() || null, themes: checked(form, 'themes'), languages: me.languages };
      const d = await gql(Q.NEW_ORG, { input });
      form.reset();
      await refresh(await reload());
      say($('neworg-alert'), 'success', t('account.orgCreated', { name: d.registerOrganisation.organisation.name }), ' ',
        h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(d.registerOrganisation.organisation.id)}`, id: 'neworg-link' }, d.registerOrganisation.organisation.name));
    },
  });
}
