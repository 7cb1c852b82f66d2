// Browser tests of the feeds the site publishes (package feeds): the pages
// link to them, narrowed like the page; an event's page offers its .ics; and
// the files read back in parsers other than the Go libraries that wrote them:
// ical.js for iCalendar, @extractus/feed-extractor for Atom. Expected contents
// come from the API; axe on each page is in the site-wide matrix (site.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { extractFromXml } from '@extractus/feed-extractor';
import { browser, open, api, base } from './browser.mjs';
import { noAxe } from './keyboard.mjs';

const ctx = browser();

/** calendar fetches an .ics file and parses it with ical.js. */
async function calendar(path) {
  const r = await fetch(base + path);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  assert.match(r.headers.get('content-type'), /^text\/calendar/);
  return new ICAL.Component(ICAL.parse(await r.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** day is today (UTC) plus n days, as YYYY-MM-DD. */
function day(n) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + n * 86400000).toISOString().slice(0, 10);
}

test('the list pages link to their feeds in each language, narrowed like the page', async () => {
  for (const [path, links] of [
    ['/news', ['/feeds/news.atom']],
    ['/calendar?country=DE&clang=de&view=list', ['/feeds/events.ics?country=DE&lang=de', '/feeds/events.atom?country=DE&lang=de']],
    ['/funding?country=FR', ['/feeds/funding.ics?country=FR', '/feeds/funding.atom?country=FR']],
  ]) {
    for (const lang of ['en', 'fr', 'de']) {
      const { page, errors } = await open(ctx(), path + (path.includes('?') ? '&' : '?') + 'lang=' + lang);
      const hrefs = await page.locator('.ewsi-feed-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, links, `${path} (${lang})`);
      const names = await page.locator('.ewsi-feed-links a').allInnerTexts();
      assert.ok(names.every((n) => /\((Atom|\.ics)\)$/.test(n.trim()) && !n.includes('feeds.')), `${path} (${lang}): ${names}`);
      const alternate = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      assert.match(alternate, /^\/feeds\/[a-z]+\.atom$/, `${path}: the head's Atom link`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

test('the events calendar holds the events the API lists, all-day, read by ical.js', async () => {
  const want = (await api(`query($f: ContentFilter) { events(filter: $f, first: 100) { totalCount edges { node { id title start end } } } }`,
    { f: { countries: ['DE'], from: day(-365), to: day(3 * 365) } })).data.events;
  assert.ok(want.totalCount > 0, 'the fixture has events in Germany');
  const events = await calendar('/feeds/events.ics?country=DE');
  assert.equal(events.length, want.totalCount);
  for (const { node } of want.edges) {
    const e = events.find((x) => x.uid.startsWith(node.id + '@'));
    assert.ok(e, `${node.id} is in the calendar`);
    assert.equal(e.summary, node.title);
    assert.ok(e.startDate.isDate, `${node.id}: all-day`);
    assert.equal(e.startDate.toString(), node.start);
    const last = ICAL.Time.fromDateString(node.end || node.start);
    last.adjust(1, 0, 0, 0);
    assert.equal(e.endDate.toString(), last.toString(), `${node.id}: ends the day after its last`);
  }
});

test('the funding deadlines are all-day events on the deadline, read by ical.js', async () => {
  const calls = (await api(`{ funding(first: 100) { edges { node { id title deadline } } } }`)).data.funding.edges.map((e) => e.node);
  const dated = calls.filter((c) => c.deadline);
  assert.ok(dated.length > 0 && dated.length < calls.length + 1);
  const events = await calendar('/feeds/funding.ics');
  assert.equal(events.length, dated.length, 'one event per call with a deadline');
  for (const c of dated) {
    const e = events.find((x) => x.uid === `deadline-${c.id}@127.0.0.1`);
    assert.ok(e, `${c.id}: ${events.map((x) => x.uid)}`);
    assert.equal(e.summary, c.title);
    assert.ok(e.startDate.isDate);
    assert.equal(e.startDate.toString(), c.deadline);
  }
});

test('the news feed lists the API\'s news, newest first, read by feed-extractor', async () => {
  const want = (await api(`{ news(filter: { countries: ["AT"] }, orderBy: { field: DATE, direction: DESC }, first: 50) { edges { node { id title lang } } } }`)).data.news.edges.map((e) => e.node);
  assert.ok(want.length > 0);
  const r = await fetch(base + '/feeds/news.atom?country=AT');
  assert.match(r.headers.get('content-type'), /^application\/atom\+xml/);
  const feed = extractFromXml(await r.text(), { descriptionMaxLen: 0, getExtraEntryFields: (e) => ({ lang: e['@_xml:lang'] }) });
  assert.deepEqual(feed.entries.map((e) => e.title), want.map((n) => n.title));
  assert.deepEqual(feed.entries.map((e) => e.lang), want.map((n) => n.lang.toLowerCase()));
  for (const [i, e] of feed.entries.entries()) {
    assert.equal(e.link, `${base}/node?id=${encodeURIComponent(want[i].id)}`);
  }
});

test('an event\'s page offers the event as an .ics file', async () => {
  const ev = (await api(`{ events(first: 1, orderBy: { field: DATE, direction: ASC }) { edges { node { id title start } } } }`)).data.events.edges[0].node;
  for (const lang of ['en', 'fr', 'de']) {
    const { page, errors } = await open(ctx(), `/node?id=${encodeURIComponent(ev.id)}&lang=${lang}`);
    const link = page.locator('[data-hook="event-ics"] a');
    await link.waitFor({ timeout: 15000 });
    const href = await link.getAttribute('href');
    assert.equal(href, `/events/${encodeURIComponent(ev.id)}.ics`);
    assert.match(await link.innerText(), /\.ics\)$/);
    if (lang === 'fr') await noAxe(page, 'feeds-event-fr');
    const [e] = await calendar(href);
    assert.equal(e.summary, ev.title);
    assert.equal(e.startDate.toString(), ev.start);
    assert.deepEqual(errors, []);
    await page.close();
  }
  const { page } = await open(ctx(), '/node?id=news%3Aapp-lyon-ouverture');
  await page.waitForSelector('#node-root[data-kind]');
  assert.equal(await page.locator('[data-hook="event-ics"]').count(), 0, 'no .ics on a news item');
  await page.close();
});
