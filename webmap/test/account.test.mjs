// Browser tests of the account pages against the real server, its Neo4j and a
// real SMTP server: with the keyboard only, a person registers (the form shows
// its errors first, in a summary that links to each field), confirms the
// address from the mailed link, fails to log in with a wrong password (the
// same words as for an unknown address), logs in, changes their profile and
// opts into the directory, creates an API token that is shown once and works
// as a bearer token, revokes it, logs out everywhere; the password reset goes
// through the mailed link. The directory lists those who share their details
// and never shows an email address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { base, api } from './browser.mjs';
import { tabTo, noAxe, noRawMessages } from './keyboard.mjs';
import { waitMail, mails, linkIn } from './mail.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const RUN = Date.now().toString(36);
const EMAIL = `ada.keyboard.${RUN}@account-tests.example`;
const NAME = 'Ada Keyboard';
const PASSWORD = 'a long enough passphrase 1';
const NEW_PASSWORD = 'another long passphrase 2';
let browser;
let ctx;

before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true, args: ARGS });
  ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
});

after(async () => {
  await browser?.close();
});

async function open(path) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  return { page, errors };
}

async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** local turns a link of a mail into the same path on the server under test. */
const local = (u) => `${u.pathname}${u.search}`;

test('keyboard only: register, confirm by mail, log in, profile, API token shown once, log out everywhere', async () => {
  const { page: p, errors } = await open('/register?lang=en');
  await p.waitForSelector('#register-form');
  // empty form: every required field in error, the summary focused and linking to them
  await tabTo(p, '#r-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#register-form-errors');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'register-form-errors');
  const listed = await p.locator('#register-form-errors a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(listed, ['#r-name', '#r-email', '#r-password']);
  assert.equal(await p.getAttribute('#r-email', 'aria-invalid'), 'true');
  await noAxe(p, 'account-register-errors');
  // the summary's link takes the focus to its field
  await tabTo(p, '#register-form-errors a[href="#r-email"]');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'r-email');

  await typeInto(p, '#r-name', NAME);
  await typeInto(p, '#r-email', EMAIL);
  await typeInto(p, '#r-password', PASSWORD);
  assert.equal(await p.isChecked('#r-lang-en'), true, 'the page language is ticked at first');
  await tabTo(p, '#r-lang-pl');
  await p.keyboard.press('Space');
  assert.equal(await p.isChecked('#r-share'), false, 'sharing is off by default');
  await tabTo(p, '#r-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#register-alert .ecl-notification--success');
  assert.equal(await p.isHidden('#register-form'), true);

  // the same notice for an address already registered: nothing tells it apart
  const again = await open('/register?lang=en');
  await again.page.fill('#r-name', 'Someone Else');
  await again.page.fill('#r-email', EMAIL);
  await again.page.fill('#r-password', 'yet another passphrase');
  await again.page.click('#r-submit');
  await again.page.waitForSelector('#register-alert .ecl-notification--success');
  assert.equal(await again.page.textContent('#register-alert'), await p.textContent('#register-alert'));
  await again.page.close();

  // confirm from the mailed link
  const mail = await waitMail(EMAIL, /confirm/i);
  assert.equal(mail.lang, 'en');
  const confirmURL = linkIn(mail, '/account/confirm');
  await p.goto(base + local(confirmURL));
  await tabTo(p, '#c-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#confirm-alert .ecl-notification--success');
  // the same link a second time is refused
  const twice = await open(local(confirmURL));
  await twice.page.click('#c-submit');
  await twice.page.waitForSelector('#confirm-alert .ecl-notification--error');
  await twice.page.close();

  // a wrong password: the same words as an unknown address
  await p.goto(`${base}/login?lang=en`);
  assert.equal(await p.isVisible('#header-login'), true, 'the header offers to log in');
  await typeInto(p, '#l-email', EMAIL);
  await typeInto(p, '#l-password', 'not the password at all');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#login-form-errors');
  const wrong = await p.textContent('#login-form-errors');
  await p.fill('#l-email', `nobody.${RUN}@account-tests.example`);
  await p.click('#l-submit');
  await p.waitForFunction((w) => document.querySelector('#login-form-errors')?.textContent === w && !document.querySelector('#l-submit').disabled, wrong);

  await p.fill('#l-email', '');
  await p.fill('#l-password', '');
  await typeInto(p, '#l-email', EMAIL);
  await typeInto(p, '#l-password', PASSWORD);
  await Promise.all([p.waitForURL(/\/account/), p.keyboard.press('Enter')]);
  await p.waitForSelector('#account-main:not([hidden])');
  assert.equal(await p.isVisible('#header-account'), true, 'the header links to the account once logged in');
  assert.match(await p.textContent('#account-hello'), new RegExp(NAME));
  assert.match(await p.textContent('#email-current'), new RegExp(EMAIL.replace(/\./g, '\\.')));
  assert.equal(await p.isChecked('#p-lang-pl'), true);
  assert.equal(await p.isChecked('#p-share'), false);
  await noAxe(p, 'account-signed-in');
  await noRawMessages(p, 'account');

  // profile: opt into the directory
  await tabTo(p, '#p-share');
  await p.keyboard.press('Space');
  await tabTo(p, '#p-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#profile-alert .ecl-notification--success');

  // an API token: shown once, works as a bearer token, then revoked
  await typeInto(p, '#k-name', 'newsletter script');
  await tabTo(p, '#k-scope');
  await p.keyboard.type('read');
  await tabTo(p, '#k-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#token-secret');
  const secret = (await p.textContent('#token-secret')).trim();
  assert.ok(secret.length >= 20, 'the token is shown');
  const withToken = await api('{ me { email } }', {}, secret);
  assert.equal(withToken.data?.me?.email, EMAIL, `the token works: ${JSON.stringify(withToken.errors)}`);
  await p.reload();
  await p.waitForSelector('#tokens-table');
  assert.doesNotMatch(await p.textContent('main'), new RegExp(secret), 'the secret is not shown again');
  await tabTo(p, '#tokens-table [data-revoke]');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#tokens-none');
  const revoked = await api('{ me { email } }', {}, secret);
  assert.ok(revoked.errors?.length || revoked.data?.me == null, 'a revoked token no longer works');

  // the directory lists the person, never an email address
  const dir = await open('/people?lang=en&language=pl');
  await dir.page.waitForFunction(() => !/…|\.\.\./.test(document.getElementById('people-count').textContent));
  assert.deepEqual(dir.errors, []);
  assert.equal(await dir.page.locator('#people-list [data-person]').count(), 1, await dir.page.textContent('#people-count'));
  assert.match(await dir.page.textContent('#people-list'), new RegExp(NAME));
  assert.doesNotMatch(await dir.page.content(), /@account-tests\.example/);
  await noAxe(dir.page, 'people-with-person');
  await dir.page.click(`#people-list a:text("${NAME}")`);
  await dir.page.waitForSelector('#person:not([aria-busy]) dl');
  assert.equal((await dir.page.textContent('h1')).trim(), NAME);
  assert.doesNotMatch(await dir.page.content(), /@account-tests\.example/);
  await dir.page.close();

  // log out everywhere: this session ends too
  await tabTo(p, '#logout-all');
  await Promise.all([p.waitForURL(/\/login/), p.keyboard.press('Enter')]);
  await p.waitForSelector('#login-alert .ecl-notification--success');
  assert.equal(await p.isVisible('#header-login'), true);
  await p.goto(`${base}/account?lang=en`);
  await p.waitForSelector('#account-signin:not([hidden])');
  assert.deepEqual(errors, []);
});

