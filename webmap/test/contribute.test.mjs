// Browser tests of contributing and moderating against the real server, with the
// accounts the Go test writes (webmap/contribute_accounts_test.go): a visitor
// sees the form and the publishing criteria of each kind and is asked to sign
// in; a member submits a practice in French (a bad address is shown on its
// field first) and sees it in their list; the coordinator of France finds it in
// the French queue, cannot publish it without every criterion, publishes it;
// the practice is then a published node, and the member's list says so. axe
// finds no violation on the form with errors and on the queue with an item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { base, api, artifacts } from './browser.mjs';
import { noAxe, noRawMessages } from './keyboard.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'correct horse battery';
const MEMBER = 'maria.member@contrib-test.example';
const COORD = 'claire.coord@contrib-test.example';
const TITLE = `Jardins partagés avec les nouveaux arrivants ${Date.now()}`;
let browser;

before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
});

/** person opens a browser context, logged in as email when given. */
async function person(email, viewport = { width: 1280, height: 800 }) {
  const ctx = await browser.newContext({ viewport });
  await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
  if (email) {
    const page = await ctx.newPage();
    await page.goto(`${base}/about`);
    const r = await page.evaluate(async ([e, p]) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', variables: { e, p } }) });
      return res.json();
    }, [email, PASSWORD]);
    assert.ok(r.data?.login?.id, `login of ${email}: ${JSON.stringify(r)}`);
    await page.close();
  }
  return ctx;
}

async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  await page.goto(`${base}${path}`);
  return { page, errors };
}

const criteria = (page) => page.locator('#criteria-list li').evaluateAll((els) => els.map((e) => e.dataset.criterion));

test('a visitor sees the form and the criteria of each kind, and is asked to sign in', async () => {
  const ctx = await person();
  const { page, errors } = await open(ctx, '/contribute?lang=de');
  await page.waitForSelector('#contribute-form');
  assert.ok(await page.locator('#sign-in').isVisible(), 'no sign-in notice');
  assert.deepEqual(await criteria(page), ['RUNNING_A_YEAR', 'CLEAR_DESCRIPTION', 'RESPONDS_TO_NEEDS', 'ENGAGES_STAKEHOLDERS', 'TRANSFERABLE']);
  assert.match(await page.locator('#criteria-list').innerText(), /mindestens einem Jahr/);
  assert.ok(await page.locator('#f-challenge').isVisible(), 'the practice template has no challenge field');
  await page.click('label[for="kind-EVENT"]');
  await page.waitForSelector('#f-start');
  assert.equal(await page.locator('#f-challenge').count(), 0, 'the event form keeps the practice fields');
  assert.deepEqual(await criteria(page), ['ON_TOPIC', 'SOURCE_LINKED', 'CURRENT', 'NOT_PROMOTIONAL']);
  await noRawMessages(page, 'contribute-visitor');
  assert.equal(await page.locator('#mine').innerText(), '', 'a visitor sees a list of contributions');
  const m = await open(ctx, '/moderation');
  await m.page.waitForSelector('#queue-message');
  assert.equal(await m.page.locator('.moderation-item').count(), 0);
  assert.deepEqual([...errors, ...m.errors], []);
  await ctx.close();
});

