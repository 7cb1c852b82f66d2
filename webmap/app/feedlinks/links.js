// The feed links of a list page (a[data-feed]) narrowed like the page: the
// page's country, theme and content language (clang) go into each feed's
// address, so that "Subscribe" gives the list the visitor is looking at.
const page = new URLSearchParams(location.search);

for (const a of document.querySelectorAll('a[data-feed]')) {
  const u = new URL(a.getAttribute('href'), location.origin);
  for (const [from, to] of [['country', 'country'], ['theme', 'theme'], ['clang', 'lang']]) {
    const v = (page.get(from) || '').trim();
    if (v) u.searchParams.set(to, v);
  }
  a.setAttribute('href', u.pathname + u.search);
}
