// The interface language and messages of the page. The server renders each page
// in one language (<html lang>) and puts that language's messages (the files
// webmap/app/messages/<lang>/<area>.json, keyed "area.key") into the page as
// <script type="application/json" id="ewsi-messages">; switching the language is
// a navigation (?lang=), so nothing here re-renders.
//
//   import { t, lang, plural, fmtNumber, fmtDate, collator } from '/common/i18n.js';
//   t('search.results', { n: 3 })   // plural message: the CLDR form of n
//   t('errors.INVALID', { detail })  // {name} placeholders; numbers by locale
//
// A missing key returns the key itself and logs a console error.
const LANGS = ['en', 'fr', 'de'];

// Outside a page (a module imported by Node, e.g. a test reading a page's query)
// there is no document: English and no messages.
const doc = globalThis.document;

/** lang is the interface language of the page: <html lang>, else English. */
export const lang = LANGS.includes(doc?.documentElement.lang) ? doc.documentElement.lang : 'en';

const messages = (() => {
  const el = doc?.getElementById('ewsi-messages');
  if (!el) return {};
  try {
    return JSON.parse(el.textContent);
  } catch (err) {
    console.error('ewsi-messages is not valid JSON', err);
    return {};
  }
})();

const numberFormat = new Intl.NumberFormat(lang);
const pluralRules = new Intl.PluralRules(lang);

/** fmtNumber formats n in the page's language ("1 406", "1.406", "1,406"). */
export function fmtNumber(n, options) {
  return options ? new Intl.NumberFormat(lang, options).format(n) : numberFormat.format(n);
}

/** fmtDate formats a date (a Date or an ISO string) in the page's language;
options are those of Intl.DateTimeFormat (default: day, month and year). */
export function fmtDate(d, options = { dateStyle: 'medium' }) {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  return new Intl.DateTimeFormat(lang, options).format(date);
}

/** collator compares strings by the page language's collation, for sorting
lists of names: names.sort(collator().compare). */
export function collator(options) {
  return new Intl.Collator(lang, options);
}

/** plural returns the CLDR plural category of n in the page's language. */
export function plural(n) {
  return pluralRules.select(n);
}

function fill(text, params) {
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name) => {
    if (!(name in params)) return m;
    const v = params[name];
    return typeof v === 'number' ? fmtNumber(v) : String(v);
  });
}

/** has says whether the page has the message key. */
export function has(key) {
  return Object.hasOwn(messages, key);
}

/** t returns the message key ("area.key") in the page's language with params
filled in; a plural message takes its form from params.n. */
export function t(key, params = {}) {
  const m = messages[key];
  if (m === undefined) {
    console.error(`missing message ${key} (${lang})`);
    return key;
  }
  if (typeof m === 'string') return fill(m, params);
  const n = params.n;
  return fill(m[typeof n === 'number' ? plural(n) : 'other'] ?? m.other, params);
}
