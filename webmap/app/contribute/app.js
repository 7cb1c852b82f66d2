// The contribution page (/contribute): a form per kind of contribution, in the
// interface language, with the publishing criteria of the kind beside it; drafts
// are saved and submitted under one idempotency key per contribution, so a
// repeated click submits once. ?id= opens one's own contribution to revise it.
// Below the form, the list of one's contributions with their state. Every text
// goes into the page as text (dom.js), never as HTML.
import { h } from '../map/dom.js';
import { t, has, lang as ui, fmtDate } from '../common/i18n.js';
import { errorText } from '../partners/msg.js';
import { button, field, select, textInput, checkbox, group, setError, clearErrors, notification } from '../partners/ecl.js';
import { EU_LANGS, langNamer } from '../partners/labels.js';
import { gql, REFERENCE, MINE, ONE, SAVE, REVISE, WITHDRAW } from './api.js';
import { KINDS, FIELDS, REQUIRED, STAGES, readInput, fillForm } from './fields.js';

const params = new URLSearchParams(location.search);
const root = document.getElementById('contribute-root');
const langName = langNamer(ui);
const codeOf = (e) => e?.errors?.[0]?.extensions?.code || (e instanceof TypeError ? 'NETWORK' : 'UNKNOWN');
const fieldLabel = (name) => t(`contribute.f_${name}`);
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** link builds an address of this page, keeping the interface language. */
function link(extra = {}) {
  const p = new URLSearchParams(extra);
  if (params.get('lang')) p.set('lang', params.get('lang'));
  const q = p.toString();
  return q ? `/contribute?${q}` : '/contribute';
}

/** control builds the input of one field. */
function control(name, type, ref, label) {
  const id = `f-${name}`;
  const attrs = { id, name };
  switch (type) {
    case 'markdown':
      return textInput(id, { ...attrs, type: 'textarea', rows: 5 });
    case 'date':
      return textInput(id, { ...attrs, type: 'date' });
    case 'number':
      return textInput(id, { ...attrs, inputmode: 'decimal' });
    case 'url':
      return textInput(id, { ...attrs, type: 'url', placeholder: 'https://' });
    case 'lang':
      return select(id, [['', t('contribute.choose')], ...EU_LANGS.map((l) => [l.toUpperCase(), langName(l)])], ui.toUpperCase(), { name });
    case 'country':
      return select(id, [['', t('contribute.choose')], ...ref.countries.map((c) => [c.iso2, c.name])], '', { name });
    case 'stage':
      return select(id, [['', t('contribute.choose')], ...STAGES.map((s) => [s, t(`contribute.stage_${s}`)])], '', { name });
    default:
      if (type.startsWith('enum:')) {
        const en = type.slice(5);
        const values = ref.labels.filter((l) => l.enum === en);
        return select(id, [['', t('contribute.choose')], ...values.map((l) => [l.value, l.label])], '', { name });
      }
      return textInput(id, attrs);
  }
}

/** fieldsOf renders the fields of kind. */
function fieldsOf(kind, ref) {
  const out = [];
  for (const [name, type] of FIELDS[kind]) {
    const optional = REQUIRED[kind].includes(name) ? undefined : t('contribute.optional');
    const helpKey = `contribute.h_${type === 'markdown' ? 'markdown' : name}`;
    const help = has(helpKey) ? t(helpKey) : undefined;
    if (type === 'themes') {
      out.push(group('f-themes', h('span', {}, fieldLabel('themes'), optional ? h('span', { class: 'ecl-form-label__optional' }, optional) : null),
        h('div', { class: 'checklist-options' }, ref.themes.map((th) => checkbox(`f-theme-${th.slug}`, 'themes', th.slug, th.name, false)))));
      continue;
    }
    out.push(field(`f-${name}`, fieldLabel(name), control(name, type, ref), { optional, help }));
  }
  return out;
}