test('password reset through the mailed link, in German', async () => {
  const { page: p, errors } = await open('/account/reset?lang=de');
  await typeInto(p, '#a-email', EMAIL);
  await p.keyboard.press('Enter');
  await p.waitForSelector('#reset-alert .ecl-notification--success');
  // an unknown address gets the same words, and no mail
  const other = await open('/account/reset?lang=de');
  await other.page.fill('#a-email', `nobody.${RUN}@account-tests.example`);
  await other.page.click('#a-submit');
  await other.page.waitForSelector('#reset-alert .ecl-notification--success');
  assert.equal(await other.page.textContent('#reset-alert'), await p.textContent('#reset-alert'));
  await other.page.close();
  const mail = await waitMail(EMAIL, /passwor/i);
  assert.equal(mail.lang, 'en', 'the mail is in the language of the account, whatever the page\'s');
  await p.goto(base + local(linkIn(mail, '/account/reset')));
  await typeInto(p, '#s-password', NEW_PASSWORD);
  await p.keyboard.press('Enter');
  await p.waitForSelector('#reset-alert .ecl-notification--success');
  const login = await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: EMAIL, p: NEW_PASSWORD });
  assert.equal(login.errors, undefined, `the new password works: ${JSON.stringify(login.errors)}`);
  const old = await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: EMAIL, p: PASSWORD });
  assert.ok(old.errors?.length, 'the old password no longer works');
  assert.equal((await mails(`nobody.${RUN}@account-tests.example`)).length, 0);
  assert.deepEqual(errors, []);
});
