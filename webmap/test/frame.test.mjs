// Browser tests of the shared frame: the layout (ECL header, language switcher,
// search box, breadcrumbs, footer) around the about, accessibility, search and
// not-found pages, in English, French and German, at desktop and phone sizes,
// with axe-core finding no violation of any impact; and GraphiQL's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, api, artifacts, axeBuilder } from './browser.mjs';

const ctx = browser();
const LANGS = ['en', 'fr', 'de'];
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const SEARCH = 'query($q: String!, $kinds: [ContentKind!]) { search: find(query: $q, filter: { kinds: $kinds }, first: 1) { totalCount } }';

// What each page shows in each language (its h1), from the message files' texts.
const PAGES = {
  about: { path: '/about', h1: { en: 'About EWSI Graph', fr: 'À propos d’EWSI Graph', de: 'Über EWSI Graph' } },
  accessibility: { path: '/accessibility', h1: { en: 'Accessibility statement', fr: 'Déclaration d’accessibilité', de: 'Erklärung zur Barrierefreiheit' } },
  search: { path: '/search?q=Lyon', h1: { en: 'Search', fr: 'Recherche', de: 'Suche' } },
  notfound: { path: '/no/such/page', status: 404, h1: { en: 'Page not found', fr: 'Page introuvable', de: 'Seite nicht gefunden' } },
};

/** visit opens path in a new page of the given size and collects script
errors and console errors (the not-found page's own 404 aside). */
async function visit(path, size = SIZES.desktop) {
  const page = await ctx().newPage();
  await page.setViewportSize(size);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && m.location().url !== base + path) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && r.url() !== base + path) errors.push(`${r.status()} ${r.url()}`); });
  const resp = await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  return { page, errors, status: resp.status() };
}

/** settle waits until the page's DOM has not changed for 500 ms (GraphiQL
renders in steps; axe fails on elements removed under it). */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let timer = setTimeout(done, 500);
    const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 500); });
    function done() { obs.disconnect(); resolve(); }
    obs.observe(document.body, { childList: true, subtree: true, attributes: true });
  }));
}

/** noAxe runs axe-core and fails on any violation, whatever its impact. */
async function noAxe(page, name) {
  await settle(page);
  const res = await axeBuilder(page).analyze();
  writeFileSync(join(artifacts, `${name}-axe.json`), JSON.stringify(res.violations, null, 2));
  assert.deepEqual(res.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${name}`);
}

for (const [name, p] of Object.entries(PAGES)) {
  for (const lang of LANGS) {
    // the phone size once, in English: axe and the words of every language at
    // both sizes are site-axe.test.mjs's
    for (const [sizeName, size] of Object.entries(SIZES).filter(([s]) => s === 'desktop' || lang === 'en')) {
      test(`${name} in ${lang} at ${sizeName} size: layout and language`, async () => {
        const path = p.path + (p.path.includes('?') ? '&' : '?') + 'lang=' + lang;
        const { page, errors, status } = await visit(path, size);
        assert.equal(status, p.status ?? 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal((await page.textContent('h1')).trim(), p.h1[lang]);
        assert.match(await page.title(), new RegExp(`^${p.h1[lang]} – EWSI Graph$`));
        // the ECL frame: header with the menu, search box and the three languages; breadcrumbs; footer
        assert.equal(await page.locator('header.ecl-site-header nav.ecl-menu a.ecl-menu__link').count(), 11);
        assert.equal(await page.locator('header form[action="/search"] input[name="q"]').count(), 1);
        assert.deepEqual(await page.locator('[data-lang-switch]').evaluateAll((els) => els.map((e) => e.getAttribute('hreflang'))), LANGS);
        assert.equal(await page.locator('.ecl-breadcrumb__current-page').textContent().then((s) => s.trim()), p.h1[lang]);
        assert.equal(await page.locator('footer.ecl-site-footer a[href="/accessibility"]').count(), 1);
        if (sizeName === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${name}: ${overflow}px wider than a phone`);
        }
        if (name === 'search') {
          await page.waitForSelector('#search-list .ewsi-result, #search-list .ecl-notification');
          const total = (await api(SEARCH, { q: 'Lyon' })).data.search.totalCount;
          assert.ok(total > 1, 'the fixture has several things named Lyon');
          const n = new Intl.NumberFormat(lang).format(total);
          const word = { en: 'results for “Lyon”', fr: 'résultats pour « Lyon »', de: 'Ergebnisse für „Lyon“' }[lang];
          assert.equal((await page.textContent('#search-status')).trim(), `${n} ${word}`);
          assert.equal(await page.locator('#search-list .ewsi-result').count(), Math.min(20, total));
        }
        await page.screenshot({ path: join(artifacts, `frame-${name}-${lang}-${sizeName}.png`), fullPage: true });
        // axe on these pages in each language and size: site-axe.test.mjs
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }
}

