// The country information sheet on the country page: the latest revision's
// sections (strategy, programmes, laws, stakeholders, evaluation, funding), the
// history of revisions with who and when, the view of what changed between two
// revisions (the API's word diff: insertions in <ins>, deletions in <del>), the
// latest value of each indicator with its year and source, and, in editor mode,
// the form that saves a new revision.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, fmtNumber, fmtDate } from '../common/i18n.js';
import { editorToken } from '../common/session.js';
import { showError } from '../common/notify.js';

export const SECTIONS = ['strategy', 'programmes', 'laws', 'stakeholders', 'evaluation', 'funding'];

const REV = 'number at byRole note demo sections { key text }';

export const SHEET = `query($code: String!, $lang: Lang) {
  country(code: $code) {
    sheet { ${REV} }
    observations { year value flags source dataset sample indicator { id name(lang: $lang) unit } }
  }
  sheetRevisions(country: $code, first: 50) { totalCount edges { node { number at byRole note demo } } }
}`;

export const DIFF = `query($code: String!, $from: Int!, $to: Int!) {
  sheetDiff(country: $code, from: $from, to: $to) { sections { key changed ops { op text } } }
}`;

export const REVISE = `mutation($input: SheetInput!, $key: String!) {
  reviseSheet(input: $input, idempotencyKey: $key) { number }
}`;

const when = (iso) => fmtDate(new Date(iso), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

function who(r) {
  return t('sheets.by_' + (['editor', 'coordinator', 'admin', 'demo'].includes(r.byRole) ? r.byRole : 'editor'));
}

function sections(rev) {
  return h('div', { class: 'sheet-sections' }, rev.sections.map((s) => h('section', { 'data-sheet-section': s.key, 'aria-labelledby': 'sheet-' + s.key },
    h('h3', { id: 'sheet-' + s.key }, t('sheets.sec_' + s.key)),
    s.text ? s.text.split(/\n+/).map((p) => h('p', { lang: 'en' }, p)) : h('p', { class: 'muted' }, t('sheets.empty')))));
}

function history(code, revs, diffSlot) {
  const list = h('ol', { class: 'plain sheet-history', reversed: true }, revs.map((r) => h('li', { 'data-revision': String(r.number) },
    h('strong', {}, t('sheets.revision', { n: fmtNumber(r.number) })), ' · ',
    h('time', { datetime: r.at }, when(r.at)), ' · ', who(r),
    r.note && h('span', { class: 'muted' }, ' · ', h('span', { lang: 'en' }, r.note)))));
  if (revs.length < 2) return h('div', {}, list);
  const opts = (sel) => revs.map((r) => h('option', { value: String(r.number), selected: r.number === sel ? true : undefined }, t('sheets.revision', { n: fmtNumber(r.number) })));
  const from = h('select', { class: 'ecl-select', id: 'sheet-from', name: 'from' }, opts(revs[1].number));
  const to = h('select', { class: 'ecl-select', id: 'sheet-to', name: 'to' }, opts(revs[0].number));
  const form = h('form', { class: 'sheet-compare', 'data-hook': 'sheet-compare' },
    h('div', { class: 'ecl-form-group' }, h('label', { class: 'ecl-form-label', for: 'sheet-from' }, t('sheets.from')), h('div', { class: 'ecl-select__container ecl-select__container--m' }, from)),
    h('div', { class: 'ecl-form-group' }, h('label', { class: 'ecl-form-label', for: 'sheet-to' }, t('sheets.to')), h('div', { class: 'ecl-select__container ecl-select__container--m' }, to)),
    h('button', { class: 'ecl-button ecl-button--secondary', type: 'submit' }, t('sheets.compare')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    let a = Number(from.value), b = Number(to.value);
    if (a === b) {
      diffSlot.replaceChildren(h('p', { role: 'status' }, t('sheets.same')));
      return;
    }
    if (a > b) [a, b] = [b, a];
    try {
      const d = await gql(DIFF, { code, from: a, to: b });
      diffSlot.replaceChildren(diffView(d.sheetDiff, a, b));
      diffSlot.querySelector('h3')?.focus();
    } catch (e) {
      showError(diffSlot, e);
    }
  });
  return h('div', {}, list, form);
}

/** diffView shows each changed section with its insertions and deletions, and
names the sections that did not change. */
export function diffView(d, a, b) {
  const changed = d.sections.filter((s) => s.changed);
  const same = d.sections.filter((s) => !s.changed).map((s) => t('sheets.sec_' + s.key));
  return h('div', { class: 'sheet-diff', 'data-hook': 'sheet-diff', 'data-from': String(a), 'data-to': String(b) },
    h('h3', { tabindex: '-1' }, t('sheets.diffTitle', { from: fmtNumber(a), to: fmtNumber(b) })),
    h('p', { class: 'small' }, t('sheets.diffLegend')),
    changed.length === 0 && h('p', {}, t('sheets.noChange')),
    changed.map((s) => h('section', { 'data-diff-section': s.key },
      h('h4', {}, t('sheets.sec_' + s.key)),
      h('p', { lang: 'en' }, s.ops.map((op) => op.op === 'INSERT' ? h('ins', {}, op.text) : op.op === 'DELETE' ? h('del', {}, op.text) : op.text)))),
    same.length > 0 && h('p', { class: 'muted small' }, t('sheets.unchanged', { list: same.join(', ') })));
}

function editor(code, rev, reload) {
  const base = rev ? rev.number : 0;
  const fields = SECTIONS.map((k) => h('div', { class: 'ecl-form-group' },
    h('label', { class: 'ecl-form-label', for: 'edit-' + k }, t('sheets.sec_' + k)),
    h('textarea', { class: 'ecl-text-area ecl-text-area--l', id: 'edit-' + k, name: k, rows: '4', maxlength: '20000' },
      rev?.sections.find((s) => s.key === k)?.text || '')));
  const note = h('input', { class: 'ecl-text-input ecl-text-input--l', id: 'edit-note', name: 'note', maxlength: '500' });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'sheet-edit', 'data-hook': 'sheet-edit' }, status, fields,
    h('div', { class: 'ecl-form-group' }, h('label', { class: 'ecl-form-label', for: 'edit-note' }, t('sheets.note')), note),
    h('button', { class: 'ecl-button ecl-button--primary', type: 'submit' }, t('sheets.save')));
  const key = crypto.randomUUID();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = { country: code, base, note: note.value };
    for (const k of SECTIONS) input[k] = form.elements[k].value;
    try {
      await gql(REVISE, { input, key }, undefined, editorToken());
      reload();
    } catch (e) {
      showError(status, e);
    }
  });
  return h('details', { class: 'sheet-editor' }, h('summary', {}, t('sheets.edit')), form);
}

