// The eleven Common Basic Principles, each with what it says and the content
// tagged with it (newest first, how many in all), in one request.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtDate } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { other } from './ui.js';

const SHOWN = 5;

export const PRINCIPLES = `query($lang: Lang!, $first: Int) {
  principles { number short(lang: $lang) text(lang: $lang)
    tagged(first: $first) { totalCount edges { node { __typename id
      ... on Practice { title clang: lang startDate }
      ... on Document { title clang: lang date titleIn(lang: $lang) }
      ... on News { title clang: lang date }
      ... on Event { title clang: lang start }
      ... on Funding { title clang: lang deadline }
      ... on Milestone { mtitle: title(lang: $lang) mdate: date }
      ... on Organisation { name }
      ... on LocalAuthority { name }
    } } } }
}`;

function entry(n) {
  const own = n.titleIn ?? n.mtitle;
  const name = own ?? n.title ?? n.name ?? n.id;
  const date = n.date ?? n.mdate ?? n.startDate ?? n.start ?? n.deadline;
  return h('li', {}, h('span', { class: 'ewsi-count' }, t(`framework.kind_${n.__typename}`)), ' ',
    h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(n.id)}`, lang: own ? undefined : other(n.clang) }, name),
    date ? [' · ', h('time', { datetime: date }, fmtDate(date))] : '');
}

async function run() {
  const status = document.getElementById('principles-status');
  const list = document.getElementById('principles-list');
  try {
    const d = await gql(PRINCIPLES, { lang: lang.toUpperCase(), first: SHOWN });
    status.textContent = '';
    list.replaceChildren(...d.principles.map((p) => h('section', { 'aria-labelledby': `principle-${p.number}` },
      h('h2', { class: 'ecl-u-type-heading-3', id: `principle-${p.number}` }, `${p.number}. ${p.short}`),
      h('p', { class: 'ewsi-prose' }, p.text),
      h('p', { class: 'ecl-u-type-paragraph-s' }, t('framework.tagged', { n: p.tagged.totalCount })),
      p.tagged.edges.length > 0 && h('ul', { class: 'ewsi-plain-list ewsi-tagged' }, p.tagged.edges.map((e) => entry(e.node))),
      p.tagged.totalCount > 0 && h('p', {}, h('a', { class: 'ecl-link', href: `/library?principle=${p.number}` }, t('framework.taggedDocuments'))))));
  } catch (err) {
    status.textContent = '';
    showError(list, err, {});
  }
}

run();
