// The partner finder's form state and its round trip through the URL, so that a
// search can be shared; and its translation into the API's PartnerSearchInput.

const LISTS = ['themes', 'subthemes', 'principles', 'countries', 'types', 'languages'];
const TEXTS = ['org', 'lat', 'lon', 'radius', 'since'];

/** empty returns a blank form state. */
export function empty() {
  return { org: '', themes: [], subthemes: [], principles: [], countries: [], types: [], languages: [],
    lat: '', lon: '', radius: '', looking: false, since: '' };
}

/** fromURL reads the form state from a query string. */
export function fromURL(search) {
  const q = new URLSearchParams(search);
  const s = empty();
  for (const k of LISTS) s[k] = (q.get(k) || '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const k of TEXTS) s[k] = q.get(k) || '';
  s.looking = q.get('looking') === '1';
  return s;
}

/** toURL writes the form state as a query string; the interface language stays
when the current address names it. */
export function toURL(s, lang = new URLSearchParams(location.search).get('lang')) {
  const q = new URLSearchParams();
  for (const k of TEXTS) if (s[k]) q.set(k, s[k]);
  for (const k of LISTS) if (s[k].length) q.set(k, s[k].join(','));
  if (s.looking) q.set('looking', '1');
  if (lang) q.set('lang', lang);
  return '?' + q.toString();
}

/** isBlank says whether nothing is asked yet. */
export function isBlank(s) {
  return !s.org && LISTS.every((k) => !s[k].length) && !s.lat && !s.lon && !s.radius && !s.looking && !s.since;
}

/** toInput turns the form state into PartnerSearchInput. What the API checks
(radius range, a radius without a place, unknown codes) is sent as typed, so that
its errors, which name the argument, show next to the field. It returns
{ input, errors } where errors are the few the form finds itself (a latitude
without a longitude cannot be sent at all). */
export function toInput(s) {
  const input = {};
  const errors = [];
  if (s.org) input.organisation = s.org;
  for (const k of ['themes', 'subthemes', 'countries', 'types', 'languages']) if (s[k].length) input[k] = s[k];
  if (s.principles.length) input.principles = s.principles.map(Number);
  const lat = s.lat === '' ? null : Number(s.lat);
  const lon = s.lon === '' ? null : Number(s.lon);
  if ((lat === null) !== (lon === null)) {
    errors.push({ where: lat === null ? 'lat' : 'lon', message: 'latitude and longitude go together' });
  } else if (lat !== null) {
    input.near = { lat, lon };
  }
  if (s.radius !== '') input.radiusKm = Number(s.radius);
  if (s.looking) input.onlyLookingForPartners = true;
  if (s.since) input.activeSince = s.since;
  return { input, errors };
}
