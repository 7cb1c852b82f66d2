// The interface language of every page: from the URL (?lang=), else the one the
// visitor chose last (localStorage), else English; changing it is remembered and
// written back into the URL, so a shared link keeps its language.
import { LANGS } from '../map/i18n.js';

/** pageLang returns the interface language of this page. */
export function pageLang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(q)) return q;
  const stored = localStorage.getItem('ewsi.lang');
  return LANGS.includes(stored) ? stored : 'en';
}

/** rememberLang stores lang and puts it in the URL without reloading. */
export function rememberLang(lang) {
  localStorage.setItem('ewsi.lang', lang);
  const u = new URL(location.href);
  u.searchParams.set('lang', lang);
  history.replaceState(history.state, '', u.pathname + u.search + u.hash);
  document.documentElement.lang = lang;
}

/** withLang returns path with ?lang= (or &lang=) set to lang. */
export function withLang(path, lang) {
  const u = new URL(path, location.origin);
  u.searchParams.set('lang', lang);
  return u.pathname + u.search + u.hash;
}
