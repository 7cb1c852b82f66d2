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
  const current = document.getElementById('crumb-current');
  if (current) {
    current.textContent = text;
    if (lang) current.setAttribute('lang', lang);
    else current.removeAttribute('lang');
  }
  // the layout's title is "page – site": keep the site's part
  const site = document.title.includes(' – ') ? document.title.slice(document.title.lastIndexOf(' – ')) : '';
  document.title = text + site;
}

/** crumb adds a breadcrumb (name linking to url) before the current page's one,
as the layout's own crumbs are made, when the layout has breadcrumbs. */
export function crumb(name, url) {
  const current = document.getElementById('crumb-current');
  if (!current || document.querySelector('[data-crumb="extra"]')) return;
  const li = document.createElement('li');
  li.className = 'ecl-breadcrumb__segment';
  li.dataset.eclBreadcrumbItem = 'static';
  li.dataset.crumb = 'extra';
  const a = document.createElement('a');
  a.className = 'ecl-link ecl-link--standalone ecl-breadcrumb__link';
  a.href = url;
  a.textContent = name;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'ecl-icon ecl-icon--fluid ecl-breadcrumb__icon');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('role', 'presentation');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', '/vendor/ecl/images/icons.svg#corner-arrow');
  svg.append(use);
  li.append(a, svg);
  current.before(li);
}
