// Browser tests of the map: playwright-core drives Debian's Chromium headless
// against the real server that webmap/browser_test.go started (EWSI_URL).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, artifacts, noSeriousAxe, cspViolations } from './browser.mjs';

const ctx = browser();
const measures = {};

after(() => {
  writeFileSync(join(artifacts, 'map-measures.json'), JSON.stringify(measures, null, 2));
});

async function open(query) {
  const page = await ctx().newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 15000 });
  const firstMarkers = Date.now() - t0;
  const timing = await page.evaluate(() => ({ nav: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    graphql: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/graphql')).map((r) => [Math.round(r.startTime), Math.round(r.duration)]) }));
  return { page, errors, firstMarkers, timing };
}

const urlParam = (page, k) => new URL(page.url()).searchParams.get(k);
const total = async (page) => Number(await page.getAttribute('#list-count', 'data-total'));
const loads = async (page) => Number((await page.getAttribute('body', 'data-layer-loads')) || 0);
async function nextLoad(page, n) {
  await page.waitForFunction((k) => Number(document.body.dataset.layerLoads || 0) > k, n, { timeout: 10000 });
}

test('the map loads with clusters and countries, offline', async () => {
  const { page, errors, firstMarkers, timing } = await open('?lat=50&lng=10&z=4&lang=en');
  measures.firstMarkersMs = firstMarkers;
  measures.firstTiming = timing;
  assert.ok(await page.locator('.m.cluster').count() > 0, 'no cluster on the map of Europe');
  await page.waitForSelector('path.leaflet-interactive', { state: 'attached' });
  assert.ok(await page.locator('path.leaflet-interactive').count() > 100, 'the country shapes are not drawn');
  // the time to first markers is recorded in map-measures.json, not asserted: speed is
  // measured in benchmarks (make bench), and on a shared machine a wall-clock bound fails by load alone
  assert.deepEqual(errors, []);
  await page.waitForFunction(() => document.getElementById('f-theme').options.length > 1);
  await page.screenshot({ path: join(artifacts, 'map.png') });
  await page.close();
  const again = await open('?lat=48&lng=4&z=5&lang=en');
  measures.warmFirstMarkersMs = again.firstMarkers;
  await again.page.close();
});

test('the map runs under a strict Content-Security-Policy with no violation', async () => {
  const page = await ctx().newPage();
  const violations = await cspViolations(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const resp = await page.goto(`${base}/?lat=50&lng=10&z=4&lang=en`);
  const csp = resp.headers()['content-security-policy'] || '';
  assert.match(csp, /script-src 'self'(;|$)/, `the map page's policy allows more than its own scripts: ${csp}`);
  assert.match(csp, /style-src 'self'(;|$)/, `the map page's policy allows inline styles: ${csp}`);
  assert.match(csp, /frame-ancestors 'none'/);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 15000 });
  await page.waitForSelector('path.leaflet-interactive', { state: 'attached' });
  // open a detail panel and change a filter, so that more of the app runs
  await page.locator('#list-items a, #list-items button').first().click();
  await page.waitForTimeout(500);
  await page.waitForFunction(() => document.getElementById('f-theme').options.length > 1);
  await page.selectOption('#f-theme', { index: 1 });
  await page.waitForTimeout(1000);
  assert.deepEqual(violations, [], 'Content-Security-Policy violations');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a cluster click zooms to where it splits', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  const z = Number(urlParam(page, 'z'));
  const n = await loads(page);
  await page.locator('.leaflet-marker-icon:has(.m.cluster)').first().click();
  await nextLoad(page, n);
  assert.ok(Number(urlParam(page, 'z')) > z, `zoom stayed at ${urlParam(page, 'z')}`);
  await page.close();
});

test('a point click opens the panel with a practice title', async () => {
  const { page, errors } = await open('?lat=45.764&lng=4.8357&z=17&lang=en');
  await page.locator('.leaflet-marker-icon[title="Local authority: Lyon"]').click();
  await page.waitForSelector('#panel:not([hidden]) .practice-title', { timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}; panel: ${await page.locator('#panel').textContent()}; errors: ${errors}`);
  });
  const titles = await page.locator('#panel .practice-title').allTextContents();
  assert.ok(titles.some((x) => x.includes('Cafés de langue pour parents')), `panel practices: ${titles}`);
  const site = page.locator('#panel a[href="https://www.lyon.fr/"]').first();
  assert.equal(await site.getAttribute('target'), '_blank');
  assert.equal(await page.locator('#panel [data-hook="related-content"]').count(), 1);
  assert.equal(urlParam(page, 'sel'), 'authority:lyon');
  await page.close();
});

test('a filter changes the count, and the list follows', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  const before = await total(page);
  const n = await loads(page);
  await page.locator('input[name=kinds][value=PRACTICE]').uncheck();
  await nextLoad(page, n);
  const afterCount = await total(page);
  assert.ok(afterCount > 0 && afterCount < before, `count ${before} -> ${afterCount}`);
  assert.equal(urlParam(page, 'kinds'), 'LOCAL_AUTHORITY,REGIONAL_AUTHORITY,ORGANISATION,EVENT');
  assert.ok(await page.locator('#list-items button').count() > 0);
  await page.close();
});

test('a keyboard user reaches a point through the list', async () => {
  const { page } = await open('?lat=45.764&lng=4.8357&z=16&lang=en');
  const button = page.locator('#list-items button', { hasText: 'Lyon' }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.match(await page.locator('#panel-title').textContent(), /Lyon/);
  await page.close();
});

test('a permalink restores view, filters, selection and language', async () => {
  const q = '?lat=52.5200&lng=13.4050&z=6&theme=social-cohesion&kinds=PRACTICE&sel=practice:berlin-welcome&lang=de';
  const { page } = await open(q);
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.match(await page.locator('#panel-title').textContent(), /Willkommenszentrum Berlin/);
  await page.waitForFunction(() => document.getElementById('f-theme').options.length > 1);
  assert.equal(await page.inputValue('#f-theme'), 'social-cohesion');
  assert.equal(await page.locator('input[name=kinds][value=PRACTICE]').isChecked(), true);
  assert.equal(await page.locator('input[name=kinds][value=EVENT]').isChecked(), false);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(urlParam(page, 'z'), '6');
  await page.close();
});

test('the language switch shows French and is remembered', async () => {
  const { page } = await open('?lat=50&lng=10&z=4');
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.locator('h1').textContent(), 'Carte des bonnes pratiques locales et régionales');
  assert.equal(urlParam(page, 'lang'), 'fr');
  await page.goto(`${base}/`);
  await page.waitForSelector('.leaflet-marker-icon');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.selectOption('#lang', 'en');
  await page.close();
});

test('axe reports no serious or critical violation, and a phone-sized screen works', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  await page.waitForSelector('path.leaflet-interactive', { state: 'attached' });
  await noSeriousAxe(page, 'map');
  await page.setViewportSize({ width: 375, height: 740 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  assert.ok(await page.locator('#map').isVisible());
  await page.screenshot({ path: join(artifacts, 'map-phone.png'), fullPage: true });
  await page.close();
});
