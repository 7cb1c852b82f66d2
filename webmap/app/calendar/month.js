// Plain-day arithmetic of the calendar. Days are "YYYY-MM-DD" strings as the API
// gives them and are computed in UTC, so a visitor's time zone never moves an
// event to another day; only the default month comes from the visitor's own clock.

/** today returns the visitor's local day as YYYY-MM-DD. */
export function today(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** parseMonth reads YYYY-MM, or returns null. */
export function parseMonth(s) {
  const m = /^(\d{4})-(\d{2})$/.exec(s || '');
  if (!m || +m[2] < 1 || +m[2] > 12) return null;
  return { year: +m[1], month: +m[2] };
}

export const monthString = ({ year, month }) => `${year}-${String(month).padStart(2, '0')}`;

/** shift returns the month n months after m. */
export function shift({ year, month }, n) {
  const i = year * 12 + (month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

const dayMs = 864e5;
const utc = (s) => Date.parse(s + 'T00:00:00Z');
export const dayString = (ms) => new Date(ms).toISOString().slice(0, 10);

/** weeks returns the weeks (Monday first) covering month m: arrays of 7 days,
each YYYY-MM-DD or null outside the month. */
export function weeks({ year, month }) {
  const first = Date.UTC(year, month - 1, 1);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(first).getUTCDay() + 6) % 7; // Monday 0
  const cells = Array(lead).fill(null);
  for (let d = 0; d < days; d++) cells.push(dayString(first + d * dayMs));
  while (cells.length % 7) cells.push(null);
  const out = [];
  for (let i = 0; i < cells.length; i += 7) out.push(cells.slice(i, i + 7));
  return out;
}

/** covers says whether an event (start, end or none) is on day. */
export function covers(ev, day) {
  const s = utc(ev.start), e = utc(ev.end || ev.start), d = utc(day);
  return s <= d && d <= e;
}
