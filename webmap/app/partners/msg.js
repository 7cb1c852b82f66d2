// The interface strings and formats of the partner finder and the request board,
// over the site's shared i18n module (messages of the page's language, put into
// the page by the server): t(key, params), counts by plural rules, numbers and
// dates by the locale, a collator for sorting names.
import * as i18n from '../common/i18n.js';

/** ui is the interface language of the page (set server-side on <html lang>). */
export const ui = document.documentElement.lang || 'en';

/** t returns the message key ("partners.x", "requests.x", "errors.X") with params. */
export const t = (key, params) => i18n.t(key, params);

/** tn returns the plural message key for the count n (and other params). */
export const tn = (key, n, params = {}) => i18n.t(key, { ...params, n });

/** num formats a number in the interface language. */
export const num = (x, opts) => new Intl.NumberFormat(ui, opts).format(x);

/** date formats a date (YYYY-MM-DD or a Date) in the interface language. */
export function date(d) {
  if (!d) return '';
  const x = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(d + 'T00:00:00Z') : new Date(d);
  return new Intl.DateTimeFormat(ui, { dateStyle: 'long', timeZone: 'UTC' }).format(x);
}

/** byName sorts items by name(item) in the interface language. */
export function byName(items, name = (x) => x.name) {
  const c = new Intl.Collator(ui);
  return [...items].sort((a, b) => c.compare(name(a), name(b)));
}

/** errorText is the person's message for an API error code (errors.<CODE>),
naming the field by its label: in the message's {detail} where it has one, else
after it. */
export function errorText(code, label) {
  const key = i18n.has(`errors.${code}`) ? `errors.${code}` : 'errors.UNKNOWN';
  const raw = i18n.t(key);
  if (raw.includes('{detail}')) return i18n.t(key, { detail: label || '' }).replace(/[:\s]+$/, '');
  return label ? `${raw} ${i18n.t('errors.argument', { field: label })}` : raw;
}
