// What every page other than the map does at start: read the interface language,
// fill the shared header, and re-render the page when the language changes.
import { pageLang, rememberLang } from './lang.js';
import { siteHeader } from './header.js';
import { t } from './i18n.js';

/** startPage sets up the header for page current and calls render(ui) now and at
every change of language; render should also set document.title. */
export function startPage(current, render) {
  let ui = pageLang();
  rememberLang(ui);
  const relabel = siteHeader(document.getElementById('site-nav'), ui, current);
  document.getElementById('lang').addEventListener('change', (e) => {
    ui = e.target.value;
    rememberLang(ui);
    relabel(ui);
    skip();
    render(ui);
  });
  const skip = () => { for (const a of document.querySelectorAll('.skip')) a.textContent = t(ui, 'skipMain'); };
  skip();
  render(ui);
}