/** criteriaBox shows the publishing criteria of kind. */
function criteriaBox(kind, ref) {
  return h('section', { class: 'contribute-criteria', 'aria-labelledby': 'criteria-title' },
    h('h2', { class: 'ecl-u-type-heading-3', id: 'criteria-title' }, t('contribute.criteriaTitle')),
    h('p', {}, t('contribute.criteriaIntro')),
    h('ul', { class: 'ecl-unordered-list', id: 'criteria-list' },
      ref[kind.toLowerCase()].map((c) => h('li', { class: 'ecl-unordered-list__item', 'data-criterion': c.criterion }, c.text))));
}

/** showErrors puts the API's errors on their fields and above the form. */
function showErrors(form, status, e) {
  clearErrors(form);
  const errs = e?.errors?.length ? e.errors : [{ extensions: { code: codeOf(e) } }];
  const items = [];
  for (const x of errs) {
    const code = x.extensions?.code || 'UNKNOWN';
    const where = String(x.extensions?.where || '');
    const name = where.startsWith('input.') ? where.slice(6) : '';
    const text = errorText(code, name ? fieldLabel(name) : undefined);
    if (name && form.querySelector(`#f-${CSS.escape(name)}`)) setError(form, `f-${name}`, text);
    items.push(text);
  }
  status.replaceChildren(notification('error', t('contribute.errorTitle'), h('ul', {}, items.map((x) => h('li', {}, x)))));
  status.querySelector('.ecl-notification')?.focus();
}

/** stateLabel shows a contribution's state. */
const stateLabel = (c) => h('span', { class: `ecl-label ecl-label--${c.state === 'PUBLISHED' ? 'high' : 'low'} badge` },
  t(`contribute.state_${c.state.toLowerCase()}`), c.pendingRevision ? ` · ${t('contribute.pendingRevision')}` : '');

/** mineList renders one's contributions. */
function mineList(list) {
  const section = h('section', { 'aria-labelledby': 'mine-title', class: 'contribute-mine' },
    h('h2', { class: 'ecl-u-type-heading-2', id: 'mine-title' }, t('contribute.mineTitle')));
  if (!list.length) {
    section.append(h('p', { id: 'mine-none' }, t('contribute.mineNone')));
    return section;
  }
  section.append(h('ul', { class: 'ecl-unordered-list', id: 'mine-list' }, list.map((c) => h('li', { class: 'ecl-unordered-list__item', 'data-id': c.id },
    h('a', { class: 'ecl-link', href: link({ id: c.id }) }, c.title || t('contribute.untitled')), ' ',
    h('span', {}, `(${t(`contribute.kind_${c.kind.toLowerCase()}`)}, ${fmtDate(c.updatedAt)}) `), stateLabel(c),
    c.reason ? h('p', { class: 'contribute-reason' }, t('contribute.reason', { reason: c.reason })) : null))));
  return section;
}

