// The events calendar (/calendar): the events that meet a month, from the API's
// calendar(month:, filter:), as a month grid (a table, Monday first, each day
// listing its events as links) or as a list by start date; filters by country,
// theme and language in a plain form, so that the month, the view and the
// filters are all in the address (?month=2026-03&view=list&country=FR&theme=...&lang=fr).
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';
import { t, lang, fmtNumber, fmtDate, collator } from '../common/i18n.js';
import { showError } from '../common/notify.js';
import { langName } from '../common/nodes.js';
import { today, parseMonth, monthString, shift, weeks, covers } from './month.js';

export const CALENDAR = `query($month: String!, $filter: CalendarFilter, $lang: Lang) {
  calendar(month: $month, filter: $filter, first: 200) {
    month from to totalCount
    events { id title lang start end place demo country { iso2 name(lang: $lang) } themes { slug name(lang: $lang) } }
  }
  countries(eu: true) { iso2 name(lang: $lang) }
  themes { slug name(lang: $lang) }
}`;

const LANGS = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

const params = new URLSearchParams(location.search);
const month = parseMonth(params.get('month')) || parseMonth(today().slice(0, 7));
const view = params.get('view') === 'list' ? 'list' : 'month';
const filter = { country: params.get('country') || '', theme: params.get('theme') || '', lang: params.get('clang') || '' };
const root = document.getElementById('calendar-root');

/** link is this page's address with some parameters changed. */
function link(changes) {
  const u = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v) u.set(k, v);
    else u.delete(k);
  }
  return '/calendar?' + u.toString();
}

