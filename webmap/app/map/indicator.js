// "Colour countries by indicator": the values of one integration indicator by
// country (the API's indicatorMap: a year, or each country's latest), in five
// equal classes between the lowest and highest value, a blue sequential scale
// (ColorBrewer Blues) apart from the practices' yellow-to-brown. Values from the
// sample files shipped with the code are said to be samples in the legend.
import { h } from './dom.js';
import { gql } from './api.js';
import { t, fmtNumber } from '../common/i18n.js';

export const INDICATORS = `query($lang: Lang) { indicators { id name(lang: $lang) unit years } }`;

export const INDICATOR_MAP = `query($id: ID!, $year: Int, $lang: Lang) {
  indicatorMap(indicator: $id, year: $year) {
    year years indicator { id name(lang: $lang) unit }
    values { country { iso2 } year value flags source sample }
  }
}`;

export const SCALE = ['#eff3ff', '#bdd7ee', '#6baed6', '#3182bd', '#08519c'];

/** loadIndicators returns the indicators that have values (with their years). */
export async function loadIndicators(lang) {
  const d = await gql(INDICATORS, { lang });
  return d.indicators.filter((i) => i.years.length > 0);
}

/** loadValues returns { indicator, year, years, byIso, breaks } of indicator id in year (0: latest). */
export async function loadValues(id, year, lang) {
  const d = await gql(INDICATOR_MAP, { id, year: year || null, lang });
  const m = d.indicatorMap;
  const byIso = new Map(m.values.map((v) => [v.country.iso2, v]));
  const vals = m.values.map((v) => v.value);
  const lo = Math.min(...vals), hi = Math.max(...vals);
  const breaks = vals.length ? SCALE.slice(1).map((_, i) => lo + ((hi - lo) * (i + 1)) / SCALE.length) : [];
  return { ...m, byIso, lo, hi, breaks, sample: m.values.some((v) => v.sample) };
}

/** colourOf returns the class colour of iso2's value, or null when it has none. */
export function colourOf(data, iso2) {
  const v = data?.byIso.get(iso2);
  if (!v) return null;
  let i = 0;
  while (i < data.breaks.length && v.value >= data.breaks[i]) i++;
  return SCALE[i];
}

/** legend renders the classes of data with the indicator's name, unit, year and source. */
export function legend(data) {
  if (!data || !data.byIso.size) return [h('h3', {}, t('map.chIndicator')), h('p', { class: 'no-data' }, t('indicators.noMapValues'))];
  const unit = data.indicator.unit ? ' ' + data.indicator.unit : '';
  const edges = [data.lo, ...data.breaks, data.hi];
  const fmt = (n) => fmtNumber(n, { maximumFractionDigits: 1 });
  return [
    h('h3', {}, data.indicator.name),
    h('p', { class: 'small' }, data.year ? t('indicators.year', { year: String(data.year) }) : t('indicators.latest')),
    h('ul', { class: 'legend-scale', 'data-hook': 'indicator-legend' }, SCALE.map((c, i) => h('li', {},
      h('span', { class: 'swatch', style: `background:${c}` }), `${fmt(edges[i])}–${fmt(edges[i + 1])}${unit}`))),
    h('p', { class: 'small', 'data-hook': 'indicator-source' }, data.sample ? t('indicators.sampleNote') : t('indicators.source', { source: [...new Set([...data.byIso.values()].map((v) => v.source))].join(', ') })),
  ];
}
