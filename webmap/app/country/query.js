// The GraphQL query of the country page. Lists are ordered by recency or
// relevance, never by name: practices, documents and news newest first, events
// upcoming first (soonest first, then the past ones, latest first), funding calls
// still open by nearest deadline (then the closed ones, latest first),
// organisations and authorities most recently updated first.
import { LABELS } from '../common/nodes.js';

const page = (fields) => `totalCount edges { node { __typename id demo ${fields} } }`;
const CONTENT = 'title plang: lang';
const NAMED = 'name olang: lang';
const NEWEST = '{field: DATE, direction: DESC}';
const SOONEST = '{field: DATE, direction: ASC}';
const UPDATED = '{field: UPDATED_AT, direction: DESC}';

/** LISTS names each list of the page: its key (the alias in the query), the
connection it reads, its filter variable, order, extra fields, the date field
shown beside each item, and the kinds the map shows it by. */
export const LISTS = [
  { key: 'practices', field: 'practices', filter: '$f', order: NEWEST, fields: 'startDate location { lat lon }', date: 'startDate', kinds: 'PRACTICE' },
  { key: 'events', field: 'events', filter: '$upcoming', order: SOONEST, fields: 'start end place', date: 'start', kinds: 'EVENT' },
  { key: 'pastEvents', field: 'events', filter: '$past', order: NEWEST, fields: 'start end place', date: 'start' },
  { key: 'funding', field: 'funding', filter: '$upcoming', order: SOONEST, fields: 'deadline', date: 'deadline' },
  { key: 'closedFunding', field: 'funding', filter: '$past', order: NEWEST, fields: 'deadline', date: 'deadline' },
  { key: 'documents', field: 'documents', filter: '$f', order: NEWEST, fields: 'date', date: 'date' },
  { key: 'news', field: 'news', filter: '$f', order: NEWEST, fields: 'date', date: 'date' },
  { key: 'organisations', field: 'organisations', filter: '$f', order: UPDATED, fields: 'city', kinds: 'ORGANISATION', named: true },
  { key: 'authorities', field: 'authorities', filter: '$f', order: UPDATED, fields: 'level', kinds: 'LOCAL_AUTHORITY,REGIONAL_AUTHORITY', named: true },
];

export const STATS = ['practices', 'organisations', 'authorities', 'events', 'funding', 'documents', 'news'];

export const COUNTRY = `query($code: String!, $lang: Lang, $f: ContentFilter, $upcoming: ContentFilter, $past: ContentFilter, $first: Int) {
  country(code: $code) {
    id iso2 eurostat name(lang: $lang) eu languages
    stats { ${STATS.join(' ')} }
  }
  ${LISTS.map((l) => `${l.key}: ${l.field}(filter: ${l.filter}, first: $first, orderBy: ${l.order}) { ${page((l.named ? NAMED : CONTENT) + ' ' + l.fields)} }`).join('\n  ')}
  indicators { id area name(lang: $lang) unit }
  milestones { id date title(lang: $lang) }
  ${LABELS}
}`;

/** variables returns the query's variables for country code on day today (YYYY-MM-DD). */
export function variables(code, lang, today, first = 8) {
  const countries = [code];
  const yesterday = new Date(Date.parse(today + 'T12:00:00Z') - 864e5).toISOString().slice(0, 10);
  return { code, lang, first, f: { countries }, upcoming: { countries, from: today }, past: { countries, to: yesterday } };
}
