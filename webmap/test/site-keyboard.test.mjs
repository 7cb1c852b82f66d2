// The keyboard journey across the site's pages: on each page, the first Tab
// reaches the skip link and Enter moves on to the main content; the language
// switcher is reached by Tab and switches the page to French; the search box is
// reached by Tab and a search sent with Enter opens the search page. Only the
// keyboard is used (no click, no focus() call).
// EWSI_SITE_PAGES=regexp runs only the pages whose name matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, base } from './browser.mjs';
import { ids, cleanPaths, routes, visit } from './site.mjs';

const ctx = browser();
const only = new RegExp(process.env.EWSI_SITE_PAGES || '.');
const clean = await cleanPaths(base);
const pages = routes(await ids()).filter((r) => only.test(r.name) && !r.fixed);
const MAX_TABS = 60;

/** focused describes the focused element (for messages and checks). */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body' };
  const ctl = el.getAttribute('aria-controls');
  const holds = (root) => !!root?.querySelector('a[hreflang="fr"], a[href*="lang=fr"]');
  return { tag: el.tagName.toLowerCase(), id: el.id, type: el.type, name: el.name, text: (el.textContent || '').trim().slice(0, 40),
    href: el.getAttribute('href'), hreflang: el.getAttribute('hreflang'),
    search: el.matches('input[type=search], input[name=q], [role=search] input, form[action*="search"] input[type=text]'),
    langLink: el.matches('a[hreflang="fr"], a[href*="lang=fr"]'),
    langSelect: el.matches('select') && [...el.options].some((o) => o.value === 'fr'),
    langButton: el.matches('button') && el.getAttribute('aria-expanded') !== 'true' && holds(ctl && document.getElementById(ctl)) };
});

/** tabTo presses Tab until want(focused) holds; it returns the focused element or null. */
async function tabTo(page, want) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) return f;
  }
  return null;
}

for (const r of pages) {
  test(`${r.name}: skip link, language switcher and search box work by keyboard`, async () => {
    const failures = [];
    // 1. the skip link is the first stop and leads to the main content
    let { page } = await visit(ctx(), base, r, null, 'en', 'desktop', clean);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    if (skip.tag !== 'a' || !skip.href?.startsWith('#')) {
      failures.push(`the first Tab stop is ${JSON.stringify(skip)}, not a skip link`);
    } else {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate((hash) => {
        const target = document.getElementById(hash.slice(1));
        const el = document.activeElement;
        return !!target && !!el && (target.contains(el) || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
      }, skip.href);
      if (!inMain) failures.push(`after the skip link (${skip.href}), Tab goes to ${JSON.stringify(await focused(page))}, not into the main content`);
    }
    await page.close();

    // 2. the language switcher, by keyboard, to French
    ({ page } = await visit(ctx(), base, r, null, 'en', 'desktop', clean));
    const sw = await tabTo(page, (f) => f.langLink || f.langSelect || f.langButton);
    if (!sw) {
      failures.push(`no language switcher within ${MAX_TABS} Tab stops`);
    } else {
      if (sw.langButton) {
        await page.keyboard.press('Enter');
        if (!(await tabTo(page, (f) => f.langLink))) failures.push('the language menu opened by keyboard has no French link within reach of Tab');
      }
      if (sw.langSelect) {
        for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement.value)) !== 'fr'; i++) await page.keyboard.press('ArrowDown');
      } else {
        await page.keyboard.press('Enter');
      }
      const fr = await page.waitForFunction(() => document.documentElement.lang === 'fr', null, { timeout: 10000 }).then(() => true, () => false);
      if (!fr) failures.push(`the language switcher (${JSON.stringify(sw)}) did not switch the page to French`);
    }
    await page.close();

    // 3. the search box, by keyboard
    ({ page } = await visit(ctx(), base, r, null, 'en', 'desktop', clean));
    const box = await tabTo(page, (f) => f.search);
    if (!box) {
      failures.push(`no search box within ${MAX_TABS} Tab stops`);
    } else {
      await page.keyboard.type('integration');
      await page.keyboard.press('Enter');
      const went = await page.waitForURL((u) => /^\/search(\.html)?$/.test(u.pathname) && u.searchParams.get('q') === 'integration', { timeout: 10000 })
        .then(() => true, () => false);
      if (!went) failures.push(`the search box sent by Enter went to ${page.url()}, not to /search?q=integration`);
    }
    await page.close();
    assert.deepEqual(failures, [], `${r.name}: ${failures.length} problems`);
  });
}
