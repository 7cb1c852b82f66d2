// Browser tests of the search page, the header's type-ahead and the editors'
// list of searches that found nothing, against the real server and its data
// (the generated practices and towns of webmap/main_test.go are "Generated ..."):
// typing a query lists what the API finds; a facet's count is what narrowing by
// it then lists, and the address follows; the matched word is in <mark>; newest
// first orders by date; page 2 shows other results; a misspelt word offers a
// suggestion that finds something; the type-ahead lists proposals from one
// letter and is worked with the keyboard; a title holding "<script>" shows as
// text and runs nothing; an editor sees a search that found nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api, base } from './browser.mjs';
import { noAxe } from './keyboard.mjs';

const ctx = browser();
const WORD = 'generated';

const FIND = `query($q: String!, $filter: SearchFilter, $order: SearchOrder) {
  find(query: $q, filter: $filter, orderBy: $order, first: 20) { totalCount suggestions edges { node { id } } } }`;
const find = async (q, filter, order) => {
  const r = await api(FIND, { q, filter, order });
  assert.equal(r.errors, undefined, `find(${q}): ${JSON.stringify(r.errors)}`);
  return r.data.find;
};

/** shown waits for the page's results (or its nothing-found notice) and returns
the number the status line says and the results' ids. */
async function shown(page) {
  await page.waitForSelector('#search-list[aria-busy="false"] :is(.ewsi-result-list, .ecl-notification)', { timeout: 15000 });
  const status = await page.locator('#search-status').textContent();
  const ids = await page.locator('.ewsi-result').evaluateAll((els) => els.map((e) => e.dataset.id));
  // the count opens the status line in every language ("12 results", "12 résultats", "12 Ergebnisse")
  const n = status.match(/^\s*(\d[\d\s,.\u202f\u00a0]*)/);
  return { count: n ? Number(n[1].replace(/[^\d]/g, '')) : 0, ids };
}

test('a query, its facets, the marked words, the order and the pages', async () => {
  const { page, errors } = await open(ctx(), '/search?lang=en');
  await page.fill('#search-q', WORD);
  await page.press('#search-q', 'Enter');
  await page.waitForURL(/[?&]q=generated/);
  const all = await shown(page);
  const want = await find(WORD);
  assert.equal(all.count, want.totalCount, 'the status line counts what the API finds');
  assert.ok(want.totalCount > 20, `the data has more than a page of "${WORD}" (${want.totalCount})`);
  assert.deepEqual(all.ids, want.edges.map((e) => e.node.id), 'the page lists the API\'s first page');

  // a matched word in <mark>
  const marks = await page.locator('.ewsi-result mark').allTextContents();
  assert.ok(marks.some((m) => m.toLowerCase().startsWith('generat')), `no <mark> around the word: ${marks.slice(0, 5)}`);

  // a facet's count is what narrowing by it lists; the address follows, Back returns
  const box = page.locator('#facet-kinds input[value="LOCAL_AUTHORITY"]');
  const label = await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent();
  const counted = Number(label.match(/\(([\d\s,.\u202f\u00a0]+)\)\s*$/)[1].replace(/[^\d]/g, ''));
  assert.ok(counted > 0 && counted < all.count, `the kind facet counts ${counted} of ${all.count}`);
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForURL(/kinds=LOCAL_AUTHORITY/);
  const narrowed = await shown(page);
  assert.equal(narrowed.count, counted, 'narrowing lists what the facet counted');
  assert.equal((await find(WORD, { kinds: ['LOCAL_AUTHORITY'] })).totalCount, counted);
  const kinds = await page.locator('.ewsi-result').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.kind))]);
  assert.deepEqual(kinds, ['LocalAuthority']);
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'LOCAL_AUTHORITY', 'the focus stays on the box ticked');
  assert.ok(await page.locator('#facet-kinds input[value="LOCAL_AUTHORITY"]').isChecked());
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('kinds=') && !document.querySelector('#facet-kinds input:checked')
    && document.querySelector('#search-list[aria-busy="false"]'));
  assert.equal((await shown(page)).count, all.count, 'Back shows the whole search again');

  // newest first: the dates go down
  await page.selectOption('#search-sort', 'newest');
  await page.waitForURL(/sort=newest/);
  await shown(page);
  const dates = await page.locator('.ewsi-result[data-date]').evaluateAll((els) => els.map((e) => e.dataset.date));
  assert.ok(dates.length > 2, 'results of the newest-first order carry dates');
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first is ordered by date');
  const first = await shown(page);
  assert.deepEqual(first.ids, (await find(WORD, undefined, 'NEWEST')).edges.map((e) => e.node.id));

  // page 2: other results, the order kept
  await page.click('#search-pages a[rel=next]');
  await page.waitForURL(/page=2/);
  assert.match(page.url(), /after=/);
  assert.match(page.url(), /sort=newest/);
  const second = await shown(page);
  assert.equal(second.ids.length, Math.min(20, all.count - 20));
  assert.deepEqual(second.ids.filter((id) => first.ids.includes(id)), [], 'page 2 repeats page 1');
  const later = await page.locator('.ewsi-result[data-date]').evaluateAll((els) => els.map((e) => e.dataset.date));
  assert.ok(later[0] <= dates[dates.length - 1], 'page 2 goes on where page 1 stopped');
  await noAxe(page, 'search-page-2');
  assert.deepEqual(errors, []);
});

