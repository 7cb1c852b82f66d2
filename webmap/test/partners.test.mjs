// Browser tests of the partner finder (partners.html) against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api, noSeriousAxe, phone, shot } from './browser.mjs';

const ctx = browser();
const PROFILE = { themes: ['social-cohesion'], languages: ['fr'], types: ['CIVIL_SOCIETY', 'ACADEMIA', 'FOUNDATION', 'MIGRANT_ASSOCIATION'] };
const QUERY = `query($input: PartnerSearchInput!) { findPartners(input: $input, first: 10) {
  totalCount edges { node { organisation { id } reasons { text } } } } }`;

async function results(page) {
  await page.waitForSelector('#results:not([hidden]) #results-list li', { timeout: 15000 });
}

test('a typed profile gives ranked partners with reasons, as many as the API counts, and a map', async () => {
  const { page, errors } = await open(ctx(), '/partners.html?lang=en');
  await page.waitForSelector('#partner-form input[name=themes]');
  await page.check('#partner-form input[name=themes][value=social-cohesion]');
  await page.selectOption('#p-languages', ['fr']);
  for (const ty of PROFILE.types) await page.check(`#partner-form input[name=types][value=${ty}]`);
  await page.click('#p-submit');
  await results(page);

  const want = await api(QUERY, { input: PROFILE });
  assert.equal(want.errors, undefined, JSON.stringify(want.errors));
  const total = want.data.findPartners.totalCount;
  assert.ok(total > 0, 'the fixture should give partners for this profile');
  assert.equal(Number(await page.getAttribute('#results-count', 'data-total')), total);
  const ids = await page.locator('#results-list > li').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, want.data.findPartners.edges.map((e) => e.node.organisation.id), 'same ranking as the API');
  // every result shows its reasons in words, each with a weight bar
  for (const li of await page.locator('#results-list > li').all()) {
    const reasons = await li.locator('.reason-text').allTextContents();
    assert.ok(reasons.length > 0 && reasons.every((r) => r.trim().length > 3), `reasons: ${reasons}`);
    assert.equal(await li.locator('.reason .bar').count(), reasons.length);
  }
  assert.deepEqual(await page.locator('#results-list > li').first().locator('.reason-text').allTextContents(),
    want.data.findPartners.edges[0].node.reasons.map((r) => r.text));
  // the results map shows a marker per located result
  await page.waitForSelector('#results-map .leaflet-marker-icon');
  assert.ok(await page.locator('#results-map .leaflet-marker-icon').count() > 0);
  // the form is in the URL, so the search can be shared
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('themes'), 'social-cohesion');
  assert.equal(u.searchParams.get('languages'), 'fr');
  await page.waitForSelector('#results-map path.leaflet-interactive, #results-map path', { state: 'attached' });
  await shot(page, 'partners');
  assert.deepEqual(errors, []);

  // a shared link runs the same search
  const again = await open(ctx(), u.pathname + u.search);
  await results(again.page);
  assert.equal(Number(await again.page.getAttribute('#results-count', 'data-total')), total);
  assert.equal(await again.page.isChecked('#partner-form input[name=themes][value=social-cohesion]'), true);
  await again.page.close();
  await page.close();
});

test('picking one\'s organisation by type-ahead ranks partners for it and shows its related content', async () => {
  const org = 'organisation:app-solidarite-lyon';
  const { page, errors } = await open(ctx(), '/partners.html?lang=en');
  await page.waitForSelector('#p-org');
  await page.locator('#p-org').pressSequentially('Solidarité Lyon', { delay: 20 });
  await page.waitForSelector(`#p-org-list [data-id="${org}"]`, { timeout: 10000 });
  assert.equal(await page.getAttribute('#p-org', 'aria-expanded'), 'true');
  await page.click(`#p-org-list [data-id="${org}"]`);
  assert.equal(await page.inputValue('#p-org'), 'Solidarité Lyon Accueil');
  await page.click('#p-submit');
  await results(page);
  assert.equal(new URL(page.url()).searchParams.get('org'), org);
  const want = await api(QUERY, { input: { organisation: org } });
  assert.equal(want.errors, undefined, JSON.stringify(want.errors));
  assert.equal(Number(await page.getAttribute('#results-count', 'data-total')), want.data.findPartners.totalCount);
  const ids = await page.locator('#results-list > li').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, want.data.findPartners.edges.map((e) => e.node.organisation.id));
  assert.ok(!ids.includes(org), 'an organisation is not its own partner');
  // a shared link restores the chosen organisation, and the page shows what is related to it
  await page.reload();
  await results(page);
  assert.equal(await page.inputValue('#p-org'), 'Solidarité Lyon Accueil');
  await page.waitForSelector('#main > [data-hook="related-content"][data-loaded] .related-item');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"more" pages through the results with the cursor', async () => {
  const input = { themes: ['social-cohesion'] };
  const want = await api(QUERY, { input });
  const total = want.data.findPartners.totalCount;
  assert.ok(total > 10, `the fixture should give more than one page (got ${total})`);
  const { page } = await open(ctx(), '/partners.html?themes=social-cohesion&lang=en');
  await results(page);
  assert.equal(await page.locator('#results-list > li').count(), 10);
  await page.click('#p-more');
  await page.waitForFunction(() => document.querySelectorAll('#results-list > li').length > 10);
  const ids = await page.locator('#results-list > li').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.equal(new Set(ids).size, ids.length, 'no organisation twice');
  assert.equal(ids.length, Math.min(total, 20));
  await page.close();
});

test('an invalid radius shows the API error next to the radius field', async () => {
  const { page } = await open(ctx(), '/partners.html?lang=en');
  await page.waitForSelector('#partner-form input[name=themes]');
  await page.check('#partner-form input[name=themes][value=social-cohesion]');
  await page.fill('#p-lat', '45.76');
  await page.fill('#p-lon', '4.83');
  await page.fill('#p-radius', '99999');
  await page.click('#p-submit');
  await page.waitForFunction(() => document.getElementById('p-radius-error').textContent.length > 0);
  const want = await api(QUERY, { input: { themes: ['social-cohesion'], near: { lat: 45.76, lon: 4.83 }, radiusKm: 99999 } });
  const e = want.errors?.[0];
  assert.equal(e?.extensions?.where, 'input.radiusKm');
  assert.equal(await page.textContent('#p-radius-error'), e.message.replace('input.radiusKm: ', ''));
  assert.equal(await page.getAttribute('#p-radius', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#p-radius', 'aria-describedby'), /p-radius-error/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-radius');
  await page.close();
});

test('the partner finder in French', async () => {
  const { page } = await open(ctx(), '/partners.html?lang=fr&themes=social-cohesion');
  await results(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('h1'), 'Trouver des partenaires de projet');
  assert.equal(await page.textContent('#p-submit'), 'Chercher des partenaires');
  assert.equal(await page.textContent('nav a[aria-current=page]'), 'Recherche de partenaires');
  assert.match(await page.textContent('#results-count'), /organisations pertinentes/);
  // theme names come from the API in French
  assert.match(await page.textContent('#p-themes'), /Cohésion sociale/i);
  await page.close();
});

test('axe finds no serious violation on the partner finder, and it works at phone width', async () => {
  const { page } = await open(ctx(), '/partners.html?lang=en&themes=social-cohesion&lat=45.76&lon=4.83&radius=800');
  await results(page);
  await page.waitForSelector('#results-map .leaflet-marker-icon');
  await noSeriousAxe(page, 'partners');
  await phone(page, 'partners');
  await page.close();
});