/** indicators lists the latest value of each indicator, with year and source;
figures of sample files say so. */
function indicators(obs) {
  if (!obs.length) return h('p', { class: 'muted' }, t('indicators.noValues'));
  // a phone scrolls the table inside its region, not the page
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('indicators.caption') }, h('table', { class: 'ecl-table ecl-table--zebra indicator-values', 'data-hook': 'indicator-values' },
    h('caption', { class: 'ecl-table__caption' }, t('indicators.caption')),
    h('thead', { class: 'ecl-table__head' }, h('tr', { class: 'ecl-table__row' },
      ['indicator', 'value', 'year', 'source'].map((c) => h('th', { class: 'ecl-table__header', scope: 'col' }, t('indicators.col_' + c))))),
    h('tbody', { class: 'ecl-table__body' }, obs.map((o) => h('tr', { class: 'ecl-table__row', 'data-indicator': o.indicator.id },
      h('td', { class: 'ecl-table__cell' }, o.indicator.name),
      h('td', { class: 'ecl-table__cell' }, fmtNumber(o.value), o.indicator.unit ? ' ' + o.indicator.unit : '', o.flags ? h('span', { class: 'muted' }, ' (' + o.flags + ')') : ''),
      h('td', { class: 'ecl-table__cell' }, String(o.year)),
      h('td', { class: 'ecl-table__cell', 'data-source': o.source },
        o.sample ? h('span', { class: 'ecl-label ecl-label--medium' }, t('indicators.sample')) : o.source,
        o.dataset ? h('span', { class: 'muted small' }, ' ' + o.dataset) : ''))))));
}

/** sheetSection renders the sheet and indicators of country code into a
section that fills itself once the API answers. */
export function sheetSection(code, lang) {
  const body = h('div', {}, h('p', { class: 'muted' }, t('sheets.loading')));
  const ind = h('div', {});
  const sec = h('section', { class: 'country-sheet', id: 'country-sheet', 'aria-labelledby': 'sheet-title' },
    h('h2', { id: 'sheet-title' }, t('sheets.title')), body,
    h('h2', { id: 'indicators-title' }, t('indicators.countryTitle')), ind);
  const load = async () => {
    let d;
    try {
      d = await gql(SHEET, { code, lang });
    } catch (e) {
      body.replaceChildren(h('p', { role: 'alert' }, t('sheets.failed')));
      return;
    }
    const rev = d.country?.sheet;
    const revs = d.sheetRevisions.edges.map((e) => e.node);
    const diffSlot = h('div', { 'aria-live': 'polite' });
    body.replaceChildren(...[
      rev ? [
        h('p', { class: 'small', 'data-hook': 'sheet-latest', 'data-revision': String(rev.number) },
          t('sheets.latest', { n: fmtNumber(rev.number), date: when(rev.at) }), ' · ', who(rev),
          rev.demo && [' ', h('span', { class: 'ecl-label ecl-label--medium' }, t('common.demo'))]),
        sections(rev),
        h('h3', {}, t('sheets.history')),
        history(code, revs, diffSlot), diffSlot,
      ] : h('p', { class: 'muted' }, t('sheets.none')),
      editorToken() ? editor(code, rev, load) : [],
    ].flat());
    ind.replaceChildren(indicators(d.country?.observations || []));
  };
  load();
  return sec;
}
