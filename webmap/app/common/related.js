// Related content of any node, with the reasons that relate it: the section the
// map's panel, the node page and the country page show.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from './i18n.js';
import { NODE_LABEL, nodeLink } from './nodes.js';

const RELATED = `query($id: ID!, $lang: Lang, $first: Int) {
  related(id: $id, first: $first) { score node { ${NODE_LABEL} } reasons { kind weight text } }
}`;

/** reasonList renders reasons as sentences, each with its kind, its weight as a
small bar (its share of the score) and as a number; beyond the strongest few the
rest fold under "more reasons". The texts come from the API in English, so they
carry lang="en". */
export function reasonList(ui, reasons, score, shown = 4) {
  const total = score || reasons.reduce((s, r) => s + r.weight, 0) || 1;
  const item = (r) => h('li', { class: 'reason', 'data-kind': r.kind },
    h('span', { class: 'reason-kind' }, t(ui, 'rk_' + r.kind)), ': ',
    h('span', { class: 'reason-text', lang: 'en' }, r.text), ' ',
    h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(2, Math.min(100, (100 * r.weight) / total)).toFixed(0)}%` })),
    h('span', { class: 'weight' }, `${t(ui, 'weight')} ${r.weight.toFixed(2)}`));
  const list = h('ul', { class: 'reasons' }, reasons.slice(0, shown).map(item));
  if (reasons.length <= shown + 1) {
    list.append(...reasons.slice(shown).map(item));
    return list;
  }
  return h('div', {}, list, h('details', { class: 'more-reasons' }, h('summary', {}, t(ui, 'moreReasons', reasons.length - shown)),
    h('ul', { class: 'reasons' }, reasons.slice(shown).map(item))));
}

/** relatedItems renders ranked items (related content or suggestions); extra(item)
may add controls to each. */
export function relatedItems(ui, items, { onOpen, extra } = {}) {
  return h('ol', { class: 'related-list' }, items.map((it) => h('li', { class: 'related-item', 'data-id': it.node.id },
    h('p', { class: 'related-head' }, nodeLink(ui, it.node, { onOpen }), ' ',
      h('span', { class: 'muted score' }, `${t(ui, 'score')} ${it.score.toFixed(2)}`)),
    reasonList(ui, it.reasons, it.score), extra?.(it))));
}

/** relatedSection returns the related-content section of node id and fills it when
the API answers. onOpen(node) may open an item in place (return true to stay on
the page). level is the heading level. */
export function relatedSection(ui, id, { onOpen, level = 'h2', first = 8 } = {}) {
  const titleId = 'related-title-' + Math.random().toString(36).slice(2, 8);
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, t(ui, 'loading')));
  const section = h('section', { class: 'related', 'data-hook': 'related-content', 'data-node': id, 'aria-labelledby': titleId },
    h(level, { id: titleId }, t(ui, 'related')), body);
  gql(RELATED, { id, lang: ui.toUpperCase(), first }).then((d) => {
    const items = d.related;
    if (!items.length) body.replaceChildren(h('p', { class: 'muted' }, t(ui, 'relatedNone')));
    else body.replaceChildren(relatedItems(ui, items, { onOpen }), ...(ui !== 'en' ? [h('p', { class: 'muted small' }, t(ui, 'reasonLang'))] : []));
    section.dataset.loaded = String(items.length);
  }).catch((e) => {
    body.replaceChildren(h('p', { class: 'error' }, t(ui, 'relatedError') + e.message));
    section.dataset.loaded = 'error';
  });
  return section;
}
