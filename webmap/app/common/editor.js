// Editor tools of a node or country page: the editor switch, and while it holds
// a token: link this node to another (type-ahead for the target, link type, note),
// the link history (active and retired links, who, when, note) with unlink, and
// suggestions to confirm or dismiss.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, fmtDate } from './i18n.js';
import { NODE_LABEL, nodeLink, uiLang } from './nodes.js';
import { relatedItems, errorText } from './related.js';
import { typeahead } from './typeahead.js';
import { editorToken, setEditorToken, editorName, setEditorName } from './session.js';

const LINK_TYPES = ['RELATED', 'SEE_ALSO', 'FOLLOW_UP', 'SAME_PROJECT', 'IN_DOSSIER'];
const LINK_FIELDS = 'from to type by at note active unlinkedBy unlinkedAt unlinkNote';

const HISTORY = `query($id: ID!, $lang: Lang) {
  linkHistory(id: $id) { ${LINK_FIELDS} }
  linkSuggestions(id: $id, first: 5) { score node { ${NODE_LABEL} } reasons { kind weight text(lang: $lang) } }
}`;
const NAMES = `query($ids: [ID!]!, $lang: Lang) { nodes(ids: $ids) { ${NODE_LABEL} } }`;
const LINK = `mutation($from: ID!, $to: ID!, $type: LinkType, $note: String, $by: String) {
  link(from: $from, to: $to, type: $type, note: $note, by: $by) { created link { ${LINK_FIELDS} } } }`;
const UNLINK = `mutation($from: ID!, $to: ID!, $type: LinkType, $by: String) { unlink(from: $from, to: $to, type: $type, by: $by) }`;
const CONFIRM = `mutation($from: ID!, $to: ID!, $by: String) { confirmSuggestion(from: $from, to: $to, by: $by) { created } }`;
const DISMISS = `mutation($from: ID!, $to: ID!, $by: String) { dismissSuggestion(from: $from, to: $to, by: $by) }`;

/** mountEditor keeps slot filled with the editor switch (a disclosure taking the
editor token) and, while editor mode is on, the editor tools of node id; onChange
is called after each link, unlink, confirm or dismiss (the page refreshes its
related content). */
export function mountEditor(slot, ui, id, onChange) {
  let open = false;
  const render = () => {
    if (!slot.isConnected) { window.removeEventListener('ewsi:editor', render); return; }
    const sw = editorSwitch(open, (v) => { open = v; });
    slot.replaceChildren(sw, ...(editorToken() ? [editorTools(ui, id, onChange)] : []));
  };
  window.addEventListener('ewsi:editor', render);
  render();
}

/** editorSwitch is the disclosure that switches editor mode on (checking the
token with the API first) or off. */
function editorSwitch(open, setOpen) {
  const on = Boolean(editorToken());
  const msg = h('p', { class: 'field-error', role: 'alert' });
  let body;
  if (on) {
    body = h('button', { type: 'button', id: 'editor-off', class: 'ecl-button ecl-button--secondary', onclick: () => setEditorToken('') }, t('related.editorOff'));
  } else {
    const input = h('input', { type: 'password', id: 'editor-token', class: 'ecl-text-input', autocomplete: 'off', 'aria-describedby': 'editor-token-help' });
    body = h('form', { class: 'editor-form', onsubmit: async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      try {
        await gql('{ linkHistory(id: "theme:none") { at } }', {}, undefined, token);
        setOpen(false);
        setEditorToken(token);
      } catch (err) {
        msg.replaceChildren(t('related.editorBad'), ' ', errorText(err));
        input.setAttribute('aria-invalid', 'true');
      }
    } },
    h('div', { class: 'ecl-form-group' }, h('label', { for: 'editor-token', class: 'ecl-form-label' }, t('related.editorToken')),
      h('div', { id: 'editor-token-help', class: 'ecl-help-block' }, t('related.editorTokenHelp')), input),
    h('p', {}, h('button', { type: 'submit', class: 'ecl-button ecl-button--primary' }, t('related.editorSwitchOn'))), msg);
  }
  const box = h('details', { class: 'editor-switch', open: open && !on ? true : undefined },
    h('summary', { class: on ? 'on' : '' }, on ? t('related.editorOn') : t('related.editor')), h('div', { class: 'editor-pop' }, body));
  box.addEventListener('toggle', () => setOpen(box.open));
  return box;
}

const when = (ui, at) => (at ? fmtDate(at, { dateStyle: 'medium', timeStyle: 'short' }) : '');

