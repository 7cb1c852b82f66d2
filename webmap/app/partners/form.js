// The partner finder's form, in ECL form components: who we are (our organisation
// by type-ahead, or a profile of themes, subthemes, principles and languages),
// whom we look for (countries, kinds, only those looking, active since) and a
// place with a radius. Long lists are checkbox groups in disclosures, with a
// filter box, so nothing needs Ctrl-click; the search button sits in an action
// bar that sticks to the bottom of the screen while the form is in view. Errors
// of the API, which name the argument (input.radiusKm), show at their field.
import { h } from '../map/dom.js';
import { newMap, addBasemap } from '../map/basemap.js';
import { t, ui, byName } from './msg.js';
import { button, field, group, checkbox, select, setError, clearErrors as clearAll } from './ecl.js';
import { checklist } from './checklist.js';
import { combobox } from './combobox.js';
import { ORG_TYPES, EU_LANGS, langNamer } from './labels.js';

/** FIELD_OF maps the place an API error names to the id of the form control. */
export const FIELD_OF = {
  'input.organisation': 'p-org', 'input.themes': 'p-themes', 'input.subthemes': 'p-subthemes', 'input.principles': 'p-principles',
  'input.countries': 'p-countries', 'input.types': 'p-types', 'input.langs': 'p-languages', 'input.languages': 'p-languages',
  'input.radiusKm': 'p-radius', 'input.near': 'p-lat', 'input.near.lat': 'p-lat', 'input.near.lon': 'p-lon', lat: 'p-lat', lon: 'p-lon',
  'input.activeSince': 'p-since', 'input.onlyLookingForPartners': 'p-looking',
};