test('the language switch keeps the path and the query, and the choice is remembered', async () => {
  const { page, errors } = await visit('/search?q=Lyon&kinds=ORGANISATION&lang=en');
  const href = await page.getAttribute('[data-lang-switch="fr"]', 'href');
  const u = new URL(href, base);
  assert.equal(u.pathname, '/search');
  assert.equal(u.searchParams.get('q'), 'Lyon');
  assert.deepEqual(u.searchParams.getAll('kinds'), ['ORGANISATION']);
  assert.equal(u.searchParams.get('lang'), 'fr');
  // by keyboard: the language button opens the list, a link switches
  await page.focus('.ecl-site-header__language-selector');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#language-list-overlay:not([hidden])');
  await page.focus('[data-lang-switch="fr"]');
  await Promise.all([page.waitForURL(/lang=fr/), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.inputValue('#search-q'), 'Lyon');
  await page.waitForSelector('#search-list .ewsi-result');
  assert.ok(await page.isChecked('#facet-kinds input[value="ORGANISATION"]'));
  const total = (await api(SEARCH, { q: 'Lyon', kinds: ['ORGANISATION'] })).data.search.totalCount;
  assert.equal(await page.locator('#search-list .ewsi-result').count(), Math.min(20, total));
  // the cookie keeps French on a page opened without ?lang=
  await page.goto(base + '/about');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.goto(base + '/about?lang=en'); // leave English for the other tests
  assert.deepEqual(errors, []);
  await page.close();
});

test('the header search box leads to the search page with the words kept', async () => {
  const { page, errors } = await visit('/about?lang=de');
  await page.fill('header #site-search', 'Lyon');
  await Promise.all([page.waitForURL(/\/search\?q=Lyon/), page.press('header #site-search', 'Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.inputValue('#search-q'), 'Lyon');
  await page.waitForSelector('#search-list .ewsi-result');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a search without a word says so in the page language, not the server’s English', async () => {
  const { page, errors } = await visit('/search?q=%21%21&lang=de');
  await page.waitForSelector('#search-list .ecl-notification');
  assert.equal((await page.textContent('#search-list .ecl-notification__description')).trim(), 'Geben Sie mindestens ein Wort ein (Buchstaben oder Ziffern).');
  await noAxe(page, 'frame-search-invalid-de');
  assert.deepEqual(errors, []);
  await page.close();
});

test('old page addresses answer 301 to the clean ones with the query', async () => {
  for (const [from, to] of [['/about.html?lang=fr', '/about?lang=fr'], ['/partners.html?country=FR', '/partners?country=FR']]) {
    const r = await fetch(base + from, { redirect: 'manual' });
    assert.equal(r.status, 301, from);
    assert.equal(r.headers.get('location'), to);
  }
});

test('GraphiQL has no axe violation, before and after running a query', async () => {
  for (const [sizeName, size] of Object.entries(SIZES)) {
    const { page, errors } = await visit('/graphiql', size);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror textarea[aria-label]');
    await noAxe(page, `frame-graphiql-${sizeName}`);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent.includes('"themes"'));
    await noAxe(page, `frame-graphiql-${sizeName}-result`);
    await page.screenshot({ path: join(artifacts, `frame-graphiql-${sizeName}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
