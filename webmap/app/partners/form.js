// The partner finder's form: who we are (our organisation by type-ahead, or a
// profile of themes, subthemes, principles and languages), whom we look for
// (countries, kinds, only those looking, active since) and a place with a radius,
// picked from the countries list, on a small map or typed. Errors of the API,
// which name the argument (input.radiusKm), show next to their field.
import { h } from '../map/dom.js';
import { newMap, addBasemap } from '../map/basemap.js';
import { typeahead } from '../common/typeahead.js';
import { t } from './i18n.js';

export const ORG_TYPES = ['CIVIL_SOCIETY', 'LOCAL_AUTHORITY', 'REGIONAL_AUTHORITY', 'NATIONAL_GOVERNMENT', 'EU_INSTITUTION',
  'INTERNATIONAL_ORGANISATION', 'ACADEMIA', 'BUSINESS', 'FOUNDATION', 'SOCIAL_PARTNER', 'MIGRANT_ASSOCIATION'];
const EU_LANGS = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl',
  'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

/** FIELD_OF maps the place an API error names to the id of the form control. */
const FIELD_OF = {
  'input.organisation': 'p-org', 'input.themes': 'p-themes', 'input.subthemes': 'p-subthemes', 'input.principles': 'p-principles',
  'input.countries': 'p-countries', 'input.types': 'p-types', 'input.langs': 'p-languages', 'input.languages': 'p-languages',
  'input.radiusKm': 'p-radius', 'input.near': 'p-lat', 'input.near.lat': 'p-lat', 'input.near.lon': 'p-lon', lat: 'p-lat', lon: 'p-lon',
  'input.activeSince': 'p-since',
};

const err = (id) => h('p', { id: id + '-error', class: 'field-error' });
const field = (id, labelText, control, help) => h('div', { class: 'field' }, h('label', { for: id }, labelText), control,
  help && h('p', { id: id + '-help', class: 'muted small' }, help), err(id));
const multi = (id, options) => h('select', { id, multiple: true, size: 6, 'aria-describedby': `${id}-help ${id}-error` }, options);
const checks = (id, legend, name, items, chosen) => h('fieldset', { id, class: 'field', 'aria-describedby': id + '-error' },
  h('legend', {}, legend), items.map(([v, text]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value: v, checked: chosen.includes(v) }), text)), err(id));

