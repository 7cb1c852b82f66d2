// Browser tests of the partner-request board (/requests) against the real
// server: the poster and the replier go through the whole flow with the
// keyboard only (post, reply, shortlist, both agree to share contacts, close),
// in separate browser contexts (their own localStorage, so their own keys; the
// replier's is phone-sized); each request page is titled by the request; the
// forms show their errors per field; axe finds no violation of any impact on the
// board, a request and the post form with errors, in three languages at two sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { base, api, shot } from './browser.mjs';
import { tabTo, noAxe, noRawMessages } from './keyboard.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const POSTER_EMAIL = 'pia.poster@forum-board.example';
const REPLIER_EMAIL = 'ryszard.replier@krakow-board.example';
const TITLE = 'Homework clubs run with parents';
let browser;
let poster;
let replier;

before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true, args: ARGS });
  poster = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  replier = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const c of [poster, replier]) await c.route((url) => !url.href.startsWith(base), (route) => route.abort());
});

after(async () => {
  await browser?.close();
});

async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}${path}`);
  return { page, errors };
}

/** pick types into a type-ahead and chooses the option id with the arrow keys and Enter. */
async function pick(page, input, text, id) {
  await tabTo(page, input);
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForSelector(`${input}-list [data-id="${id}"]`, { timeout: 10000 });
  const i = await page.locator(`${input}-list [role=option]`).evaluateAll((els, x) => els.findIndex((e) => e.dataset.id === x), id);
  for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** typeInto tabs to a field and types. */
async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

test('keyboard only: post a request, reply, shortlist, both agree to share contacts, close', async () => {
  const { page: p, errors } = await open(poster, '/requests?lang=en');
  await p.waitForSelector('#board-count');
  await tabTo(p, '#post-link');
  await Promise.all([p.waitForURL(/post=1/), p.keyboard.press('Enter')]);
  await p.waitForSelector('#post-form');
  assert.equal((await p.textContent('h1')).trim(), 'Post a partner request');
  await pick(p, '#p-org', 'Forum Réf', 'organisation:forum-refugies');
  await typeInto(p, '#p-title', TITLE);
  await typeInto(p, '#p-description', 'We look for partners to start homework clubs that parents run together with teachers.');
  await tabTo(p, '#p-theme');
  await p.keyboard.type('Educ');
  assert.equal(await p.inputValue('#p-theme'), 'theme:education-culture');
  await tabTo(p, '#p-countries-summary');
  await p.keyboard.press('Enter');
  await p.keyboard.press('Tab');
  await p.keyboard.type('Pola');
  await p.keyboard.press('Enter');
  assert.equal(await p.isChecked('input[name=countries][value=PL]'), true);
  await tabTo(p, '#p-types-summary');
  await p.keyboard.press('Enter');
  await tabTo(p, 'input[name=types][value=CIVIL_SOCIETY]');
  await p.keyboard.press('Space');
  await typeInto(p, '#p-cname', 'Pia Poster');
  await typeInto(p, '#p-cemail', POSTER_EMAIL);
  await tabTo(p, '#p-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#the-key');
  const key = (await p.textContent('#the-key')).trim();
  assert.match(key, /^[A-Za-z0-9_-]{43}$/, 'the manage key is 32 bytes in base64url');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'key-title');
  assert.ok((await p.evaluate(() => localStorage.getItem('ewsi.requests.manage'))).includes(key), 'the browser keeps the manage key');
  await tabTo(p, '#open-request');
  await Promise.all([p.waitForURL(/id=request/), p.keyboard.press('Enter')]);
  await p.waitForSelector('#manage-title');
  // the request's page is titled by the request, once
  assert.equal((await p.textContent('h1')).trim(), TITLE);
  assert.equal(await p.locator('h1').count(), 1);
  assert.ok((await p.title()).includes(TITLE), `the tab is titled ${await p.title()}`);
  const url = new URL(p.url());

  const { page: r, errors: rerrors } = await open(replier, url.pathname + url.search);
  await r.waitForSelector('#reply-form');
  assert.equal(await r.$('#manage-title'), null, 'the replier does not see the poster view');
  await pick(r, '#r-org', 'Caritas Kra', 'organisation:caritas-krakow');
  await typeInto(r, '#r-fit', 'We run homework clubs with parents in Kraków.');
  await typeInto(r, '#r-offer', 'Volunteers, a Polish school network and rooms.');
  await typeInto(r, '#r-cname', 'Ryszard Replier');
  await typeInto(r, '#r-cemail', REPLIER_EMAIL);
  await tabTo(r, '#r-submit');
  await r.keyboard.press('Enter');
  await r.waitForSelector('#the-key');
  await tabTo(r, '#follow-reply');
  await r.keyboard.press('Enter');
  await r.waitForSelector('section.replier .s-RECEIVED');

  await p.reload();
  await p.waitForSelector('.reply .shortlist');
  assert.ok(!(await p.content()).includes(REPLIER_EMAIL), 'no replier email before both agreed');
  await tabTo(p, '.reply .shortlist');
  await p.keyboard.press('Enter');
  await p.waitForSelector('.reply .share');
  await tabTo(p, '.reply .share');
  await p.keyboard.press('Enter');
  await p.waitForSelector('.reply .s-SHORTLISTED');
  await p.waitForFunction(() => !document.querySelector('.reply .share'));
  assert.equal(await p.$('.reply .contact'), null, 'no contact before the replier agreed');

  await r.reload();
  await r.waitForSelector('#replier-share');
  assert.ok(!(await r.content()).includes(POSTER_EMAIL), 'no poster email before both agreed');
  await tabTo(r, '#replier-share');
  await r.keyboard.press('Enter');
  await r.waitForSelector('section.replier .contact');
  assert.ok((await r.textContent('section.replier .contact')).includes(POSTER_EMAIL), 'the replier sees the poster email');

  await p.reload();
  await p.waitForSelector('.reply .contact');
  assert.ok((await p.textContent('.reply .contact')).includes(REPLIER_EMAIL), 'the poster sees the replier email');
  await noRawMessages(p, 'the poster view');
  // closing needs an outcome: the error shows at the field
  await tabTo(p, '#close-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#outcome[aria-invalid=true]');
  assert.match(await p.getAttribute('#outcome', 'aria-describedby'), /outcome-error/);
  await typeInto(p, '#outcome', 'We start with Caritas Kraków.');
  await tabTo(p, '#close-submit');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#request[data-status=CLOSED]');
  assert.equal(await p.$('#close-form'), null);
  await r.reload();
  await r.waitForSelector('#request[data-status=CLOSED]');
  // the note follows the replier's own replies, read after the status is shown
  await r.waitForSelector('#closed-note');
  assert.equal(await r.$('#reply-form'), null, 'a closed request takes no reply');
  assert.deepEqual([...errors, ...rerrors], []);
});

test('the post form shows each error at its field and names them all above', async () => {
  const { page, errors } = await open(poster, '/requests?post=1&lang=en');
  await page.waitForSelector('#post-form');
  await page.fill('#p-description', 'too short');
  await page.fill('#p-cemail', 'not an email');
  await page.click('#p-submit');
  await page.waitForSelector('#post-form-errors');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'post-form-errors');
  const summary = await page.textContent('#post-form-errors');
  for (const [id, label] of [['p-org', 'Your organisation'], ['p-title', 'Project idea (title)'], ['p-description', 'Description'],
    ['p-theme', 'Theme'], ['p-cname', 'Contact name'], ['p-cemail', 'Contact email']]) {
    assert.ok(summary.includes(label), `the summary names ${label}: ${summary}`);
    assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', id);
    assert.match(await page.getAttribute(`#${id}`, 'aria-describedby'), new RegExp(`${id}-error`), id);
    assert.ok((await page.textContent(`#${id}-error`)).trim().length > 0, `${id} has its message`);
  }
  assert.match(await page.textContent('#p-description-error'), /at least 20/);
  assert.equal(await page.getAttribute('#p-closes', 'aria-invalid'), null, 'a good field is not marked');
  // the summary's link takes the focus to the field
  await page.click('#post-form-errors a[href="#p-title"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-title');
  // what the API refuses shows at its field too: a closing date in the past
  await page.fill('#p-title', 'A title');
  await page.fill('#p-description', 'A description that is long enough to pass.');
  await page.fill('#p-org', 'organisation:forum-refugies');
  await page.selectOption('#p-theme', 'theme:education-culture');
  await page.fill('#p-cname', 'Pia');
  await page.fill('#p-cemail', POSTER_EMAIL);
  await page.evaluate(() => { const c = document.getElementById('p-closes'); c.removeAttribute('min'); c.value = '2020-01-01'; });
  await page.click('#p-submit');
  await page.waitForSelector('#p-closes[aria-invalid=true]');
  assert.equal(await page.getAttribute('#p-title', 'aria-invalid'), null);
  assert.match(await page.textContent('#post-form-errors'), /Closing date/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the board: its title once, filters and pages as plain links, each request titled by itself', async () => {
  const { page, errors } = await open(poster, '/requests?lang=en&status=CLOSED');
  await page.waitForSelector('#board-count[data-total]');
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal((await page.textContent('h1')).trim(), 'Partner requests');
  assert.equal(await page.locator('h1, h2').filter({ hasText: /^Partner requests$/ }).count(), 1, 'the title is not repeated');
  assert.ok(Number(await page.getAttribute('#board-count', 'data-total')) >= 1, 'the closed request is on the board of closed ones');
  await page.selectOption('#f-country', 'IT');
  await Promise.all([page.waitForURL(/country=IT/), page.click('#f-apply')]);
  await page.waitForSelector('#board-count[data-total="0"]');
  assert.equal(await page.inputValue('#f-status'), 'CLOSED', 'the filters stay chosen');
  // open requests span pages of 20: next and previous are links
  const closes = new Date(Date.now() + 60 * 864e5).toISOString().slice(0, 10);
  for (let i = 1; i <= 21; i++) {
    const r = await api(`mutation($in: PartnerRequestInput!, $idem: String!) { postPartnerRequest(input: $in, idempotencyKey: $idem) { created } }`, {
      idem: `board-page-test-${i}`,
      in: { organisation: 'organisation:forum-refugies', title: `Board page test ${i}`, lang: 'EN', themes: ['education-culture'], closes,
        description: 'A request that fills the board, so that it has more than one page.', contact: { name: 'Pia', email: POSTER_EMAIL } } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  }
  const total = (await api('{ partnerRequests(first: 1) { totalCount } }')).data.partnerRequests.totalCount;
  assert.ok(total > 20, `more than a page of open requests (${total})`);
  await page.goto(`${base}/requests?lang=en`);
  await page.waitForSelector('#board-count[data-total]');
  const first = await page.locator('#board .request-title a').allTextContents();
  assert.equal(first.length, 20);
  assert.match(await page.textContent('.ecl-pagination'), new RegExp(`Page 1 of ${Math.ceil(total / 20)}`));
  assert.equal(await page.locator('#page-prev').count(), 0);
  await Promise.all([page.waitForURL(/after=/), page.click('#page-next')]);
  await page.waitForSelector('#page-prev');
  assert.match(await page.textContent('.ecl-pagination'), /Page 2 of/);
  const second = await page.locator('#board .request-title a').allTextContents();
  assert.equal(second.length, Math.min(20, total - 20));
  assert.ok(second.every((x) => !first.includes(x)), 'page 2 shows other requests');
  await Promise.all([page.waitForURL((u) => !u.searchParams.has('after')), page.click('#page-prev')]);
  await page.waitForSelector('#board .request-title a');
  assert.deepEqual(await page.locator('#board .request-title a').allTextContents(), first);
  // a request's page is titled by the request, in the tab and the heading
  const one = (await api('{ partnerRequests(filter: {status: [CLOSED]}, first: 1) { edges { node { id title } } } }')).data.partnerRequests.edges[0].node;
  await page.goto(`${base}/requests?id=${encodeURIComponent(one.id)}&lang=en`);
  await page.waitForSelector('#request');
  assert.equal((await page.textContent('h1')).trim(), one.title);
  assert.ok((await page.title()).startsWith(one.title), await page.title());
  assert.ok(!(await page.title()).includes('Partner requests'), await page.title());
  // an unknown id says so, in words
  await page.goto(`${base}/requests?id=request:nope&lang=en`);
  await page.waitForSelector('.ecl-notification--error');
  assert.match(await page.textContent('.ecl-notification--error'), /No partner request has this id/);
  assert.deepEqual(errors, []);
  await page.close();
});

// the board, a request and the post form with errors are in the site-wide axe
// matrix (site-axe.test.mjs); here the post form with its countries open
test('axe finds no violation on the post form with errors and countries open, in three languages at two sizes; no raw message keys', async () => {
  const one = (await api('{ partnerRequests(filter: {status: [CLOSED]}, first: 1) { edges { node { id } } } }')).data.partnerRequests.edges[0].node;
  for (const lang of ['en', 'fr', 'de']) {
    for (const [size, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]]) {
      const { page, errors } = await open(poster, `/requests?lang=${lang}`);
      await page.setViewportSize({ width, height });
      await page.waitForSelector('#board-count[data-total]');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await shot(page, `requests-${lang}-${size}-board`);
      await noRawMessages(page, `requests-${lang}-${size}-board`);
      await page.goto(`${base}/requests?id=${encodeURIComponent(one.id)}&lang=${lang}`);
      await page.waitForSelector('#request');
      await shot(page, `requests-${lang}-${size}-request`);
      await noRawMessages(page, `requests-${lang}-${size}-request`);
      await page.goto(`${base}/requests?post=1&lang=${lang}`);
      await page.waitForSelector('#post-form');
      await page.click('#p-submit');
      await page.waitForSelector('#post-form-errors');
      await page.click('#p-countries-summary');
      await shot(page, `requests-${lang}-${size}-post-errors`);
      await noAxe(page, `requests-${lang}-${size}-post-errors`);
      await noRawMessages(page, `requests-${lang}-${size}-post-errors`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});
