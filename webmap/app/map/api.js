// GraphQL calls of the map.

/** gql posts a query to /graphql and returns its data. On errors it throws an
Error whose message joins theirs and whose `errors` keeps them (each with
extensions.code and, for bad input, extensions.where naming the argument).
token, when given, is sent as the editor's bearer token. */
export async function gql(query, variables = {}, signal, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  let body;
  try {
    body = await r.json();
  } catch {
    throw Object.assign(new Error(`HTTP ${r.status}`), { errors: [] });
  }
  if (body.errors?.length) {
    throw Object.assign(new Error(body.errors.map((e) => e.message).join('; ')), { errors: body.errors, data: body.data });
  }
  return body.data;
}

export const REFERENCE = `query($lang: Lang) {
  themes { id slug name(lang: $lang) subthemes { id slug name(lang: $lang) } }
  principles { number short(lang: $lang) }
  countries { iso2 name(lang: $lang) eu stats { practices organisations authorities events } }
  labels(lang: $lang) { enum value label lang }
}`;

export const LAYER = `query($bbox: BBoxInput!, $zoom: Float!, $filter: MapLayerFilter) {
  mapLayer(bbox: $bbox, zoom: $zoom, filter: $filter) {
    zoom total stale truncated
    clusters { id count center { lat lon } bounds { west south east north } expansionZoom
      place { name country } counts { kind count } }
    markers { id kind name location { lat lon } country lang demo }
  }
}`;

const PRACTICE_FIELDS = `id title lang summary summaryEn challenge howItWorks results evaluation beneficiaries
  startDate endDate stage budget fundingSource contact website demo
  themes { slug name(lang: $lang) } principles { number short(lang: $lang) }`;

export const DETAIL = `query($id: ID!, $lang: Lang) {
  node(id: $id) {
    id
    ... on LocalAuthority { name level website olang: lang osummary: summary demo country { iso2 name(lang: $lang) } practices { ${PRACTICE_FIELDS} } }
    ... on Organisation { name type website olang: lang osummary: summary demo country { iso2 name(lang: $lang) } themes { slug name(lang: $lang) } practices { ${PRACTICE_FIELDS} } }
    ... on Practice { ${PRACTICE_FIELDS} country { iso2 name(lang: $lang) }
      implementers { ... on LocalAuthority { id name website } ... on Organisation { id name website } } partners { id name website } }
    ... on Event { title elang: lang esummary: summary start end place url demo country { iso2 name(lang: $lang) } themes { slug name(lang: $lang) } }
  }
}`;

/** normalise undoes the aliases DETAIL needs (GraphQL requires fields of one
name to have one type across fragments: Practice.lang is Lang!, the others Lang). */
export function normalise(n) {
  if (!n) return n;
  return { ...n, lang: n.lang ?? n.olang ?? n.elang, summary: n.summary ?? n.osummary ?? n.esummary };
}
