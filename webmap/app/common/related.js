// Related content of any node, with the reasons that relate it: the section the
// map's panel, the node page and the country page show. Reasons and their kinds
// come from the API in the interface language (Reason.text(lang:), labels(lang:)).
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, fmtNumber } from './i18n.js';
import { NODE_LABEL, LABELS, labelIndex, enumText, nodeLink, uiLang } from './nodes.js';
import { errorMessage } from './notify.js';

const RELATED = `query($id: ID!, $lang: Lang, $first: Int) {
  related(id: $id, first: $first) { score node { ${NODE_LABEL} } reasons { kind weight text(lang: $lang) } }
  ${LABELS}
}`;

const num = (x) => fmtNumber(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** reasonKind names the kind of a reason: its label from the API when labels
(see labelIndex) are given, else the page's message. */
function reasonKind(kind, labels) {
  return labels?.has(`ReasonKind.${kind}`) ? enumText(labels, 'ReasonKind', kind) : t('related.rk_' + kind);
}

/** reasonList renders reasons as sentences, each with its kind, its weight as a
small bar (its share of the score) and as a number; beyond the strongest few the
rest fold under "more reasons". labels, when given, names the kinds. */
export function reasonList(ui, reasons, score, shown = 4, labels) {
  const total = score || reasons.reduce((s, r) => s + r.weight, 0) || 1;
  const item = (r) => h('li', { class: 'reason', 'data-kind': r.kind },
    h('span', { class: 'reason-kind' }, reasonKind(r.kind, labels)), ': ',
    h('span', { class: 'reason-text' }, r.text), ' ',
    h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(2, Math.min(100, (100 * r.weight) / total)).toFixed(0)}%` })),
    h('span', { class: 'weight' }, t('related.weight', { n: num(r.weight) })));
  const list = h('ul', { class: 'reasons' }, reasons.slice(0, shown).map(item));
  if (reasons.length <= shown + 1) {
    list.append(...reasons.slice(shown).map(item));
    return list;
  }
  const more = reasons.length - shown;
  return h('div', {}, list, h('details', { class: 'more-reasons' }, h('summary', {}, t('related.moreReasons', { n: more, count: more })),
    h('ul', { class: 'reasons' }, reasons.slice(shown).map(item))));
}

/** relatedItems renders ranked items (related content or suggestions); extra(item)
may add controls to each. */
export function relatedItems(ui, items, { onOpen, extra, labels } = {}) {
  return h('ol', { class: 'related-list' }, items.map((it) => h('li', { class: 'related-item', 'data-id': it.node.id },
    h('p', { class: 'related-head' }, nodeLink(ui, it.node, { onOpen }), ' ',
      h('span', { class: 'muted score' }, t('related.score', { n: num(it.score) }))),
    reasonList(ui, it.reasons, it.score, 4, labels), extra?.(it))));
}

/** relatedSection returns the related-content section of node id and fills it when
the API answers. onOpen(node) may open an item in place (return true to stay on
the page). level is the heading level. */
export function relatedSection(ui, id, { onOpen, level = 'h2', first = 8 } = {}) {
  const titleId = 'related-title-' + Math.random().toString(36).slice(2, 8);
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('related.loading')));
  const section = h('section', { class: 'related', 'data-hook': 'related-content', 'data-node': id, 'aria-labelledby': titleId },
    h(level, { id: titleId, class: 'related-title' }, t('related.title')), body);
  gql(RELATED, { id, lang: uiLang().toUpperCase(), first }).then((d) => {
    const items = d.related;
    if (!items.length) body.replaceChildren(h('p', { class: 'muted' }, t('related.none')));
    else body.replaceChildren(relatedItems(ui, items, { onOpen, labels: labelIndex(d.labels) }));
    section.dataset.loaded = String(items.length);
  }).catch((e) => {
    body.replaceChildren(h('p', { class: 'error' }, t('related.error'), ' ', errorText(e)));
    section.dataset.loaded = 'error';
  });
  return section;
}

/** errorText says what went wrong with a GraphQL call in the interface language
(the message of its code, never the server's English; see common/notify.js). */
export function errorText(e) {
  return errorMessage(e);
}
