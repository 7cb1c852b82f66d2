// The whole state of the map (view, filters, selection, language) and its
// round trip through the URL, so that a link reproduces what one sees.

export const KINDS = ['LOCAL_AUTHORITY', 'REGIONAL_AUTHORITY', 'ORGANISATION', 'PRACTICE', 'EVENT'];

export const DEFAULT_VIEW = { lat: 50, lng: 10, z: 4 };

/** fromURL reads the state from a URL's query, with defaults for what is absent or wrong. */
export function fromURL(search, lang = 'en') {
  const q = new URLSearchParams(search);
  const num = (k, d, lo, hi) => {
    const v = Number(q.get(k));
    return q.has(k) && Number.isFinite(v) && v >= lo && v <= hi ? v : d;
  };
  const kinds = (q.get('kinds') || '').split(',').filter((k) => KINDS.includes(k));
  const date = (k) => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) || '') ? q.get(k) : '');
  return {
    lat: num('lat', DEFAULT_VIEW.lat, -85, 85), lng: num('lng', DEFAULT_VIEW.lng, -180, 180), z: num('z', DEFAULT_VIEW.z, 1, 18),
    theme: q.get('theme') || '', subtheme: q.get('subtheme') || '', principle: q.get('principle') || '',
    country: q.get('country') || '', kinds, from: date('from'), to: date('to'),
    demo: ['true', 'false'].includes(q.get('demo')) ? q.get('demo') : '',
    ind: q.get('ind') || '', year: /^\d{4}$/.test(q.get('year') || '') ? q.get('year') : '',
    sel: q.get('sel') || '', choropleth: ['indicator', 'none'].includes(q.get('choropleth')) ? q.get('choropleth') : 'practices', lang,
    // a link that names a country but no view (the country page's "Show on the map") zooms to it
    zoomToCountry: Boolean(q.get('country')) && !q.has('lat'),
  };
}

/** toURL writes the state as a query string, leaving out what is at its default. */
export function toURL(s) {
  const q = new URLSearchParams();
  q.set('lat', s.lat.toFixed(4));
  q.set('lng', s.lng.toFixed(4));
  q.set('z', String(s.z));
  for (const k of ['theme', 'subtheme', 'principle', 'country', 'from', 'to', 'demo', 'sel']) {
    if (s[k]) q.set(k, s[k]);
  }
  if (s.kinds.length) q.set('kinds', s.kinds.join(','));
  if (s.choropleth !== 'practices') q.set('choropleth', s.choropleth);
  if (s.choropleth === 'indicator' && s.ind) q.set('ind', s.ind);
  if (s.choropleth === 'indicator' && s.year) q.set('year', s.year);
  q.set('lang', s.lang);
  return '?' + q.toString();
}

/** filterOf turns the state into the GraphQL MapLayerFilter. */
export function filterOf(s) {
  const f = {};
  if (s.theme) f.themes = [s.theme];
  if (s.subtheme) f.subthemes = [s.subtheme];
  if (s.principle) f.principles = [Number(s.principle)];
  if (s.country) f.countries = [s.country];
  if (s.kinds.length) f.kinds = s.kinds;
  if (s.from) f.from = s.from;
  if (s.to) f.to = s.to;
  if (s.demo) f.demo = s.demo === 'true';
  return f;
}