test('a misspelt word shows a suggestion that finds something', async () => {
  const { page, errors } = await open(ctx(), '/search?q=generatd&lang=fr');
  await shown(page);
  assert.equal((await find('generatd')).totalCount, 0);
  const link = page.locator('.ewsi-did-you-mean a').first();
  await link.waitFor();
  assert.match(await page.locator('#search-list').innerText(), /Aucun résultat/);
  await Promise.all([page.waitForURL(/q=/), link.click()]);
  const r = await shown(page);
  assert.ok(r.count > 0, 'the suggestion finds nothing');
  assert.notEqual(new URL(page.url()).searchParams.get('q'), 'generatd');
  assert.deepEqual(errors, []);
});

test('the header\'s type-ahead proposes from one letter and works with the keyboard', async () => {
  const { page, errors } = await open(ctx(), '/about?lang=de');
  const box = page.locator('#site-search');
  if (!(await box.isVisible())) await page.click('.ecl-site-header__search-toggle');
  await box.focus();
  await page.keyboard.type('G');
  const options = page.locator('#site-search-list [role=option][data-id]'); // the proposals, not the last option "Search for ..."
  await options.first().waitFor({ timeout: 10000 });
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await box.getAttribute('role'), 'combobox');
  const marks = await page.locator('#site-search-list mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase().startsWith('g')), `the typed prefix is not marked: ${marks}`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.equal(active, await options.nth(1).getAttribute('id'), 'ArrowDown twice is on the second proposal');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search', 'the focus left the box');
  await page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('#site-search-list').isHidden());
  await page.keyboard.press('ArrowDown');
  const id = await options.first().getAttribute('data-id');
  await Promise.all([page.waitForURL(/\/node\?id=/), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('id'), id, 'Enter opens the proposal chosen');
  // Enter without a proposal goes to the search page
  const p2 = await open(ctx(), '/about?lang=en');
  if (!(await p2.page.locator('#site-search').isVisible())) await p2.page.click('.ecl-site-header__search-toggle');
  await p2.page.fill('#site-search', 'generated town');
  await Promise.all([p2.page.waitForURL(/\/search\?q=generated\+town/), p2.page.press('#site-search', 'Enter')]);
  assert.ok((await shown(p2.page)).count > 0);
  assert.deepEqual([...errors, ...p2.errors], []);
});

