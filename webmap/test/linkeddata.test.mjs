// Browser tests of the linked data and the CSV exports against the real server:
// a node page carries its schema.org description in a JSON-LD block that the
// jsonld processor (npm) expands to an Event with its dates and place, without
// any Content-Security-Policy report and with axe clean; the library's
// "Download CSV" link keeps the page's filters and its file counts what the
// API counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { browser, open, api, base, cspViolations } from './browser.mjs';
import { noAxe } from './keyboard.mjs';

const ctx = browser();
const S = 'https://schema.org/';

// the descriptions stand alone: a remote context would be an error
const documentLoader = async (url) => { throw new Error(`remote context ${url} asked for`); };

test('a node page describes its event in JSON-LD that a processor expands, with no CSP report and axe clean', async () => {
  const page = await ctx().newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const csp = await cspViolations(page);
  await page.goto(`${base}/node?id=${encodeURIComponent('event:lyon-forum')}&lang=fr`);
  await page.waitForFunction(() => { const el = document.querySelector('#node-root'); return el && !el.hasAttribute('aria-busy') && el.children.length > 0; }, null, { timeout: 15000 });
  const blocks = await page.locator('head script[type="application/ld+json"]').allTextContents();
  assert.equal(blocks.length, 1, 'one JSON-LD block in the head');
  const expanded = await jsonld.expand(JSON.parse(blocks[0]), { documentLoader });
  const flat = await jsonld.flatten(expanded, null, { documentLoader });
  const nodes = Array.isArray(flat) ? flat : flat['@graph'];
  const byId = (id) => nodes.find((n) => n['@id'] === id);
  const ev = nodes.find((n) => (n['@type'] || []).includes(S + 'Event'));
  assert.ok(ev, `an Event among ${JSON.stringify(nodes)}`);
  assert.equal(ev[S + 'startDate'][0]['@value'], '2026-05-12');
  assert.equal(ev[S + 'inLanguage'][0]['@value'], 'fr');
  assert.equal(ev[S + 'name'][0]['@value'], "Forum de l'intégration 2026");
  assert.match(ev[S + 'url'][0]['@value'], /\/node\?id=event%3Alyon-forum$/);
  const place = byId(ev[S + 'location'][0]['@id']);
  const geo = byId(place[S + 'geo'][0]['@id']);
  assert.equal(Math.round(geo[S + 'latitude'][0]['@value'] * 100), 4576);
  await noAxe(page, 'linkeddata-node-event');
  assert.deepEqual(csp, [], 'the JSON-LD block raises no CSP violation');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the library\'s Download CSV link keeps the filters, and its file counts what the API counts', async () => {
  const { page, errors } = await open(ctx(), '/library?type=legislation&lang=de');
  const link = page.locator('#export-csv');
  assert.match(await link.textContent(), /CSV herunterladen/);
  const href = await link.getAttribute('href');
  assert.match(href, /^\/export\/documents\.csv\?/);
  assert.equal(new URL(href, base).searchParams.get('type'), 'legislation');
  const res = await fetch(new URL(href, base));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="ewsi-documents-\d{4}-\d{2}-\d{2}\.csv"$/);
  const body = await res.text(); // fetch's decoder drops the byte order mark
  assert.match(body, /^id,title,type,/);
  const want = (await api(`{ library(filter: { types: [LEGISLATION] }, first: 1) { totalCount } }`)).data.library.totalCount;
  assert.ok(want > 0);
  assert.equal(Number(res.headers.get('x-total-count')), want);
  assert.equal((body.match(/^document:/gm) || []).length, want, 'one row per document');
  await noAxe(page, 'linkeddata-library-csv');
  assert.deepEqual(errors, []);
});