/** partnerForm renders the form for state s over the reference data ref and the
enum labels label(enum, value); it returns { el, read(), showErrors(errors),
clearErrors(), mountMap(), labelOf(id) }. */
export function partnerForm(ref, label, s, { onSubmit, onReset }) {
  const langName = langNamer(ui);
  const countries = byName(ref.countries);
  const org = combobox({ inputId: 'p-org', labelText: t('partners.org'), hint: t('partners.orgHint'), kinds: ['ORGANISATION'],
    initial: s.orgNode || null });
  const themes = checklist('p-themes', t('partners.themes'), ref.themes.map((x) => [x.slug, x.name]), s.themes,
    { name: 'themes', openNow: true });
  const subthemes = checklist('p-subthemes', t('partners.subthemes'),
    ref.themes.flatMap((th) => th.subthemes.map((x) => [x.slug, `${x.name} (${th.name})`])), s.subthemes, { name: 'subthemes', filter: true });
  const principles = checklist('p-principles', t('partners.principles'),
    ref.principles.map((p) => [String(p.number), t('partners.principle', { n: p.number, text: p.short })]), s.principles,
    { name: 'principles' });
  const languages = checklist('p-languages', t('partners.languages'),
    byName(EU_LANGS.map((l) => ({ code: l, name: langName(l) }))).map((l) => [l.code, l.name]), s.languages, { name: 'languages', filter: true });
  const wantCountries = checklist('p-countries', t('partners.countries'), countries.map((c) => [c.iso2, c.name]), s.countries,
    { name: 'countries', filter: true, emptyText: t('partners.anyChosen') });
  const types = checklist('p-types', t('partners.types'),
    byName(ORG_TYPES.map((x) => ({ v: x, l: label('OrgType', x) })), (o) => o.l.text).map((o) => [o.v, o.l.text, o.l.lang !== ui ? o.l.lang : undefined]),
    s.types, { name: 'types', emptyText: t('partners.anyChosen') });
  const since = h('input', { id: 'p-since', type: 'date', class: 'ecl-text-input ecl-text-input--s', value: s.since });
  const looking = group('p-looking', t('partners.looking'), checkbox('p-looking-box', 'looking', '1', t('partners.looking'), s.looking),
    { attrs: { class: 'ecl-form-group looking-group' } });
  looking.querySelector('legend').classList.add('visually-hidden');

  const placeCountry = select('p-place-country', [['', '—'], ...countries.filter((c) => c.location).map((c) => [c.iso2, c.name])], '');
  const lat = h('input', { id: 'p-lat', type: 'number', step: 'any', min: -90, max: 90, value: s.lat, class: 'ecl-text-input ecl-text-input--s' });
  const lon = h('input', { id: 'p-lon', type: 'number', step: 'any', min: -180, max: 180, value: s.lon, class: 'ecl-text-input ecl-text-input--s' });
  const radius = h('input', { id: 'p-radius', type: 'number', step: 'any', inputmode: 'decimal', value: s.radius, class: 'ecl-text-input ecl-text-input--s' });
  const mapEl = h('div', { id: 'p-place-map', class: 'small-map', role: 'region', 'aria-label': t('partners.placeMapLabel') });

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
  const placeCity = combobox({ inputId: 'p-place-city', labelText: t('partners.placeCity'), hint: t('partners.orgHint'), kinds: ['LOCAL_AUTHORITY'],
    onPick: (n) => {
      if (!n?.location) return;
      setPlace(n.location.lat, n.location.lon);
      map?.setView([n.location.lat, n.location.lon], 7);
    } });
  placeCountry.control.addEventListener('change', () => {
    const c = ref.countries.find((x) => x.iso2 === placeCountry.control.value);
    if (c?.location) {
      setPlace(c.location.lat, c.location.lon);
      map?.setView([c.location.lat, c.location.lon], 5);
    }
  });
  for (const x of [lat, lon, radius]) x.addEventListener('change', drawPlace);
  const clearPlace = button(t('partners.clearPlace'), { id: 'p-clear-place', onclick: () => {
    lat.value = ''; lon.value = ''; radius.value = ''; placeCountry.control.value = ''; drawPlace();
  } }, 'secondary');
  const place = h('details', { class: 'checklist place', id: 'p-place', open: s.lat || s.radius ? true : undefined },
    h('summary', {}, h('span', { class: 'checklist-legend' }, t('partners.place'))),
    h('div', { class: 'place-body' },
      placeCity.el, field('p-place-country', t('partners.placeCountry'), placeCountry),
      h('p', { class: 'ecl-help-block' }, t('partners.placeMap')), mapEl,
      h('div', { class: 'coords' }, field('p-lat', t('partners.lat'), lat), field('p-lon', t('partners.lon'), lon),
        field('p-radius', t('partners.radius'), radius)),
      clearPlace));

  const submit = button(t('partners.search'), { type: 'submit', id: 'p-submit' }, 'primary');
  const el = h('form', { id: 'partner-form', class: 'partner-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); onSubmit(); } },
    h('div', { class: 'partner-form__grid' },
      h('fieldset', { class: 'partner-form__part' }, h('legend', { class: 'ecl-form-label ecl-form-label--l' }, t('partners.who')),
        org.el, themes.el, subthemes.el, principles.el, languages.el),
      h('fieldset', { class: 'partner-form__part' }, h('legend', { class: 'ecl-form-label ecl-form-label--l' }, t('partners.wanted')),
        wantCountries.el, types.el, looking, field('p-since', t('partners.since'), since), place)),
    h('div', { class: 'partner-actions' }, submit,
      button(t('partners.reset'), { id: 'p-reset', onclick: onReset }, 'secondary'),
      h('p', { class: 'ecl-help-block partner-share' }, t('partners.share'))));

  const read = () => ({
    org: org.value()?.id || '', orgNode: org.value(), themes: themes.values(), subthemes: subthemes.values(),
    principles: principles.values(), countries: wantCountries.values(), types: types.values(), languages: languages.values(),
    lat: lat.value, lon: lon.value, radius: radius.value, looking: el.querySelector('#p-looking-box').checked, since: since.value,
  });
  /** labelOf names field id the way its label does. */
  const labelOf = (id) => {
    const c = el.querySelector(`#${CSS.escape(id)}`);
    if (!c) return '';
    if (c.matches('fieldset')) return c.querySelector('legend').textContent;
    return el.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent || '';
  };
  /** showErrors puts each error { where, text } at the field it names (opening its
  disclosure) and returns [{ index, id, label }] of those it could place. */
  const showErrors = (errors) => {
    clearAll(el);
    const placed = [];
    for (const [index, e] of errors.entries()) {
      const id = FIELD_OF[e.where];
      if (!id || !el.querySelector(`#${id}-error`)) continue;
      setError(el, id, e.text);
      const c = el.querySelector('#' + id);
      for (let d = c.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
      placed.push({ index, id, label: labelOf(id) });
    }
    return placed;
  };
  const mountMap = async () => {
    map = newMap(mapEl, { lat: s.lat ? Number(s.lat) : 50, lng: s.lon ? Number(s.lon) : 10, z: 3 });
    map.on('click', (e) => setPlace(e.latlng.lat, e.latlng.lng));
    drawPlace();
    await addBasemap(map);
  };
  // the map only sizes itself right once its disclosure is open
  place.addEventListener('toggle', () => { if (place.open && !map) mountMap(); else map?.invalidateSize(); });
  return { el, read, showErrors, clearErrors: () => clearAll(el), mountMap: () => (place.open ? mountMap() : null), labelOf };
}