function editorTools(ui, id, onChange) {
  const token = editorToken();
  const call = (q, v) => gql(q, q.includes('$lang') ? { ...v, lang: uiLang().toUpperCase() } : v, undefined, token);
  const status = h('p', { class: 'editor-status', role: 'status' });
  const historyBox = h('div', { class: 'history-box' });
  const suggestBox = h('div', { class: 'suggest-box' });
  const by = () => byInput.value.trim() || undefined;

  const load = async () => {
    try {
      const d = await call(HISTORY, { id });
      const ids = [...new Set(d.linkHistory.flatMap((l) => [l.from, l.to]))];
      const names = ids.length ? Object.fromEntries((await call(NAMES, { ids })).nodes.filter(Boolean).map((n) => [n.id, n])) : {};
      historyBox.replaceChildren(historyTable(ui, d.linkHistory, names, id, async (l) => {
        await act(() => call(UNLINK, { from: l.from, to: l.to, type: l.type, by: by() }), t('related.unlinked'));
      }));
      suggestBox.replaceChildren(d.linkSuggestions.length ? relatedItems(ui, d.linkSuggestions, { extra: (it) => h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'confirm ecl-button ecl-button--secondary', onclick: () => act(() => call(CONFIRM, { from: id, to: it.node.id, by: by() }), t('related.linked')) }, t('related.confirm')),
        h('button', { type: 'button', class: 'dismiss ecl-button ecl-button--tertiary', onclick: () => act(() => call(DISMISS, { from: id, to: it.node.id, by: by() }), t('related.dismissed')) }, t('related.dismiss'))) })
        : h('p', { class: 'muted' }, t('related.suggestionsNone')));
      section.dataset.loaded = String(d.linkHistory.length);
    } catch (e) {
      historyBox.replaceChildren(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  };
  const act = async (fn, ok) => {
    try {
      const r = await fn();
      status.textContent = typeof ok === 'function' ? ok(r) : ok;
    } catch (e) {
      status.textContent = errorText(e);
    }
    onChange?.();
    await load();
  };

  const target = typeahead(ui, { inputId: 'link-target', labelText: t('related.linkTarget') });
  const typeSel = h('select', { id: 'link-type', class: 'ecl-select' }, LINK_TYPES.map((x) => h('option', { value: x }, t('related.lt_' + x))));
  const note = h('input', { id: 'link-note', type: 'text', maxlength: 500, class: 'ecl-text-input' });
  const byInput = h('input', { id: 'link-by', type: 'text', value: editorName(), autocomplete: 'name', class: 'ecl-text-input' });
  byInput.addEventListener('change', () => setEditorName(byInput.value.trim()));
  const form = h('form', { class: 'link-form', onsubmit: async (e) => {
    e.preventDefault();
    const to = target.value();
    if (!to) { status.textContent = t('related.pickTarget'); target.input.focus(); return; }
    await act(async () => {
      const r = await call(LINK, { from: id, to: to.id, type: typeSel.value, note: note.value.trim() || undefined, by: by() });
      note.value = '';
      target.set(null);
      return r;
    }, (r) => (r.link.created ? t('related.linked') : t('related.alreadyLinked')));
  } },
  h('div', { class: 'form-grid' }, target.el,
    h('div', { class: 'field ecl-form-group' }, h('label', { for: 'link-type', class: 'ecl-form-label' }, t('related.linkType')), h('div', { class: 'ecl-select__container ecl-select__container--m' }, typeSel)),
    h('div', { class: 'field ecl-form-group' }, h('label', { for: 'link-note', class: 'ecl-form-label' }, t('related.note')), note),
    h('div', { class: 'field ecl-form-group' }, h('label', { for: 'link-by', class: 'ecl-form-label' }, t('related.by')), byInput)),
  h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'ecl-button ecl-button--primary' }, t('related.linkSubmit'))));

  const section = h('section', { class: 'editor-tools', 'aria-labelledby': 'editor-tools-title' },
    h('h2', { id: 'editor-tools-title' }, t('related.editTools')),
    h('h3', {}, t('related.linkTo')), form, status,
    h('h3', { id: 'history-title' }, t('related.history')), historyBox,
    h('h3', {}, t('related.suggestions')), suggestBox);
  load();
  return section;
}

function historyTable(ui, links, names, self, onUnlink) {
  if (!links.length) return h('p', { class: 'muted' }, t('related.historyNone'));
  const ref = (id) => (id === self ? h('span', { class: 'muted' }, t('related.thisNode')) : names[id] ? nodeLink(ui, names[id]) : id);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'history', 'aria-labelledby': 'history-title' },
    h('thead', {}, h('tr', {}, [t('related.from'), t('related.to'), t('related.linkType'), t('related.who'), t('related.when'), t('related.note'), t('related.state')].map((x) => h('th', { scope: 'col' }, x)),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('related.actions'))))),
    h('tbody', {}, links.map((l) => h('tr', { class: l.active ? 'active' : 'inactive', 'data-from': l.from, 'data-to': l.to, 'data-active': String(l.active) },
      h('td', {}, ref(l.from)), h('td', {}, ref(l.to)), h('td', {}, t('related.lt_' + l.type)),
      h('td', {}, l.by, l.unlinkedBy ? ` / ${l.unlinkedBy}` : ''),
      h('td', {}, when(ui, l.at), l.unlinkedAt ? ` / ${when(ui, l.unlinkedAt)}` : ''),
      h('td', {}, l.note || '', l.unlinkNote ? ` / ${l.unlinkNote}` : ''),
      h('td', { class: 'state' }, l.active ? t('related.active') : t('related.retired')),
      h('td', {}, l.active ? h('button', { type: 'button', class: 'unlink ecl-button ecl-button--tertiary', onclick: () => onUnlink(l) }, t('related.unlink')) : ''))))));
}
