// The page header of the node and country pages: the title (h1) and the
// breadcrumbs of the shared layout are rendered by the server before the script
// knows the node, so the script fills them in once it does.

/** pageTitle sets the page's h1 and document title to text; lang marks text
written in another language than the interface. */
export function pageTitle(text, lang) {
  const h1 = document.getElementById('page-title') || document.querySelector('h1');
  if (h1) {
    h1.textContent = text;
    if (lang) h1.setAttribute('lang', lang);
    else h1.removeAttribute('lang');
  }
  const brand = document.body.dataset.brand || 'EWSI';
  document.title = `${text} · ${brand}`;
}

/** crumb adds a breadcrumb (name linking to url) before the current page's one,
when the layout has breadcrumbs. */
export function crumb(name, url) {
  const current = document.querySelector('.ecl-breadcrumb__current-page');
  if (!current || document.querySelector('[data-crumb="extra"]')) return;
  const li = document.createElement('li');
  li.className = 'ecl-breadcrumb__segment';
  li.dataset.crumb = 'extra';
  const a = document.createElement('a');
  a.className = 'ecl-breadcrumb__link ecl-link ecl-link--standalone';
  a.href = url;
  a.textContent = name;
  li.append(a);
  current.before(li);
}
