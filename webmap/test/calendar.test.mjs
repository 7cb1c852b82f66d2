// Browser tests of the calendar's area against the real server: the events
// calendar's month grid and list (events that meet the month, in two far-apart
// time zones), the funding list (order by deadline, closed calls hidden unless
// asked), the country sheet's view of what changed between two revisions and its
// indicator values, the map coloured by an indicator, and the comparison of
// practices. Expected contents come from the API; axe on each page is in the
// site-wide matrix (site.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api } from './browser.mjs';
import { noAxe } from './keyboard.mjs';

const ctx = browser();

const CAL = `query($month: String!, $filter: CalendarFilter) { calendar(month: $month, filter: $filter) { totalCount events { id start end } } }`;

/** inZone opens path with the browser's time zone set to zone. */
async function inZone(path, zone) {
  const page = await ctx().newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await ctx().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone });
  await page.goto((process.env.EWSI_URL) + path);
  return { page, errors };
}

const ready = (page, hook) => page.waitForSelector(`[data-hook="${hook}"]`, { timeout: 15000 });

test('the month grid puts each event on every day it covers, whatever the time zone', async () => {
  const want = (await api(CAL, { month: '2027-03' })).data.calendar;
  assert.ok(want.events.some((e) => e.id === 'event:cal-spans'), 'the fixture has an event that began in February');
  for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
    const { page, errors } = await inZone('/calendar?month=2027-03&lang=en', zone);
    await ready(page, 'month-grid');
    const days = await page.locator('[data-hook="month-grid"] td[data-day]').evaluateAll((tds) =>
      Object.fromEntries(tds.map((td) => [td.dataset.day, [...td.querySelectorAll('[data-event]')].map((a) => a.dataset.event)])));
    assert.equal(Object.keys(days).length, 31, `${zone}: March has 31 days`);
    for (const [d, shown] of Object.entries(days)) {
      const on = want.events.filter((e) => e.start <= d && d <= (e.end || e.start)).map((e) => e.id).sort();
      assert.deepEqual([...shown].sort(), on, `${zone}: the events of ${d}`);
    }
    assert.ok(days['2027-03-01'].includes('event:cal-spans') && days['2027-03-01'].includes('event:cal-first'), `${zone}: the first day`);
    assert.ok(days['2027-03-02'].includes('event:cal-spans') && !days['2027-03-03'].includes('event:cal-spans'), `${zone}: the spanning event ends on the 2nd`);
    assert.ok(days['2027-03-31'].includes('event:cal-last'), `${zone}: the last day's event`);
    assert.ok(!Object.values(days).flat().includes('event:cal-april'), `${zone}: April's event is not in March`);
    const shown = new Set(Object.values(days).flat());
    assert.deepEqual([...shown].sort(), want.events.map((e) => e.id).sort(), `${zone}: the grid shows the API's events`);
    const total = await page.locator('[data-hook="event-count"]').getAttribute('data-total');
    assert.equal(Number(total), want.totalCount);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the list view filters by country and language, and links to the events on the map', async () => {
  const want = (await api(CAL, { month: '2027-03', filter: { countries: ['DE'] } })).data.calendar;
  const { page, errors } = await open(ctx(), '/calendar?month=2027-03&view=list&country=DE&lang=fr');
  await ready(page, 'event-list');
  const ids = await page.locator('[data-hook="event-list"] > li').evaluateAll((lis) => lis.map((li) => li.dataset.event));
  assert.deepEqual(ids, want.events.map((e) => e.id));
  assert.ok(ids.includes('event:cal-first') && !ids.includes('event:cal-spans'));
  // the content's own language is marked
  assert.equal(await page.locator('a[data-event="event:cal-first"]').getAttribute('lang'), 'de');
  assert.match(await page.locator('[data-hook="events-map"]').getAttribute('href'), /kinds=EVENT&country=DE/);
  // the filter form keeps the month and view: choosing French events shows those
  await page.selectOption('#cal-country', '');
  await page.selectOption('#cal-lang', 'fr');
  await Promise.all([page.waitForURL(/clang=fr/), page.click('.calendar-filters button[type=submit]')]);
  await ready(page, 'event-list');
  const fr = await page.locator('[data-hook="event-list"] > li').evaluateAll((lis) => lis.map((li) => li.dataset.event));
  const wantFr = (await api(CAL, { month: '2027-03', filter: { langs: ['fr'] } })).data.calendar.events.map((e) => e.id);
  assert.deepEqual(fr, wantFr);
  assert.ok(fr.includes('event:cal-spans') && !fr.includes('event:cal-first'));
  assert.match(page.url(), /month=2027-03/);
  assert.deepEqual(errors, []);
  await page.close();
});