/** session logs in through the API and returns the cookie header of the session. */
async function session(email, password) {
  const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', variables: { e: email, p: password } }) });
  const body = await r.json();
  assert.ok(body.data?.login?.id, `login of ${email}: ${JSON.stringify(body.errors)}`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

test('a title holding <script> shows as text and runs nothing', async () => {
  assert.ok(process.env.EWSI_MEMBER_EMAIL && process.env.EWSI_EDITOR_TOKEN, 'the Go test gives a member and the editors\' token');
  const word = `Quokkaforest${process.pid}`;
  const title = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> ${word}`;
  const cookie = await session(process.env.EWSI_MEMBER_EMAIL, process.env.EWSI_MEMBER_PASSWORD);
  const input = { lang: 'EN', title, summary: 'Shared gardens with newcomers every Saturday, with a <script> in the title.', country: 'FR',
    themes: ['social-cohesion'], challenge: 'Isolation of families who arrived recently.', website: 'https://gardens.example/', lat: 45.76, lon: 4.84 };
  const sub = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ query: `mutation($i: ContributionInput!, $k: String!) { submitContribution(kind: PRACTICE, input: $i, idempotencyKey: $k) {
      contribution { id criteria { criterion } } } }`, variables: { i: input, k: `search-xss-${word}` } }) })).json();
  assert.equal(sub.errors, undefined, `submitting: ${JSON.stringify(sub.errors)}`);
  const c = sub.data.submitContribution.contribution;
  const dec = await api(`mutation($id: ID!, $c: [Criterion!]!) { decideContribution(id: $id, decision: PUBLISH, criteriaMet: $c) { state } }`,
    { id: c.id, c: c.criteria.map((x) => x.criterion) }, process.env.EWSI_EDITOR_TOKEN);
  assert.equal(dec.data?.decideContribution?.state, 'PUBLISHED', JSON.stringify(dec.errors));
  // the full-text index follows writes within a moment, and the server's search
  // index within a rebuild (longer on a loaded machine)
  let n = 0;
  for (let i = 0; i < 120 && !n; i++) {
    n = (await find(word)).totalCount;
    if (!n) await new Promise((ok) => setTimeout(ok, 500));
  }
  assert.equal(n, 1, 'the published practice is not found');
  const { page, errors } = await open(ctx(), `/search?q=${word}&lang=en`);
  await shown(page);
  const link = page.locator('.ewsi-result h3 a');
  assert.equal((await link.textContent()).trim(), title, 'the title is not shown as its text');
  assert.equal(await page.locator('#search-list script, #search-list img').count(), 0, 'markup of the title reached the page');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'a script of the title ran');
  // and in the type-ahead
  if (!(await page.locator('#site-search').isVisible())) await page.click('.ecl-site-header__search-toggle');
  await page.fill('#site-search', word.slice(0, 6));
  await page.locator('#site-search-list [role=option]').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#site-search-list script, #site-search-list img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
});

test('an editor sees a search that found nothing; a visitor is asked to log in', async () => {
  const words = `zqxv nothingness${process.pid}`;
  const searched = await open(ctx(), `/search?q=${encodeURIComponent(words)}&lang=fr`);
  await searched.page.waitForSelector('#search-list .ecl-notification');
  assert.equal((await shown(searched.page)).count, 0);
  const visitor = await open(ctx(), '/search/misses?lang=en');
  await visitor.page.waitForSelector('#misses-message');
  assert.match(await visitor.page.locator('#misses-message').innerText(), /Log in/);
  assert.equal(await visitor.page.locator('#misses-table').count(), 0);
  await noAxe(visitor.page, 'search-misses-visitor');

  const page = await ctx().newPage();
  await page.setExtraHTTPHeaders({ Authorization: `Bearer ${process.env.EWSI_EDITOR_TOKEN}` });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/search/misses?lang=de`);
  await page.waitForSelector('#misses-table, #misses-empty');
  const row = page.locator(`#misses-table tr[data-query="${words}"]`);
  assert.equal(await row.count(), 1, `the search "${words}" is not listed`);
  const cells = await row.locator('td').allInnerTexts();
  assert.ok(Number(cells[1].replace(/[^\d]/g, '')) >= 1, `the count: ${cells[1]}`);
  assert.match(cells[3], /Französisch/, 'the language of the page searched from');
  await noAxe(page, 'search-misses-editor');
  assert.deepEqual([...searched.errors, ...visitor.errors, ...errors], []);
  await page.close();
});
