// The node page (/node?id=...): any node of the graph with its fields, its
// relations, its related content with reasons, and the editor tools in editor
// mode. An id the graph does not hold, or that is not an id at all, gets a
// not-found message with the way home.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';
import { label, labelIndex, contentLang, href, uiLang } from '../common/nodes.js';
import { relatedSection, errorText } from '../common/related.js';
import { mountEditor } from '../common/editor.js';
import { NODE } from './query.js';
import { nodeMeta, nodeBody, notFound, failed } from './view.js';
import { pageTitle, crumb } from './title.js';
import { orgProfile } from './orgprofile.js';
import { creditLine } from './credit.js';

const id = (new URLSearchParams(location.search).get('id') || '').trim();
const root = document.getElementById('node-root');

function show(...children) {
  root.replaceChildren(...children.filter(Boolean));
  root.removeAttribute('aria-busy');
}

async function render() {
  const ui = uiLang();
  root.setAttribute('aria-busy', 'true');
  root.replaceChildren(h('p', { class: 'muted' }, t('node.loading')));
  if (!id) {
    pageTitle(t('node.missingIdTitle'));
    show(notFound(id));
    return;
  }
  let d;
  try {
    d = await gql(NODE, { id, lang: ui.toUpperCase() });
  } catch (e) {
    const invalid = e.errors?.some((x) => x.extensions?.code === 'INVALID' && x.extensions?.where === 'id');
    pageTitle(t(invalid ? 'node.malformedTitle' : 'node.failedTitle'));
    show(invalid ? notFound(id, true) : failed(errorText(e)));
    return;
  }
  const n = d.node;
  if (!n) {
    pageTitle(t('node.notFoundTitle'));
    show(notFound(id));
    return;
  }
  if (n.__typename === 'Country') {
    location.replace(href(n));
    return;
  }
  pageTitle(label(n), contentLang(n));
  if (n.country) crumb(n.country.name, href(n.country));
  const editorSlot = h('div', { id: 'editor-slot' });
  let related = relatedSection(ui, n.id);
  show(nodeMeta(ui, n), n.__typename === 'Practice' && creditLine(n), ...nodeBody(ui, n, labelIndex(d.labels)), n.__typename === 'Organisation' && orgProfile(n), related, editorSlot);
  mountEditor(editorSlot, ui, n.id, () => {
    const fresh = relatedSection(ui, n.id);
    related.replaceWith(fresh);
    related = fresh;
  });
  root.dataset.id = n.id;
  root.dataset.kind = n.__typename;
}

render();
