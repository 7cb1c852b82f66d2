// Browser tests of the partner finder (/partners) against the real server: a
// keyboard-only search that opens a result, the search button in view without
// scrolling, the ranking as the API gives it, an error that clears the old
// results, and axe with no violation of any impact in three languages at two
// sizes with the form open, results shown and a form with errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api, shot } from './browser.mjs';
import { tabTo, noAxe, noRawMessages } from './keyboard.mjs';

const ctx = browser();
const QUERY = `query($input: PartnerSearchInput!) { findPartners(input: $input, first: 10) {
  totalCount edges { node { organisation { id } } } } }`;
const SIZES = [['desktop', 1280, 800], ['phone', 390, 844]];

const results = (page) => page.waitForSelector('#results:not([hidden]) #results-list > li', { timeout: 15000 });

test('keyboard only: a partner search from the form to an organisation\'s page, the button in view without scrolling', async () => {
  const { page, errors } = await open(ctx(), '/partners?lang=en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForSelector('#partner-form');
  // the search button is on screen before any scrolling
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const box = await page.locator('#p-submit').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 800 && box.x + box.width <= 1280, `the search button is at ${JSON.stringify(box)}`);

  // a theme: Tab to its box, Space ticks it
  await tabTo(page, '#partner-form input[name=themes][value=social-cohesion]');
  await page.keyboard.press('Space');
  // a language: open the group with Enter, filter it, Enter ticks the only match
  await tabTo(page, '#p-languages-summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-languages-filter');
  await page.keyboard.type('frenc');
  await page.keyboard.press('Enter');
  assert.equal(await page.isChecked('#partner-form input[name=languages][value=fr]'), true);
  assert.match(await page.textContent('#p-languages-summary'), /1 chosen/);
  // send it
  await tabTo(page, '#p-submit');
  await page.keyboard.press('Enter');
  await results(page);
  // focus went to the results heading, and the count is in a live region
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title');
  assert.equal(await page.getAttribute('#results-count', 'role'), 'status');
  const want = await api(QUERY, { input: { themes: ['social-cohesion'], languages: ['fr'] } });
  assert.equal(want.errors, undefined, JSON.stringify(want.errors));
  const total = want.data.findPartners.totalCount;
  assert.equal(Number(await page.getAttribute('#results-count', 'data-total')), total);
  assert.match(await page.textContent('#results-count'), new RegExp(`of ${total} organisation`));
  const ids = await page.locator('#results-list > li').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, want.data.findPartners.edges.map((e) => e.node.organisation.id), 'the ranking of the API');
  // every result says why, in words
  const reasons = await page.locator('#results-list > li').first().locator('.reason-text').allTextContents();
  assert.ok(reasons.length > 0 && reasons.every((r) => r.trim().length > 3), `reasons: ${reasons}`);
  await shot(page, 'partners-results', false);
  // the first result's link opens the organisation's page
  await tabTo(page, '#results-list > li:first-child h3 a');
  await Promise.all([page.waitForURL(/\/node\?id=/), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('id'), ids[0]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared address runs the same search and ticks the same boxes; "more" pages on', async () => {
  const want = await api(QUERY, { input: { themes: ['social-cohesion'] } });
  const total = want.data.findPartners.totalCount;
  assert.ok(total > 10, `the fixture should give more than one page (got ${total})`);
  const { page, errors } = await open(ctx(), '/partners?themes=social-cohesion&lang=en');
  await results(page);
  assert.equal(await page.isChecked('#partner-form input[name=themes][value=social-cohesion]'), true);
  assert.equal(Number(await page.getAttribute('#results-count', 'data-total')), total);
  assert.equal(await page.locator('#results-list > li').count(), 10);
  await page.click('#p-more');
  await page.waitForFunction(() => document.querySelectorAll('#results-list > li').length > 10);
  const ids = await page.locator('#results-list > li').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.equal(new Set(ids).size, ids.length, 'no organisation twice');
  assert.equal(ids.length, Math.min(total, 20));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an error after a search clears the old results and names the field', async () => {
  const { page, errors } = await open(ctx(), '/partners?themes=social-cohesion&lang=en');
  await results(page);
  assert.ok(await page.locator('#results-list > li').count() > 0);
  await page.click('#p-place summary');
  await page.fill('#p-lat', '45.76');
  await page.fill('#p-lon', '4.83');
  await page.fill('#p-radius', '99999');
  await page.click('#p-submit');
  await page.waitForSelector('#p-error');
  const want = await api(QUERY, { input: { themes: ['social-cohesion'], near: { lat: 45.76, lon: 4.83 }, radiusKm: 99999 } });
  assert.equal(want.errors?.[0]?.extensions?.where, 'input.radiusKm');
  // no old result stays under the error
  assert.equal(await page.isHidden('#results'), true);
  assert.equal(await page.locator('#results-list > li').count(), 0);
  // the notification names the field, the field shows the message and is marked
  assert.match(await page.textContent('#p-error'), /Radius \(km\)/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-error');
  assert.ok((await page.textContent('#p-radius-error')).trim().length > 0);
  assert.equal(await page.getAttribute('#p-radius', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#p-radius', 'aria-describedby'), /p-radius-error/);
  // a good search again clears the error
  await page.fill('#p-radius', '800');
  await page.click('#p-submit');
  await results(page);
  assert.equal(await page.locator('#p-error').count(), 0);
  assert.equal(await page.getAttribute('#p-radius', 'aria-invalid'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the partner finder speaks French and German, names sorted in the language', async () => {
  for (const [lang, title, search, country] of [['fr', 'Trouver des partenaires de projet', 'Chercher des partenaires', 'Autriche'],
    ['de', 'Projektpartner finden', 'Partner suchen', 'Österreich']]) {
    const { page, errors } = await open(ctx(), `/partners?lang=${lang}&themes=social-cohesion`);
    await results(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal((await page.textContent('h1')).trim(), title);
    assert.equal((await page.textContent('#p-submit')).trim(), search);
    const names = await page.locator('#p-countries .ecl-checkbox__text').allTextContents();
    assert.ok(names.includes(country), `${country} in ${names}`);
    assert.deepEqual(names, [...names].sort(new Intl.Collator(lang).compare), 'countries sorted in the language');
    assert.doesNotMatch(await page.textContent('#results-count'), /organisations? that fit/);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// the form and results are in the site-wide axe matrix (site-axe.test.mjs); the error state here
test('axe finds no violation on the partner finder\'s error state in three languages at two sizes; no raw message keys', async () => {
  for (const lang of ['en', 'fr', 'de']) {
    for (const [size, width, height] of SIZES) {
      const { page, errors } = await open(ctx(), `/partners?lang=${lang}`);
      await page.setViewportSize({ width, height });
      await page.waitForSelector('#partner-form');
      await page.click('#p-countries-summary');
      await noRawMessages(page, `partners-${lang}-${size}-form`);
      await page.goto(new URL(`/partners?lang=${lang}&themes=social-cohesion&lat=45.76&lon=4.83&radius=800`, page.url()).href);
      await results(page);
      await page.waitForSelector('#results-map .leaflet-marker-icon');
      await noRawMessages(page, `partners-${lang}-${size}-results`);
      await shot(page, `partners-${lang}-${size}`);
      await page.fill('#p-radius', '99999');
      await page.click('#p-submit');
      await page.waitForSelector('#p-error');
      await noAxe(page, `partners-${lang}-${size}-error`);
      await noRawMessages(page, `partners-${lang}-${size}-error`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});