const dayText = (d, opts = { dateStyle: 'medium' }) => fmtDate(d + 'T00:00:00Z', { ...opts, timeZone: 'UTC' });
const monthName = (m) => fmtDate(monthString(m) + '-01T00:00:00Z', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function select(id, name, labelText, options, value) {
  return h('div', { class: 'ecl-form-group' },
    h('label', { class: 'ecl-form-label', for: id }, labelText),
    h('div', { class: 'ecl-select__container ecl-select__container--m' },
      h('select', { class: 'ecl-select', id, name },
        h('option', { value: '' }, t('calendar.any')),
        options.map(([v, text]) => h('option', { value: v, selected: v === value ? true : undefined }, text)))));
}

function filters(d) {
  const byName = (a, b) => collator().compare(a[1], b[1]);
  return h('form', { class: 'calendar-filters', method: 'get', action: '/calendar', 'aria-label': t('calendar.filters') },
    h('input', { type: 'hidden', name: 'month', value: monthString(month) }),
    h('input', { type: 'hidden', name: 'view', value: view }),
    select('cal-country', 'country', t('calendar.country'), d.countries.map((c) => [c.iso2, c.name]).sort(byName), filter.country),
    select('cal-theme', 'theme', t('calendar.theme'), d.themes.map((x) => [x.slug, x.name]), filter.theme),
    select('cal-lang', 'clang', t('calendar.language'), LANGS.map((l) => [l, langName(l)]).sort(byName), filter.lang),
    h('button', { class: 'ecl-button ecl-button--secondary', type: 'submit' }, t('calendar.apply')));
}

function nav() {
  const prev = shift(month, -1), next = shift(month, 1);
  return h('nav', { class: 'calendar-nav', 'aria-label': t('calendar.navLabel') },
    h('a', { class: 'ecl-link ecl-link--standalone', href: link({ month: monthString(prev) }), rel: 'prev' }, '← ', t('calendar.previous', { month: monthName(prev) })),
    h('a', { class: 'ecl-link ecl-link--standalone', href: link({ month: monthString(next) }), rel: 'next' }, t('calendar.next', { month: monthName(next) }), ' →'),
    h('ul', { class: 'calendar-views plain' },
      ['month', 'list'].map((v) => h('li', {}, h('a', { class: 'ecl-link ecl-link--standalone', href: link({ view: v === 'month' ? '' : v }), 'aria-current': v === view ? 'page' : undefined }, t('calendar.view_' + v))))));
}

function eventLink(e) {
  const cl = e.lang?.toLowerCase();
  return h('a', { class: 'ecl-link', href: `/node?id=${encodeURIComponent(e.id)}`, lang: cl && cl !== lang ? cl : undefined, 'data-event': e.id }, e.title);
}

function monthGrid(events) {
  const names = [];
  for (let i = 0; i < 7; i++) { // 2024-01-01 is a Monday
    const d = `2024-01-0${i + 1}`;
    names.push([dayText(d, { weekday: 'short' }), dayText(d, { weekday: 'long' })]);
  }
  const todayStr = today();
  return h('table', { class: 'calendar-grid', 'data-hook': 'month-grid' },
    h('caption', {}, monthName(month)),
    h('thead', {}, h('tr', {}, names.map(([short, long]) => h('th', { scope: 'col' }, h('abbr', { title: long }, short))))),
    h('tbody', {}, weeks(month).map((w) => h('tr', {}, w.map((d) => {
      if (!d) return h('td', { class: 'outside' });
      const on = events.filter((e) => covers(e, d));
      return h('td', { 'data-day': d, class: d === todayStr ? 'today' : undefined },
        h('span', { class: 'day-number' }, h('time', { datetime: d }, String(Number(d.slice(8)))),
          h('span', { class: 'visually-hidden' }, ' ', dayText(d, { dateStyle: 'full' }))),
        on.length > 0 && h('ul', { class: 'plain' }, on.map((e) => h('li', {}, eventLink(e)))));
    })))));
}

function span(e) {
  if (!e.end || e.end === e.start) return h('time', { datetime: e.start }, dayText(e.start));
  return [h('time', { datetime: e.start }, dayText(e.start)), ' – ', h('time', { datetime: e.end }, dayText(e.end))];
}

function list(events) {
  if (!events.length) return h('p', {}, t('calendar.none'));
  return h('ol', { class: 'plain calendar-list', 'data-hook': 'event-list' }, events.map((e) => h('li', { 'data-event': e.id },
    h('p', { class: 'item-date' }, span(e)),
    h('p', {}, eventLink(e), e.demo && [' ', h('span', { class: 'ecl-label ecl-label--medium' }, t('common.demo'))]),
    h('p', { class: 'muted small' }, [
      e.place && h('span', { lang: e.lang?.toLowerCase() }, e.place),
      e.country && e.country.name,
      langName(e.lang?.toLowerCase()),
      e.themes.map((x) => x.name).join(', '),
    ].filter(Boolean).flatMap((x, i) => (i ? [' · ', x] : [x]))))));
}

async function render() {
  let d;
  const f = {};
  if (filter.country) f.countries = [filter.country];
  if (filter.theme) f.themes = [filter.theme];
  if (filter.lang) f.langs = [filter.lang];
  try {
    d = await gql(CALENDAR, { month: monthString(month), filter: f, lang: lang.toUpperCase() });
  } catch (e) {
    showError(root, e);
    root.removeAttribute('aria-busy');
    return;
  }
  const c = d.calendar;
  const mapHref = '/?kinds=EVENT' + (filter.country ? '&country=' + encodeURIComponent(filter.country) : '');
  root.replaceChildren(
    filters(d),
    nav(),
    h('h2', { id: 'calendar-heading' }, monthName(month)),
    h('p', { role: 'status', 'data-hook': 'event-count', 'data-total': String(c.totalCount) }, t('calendar.count', { n: c.totalCount }),
      c.events.length < c.totalCount ? [' ', t('calendar.truncated', { shown: c.events.length })] : []),
    view === 'list' ? list(c.events) : monthGrid(c.events),
    h('p', {}, h('a', { class: 'ecl-link ecl-link--standalone', href: mapHref, 'data-hook': 'events-map' }, t('calendar.onMap'))));
  root.removeAttribute('aria-busy');
  root.dataset.month = c.month;
}

render();
