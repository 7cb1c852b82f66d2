// The EU framework for integration: its milestones as a timeline, each with its
// principles and a link to its own page, and the EU acts on integration and
// migration of the library (real, EU scope), with CELEX numbers and ELIs.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtDate } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { docCard, labelMap, labelOf } from './ui.js';

export const FRAMEWORK = `query($lang: Lang!) {
  milestones { id title(lang: $lang) kind date summary(lang: $lang) principles { number short(lang: $lang) } }
  library(filter: { types: [LEGISLATION], scopes: ["EU"], demo: false }, orderBy: { field: DATE, direction: ASC }, first: 100) {
    totalCount
    edges { node { id title dlang: lang docType date url celex eli publisher scope real summary titleIn(lang: $lang) publishedBy { name } } }
  }
  labels(lang: $lang) { enum value label }
}`;

async function run() {
  const status = document.getElementById('framework-status');
  const timeline = document.getElementById('framework-timeline');
  const law = document.getElementById('framework-law');
  try {
    const d = await gql(FRAMEWORK, { lang: lang.toUpperCase() });
    const labels = labelMap(d.labels);
    status.textContent = t('framework.count', { n: d.milestones.length });
    timeline.replaceChildren(...d.milestones.map((m) => h('li', {},
      h('p', {}, h('time', { datetime: m.date }, fmtDate(m.date, { year: 'numeric', month: 'long' })), ' · ',
        labelOf(labels, 'MilestoneKind', m.kind.toUpperCase())),
      h('h3', { class: 'ecl-u-type-heading-4' }, h('a', { class: 'ecl-link ecl-link--standalone', href: `/node?id=${encodeURIComponent(m.id)}` }, m.title)),
      h('p', { class: 'ecl-u-type-paragraph-s' }, m.summary),
      m.principles.length > 0 && h('p', { class: 'ecl-u-type-paragraph-s' }, t('framework.principles'), ' ',
        m.principles.flatMap((p, i) => [i ? ', ' : '', h('a', { class: 'ecl-link', href: `/principles#principle-${p.number}` }, `${p.number}. ${p.short}`)])))));
    law.replaceChildren(h('ul', { class: 'ewsi-doc-list' }, d.library.edges.map((e) => docCard(e.node, labels))),
      h('p', {}, h('a', { class: 'ecl-link', href: '/library?type=legislation&scope=EU' }, t('framework.allLaw'))));
  } catch (err) {
    status.textContent = '';
    showError(timeline.parentElement.querySelector('#framework-law'), err, {});
  }
}

run();