/** partnerForm renders the form for state s over the reference data ref and
returns { el, read(), showErrors(errors), clearErrors(), mountMap() }. */
export function partnerForm(ui, ref, s, { onSubmit, onReset }) {
  const names = new Intl.DisplayNames([ui], { type: 'language' });
  const opt = (v, text, chosen, attrs = {}) => h('option', { value: v, selected: chosen.includes(v), ...attrs }, text);
  const countries = [...ref.countries].sort((a, b) => a.name.localeCompare(b.name, ui));

  const org = typeahead(ui, { inputId: 'p-org', labelText: t(ui, 'pOrg'), kinds: ['ORGANISATION'], describedBy: 'p-org-error',
    initial: s.orgNode || null });
  org.el.append(err('p-org'));
  const subthemes = multi('p-subthemes', ref.themes.map((th) => h('optgroup', { label: th.name },
    th.subthemes.map((x) => opt(x.slug, x.name, s.subthemes)))));
  const principles = multi('p-principles', ref.principles.map((p) => opt(String(p.number), `${p.number}. ${p.short}`, s.principles, { lang: 'en' })));
  const languages = multi('p-languages', EU_LANGS.map((l) => opt(l, `${names.of(l)} (${l})`, s.languages)));
  const wantCountries = multi('p-countries', countries.map((c) => opt(c.iso2, c.name, s.countries)));
  const since = h('input', { id: 'p-since', type: 'date', value: s.since, 'aria-describedby': 'p-since-error' });
  const looking = h('input', { id: 'p-looking', type: 'checkbox', checked: s.looking });

  const placeCountry = h('select', { id: 'p-place-country' }, h('option', { value: '' }, '—'),
    countries.filter((c) => c.location).map((c) => h('option', { value: c.iso2 }, c.name)));
  const lat = h('input', { id: 'p-lat', type: 'number', step: 'any', min: -90, max: 90, value: s.lat, 'aria-describedby': 'p-lat-error' });
  const lon = h('input', { id: 'p-lon', type: 'number', step: 'any', min: -180, max: 180, value: s.lon, 'aria-describedby': 'p-lon-error' });
  const radius = h('input', { id: 'p-radius', type: 'number', step: 'any', inputmode: 'decimal', value: s.radius, 'aria-describedby': 'p-radius-error' });
  const mapEl = h('div', { id: 'p-place-map', class: 'small-map', role: 'region', 'aria-label': t(ui, 'pPlaceMapLabel') });
  const formError = h('p', { id: 'form-error', class: 'field-error', role: 'alert' });

  let map = null;
  let marker = null;
  let circle = null;
  const drawPlace = () => {
    if (!map) return;
    marker?.remove();
    circle?.remove();
    const la = Number(lat.value);
    const lo = Number(lon.value);
    if (lat.value === '' || lon.value === '' || !Number.isFinite(la) || !Number.isFinite(lo)) return;
    marker = window.L.circleMarker([la, lo], { radius: 6, color: '#b3261e', fillOpacity: 0.9 }).addTo(map);
    const r = Number(radius.value);
    if (r > 0 && r <= 5000) circle = window.L.circle([la, lo], { radius: r * 1000, color: '#0b4ea2', weight: 1, fillOpacity: 0.08 }).addTo(map);
  };
  const setPlace = (la, lo) => {
    lat.value = la.toFixed(4);
    lon.value = lo.toFixed(4);
    if (radius.value === '') radius.value = '300';
    drawPlace();
  };
  const placeCity = typeahead(ui, { inputId: 'p-place-city', labelText: t(ui, 'pPlaceCity'), kinds: ['LOCAL_AUTHORITY'],
    onPick: (n) => {
      if (!n?.location) return;
      setPlace(n.location.lat, n.location.lon);
      map?.setView([n.location.lat, n.location.lon], 7);
    } });
  placeCountry.addEventListener('change', () => {
    const c = ref.countries.find((x) => x.iso2 === placeCountry.value);
    if (c?.location) {
      setPlace(c.location.lat, c.location.lon);
      map?.setView([c.location.lat, c.location.lon], 5);
    }
  });
  for (const x of [lat, lon, radius]) x.addEventListener('change', drawPlace);

  const el = h('form', { id: 'partner-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); onSubmit(); } },
    formError,
    h('div', { class: 'form-grid' },
      h('fieldset', {}, h('legend', {}, t(ui, 'pWho')), org.el,
        checks('p-themes', t(ui, 'themes'), 'themes', ref.themes.map((x) => [x.slug, x.name]), s.themes),
        field('p-subthemes', t(ui, 'subthemes'), subthemes, t(ui, 'pMultiHelp')),
        field('p-principles', t(ui, 'principles'), principles, t(ui, 'pMultiHelp')),
        field('p-languages', t(ui, 'pLanguages'), languages, t(ui, 'pMultiHelp'))),
      h('fieldset', {}, h('legend', {}, t(ui, 'pWanted')),
        field('p-countries', t(ui, 'pCountries'), wantCountries, t(ui, 'pMultiHelp')),
        checks('p-types', t(ui, 'pTypes'), 'types', ORG_TYPES.map((x) => [x, t(ui, 'ot_' + x)]), s.types),
        h('div', { class: 'field' }, h('label', { class: 'check' }, looking, t(ui, 'pLooking'))),
        field('p-since', t(ui, 'pSince'), since)),
      h('fieldset', {}, h('legend', {}, t(ui, 'pPlace')),
        placeCity.el, field('p-place-country', t(ui, 'pPlaceCountry'), placeCountry),
        h('p', { class: 'muted small' }, t(ui, 'pPlaceMap')), mapEl,
        h('div', { class: 'coords' }, field('p-lat', t(ui, 'pLat'), lat), field('p-lon', t(ui, 'pLon'), lon)),
        field('p-radius', t(ui, 'pRadius'), radius),
        h('button', { type: 'button', id: 'p-clear-place', onclick: () => { lat.value = ''; lon.value = ''; radius.value = ''; placeCountry.value = ''; drawPlace(); } }, t(ui, 'pClearPlace')))),
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'p-submit' }, t(ui, 'pSearch')),
      h('button', { type: 'button', id: 'p-reset', onclick: onReset }, t(ui, 'pReset'))),
    h('p', { class: 'muted small' }, t(ui, 'pShare')));

  const selected = (sel) => [...sel.selectedOptions].map((o) => o.value);
  const checked = (name) => [...el.querySelectorAll(`input[name=${name}]:checked`)].map((x) => x.value);
  const read = () => ({
    org: org.value()?.id || '', orgNode: org.value(), themes: checked('themes'), subthemes: selected(subthemes),
    principles: selected(principles), countries: selected(wantCountries), types: checked('types'), languages: selected(languages),
    lat: lat.value, lon: lon.value, radius: radius.value, looking: looking.checked, since: since.value,
  });
  const clearErrors = () => {
    formError.textContent = '';
    for (const e of el.querySelectorAll('.field-error')) e.textContent = '';
    for (const x of el.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
  };
  /** showErrors puts each error next to the field it names, others at the top, and
  focuses the first field in error. */
  const showErrors = (errors) => {
    clearErrors();
    let first = null;
    for (const e of errors) {
      const id = FIELD_OF[e.where];
      const box = id && el.querySelector(`#${id}-error`);
      if (!box) {
        formError.textContent = [formError.textContent, e.message].filter(Boolean).join(' ');
        first ??= formError;
        continue;
      }
      box.textContent = [box.textContent, e.text].filter(Boolean).join(' ');
      const control = el.querySelector('#' + id);
      control.setAttribute('aria-invalid', 'true');
      first ??= control.matches('fieldset') ? control.querySelector('input') : control;
    }
    if (first === formError) formError.setAttribute('tabindex', '-1');
    first?.focus();
  };
  const mountMap = async () => {
    map = newMap(mapEl, { lat: s.lat ? Number(s.lat) : 50, lng: s.lon ? Number(s.lon) : 10, z: 3 });
    map.on('click', (e) => setPlace(e.latlng.lat, e.latlng.lng));
    drawPlace();
    await addBasemap(map);
  };
  return { el, read, showErrors, clearErrors, mountMap };
}
