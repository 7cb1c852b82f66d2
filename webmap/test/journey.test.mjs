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
  await p.waitForSelector('#o-country option[value=FR]');
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
  await p.goto(`${base}/contribute?kind=practice&lang=fr`);
  await p.waitForSelector('main form');
  throw new Error('the contribution form (contrib-v1) is not wired into this test yet');
});

step('5. the coordinator of France approves it from the queue', async () => {
  assert.ok(COORD.email, 'EWSI_COORDINATOR_EMAIL is not set by the Go test');
  throw new Error('the moderation queue page (contrib-v1) is not wired into this test yet');
});

step('6. the practice is on the map, credited to them', async () => {
  throw new Error('waits on step 5');
});

step('7. they received both mails: received and decided', async () => {
  await waitMail(EMAIL, /reçu|received/i);
  await waitMail(EMAIL, /est publiée/i);
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
  assert.ok(text.includes(ORG), 'and their organisation');
  assert.ok(text.includes(PRACTICE), 'and their contribution');
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
  await p.waitForSelector('#node-root:not([aria-busy])');
  const text = await p.textContent('main');
  assert.match(text, /ancien membre/i);
  assert.doesNotMatch(text, new RegExp(NAME));
  await noAxe(p, 'journey-practice-former-member');
  assert.deepEqual(state.errors, []);
});