test('a member submits a practice, the coordinator of France publishes it', async () => {
  const member = await person(MEMBER);
  const { page, errors } = await open(member, '/contribute?lang=fr');
  await page.waitForSelector('#contribute-form');
  assert.equal(await page.locator('#sign-in').count(), 0, 'a member is asked to sign in');
  await page.fill('#f-title', TITLE);
  await page.fill('#f-summary', 'Des **jardins** cultivés ensemble, chaque samedi. <script>alert(1)</script>');
  await page.selectOption('#f-country', 'FR');
  await page.click('label[for="f-theme-social-cohesion"]');
  await page.fill('#f-challenge', 'Rompre l\'isolement des familles arrivées récemment.');
  await page.fill('#f-website', 'ftp://jardins.example');
  await page.fill('#f-lat', '45.76');
  await page.fill('#f-lon', '4.84');
  await page.click('#submit');
  await page.waitForSelector('#f-website[aria-invalid="true"]');
  assert.match(await page.locator('#f-website-error').innerText(), /Site web/);
  await noAxe(page, 'contribute-errors');
  await page.fill('#f-website', 'https://jardins.example/');
  await page.click('#submit');
  const note = page.locator('#contribute-status .ecl-notification');
  await note.waitFor({ timeout: 30000 });
  assert.ok(await note.evaluate((n) => n.classList.contains('ecl-notification--success')), `the submission failed: ${await note.innerText()}`);
  assert.match(await page.locator('#mine-list').innerText(), /En attente de relecture/);
  const id = await page.locator('#mine-list li').first().getAttribute('data-id');
  assert.ok(id?.startsWith('contribution:'), `no contribution in the list: ${id}`);
  // nothing public before the decision
  const before = await api('query($q: String!) { search(query: $q, kinds: [PRACTICE]) { totalCount } }', { q: TITLE });
  assert.equal(before.data.search.totalCount, 0, 'the practice is public before its publication');

  const coord = await person(COORD, { width: 390, height: 844 });
  const q = await open(coord, '/moderation?country=FR&lang=fr');
  const item = q.page.locator(`.moderation-item[data-id="${id}"]`);
  await item.waitFor({ timeout: 15000 }).catch(async (e) => {
    throw new Error(`${e.message}\nthe page shows: ${await q.page.locator('#moderation-root').innerText()}\nerrors: ${q.errors.join('; ')}`);
  });
  assert.match(await item.innerText(), /jardins/);
  assert.equal(await item.locator('script').count(), 0, 'a script element from the summary reached the page');
  assert.equal(await item.locator('strong').count(), 1, 'the Markdown of the summary is not rendered');
  await noAxe(q.page, 'moderation-item');
  await item.locator('.decide-publish').click();
  await item.locator('[aria-invalid="true"]').first().waitFor();
  for (const box of await item.locator('input[name="criteria"]').all()) await item.locator(`label[for="${await box.getAttribute('id')}"]`).click();
  await item.locator('.decide-publish').click();
  await q.page.waitForSelector('#queue-done .ecl-notification--success');
  assert.equal(await q.page.locator(`.moderation-item[data-id="${id}"]`).count(), 0, 'the published item stays in the queue');

  // the coordinator of France has no queue of Poland
  const other = await open(coord, '/moderation?country=PL&lang=fr');
  await other.page.waitForSelector('#queue-message');
  assert.match(await other.page.locator('#queue-message').innerText(), /coordinateurs choisissent/);
  assert.equal(await other.page.locator('.moderation-item').count(), 0);

  await page.reload();
  await page.waitForSelector('#mine-list');
  assert.match(await page.locator(`#mine-list li[data-id="${id}"]`).innerText(), /Publié/);
  // the full-text index follows writes within a moment
  let found;
  for (let i = 0; i < 40 && !found; i++) {
    const r = await api('query($q: String!) { search(query: $q, kinds: [PRACTICE]) { edges { node { id ... on Practice { title country { iso2 } } } } } }', { q: TITLE });
    found = r.data.search.edges.find((e) => e.node.title === TITLE)?.node;
    if (!found) await new Promise((ok) => setTimeout(ok, 250));
  }
  assert.equal(found?.country?.iso2, 'FR', 'the published practice is not found in France');
  // its public page shows the Markdown rendered, the script neither run nor shown as an element
  const pub = await open(member, `/node?id=${encodeURIComponent(found.id)}&lang=en`);
  const lead = pub.page.locator('[data-field=summary]');
  await lead.waitFor();
  assert.equal(await lead.locator('strong').innerText(), 'jardins', 'the summary\'s Markdown is not rendered on the public page');
  assert.equal(await lead.getAttribute('lang'), 'fr');
  assert.equal(await pub.page.locator('.node-main script').count(), 0, 'a script element from the summary reached the public page');
  assert.doesNotMatch(await lead.innerText(), /\*\*/, 'Markdown marks shown as text');
  assert.deepEqual([...errors, ...q.errors, ...other.errors, ...pub.errors], []);
  await member.close();
  await coord.close();
});
