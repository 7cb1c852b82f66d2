// The country page (/country?code=FR): a small map of the country, its counts,
// its lists ordered by recency or relevance (see query.js), the EU framework and
// indicators (no figures where the graph has no observation), related content,
// and the editor tools in editor mode.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t } from '../common/i18n.js';
import { labelIndex, uiLang } from '../common/nodes.js';
import { relatedSection, errorText } from '../common/related.js';
import { mountEditor } from '../common/editor.js';
import { failed } from '../node/view.js';
import { icon } from '../common/notify.js';
import { pageTitle } from '../node/title.js';
import { COUNTRY, LISTS, variables } from './query.js';
import { countryMeta, stats, lists, framework } from './view.js';
import { countryMap } from './map.js';
import { sheetSection } from './sheet.js';

const code = (new URLSearchParams(location.search).get('code') || '').trim().toUpperCase();
const root = document.getElementById('country-root');

function show(...children) {
  root.replaceChildren(...children.filter(Boolean));
  root.removeAttribute('aria-busy');
}

/** missing renders the message for a code no country has, with the way home. */
function missing() {
  const key = code ? 'badCode' : 'missingCode';
  return h('div', { class: 'ecl-notification ecl-notification--warning', role: 'alert', 'data-hook': 'not-found', 'data-reason': key },
    icon('warning', 'l', 'ecl-notification__icon'),
    h('div', { class: 'ecl-notification__content' },
      h('div', { class: 'ecl-notification__title' }, t('country.notFoundTitle')),
      h('p', { class: 'ecl-notification__description' }, t('country.' + key, { code })),
      h('p', { class: 'ecl-notification__description' }, h('a', { class: 'ecl-link ecl-link--standalone', href: '/' }, t('country.backHome')))));
}

async function render() {
  const ui = uiLang();
  root.setAttribute('aria-busy', 'true');
  root.replaceChildren(h('p', { class: 'muted' }, t('country.loading')));
  if (!/^[A-Z]{2}$/.test(code)) {
    pageTitle(t('country.notFoundTitle'));
    show(missing());
    return;
  }
  let d;
  try {
    d = await gql(COUNTRY, variables(code, ui.toUpperCase(), new Date().toISOString().slice(0, 10)));
  } catch (e) {
    const invalid = e.errors?.some((x) => x.extensions?.code === 'INVALID');
    pageTitle(t(invalid ? 'country.notFoundTitle' : 'node.failedTitle'));
    show(invalid ? missing() : failed(errorText(e)));
    return;
  }
  const c = d.country;
  if (!c) {
    pageTitle(t('country.notFoundTitle'));
    show(missing());
    return;
  }
  pageTitle(c.name);
  const labels = labelIndex(d.labels);
  const editorSlot = h('div', { id: 'editor-slot' });
  let related = relatedSection(ui, c.id);
  show(
    countryMeta(c),
    h('div', { class: 'country-top' }, countryMap(c.iso2, c.name), stats(c)),
    sheetSection(c.iso2, ui.toUpperCase()),
    lists(c, d, LISTS, labels),
    framework(d.indicators, d.milestones, labels),
    related,
    editorSlot);
  mountEditor(editorSlot, ui, c.id, () => {
    const fresh = relatedSection(ui, c.id);
    related.replaceWith(fresh);
    related = fresh;
  });
  root.dataset.code = c.iso2;
}

render();
