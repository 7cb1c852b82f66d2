// The journey of issue 13, in a browser against the real server, its Neo4j and
// a real SMTP server: a new user registers in French, confirms the address
// from the mail, logs in, registers their organisation, submits a practice;
// the coordinator of its country (made by TestMain, see webmap/mail_test.go)
// approves it from the queue; the practice is on the map, credited to them;
// they received both mails (received, decided); they download their data and
// delete their account; the practice stays, credited to a former member.
// Each step is its own test, so a failure names the step; a step whose
// previous one failed fails too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { base, api } from './browser.mjs';
import { tabTo, noAxe } from './keyboard.mjs';
import { waitMail, linkIn } from './mail.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const RUN = Date.now().toString(36);
const EMAIL = `camille.parcours.${RUN}@journey-tests.example`;
const NAME = `Camille Parcours ${RUN}`;
const PASSWORD = 'une phrase de passe assez longue';
const ORG = `Association Accueil Lyon ${RUN}`;
const PRACTICE = `Ateliers de conversation à Lyon ${RUN}`;
const COORD = { email: process.env.EWSI_COORDINATOR_EMAIL, password: process.env.EWSI_COORDINATOR_PASSWORD };
let browser;
let user;
let coord;
const state = {};

before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true, args: ARGS });
  user = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  coord = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const c of [user, coord]) await c.route((url) => !url.href.startsWith(base), (route) => route.abort());
  state.page = await user.newPage();
  state.errors = [];
  state.page.on('pageerror', (e) => state.errors.push(e.message));
});

after(async () => {
  await browser?.close();
});

const local = (u) => `${u.pathname}${u.search}`;

async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** step runs one step of the journey once every step before it passed. */
function step(name, fn) {
  test(name, async () => {
    assert.ok(!state.failed, `an earlier step failed (${state.failed}): this one cannot run`);
    try {
      await fn(state.page);
    } catch (e) {
      state.failed = name;
      throw e;
    }
  });
}

step('1. registers in French', async (p) => {
  await p.goto(`${base}/register?lang=fr`);
  assert.equal(await p.getAttribute('html', 'lang'), 'fr');
  assert.equal((await p.textContent('h1')).trim(), 'Créer un compte');
  await typeInto(p, '#r-name', NAME);
  await typeInto(p, '#r-email', EMAIL);
  await typeInto(p, '#r-password', PASSWORD);
  assert.equal(await p.isChecked('#r-lang-fr'), true);
  await tabTo(p, '#r-share'); // credited by name on what they publish
  await p.keyboard.press('Space');
  await tabTo(p, '#r-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#register-alert .ecl-notification--success');
});

step('2. confirms the address from the mail, in French', async (p) => {
  const mail = await waitMail(EMAIL, /confirm/i);
  assert.equal(mail.lang, 'fr', 'the confirmation mail is in French');
  await p.goto(base + local(linkIn(mail, '/account/confirm')));
  await tabTo(p, '#c-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#confirm-alert .ecl-notification--success');
  await tabTo(p, '#confirm-next');
  await Promise.all([p.waitForURL(/\/login/), p.keyboard.press('Enter')]);
  await typeInto(p, '#l-email', EMAIL);
  await typeInto(p, '#l-password', PASSWORD);
  await Promise.all([p.waitForURL(/\/account/), p.keyboard.press('Enter')]);
  await p.waitForSelector('#account-main:not([hidden])');
});

step('3. registers their organisation in France', async (p) => {
  await p.waitForSelector('#o-country option[value=FR]', { state: 'attached' });
  await typeInto(p, '#o-name', ORG);
  await tabTo(p, '#o-type');
  await p.selectOption('#o-type', 'CIVIL_SOCIETY');
  await tabTo(p, '#o-country');
  await p.selectOption('#o-country', 'FR');
  await typeInto(p, '#o-city', 'Lyon');
  await typeInto(p, '#o-website', 'https://accueil-lyon.example.org');
  await tabTo(p, '#o-themes input');
  await p.keyboard.press('Space');
  await tabTo(p, '#o-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#neworg-alert .ecl-notification--success');
  state.org = decodeURIComponent((await p.getAttribute('#neworg-link', 'href')).split('id=')[1]);
  assert.match(state.org, /^organisation:/);
  assert.match(await p.textContent('#org-memberships'), new RegExp(ORG));
});

step('4. submits a practice with the contribution form', async (p) => {
  await p.goto(`${base}/contribute?lang=fr`);
  await p.waitForSelector('#contribute-form #f-title');
  assert.equal(await p.locator('#sign-in').count(), 0, 'the contribution form asks a logged-in person to sign in');
  assert.equal(await p.isChecked('#kind-PRACTICE'), true, 'a practice is the kind the form starts with');
  await typeInto(p, '#f-title', PRACTICE);
  await typeInto(p, '#f-summary', 'Des ateliers de conversation en français, animés chaque semaine par des bénévoles et des habitants.');
  await tabTo(p, '#f-country');
  await p.selectOption('#f-country', 'FR');
  await tabTo(p, '#f-theme-education-culture');
  await p.keyboard.press('Space');
  await typeInto(p, '#f-organisation', state.org);
  await typeInto(p, '#f-challenge', 'Les personnes arrivées récemment ont peu d’occasions de parler français en dehors des cours.');
  await typeInto(p, '#f-lat', '45.764');
  await typeInto(p, '#f-lon', '4.8357');
  await tabTo(p, '#submit');
  await p.keyboard.press('Enter');
  const note = p.locator('#contribute-status .ecl-notification');
  await note.waitFor({ timeout: 30000 });
  assert.ok(await note.evaluate((n) => n.classList.contains('ecl-notification--success')), `the submission failed: ${await note.innerText()}`);
  state.contribution = await p.locator('#mine-list li').first().getAttribute('data-id');
  assert.match(state.contribution || '', /^contribution:/);
});

