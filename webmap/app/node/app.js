// The node page (node.html?id=...): any node of the graph with its fields, its
// relations, its related content with reasons, and the editor tools in editor mode.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';
import { startPage } from '../common/page.js';
import { label } from '../common/nodes.js';
import { relatedSection } from '../common/related.js';
import { mountEditor } from '../common/editor.js';
import { NODE } from './query.js';
import { nodeHead, nodeBody } from './view.js';

const id = new URLSearchParams(location.search).get('id') || '';
const main = document.getElementById('main');

async function render(ui) {
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', {}, t(ui, 'loading')));
  if (!id) {
    main.replaceChildren(h('h1', { id: 'page-title' }, 'EWSI Graph'), h('p', {}, t(ui, 'missingId')));
    main.removeAttribute('aria-busy');
    return;
  }
  let n;
  try {
    n = (await gql(NODE, { id, lang: ui.toUpperCase() })).node;
  } catch (e) {
    main.replaceChildren(h('h1', { id: 'page-title' }, id), h('p', { class: 'error', role: 'alert' }, e.message));
    main.removeAttribute('aria-busy');
    return;
  }
  if (!n) {
    main.replaceChildren(h('h1', { id: 'page-title' }, id), h('p', {}, t(ui, 'notFound')));
    main.removeAttribute('aria-busy');
    return;
  }
  if (n.__typename === 'Country') {
    location.replace(`/country.html?code=${n.iso2}&lang=${ui}`);
    return;
  }
  document.title = `EWSI Graph · ${label(n)}`;
  const editorSlot = h('div', { id: 'editor-slot' });
  let related = relatedSection(ui, n.id);
  main.replaceChildren(nodeHead(ui, n), ...nodeBody(ui, n), editorSlot, related);
  mountEditor(editorSlot, ui, n.id, () => {
    const fresh = relatedSection(ui, n.id);
    related.replaceWith(fresh);
    related = fresh;
  });
  main.removeAttribute('aria-busy');
  main.dataset.id = n.id;
}

startPage('node', render);
