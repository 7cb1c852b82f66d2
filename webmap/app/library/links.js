// The links directory: outside websites grouped by their type, each with its
// description in the page's language; a website in another language says so.
import { h, safeURL } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { other, languageNames, regionNames } from './ui.js';

export const LINKS = `query($lang: Lang!) {
  webLinks { id title url type wlang: lang description(lang: $lang) country { iso2 } }
}`;

// the order of the groups
const TYPES = ['eu_institution', 'eu_agency', 'legal_database', 'statistics', 'funding', 'international_organisation',
  'national_authority', 'civil_society', 'research'];

async function run() {
  const status = document.getElementById('links-status');
  const list = document.getElementById('links-list');
  try {
    const d = await gql(LINKS, { lang: lang.toUpperCase() });
    const groups = TYPES.map((type) => [type, d.webLinks.filter((l) => l.type === type)]).filter(([, ls]) => ls.length);
    status.textContent = t('links.count', { n: d.webLinks.length });
    list.replaceChildren(...groups.map(([type, ls]) => h('section', { 'aria-labelledby': `links-${type}` },
      h('h2', { class: 'ecl-u-type-heading-3', id: `links-${type}` }, t(`links.type_${type}`)),
      h('ul', { class: 'ewsi-doc-list' }, ls.map((l) => {
        const url = safeURL(l.url);
        const meta = [];
        if (l.wlang) meta.push(t('links.language', { language: languageNames.of(l.wlang.toLowerCase()) }));
        if (l.country) meta.push(regionNames.of(l.country.iso2));
        return h('li', {},
          h('p', { class: 'ewsi-doc-title' }, url
            ? h('a', { class: 'ecl-link ecl-link--standalone', href: url, hreflang: l.wlang?.toLowerCase(), lang: other(l.wlang) }, l.title)
            : h('span', { lang: other(l.wlang) }, l.title)),
          meta.length > 0 && h('ul', { class: 'ewsi-doc-meta' }, meta.map((m) => h('li', {}, m))),
          h('p', { class: 'ecl-u-type-paragraph-s' }, l.description));
      })))));
  } catch (err) {
    status.textContent = '';
    showError(list, err, {});
  }
}

run();
