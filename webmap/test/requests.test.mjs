// Browser tests of the partner-request board: playwright-core drives Debian's
// Chromium headless against the real server that webmap/browser_test.go started
// (EWSI_URL). The poster and the replier use separate browser contexts (their
// own localStorage, so their own keys); the replier's is phone-sized.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const base = process.env.EWSI_URL;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const POSTER_EMAIL = 'pia.poster@forum-board.example';
const REPLIER_EMAIL = 'ryszard.replier@krakow-board.example';
let browser;
let poster;
let replier;

before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  assert.ok(process.env.CHROMIUM, 'CHROMIUM is not set: it names the chromium binary');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true, args: ARGS });
  poster = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  replier = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  for (const c of [poster, replier]) await c.route((url) => !url.href.startsWith(base), (route) => route.abort());
});

after(async () => {
  await browser?.close();
});

async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  return { page, errors };
}

test('post a request, reply, shortlist, both agree to share contacts, close', async () => {
  const { page: p, errors } = await open(poster, '/requests.html?post=1&lang=en');
  await p.waitForSelector('#p-theme option[value="theme:education-culture"]', { state: 'attached' });
  await p.fill('#p-org', 'organisation:forum-refugies');
  await p.fill('#p-title', 'Homework clubs run with parents');
  await p.fill('#p-description', 'We look for partners to start homework clubs that parents run together with teachers.');
  await p.selectOption('#p-theme', 'theme:education-culture');
  await p.selectOption('#p-countries', ['PL', 'AT']);
  await p.check('input[name=types][value=CIVIL_SOCIETY]');
  await p.fill('#p-languages', 'fr, en');
  await p.fill('#p-cname', 'Pia Poster');
  await p.fill('#p-cemail', POSTER_EMAIL);
  await p.click('#post-form button[type=submit]');
  await p.waitForSelector('#the-key');
  const key = (await p.textContent('#the-key')).trim();
  assert.match(key, /^[A-Za-z0-9_-]{43}$/, 'the manage key is 32 bytes in base64url');
  assert.match(await p.textContent('.key'), /shown only once/);
  const kept = await p.evaluate(() => localStorage.getItem('ewsi.requests.manage'));
  assert.ok(kept.includes(key), 'the browser keeps the manage key');
  await p.click('#open-request');
  await p.waitForSelector('#manage-title');
  const url = p.url();
  assert.match(url, /id=request/);

  const { page: r, errors: rerrors } = await open(replier, new URL(url).pathname + new URL(url).search);
  await r.waitForSelector('#reply-form');
  assert.equal(await r.$('#manage-title'), null, 'the replier does not see the poster view');
  await r.fill('#r-org', 'organisation:caritas-krakow');
  await r.fill('#r-fit', 'We run homework clubs with parents in Kraków.');
  await r.fill('#r-offer', 'Volunteers, a Polish school network and rooms.');
  await r.selectOption('#r-lang', 'PL');
  await r.fill('#r-cname', 'Ryszard Replier');
  await r.fill('#r-cemail', REPLIER_EMAIL);
  await r.click('#reply-form button[type=submit]');
  await r.waitForSelector('#the-key');
  await r.click('#follow-reply');
  await r.waitForSelector('section.replier .badge.s-RECEIVED');

  await p.reload();
  await p.waitForSelector('.reply .shortlist');
  assert.ok(!(await p.content()).includes(REPLIER_EMAIL), 'the replier email shows before both agreed');
  const axe = await new AxeBuilder({ page: p }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], 'the poster view has serious axe violations');
  await p.click('.reply .shortlist');
  await p.waitForSelector('.reply .share');
  await p.click('.reply .share');
  await p.waitForSelector('.reply .badge.s-SHORTLISTED');
  await p.waitForFunction(() => !document.querySelector('.reply .share'));
  assert.equal(await p.$('.reply .contact'), null, 'no contact before the replier agreed');
  assert.ok(!(await p.content()).includes(REPLIER_EMAIL));

  await r.reload();
  await r.waitForSelector('#replier-share');
  assert.ok(!(await r.content()).includes(POSTER_EMAIL), 'the poster email shows before both agreed');
  await r.click('#replier-share');
  await r.waitForSelector('section.replier .contact');
  assert.ok((await r.textContent('section.replier .contact')).includes(POSTER_EMAIL), 'the replier sees the poster email');

  await p.reload();
  await p.waitForSelector('.reply .contact');
  assert.ok((await p.textContent('.reply .contact')).includes(REPLIER_EMAIL), 'the poster sees the replier email');

  await p.fill('#outcome', 'We start with Caritas Kraków.');
  await p.click('#close-form button[type=submit]');
  await p.waitForSelector('#req-title .badge.s-CLOSED');
  assert.equal(await p.$('#close-form'), null);
  await r.reload();
  await r.waitForSelector('#req-title .badge.s-CLOSED');
  assert.equal(await r.$('#reply-form'), null, 'a closed request takes no reply');
  assert.deepEqual([...errors, ...rerrors], []);
});

test('the board lists and filters requests in three languages, without serious axe violations', async () => {
  const { page, errors } = await open(poster, '/requests.html?lang=en&status=CLOSED');
  await page.waitForSelector('#board-count[data-total]');
  assert.ok(Number(await page.getAttribute('#board-count', 'data-total')) >= 1, 'the closed request is on the board of closed ones');
  await page.selectOption('#f-country', 'IT');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'IT');
  await page.waitForFunction(() => document.querySelector('#board-count')?.dataset.total === '0');
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Recherches de partenaires');
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Partnersuche');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  const { page: map } = await open(poster, '/?lang=en');
  await map.waitForSelector('nav a[href^="/requests.html"]', { state: 'attached', timeout: 10000 });
  assert.deepEqual(errors, []);
});