async function main() {
  const ref = await gql(REFERENCE, { lang: ui.toUpperCase() });
  let mine = [];
  let signedIn = true;
  try {
    mine = (await gql(MINE)).myContributions.edges.map((e) => e.node);
  } catch (e) {
    if (codeOf(e) !== 'UNAUTHENTICATED' && codeOf(e) !== 'FORBIDDEN') throw e;
    signedIn = false;
  }
  let editing = null;
  if (params.get('id') && signedIn) {
    editing = (await gql(ONE, { id: params.get('id') })).contribution;
  }
  let kind = editing?.kind || (KINDS.includes(params.get('kind')) ? params.get('kind') : 'PRACTICE');
  let key = newKey();
  // a draft is saved and submitted under the key it was first saved with
  const draftKey = editing?.state === 'DRAFT' ? localStorage.getItem(`ewsi-contribution-key:${editing.id}`) : null;
  const status = h('div', { id: 'contribute-status', 'aria-live': 'polite' });
  const criteria = h('div', { id: 'criteria-box' }, criteriaBox(kind, ref));
  const fields = h('div', { class: 'partner-form__grid', id: 'contribute-fields' }, fieldsOf(kind, ref));
  const kindPick = editing ? null : group('f-kind', t('contribute.kindLegend'),
    h('div', { class: 'ecl-radio-group' }, KINDS.map((k) => h('div', { class: 'ecl-radio' },
      h('input', { type: 'radio', class: 'ecl-radio__input', id: `kind-${k}`, name: 'kind', value: k, checked: k === kind,
        onchange: () => {
          kind = k;
          key = newKey();
          fields.replaceChildren(...fieldsOf(kind, ref));
          criteria.replaceChildren(criteriaBox(kind, ref));
        } }),
      h('label', { class: 'ecl-radio__label', for: `kind-${k}` }, h('span', { class: 'ecl-radio__box' }, h('span', { class: 'ecl-radio__box-inner' })),
        h('span', { class: 'ecl-radio__text' }, t(`contribute.kind_${k.toLowerCase()}`)))))));
  const form = h('form', { class: 'board-form contribute-form', id: 'contribute-form', novalidate: true, 'aria-labelledby': 'form-title' },
    h('h2', { class: 'ecl-u-type-heading-2', id: 'form-title' },
      editing ? t('contribute.reviseTitle', { title: editing.title || t('contribute.untitled') }) : t('contribute.formTitle')),
    h('p', {}, t('contribute.markdownNote')),
    kindPick, fields);
  const send = async (op) => {
    clearErrors(form);
    status.replaceChildren();
    const input = { ...readInput(form, kind) };
    try {
      let c;
      if (editing && !draftKey) c = (await gql(REVISE, { id: editing.id, input })).reviseContribution;
      else c = (await gql(SAVE(op), { kind, input, key: draftKey || key }))[op].contribution;
      if (op === 'saveDraft') localStorage.setItem(`ewsi-contribution-key:${c.id}`, draftKey || key);
      if (c.state !== 'DRAFT') localStorage.removeItem(`ewsi-contribution-key:${c.id}`);
      const msg = op === 'saveDraft' ? 'contribute.savedDraft' : editing ? 'contribute.revised' : 'contribute.submitted';
      status.replaceChildren(notification('success', t(msg, { title: c.title || t('contribute.untitled') }),
        h('a', { class: 'ecl-link', href: link({ id: c.id }) }, t('contribute.open'))));
      status.querySelector('.ecl-notification')?.focus();
      const i = mine.findIndex((x) => x.id === c.id);
      if (i >= 0) mine[i] = c;
      else mine.unshift(c);
      mineBox.replaceChildren(mineList(mine));
      if (!editing && op === 'submitContribution') {
        form.reset();
        key = newKey();
      }
    } catch (e) {
      showErrors(form, status, e);
    }
  };
  const actions = h('div', { class: 'contribute-actions' },
    (!editing || draftKey) && button(t('contribute.saveDraft'), { id: 'save-draft', onclick: () => send('saveDraft') }, 'secondary'),
    button(editing ? t('contribute.saveChanges') : t('contribute.submit'), { id: 'submit', type: 'submit' }),
    editing && !['PUBLISHED', 'WITHDRAWN'].includes(editing.state) && !editing.pendingRevision &&
      button(t('contribute.withdraw'), { id: 'withdraw', onclick: async () => {
        try {
          editing = (await gql(WITHDRAW, { id: editing.id })).withdrawContribution;
          status.replaceChildren(notification('success', t('contribute.withdrawn'), ''));
        } catch (e) {
          showErrors(form, status, e);
        }
      } }, 'ghost'));
  form.append(actions);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    send(editing && !draftKey ? 'revise' : 'submitContribution');
  });
  if (editing) {
    fillForm(form, editing.fields);
    const lang = form.elements.namedItem('lang');
    if (lang && editing.fields.lang) lang.value = editing.fields.lang;
  }
  const mineBox = h('div', { id: 'mine' }, signedIn ? mineList(mine) : null);
  root.replaceChildren(
    signedIn ? '' : notification('info', t('contribute.signInTitle'), t('contribute.signIn'), { id: 'sign-in', live: false }),
    editing ? h('p', {}, stateLabel(editing), editing.reason ? ` ${t('contribute.reason', { reason: editing.reason })}` : '') : '',
    h('div', { class: 'contribute-layout' }, form, criteria), status, mineBox);
}

main().catch((e) => {
  root.replaceChildren(notification('error', t('contribute.errorTitle'), errorText(codeOf(e))));
});
