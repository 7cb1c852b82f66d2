// The header shared by every page: links to the map, the partner finder, the
// request board, about and GraphiQL, the language switch and the editor switch.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from './i18n.js';
import { withLang } from './lang.js';
import { editorToken, setEditorToken } from './session.js';

const LINKS = [
  ['map', '/', 'navMap'], ['partners', '/partners.html', 'navPartners'], ['requests', '/requests.html', 'navRequests'],
  ['about', '/about.html', 'navAbout'], ['graphiql', '/graphiql', 'navGraphiQL'],
];

/** siteHeader fills nav (the page's <nav id="site-nav">) for the page current and
returns update(ui), which re-labels it in another language. The language select
(#lang) is left for the page to listen to. */
export function siteHeader(nav, ui, current) {
  nav.setAttribute('aria-label', t(ui, 'navLabel'));
  const links = LINKS.map(([key, path, label]) => {
    const a = h('a', { href: path, 'data-key': label, 'aria-current': key === current ? 'page' : undefined });
    a.dataset.path = path;
    return h('li', {}, a);
  });
  const select = h('select', { id: 'lang' },
    h('option', { value: 'en' }, 'English'), h('option', { value: 'fr', lang: 'fr' }, 'Français'), h('option', { value: 'de', lang: 'de' }, 'Deutsch'));
  const langLabel = h('label', { class: 'lang-switch' }, h('span', {}), ' ', select);
  const editor = h('details', { class: 'editor-switch' });
  nav.replaceChildren(h('ul', { class: 'nav-links' }, links), langLabel, editor);
  let lang = ui;
  const update = (ui2) => {
    lang = ui2;
    nav.setAttribute('aria-label', t(lang, 'navLabel'));
    for (const li of links) {
      const a = li.firstChild;
      a.textContent = t(lang, a.dataset.key);
      a.href = a.dataset.path === '/graphiql' ? '/graphiql' : withLang(a.dataset.path, lang);
    }
    langLabel.firstChild.textContent = t(lang, 'language');
    select.value = lang;
    renderEditorSwitch(editor, lang);
  };
  window.addEventListener('ewsi:editor', () => renderEditorSwitch(editor, lang));
  update(ui);
  return update;
}

function renderEditorSwitch(box, ui) {
  const open = box.open;
  const on = Boolean(editorToken());
  const msg = h('p', { class: 'field-error', role: 'alert' });
  let body;
  if (on) {
    body = h('button', { type: 'button', id: 'editor-off', onclick: () => setEditorToken('') }, t(ui, 'editorOff'));
  } else {
    const input = h('input', { type: 'password', id: 'editor-token', autocomplete: 'off', 'aria-describedby': 'editor-token-help' });
    body = h('form', { class: 'editor-form', onsubmit: async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      try {
        await gql('{ linkHistory(id: "theme:none") { at } }', {}, undefined, token);
        setEditorToken(token);
        box.open = false;
      } catch (err) {
        msg.textContent = t(ui, 'editorBad') + err.message;
      }
    } }, h('label', { for: 'editor-token' }, t(ui, 'editorToken')), input,
    h('p', { id: 'editor-token-help', class: 'muted' }, t(ui, 'editorTokenHelp')),
    h('button', { type: 'submit' }, t(ui, 'editorSwitchOn')), msg);
  }
  box.replaceChildren(h('summary', { class: on ? 'on' : '' }, on ? t(ui, 'editorOn') : t(ui, 'editor')), h('div', { class: 'editor-pop' }, body));
  box.open = open && !on;
}
