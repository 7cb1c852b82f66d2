// Links that keep the interface language: the server picks the language from
// ?lang= first, so a link carrying it opens the page in the same language.

/** withLang returns path with ?lang= (or &lang=) set to lang. */
export function withLang(path, lang) {
  const u = new URL(path, location.origin);
  u.searchParams.set('lang', lang);
  return u.pathname + u.search + u.hash;
}
