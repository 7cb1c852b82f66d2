// Browser tests of the library's pages against the real server: filtering the
// library by a facet (the count the facet shows is the number of documents the
// filtered page then lists, and the API agrees), the real EU acts with their
// CELEX numbers and ELIs and their titles in the page's language, and the news
// archive's navigation by month (the month's count is the number of items listed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api } from './browser.mjs';
import { noAxe } from './keyboard.mjs';

const ctx = browser();

const TOTAL = `query($filter: DocumentFilter) { library(filter: $filter, first: 1) { totalCount } }`;

/** statusCount reads the number in the page's status line ("12 documents"). */
async function statusCount(page, sel) {
  await page.waitForFunction((s) => /\d/.test(document.querySelector(s)?.textContent || ''), sel, { timeout: 15000 });
  const text = await page.locator(sel).textContent();
  return Number(text.replace(/[^\d]/g, ''));
}

test('filtering the library by a facet lists as many documents as the facet counted', async () => {
  const { page, errors } = await open(ctx(), '/library?lang=en');
  const all = await statusCount(page, '#library-status');
  const want = (await api(TOTAL, {})).data.library.totalCount;
  assert.equal(all, want, 'the unfiltered library lists every document');
  // the first value of the type facet: its label carries its count
  const box = page.locator('#facet-type input[type=checkbox]').first();
  const value = await box.getAttribute('value');
  const label = await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent();
  const counted = Number(label.match(/\((\d+)\)\s*$/)[1]);
  assert.ok(counted > 0 && counted < all, `the facet counts ${counted} of ${all}`);
  await page.locator(`label[for="${await box.getAttribute('id')}"]`).click(); // ECL draws the box over the input
  assert.ok(await box.isChecked());
  await Promise.all([page.waitForURL(/type=/), page.locator('#library-form button[type=submit]').click()]);
  assert.match(page.url(), new RegExp(`type=${value}`));
  const filtered = await statusCount(page, '#library-status');
  assert.equal(filtered, counted, 'the filtered library lists what the facet counted');
  const api2 = (await api(TOTAL, { filter: { types: [value.toUpperCase()] } })).data.library.totalCount;
  assert.equal(filtered, api2);
  assert.ok(await page.locator(`#facet-type input[value="${value}"]`).isChecked(), 'the chosen value stays ticked');
  assert.deepEqual(errors, []);
});

test('the EU acts show their CELEX number, ELI and official title in French', async () => {
  const { page, errors } = await open(ctx(), '/library?type=legislation&scope=EU&lang=fr');
  await page.waitForSelector('.ewsi-doc-ids');
  const text = await page.locator('#library-list').innerText();
  assert.match(text, /32003L0086/);
  assert.match(text, /http:\/\/data\.europa\.eu\/eli\/dir\/2003\/86\/oj/);
  assert.match(text, /Directive 2003\/86\/CE du Conseil du 22 septembre 2003 relative au droit au regroupement familial/);
  // the French title is in the page's language: no lang of its own
  const link = page.locator('.ewsi-doc-title a', { hasText: '2003/86/CE' });
  assert.equal(await link.getAttribute('lang'), null);
  await noAxe(page, 'library-eu-law-fr');
  assert.deepEqual(errors, []);
});

test('the news archive leads to a month listing as many items as it counted, marked with their language', async () => {
  const { page, errors } = await open(ctx(), '/news?lang=de');
  await page.waitForSelector('.ewsi-archive-nav li a');
  const first = page.locator('.ewsi-archive-nav li').first();
  const counted = Number((await first.locator('.ewsi-count').textContent()).replace(/[^\d]/g, ''));
  const href = await first.locator('a').getAttribute('href');
  await Promise.all([page.waitForURL(/month=/), first.locator('a').click()]);
  assert.ok(page.url().endsWith(href) || page.url().includes(href), `went to ${page.url()}`);
  assert.equal(await page.locator('.ewsi-archive-nav a[aria-current=page]').getAttribute('href'), href);
  const listed = await statusCount(page, '#news-status');
  assert.equal(listed, counted, 'the month lists what the archive counted');
  const items = await page.locator('.ewsi-news-list > li').count();
  assert.equal(items, Math.min(counted, 20));
  // an item in another language than the page's carries its own lang
  const langs = await page.locator('.ewsi-news-list > li').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
  const data = await api(`query($f: ContentFilter) { news(filter: $f, orderBy: { field: DATE, direction: DESC }, first: 20) { edges { node { lang } } } }`,
    { f: { from: `${href.split('=')[1]}-01`, to: `${href.split('=')[1]}-28` } });
  if (data.data.news.edges.length) {
    const firstLang = data.data.news.edges[0].node.lang.toLowerCase();
    assert.equal(langs[0], firstLang === 'de' ? null : firstLang);
  }
  await noAxe(page, 'news-month-de');
  assert.deepEqual(errors, []);
});

test('a dossier shows the content linked into it, read live', async () => {
  const d = (await api(`{ dossiers(first: 10) { edges { node { id items { node { id } } } } } }`)).data.dossiers.edges;
  const withItems = d.find((e) => e.node.items.length > 0);
  assert.ok(withItems, 'a dossier gathers something');
  const { page, errors } = await open(ctx(), `/dossiers?id=${encodeURIComponent(withItems.node.id)}&lang=en`);
  await page.waitForSelector('#dossier-items');
  const shown = await page.locator('.ewsi-doc-list .ewsi-doc-title a').evaluateAll((els) => els.map((a) => new URL(a.href).searchParams.get('id')));
  assert.deepEqual(shown.sort(), withItems.node.items.map((i) => i.node.id).sort());
  assert.deepEqual(errors, []);
});