const FUND = `query($filter: FundingFilter) { fundingCalls(filter: $filter, first: 20) { totalCount edges { node { id deadline open } } } }`;

test('funding calls come by nearest deadline, closed ones only when asked and after the open ones', async () => {
  const open1 = (await api(FUND, { filter: {} })).data.fundingCalls;
  const { page, errors } = await open(ctx(), '/funding?lang=de');
  await ready(page, 'funding-list');
  const shown = await page.locator('[data-hook="funding-list"] > li').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.id, deadline: li.dataset.deadline, open: li.dataset.open })));
  assert.deepEqual(shown.map((x) => x.id), open1.edges.map((e) => e.node.id));
  assert.ok(shown.every((x) => x.open === 'true'), 'only open calls');
  const dated = shown.filter((x) => x.deadline).map((x) => x.deadline);
  assert.deepEqual(dated, [...dated].sort(), 'nearest deadline first');
  assert.ok(!shown.some((x) => x.id === 'funding:cal-closed'));
  assert.ok(shown.some((x) => x.id === 'funding:cal-open-eu'));
  // the EU-wide call names its applicants in German, and its countries
  const eu = page.locator('li[data-id="funding:cal-open-eu"]');
  assert.match(await eu.innerText(), /Alle EU-Mitgliedstaaten/);
  await page.locator('label[for="fund-closed"]').click(); // ECL draws the box over the input
  assert.ok(await page.isChecked('#fund-closed'));
  await Promise.all([page.waitForURL(/closed=1/), page.click('.calendar-filters button[type=submit]')]);
  await ready(page, 'funding-list');
  const all = await page.locator('[data-hook="funding-list"] > li').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.id, open: li.dataset.open })));
  const want = (await api(FUND, { filter: { includeClosed: true } })).data.fundingCalls;
  assert.deepEqual(all.map((x) => x.id), want.edges.map((e) => e.node.id));
  const firstClosed = all.findIndex((x) => x.open === 'false');
  assert.ok(firstClosed > 0 && all.slice(firstClosed).every((x) => x.open === 'false'), 'closed calls after the open ones');
  assert.ok(all.some((x) => x.id === 'funding:cal-closed'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the country sheet shows what changed between two revisions, and the indicator values with their source', async () => {
  const { page, errors } = await open(ctx(), '/country?code=FR&lang=en');
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  await ready(page, 'sheet-latest').catch(async (e) => {
    assert.fail(`no sheet: ${e.message.split('\n')[0]}; the section says ${JSON.stringify(await page.locator('.country-sheet').innerText().catch(() => 'nothing'))}; errors ${errors}; console ${logs}`);
  });
  assert.equal(await page.locator('[data-hook="sheet-latest"]').getAttribute('data-revision'), '2');
  assert.equal(await page.locator('.sheet-history > li').count(), 2);
  await page.click('[data-hook="sheet-compare"] button[type=submit]');
  await ready(page, 'sheet-diff');
  const changed = await page.locator('[data-diff-section]').evaluateAll((ss) => ss.map((s) => s.dataset.diffSection));
  const want = (await api(`{ sheetDiff(country: "FR", from: 1, to: 2) { sections { key changed ops { op text } } } }`)).data.sheetDiff.sections;
  assert.deepEqual(changed, want.filter((s) => s.changed).map((s) => s.key));
  assert.ok(changed.includes('strategy') && !changed.includes('laws'));
  const ins = await page.locator('[data-diff-section="strategy"] ins').allTextContents();
  assert.ok(ins.join(' ').includes('revised in 2025'), `insertions: ${ins}`);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3', 'focus moves to the diff');
  // indicators: the sample file's values say so, never "Eurostat"
  const rows = await page.locator('[data-hook="indicator-values"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.dataset.indicator, source: tr.querySelector('[data-source]').dataset.source, text: tr.innerText })));
  const obs = (await api(`{ country(code: "FR") { observations { indicator { id } year source } } }`)).data.country.observations;
  assert.deepEqual(rows.map((r) => r.id), obs.map((o) => o.indicator.id));
  assert.ok(rows.length > 0 && rows.every((r) => r.source === 'sample file' && /Sample file/.test(r.text) && !/Eurostat/.test(r.text)), JSON.stringify(rows));
  await noAxe(page, 'country-sheet-diff-en');
  assert.deepEqual(errors, []);
  await page.close();
});

const SCALE = ['#eff3ff', '#bdd7ee', '#6baed6', '#3182bd', '#08519c'];

test('the map colours countries by an indicator, by year, with the source in the legend', async () => {
  const MAPQ = `query($y: Int) { indicatorMap(indicator: "indicator:employment-rate", year: $y) { values { country { iso2 } value } } }`;
  const { page, errors } = await open(ctx(), '/?lat=50&lng=10&z=4&choropleth=indicator&ind=indicator:employment-rate&year=2022&lang=en');
  await page.waitForFunction(() => document.body.dataset.indicator === 'indicator:employment-rate|2022', null, { timeout: 20000 });
  const values = (await api(MAPQ, { y: 2022 })).data.indicatorMap.values;
  // the classes the API's values fall in: five equal steps from the lowest to the highest
  const vs = values.map((v) => v.value);
  const lo = Math.min(...vs), hi = Math.max(...vs);
  const cls = (v) => { let i = 0; while (i < 4 && v >= lo + ((hi - lo) * (i + 1)) / 5) i++; return SCALE[i]; };
  const want = {};
  for (const v of values) want[cls(v.value)] = (want[cls(v.value)] || 0) + 1;
  const fills = await page.locator('path.leaflet-interactive').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  const got = {};
  for (const f of fills) if (SCALE.includes(f)) got[f] = (got[f] || 0) + 1;
  assert.deepEqual(got, want, 'each country with a value has its class colour, no other country has one');
  assert.match(await page.locator('[data-hook="indicator-source"]').innerText(), /sample file/i);
  // another year: the same form, the address follows
  await page.selectOption('#f-year', '2021');
  await page.waitForFunction(() => document.body.dataset.indicator === 'indicator:employment-rate|2021', null, { timeout: 20000 });
  assert.match(page.url(), /year=2021/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('two practices side by side, the template fields as rows', async () => {
  const ids = (await api('{ practices(first: 2) { edges { node { id title } } } }')).data.practices.edges.map((e) => e.node);
  const q = ids.map((p) => 'id=' + encodeURIComponent(p.id)).join('&');
  const { page, errors } = await open(ctx(), `/compare?${q}&lang=fr`);
  await ready(page, 'compare-table');
  const heads = await page.locator('[data-hook="compare-table"] thead th').evaluateAll((ths) => ths.map((th) => th.dataset.id));
  assert.deepEqual(heads, ids.map((p) => p.id));
  const fields = await page.locator('[data-hook="compare-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.field));
  assert.ok(fields.includes('challenge') && fields.includes('howItWorks') && fields.includes('results'), fields.join());
  assert.ok(await page.locator('[data-hook="compare-table"] tbody tr').first().locator('td').count() === 2);
  // removing one leaves one: the page asks for another
  await page.locator('.compare-chosen a', { hasText: /Retirer/ }).first().click();
  await page.waitForSelector('#compare-add');
  assert.equal(await page.locator('[data-hook="compare-table"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