step('5. the coordinator of France approves it from the queue', async () => {
  assert.ok(COORD.email, 'EWSI_COORDINATOR_EMAIL is not set by the Go test');
  const page = await coord.newPage();
  await page.goto(`${base}/login?lang=fr`);
  await typeInto(page, '#l-email', COORD.email);
  await typeInto(page, '#l-password', COORD.password);
  await Promise.all([page.waitForURL(/\/account/), page.keyboard.press('Enter')]);
  await page.goto(`${base}/moderation?country=FR&lang=fr`);
  const item = page.locator(`.moderation-item[data-id="${state.contribution}"]`);
  await item.waitFor({ timeout: 15000 }).catch(async (e) => {
    throw new Error(`${e.message}\nthe queue shows: ${await page.locator('main').innerText()}`);
  });
  assert.match(await item.innerText(), new RegExp(PRACTICE));
  for (const box of await item.locator('input[name="criteria"]').all()) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await item.locator('.decide-publish').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#queue-done .ecl-notification--success');
  await page.close();
});

step('6. the practice is on the map, credited to them', async (p) => {
  let found;
  for (let i = 0; i < 60 && !found; i++) {
    const r = await api('query($q: String!) { search(query: $q, kinds: [PRACTICE]) { edges { node { id ... on Practice { title location { lat lon } } } } } }', { q: PRACTICE });
    found = r.data?.search.edges.find((e) => e.node.title === PRACTICE)?.node;
    if (!found) await new Promise((ok) => setTimeout(ok, 500));
  }
  assert.ok(found, 'the published practice is not found');
  state.practice = found.id;
  // a marker of its own on the map at its place (the map's cache catches up with writes in the background)
  let marker;
  for (let i = 0; i < 60 && !marker; i++) {
    const r = await api('{ mapLayer(bbox: {west: 4.80, south: 45.74, east: 4.87, north: 45.79}, zoom: 18) { markers { id kind } } }');
    marker = r.data?.mapLayer.markers.find((m) => m.id === found.id);
    if (!marker) await new Promise((ok) => setTimeout(ok, 500));
  }
  assert.ok(marker, 'the practice has no marker on the map');
  await p.goto(`${base}/?lat=45.764&lng=4.8357&z=17&sel=${encodeURIComponent(found.id)}&lang=fr`);
  await p.waitForSelector('#panel:not([hidden])', { timeout: 15000 });
  await p.waitForFunction((title) => document.getElementById('panel').textContent.includes(title), PRACTICE, { timeout: 15000 });
  await p.goto(`${base}/node?id=${encodeURIComponent(found.id)}&lang=fr`);
  await p.waitForSelector('[data-hook="credit"] a');
  assert.equal((await p.textContent('[data-hook="credit"] a')).trim(), NAME);
  assert.match(await p.textContent('[data-hook="credit"]'), /^Contribution de /);
});

step('7. they received both mails: received and decided', async () => {
  const received = await waitMail(EMAIL, /avons reçu/i);
  assert.match(received.subject, new RegExp(PRACTICE));
  assert.equal(received.lang, 'fr');
  const decided = await waitMail(EMAIL, /est publiée/i);
  assert.match(decided.subject, new RegExp(PRACTICE));
});

step('8. downloads their data', async (p) => {
  await p.goto(`${base}/account?lang=fr`);
  await p.waitForSelector('#account-main:not([hidden])');
  await tabTo(p, '#data-download');
  const [download] = await Promise.all([p.waitForEvent('download'), p.keyboard.press('Enter')]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  const data = JSON.parse(text);
  assert.ok(text.includes(EMAIL), 'their data holds their email address');
  assert.equal(data.account?.email, EMAIL, 'their data holds their account');
  assert.ok(data.relationships?.some((r) => r.type === 'MEMBER_OF' && r.node === state.org), 'and their membership of their organisation');
  assert.ok(data.relationships?.some((r) => r.node === state.practice), 'and the practice credited to them');
  state.data = data;
});

step('9. deletes their account; the practice stays, credited to a former member', async (p) => {
  await typeInto(p, '#d-password', PASSWORD);
  await tabTo(p, '#d-sure');
  await p.keyboard.press('Space');
  await tabTo(p, '#d-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#account-deleted .ecl-notification--success');
  const login = await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: EMAIL, p: PASSWORD });
  assert.ok(login.errors?.length, 'the account can no longer log in');
  await p.goto(`${base}/node?id=${encodeURIComponent(state.practice)}&lang=fr`);
  await p.waitForFunction(() => document.querySelector('[data-hook="credit"]')?.textContent.length > 0);
  assert.equal((await p.textContent('[data-hook="credit"]')).trim(), 'Contribution d’un ancien membre');
  assert.equal(await p.locator('[data-hook="credit"] a').count(), 0, 'the credit still links to a profile');
  assert.doesNotMatch(await p.textContent('main'), new RegExp(NAME));
  await noAxe(p, 'journey-practice-former-member');
  assert.deepEqual(state.errors, []);
});
