// Browser tests of the node pages (every kind), the country page, related content
// with its reasons and the editor tools, against the real server: layout at
// desktop and phone widths, content marked with its own language, not-found
// messages, the order of the country's lists, and axe-core with no violation of
// any impact in English, French and German.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, open, api, artifacts, shot, axeBuilder } from './browser.mjs';

const ctx = browser();
const token = process.env.EWSI_EDITOR_TOKEN;
const LANGS = ['en', 'fr', 'de'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const RELATED = `query($id: ID!, $lang: Lang) { related(id: $id, first: 8) { node { id } reasons { text(lang: $lang) } } }`;

/** msg reads a message of the pages' files (webmap/app/messages/LANG/AREA.json),
with {name} placeholders filled and, for a count, the plural form of n. */
const files = {};
function msg(lang, key, params = {}) {
  const [area, name] = key.split('.');
  files[`${lang}/${area}`] ??= JSON.parse(readFileSync(join('webmap', 'app', 'messages', lang, `${area}.json`), 'utf8'));
  let v = files[`${lang}/${area}`][name];
  assert.ok(v !== undefined, `message ${key} is missing in ${lang}`);
  if (typeof v === 'object') v = v[new Intl.PluralRules(lang).select(params.count)] ?? v.other;
  return v.replace(/\{(\w+)\}/g, (_, k) => String(params[k]));
}

const today = () => new Date().toISOString().slice(0, 10);

async function relatedShown(page) {
  await page.waitForSelector('[data-hook="related-content"][data-loaded]', { timeout: 15000 });
  return page.locator('[data-hook="related-content"] .related-item').evaluateAll((els) => els.map((e) => ({
    id: e.dataset.id, reasons: [...e.querySelectorAll('.reason-text')].map((r) => r.textContent) })));
}

/** noViolations runs axe-core on the page, keeps its report as name-axe.json and
fails on any violation, whatever its impact. */
async function noViolations(page, name) {
  const res = await axeBuilder(page).analyze();
  writeFileSync(join(artifacts, `${name}-axe.json`), JSON.stringify(res.violations, null, 2));
  assert.deepEqual(res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${name}`);
}

/** loaded waits until the node or country page has rendered what it renders. */
async function loaded(page, root = '#node-root') {
  await page.waitForFunction((r) => { const el = document.querySelector(r); return el && !el.hasAttribute('aria-busy') && el.children.length > 0; }, root, { timeout: 15000 });
}

test('the panel of a practice on the map shows related items with their reasons', async () => {
  const id = 'practice:app-cafe-lyon';
  const { page, errors } = await open(ctx(), `/?lat=45.7533&lng=4.8431&z=14&sel=${id}&lang=en`);
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  const shown = await relatedShown(page);
  const want = (await api(RELATED, { id, lang: 'EN' })).data.related;
  assert.ok(want.length > 0, 'the fixture relates the practice to something');
  assert.deepEqual(shown.map((x) => x.id), want.map((x) => x.node.id));
  assert.deepEqual(shown.map((x) => x.reasons), want.map((x) => x.reasons.map((r) => r.text)));
  assert.ok(shown.every((x) => x.reasons.length > 0), 'every item says why');
  // an item of a kind the map shows opens in the panel
  const org = shown.find((x) => x.id.startsWith('organisation:'));
  if (org) {
    await page.click(`#panel .related-item[data-id="${org.id}"] a.node-link`);
    await page.waitForFunction((x) => new URL(location.href).searchParams.get('sel') === x, org.id);
  }
  // the country panel links to the country page
  await page.goto(`${page.url().split('?')[0]}?lat=46&lng=2&z=5&sel=country:FR&lang=en`);
  await page.waitForSelector('#panel:not([hidden]) [data-hook="country-page"] a');
  assert.match(await page.getAttribute('[data-hook="country-page"] a', 'href'), /^\/country\?code=FR/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a practice page lays its template out in columns wider than 200 px at 1280, one column on a phone', async () => {
  const id = 'practice:language-cafes';
  const { page, errors } = await open(ctx(), `/node?id=${encodeURIComponent(id)}&lang=en`);
  await loaded(page);
  const want = (await api('query($id: ID!) { node(id: $id) { ... on Practice { challenge howItWorks results startDate } } }', { id })).data.node;
  assert.ok(want.challenge && want.howItWorks && want.results, 'the fixture practice fills its template');
  const desktop = await page.evaluate(() => {
    const grid = document.querySelector('.node-layout');
    const tracks = getComputedStyle(grid).gridTemplateColumns.split(' ').map(parseFloat);
    const boxes = [...document.querySelectorAll('.node-layout dd, .node-layout dt, .node-block p, .node-lead')].map((e) => e.getBoundingClientRect().width);
    return { tracks, narrowest: Math.min(...boxes), boxes: boxes.length, overflow: document.documentElement.scrollWidth - innerWidth };
  });
  assert.equal(desktop.tracks.length, 2, `two columns at 1280: ${desktop.tracks}`);
  assert.ok(desktop.tracks.every((w) => w > 200), `every column wider than 200 px: ${desktop.tracks}`);
  assert.ok(desktop.boxes > 6 && desktop.narrowest > 200, `every field wider than 200 px, narrowest ${desktop.narrowest}`);
  assert.equal(await page.textContent('[data-field=challenge] p'), want.challenge);
  await shot(page, 'node-practice');
  await page.setViewportSize(PHONE);
  const phone = await page.evaluate(() => ({
    tracks: getComputedStyle(document.querySelector('.node-layout')).gridTemplateColumns.split(' ').length,
    overflow: document.documentElement.scrollWidth - innerWidth,
    narrowest: Math.min(...[...document.querySelectorAll('.node-layout dd')].map((e) => e.getBoundingClientRect().width)),
  }));
  assert.equal(phone.tracks, 1, 'one column on a phone');
  assert.ok(phone.overflow <= 0, `the page is ${phone.overflow}px wider than a phone`);
  assert.ok(phone.narrowest > 200, `fields use the phone's width: ${phone.narrowest}`);
  await shot(page, 'node-practice-phone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('content keeps its own language: a French practice in a German page is lang="fr"', async () => {
  const id = 'practice:language-cafes';
  const { page, errors } = await open(ctx(), `/node?id=${encodeURIComponent(id)}&lang=de`);
  await loaded(page);
  const n = (await api('query($id: ID!) { node(id: $id) { ... on Practice { title lang summary principles { number short(lang: DE) } } } }', { id })).data.node;
  assert.equal(n.lang, 'FR');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  const title = page.locator('h1');
  assert.equal(await title.textContent(), n.title);
  assert.equal(await title.getAttribute('lang'), 'fr');
  assert.equal(await page.getAttribute('[data-field=summary]', 'lang'), 'fr');
  assert.equal(await page.textContent('[data-field=summary]'), n.summary);
  for (const f of ['challenge', 'howItWorks', 'results']) {
    assert.equal(await page.getAttribute(`[data-field=${f}] p`, 'lang'), 'fr', f);
    assert.equal(await page.locator(`[data-field=${f}] h2`).getAttribute('lang'), null, `${f}: the heading is in the page's language`);
  }
  // principles are named in German, by the API
  const principles = await page.locator('.principles li').allTextContents();
  assert.deepEqual(principles, n.principles.map((p) => `${p.number}. ${p.short}`));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const lang of LANGS) {
  test(`an unknown and a malformed id get a not-found message with the way home (${lang})`, async () => {
    for (const [id, reason] of [['practice:there-is-no-such-practice', 'notFound'], ['not an id at all', 'malformed'], ['', 'missingId']]) {
      const page = await ctx().newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const resp = await page.goto(`${base}/node?id=${encodeURIComponent(id)}&lang=${lang}`);
      assert.equal(resp.status(), 200, 'the page itself renders');
      await page.waitForSelector('[data-hook=not-found]');
      const box = page.locator('[data-hook=not-found]');
      assert.equal(await box.getAttribute('data-reason'), reason);
      assert.equal(await box.locator('.ecl-notification__title').textContent(), msg(lang, `node.${reason}Title`));
      assert.equal(await box.locator('.ecl-notification__description').first().textContent(), msg(lang, `node.${reason}`, { id }));
      assert.equal(await box.locator('a').getAttribute('href'), '/');
      assert.equal(await page.textContent('h1'), msg(lang, `node.${reason}Title`));
      assert.doesNotMatch(await page.innerText('main'), /Something went wrong|is not an id of a node/);
      assert.deepEqual(errors, []);
      await page.close();
    }
    // a country code no country has
    const { page, errors } = await open(ctx(), `/country?code=XX&lang=${lang}`);
    await page.waitForSelector('[data-hook=not-found]');
    assert.equal(await page.textContent('[data-hook=not-found] .ecl-notification__title'), msg(lang, 'country.notFoundTitle'));
    assert.equal(await page.textContent('[data-hook=not-found] .ecl-notification__description'), msg(lang, 'country.badCode', { code: 'XX' }));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the country page shows its counts in the plural forms of the language, and its lists newest first', async () => {
  for (const lang of LANGS) {
    const { page, errors } = await open(ctx(), `/country?code=FR&lang=${lang}`);
    await loaded(page, '#country-root');
    const want = (await api(`query($lang: Lang) { country(code: "FR") { name(lang: $lang) stats { practices organisations authorities events funding documents news } }
      practices(filter: {countries: ["FR"]}, first: 8, orderBy: {field: DATE, direction: DESC}) { edges { node { id startDate } } } }`, { lang: lang.toUpperCase() })).data;
    assert.equal(await page.textContent('h1'), want.country.name);
    const nf = new Intl.NumberFormat(lang);
    for (const [k, n] of Object.entries(want.country.stats)) {
      assert.equal(await page.textContent(`#country-stats li[data-stat=${k}]`), msg(lang, `country.stat_${k}`, { n: nf.format(n), count: n }), `${lang} ${k}`);
    }
    assert.ok(want.country.stats.documents === 1 && want.country.stats.practices > 1, 'the fixture gives FR one document and several practices');
    const shown = await page.locator('[data-section=practices] li').evaluateAll((els) => els.map((e) => e.dataset.id));
    const practices = want.practices.edges.map((e) => e.node);
    assert.deepEqual(shown, practices.map((p) => p.id));
    assert.ok(practices.every((p, i) => i === 0 || p.startDate <= practices[i - 1].startDate), 'the API answered newest first');
    assert.ok(practices[0].startDate > practices.at(-1).startDate, 'the fixture has practices of different dates');
    assert.equal(await page.getAttribute('[data-hook=show-on-map]', 'href'), '/?country=FR');
    await page.waitForSelector('[data-hook=country-map][data-drawn=true]');
    assert.ok((await relatedShown(page)).length > 0);
    assert.equal(await page.locator('.editor-tools').count(), 0, 'no editor tools without a token');
    await shot(page, `country-${lang}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the country page orders events upcoming first, funding by nearest deadline, documents newest first', async () => {
  const { page, errors } = await open(ctx(), '/country?code=AT&lang=en');
  await loaded(page, '#country-root');
  const day = today();
  const yesterday = new Date(Date.now() - 864e5).toISOString().slice(0, 10);
  const list = (field, filter, dir, date) => `${field}(filter: ${filter}, first: 8, orderBy: {field: DATE, direction: ${dir}}) { totalCount edges { node { id ${date} } } }`;
  const d = (await api(`query($f: ContentFilter, $up: ContentFilter, $past: ContentFilter) {
    events: ${list('events', '$up', 'ASC', 'start')} pastEvents: ${list('events', '$past', 'DESC', 'start')}
    funding: ${list('funding', '$up', 'ASC', 'deadline')} closedFunding: ${list('funding', '$past', 'DESC', 'deadline')}
    documents: ${list('documents', '$f', 'DESC', 'date')} news: ${list('news', '$f', 'DESC', 'date')} }`,
  { f: { countries: ['AT'] }, up: { countries: ['AT'], from: day }, past: { countries: ['AT'], to: yesterday } })).data;
  const checks = {
    events: { date: 'start', ok: (a, b) => a <= b, all: (x) => x >= day },
    pastEvents: { date: 'start', ok: (a, b) => a >= b, all: (x) => x < day },
    funding: { date: 'deadline', ok: (a, b) => a <= b, all: (x) => x >= day },
    closedFunding: { date: 'deadline', ok: (a, b) => a >= b, all: (x) => x < day },
    documents: { date: 'date', ok: (a, b) => (a ?? '') >= (b ?? ''), all: () => true },
    news: { date: 'date', ok: (a, b) => a >= b, all: () => true },
  };
  for (const [key, c] of Object.entries(checks)) {
    const nodes = d[key].edges.map((e) => e.node);
    const dates = nodes.map((n) => n[c.date]);
    assert.ok(nodes.length >= 2 || key === 'closedFunding' || key === 'pastEvents', `${key}: the fixture has several`);
    assert.ok(dates.every((x, i) => i === 0 || c.ok(dates[i - 1], x)), `${key}: the API's order ${dates}`);
    assert.ok(dates.filter(Boolean).every(c.all), `${key}: ${dates} on the right side of ${day}`);
    const shown = await page.locator(`[data-section=${key}] li`).evaluateAll((els) => els.map((e) => [e.dataset.id, e.dataset.date || null]));
    assert.deepEqual(shown, nodes.map((n) => [n.id, n[c.date]]), key);
  }
  // an undated document comes after the dated ones, not first
  assert.equal(d.documents.edges.at(-1).node.date, null, 'the fixture has an undated document, listed last');
  // dates shown in the page's language
  const first = d.documents.edges[0].node.date;
  const shownDate = await page.textContent(`[data-section=documents] li[data-id="${d.documents.edges[0].node.id}"] time`);
  assert.equal(shownDate, new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(first + 'T12:00:00Z')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a node page shows a document with its relations and related content with reasons', async () => {
  const id = 'document:app-guide-accueil';
  const { page, errors } = await open(ctx(), `/node?id=${encodeURIComponent(id)}&lang=fr`);
  await loaded(page);
  assert.match(await page.textContent('h1'), /Guide de l'accueil/);
  assert.ok(await page.locator('.node-meta .badge.demo').count() === 1, 'demo content is badged');
  assert.ok(await page.locator('[data-rel=publishedBy] a[href*="app-solidarite-lyon"]').count() === 1);
  const shown = await relatedShown(page);
  const want = (await api(RELATED, { id, lang: 'FR' })).data.related;
  assert.ok(want.length > 0);
  assert.deepEqual(shown.map((x) => x.id), want.map((x) => x.node.id));
  assert.deepEqual(shown.map((x) => x.reasons), want.map((x) => x.reasons.map((r) => r.text)), 'reasons in French, from the API');
  assert.ok(shown.every((x) => x.reasons.length > 0));
  assert.deepEqual(errors, []);
  await page.close();
});

const KINDS = {
  practice: 'practice:app-cafe-lyon', organisation: 'organisation:app-solidarite-lyon', document: 'document:app-guide-accueil',
  event: 'event:lyon-forum', funding: 'funding:app-amif-2026',
};

// the pages without editor tools, in every language and size: site-axe.test.mjs
for (const lang of ['en']) {
  test(`axe finds no violation on the node pages of every kind and the country page, editor tools open (${lang})`, async () => {
    assert.ok(token, 'EWSI_EDITOR_TOKEN is not set');
    const page = await ctx().newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((tok) => sessionStorage.setItem('ewsi.editorToken', tok), token);
    const pages = [...Object.entries(KINDS).map(([kind, id]) => [kind, `/node?id=${encodeURIComponent(id)}`, '#node-root']), ['country', '/country?code=FR', '#country-root']];
    for (const [name, path, root] of pages) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        await page.setViewportSize(viewport);
        await page.goto(`${base}${path}&lang=${lang}`);
        await loaded(page, root);
        await page.waitForSelector('[data-hook="related-content"][data-loaded]', { timeout: 15000 });
        await page.waitForSelector('.editor-tools[data-loaded]', { timeout: 15000 });
        for (const d of await page.locator('details').all()) await d.evaluate((el) => { el.open = true; });
        if (name === 'country') await page.waitForSelector('[data-hook=country-map][data-drawn]');
        await noViolations(page, `${name}-${lang}-${size}`);
        if (size === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 0, `${name} ${lang}: ${overflow}px wider than a phone`);
        }
      }
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('an editor links two nodes, sees the link in the history, unlinks it and the history keeps it', async () => {
  assert.ok(token, 'EWSI_EDITOR_TOKEN is not set');
  const from = 'practice:app-marseille-mentors';
  const to = 'news:app-lyon-ouverture';
  const { page, errors } = await open(ctx(), `/node?id=${encodeURIComponent(from)}&lang=en`);
  await loaded(page);
  assert.equal(await page.locator('.editor-tools').count(), 0);
  await page.click('.editor-switch summary');
  await page.fill('#editor-token', 'not-the-token-at-all');
  await page.click('.editor-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('.editor-form .field-error')?.textContent.length > 0);
  assert.equal(await page.locator('.editor-tools').count(), 0, 'a wrong token opens nothing');
  await page.fill('#editor-token', token);
  await page.click('.editor-form button[type=submit]');
  await page.waitForSelector('.editor-tools[data-loaded]');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('ewsi.editorToken') !== null && localStorage.getItem('ewsi.editorToken') === null), true);

  // pick the target with the keyboard in the type-ahead
  await page.fill('#link-by', 'test editor');
  await page.locator('#link-target').pressSequentially('nouveau café langues', { delay: 20 });
  await page.waitForSelector(`#link-target-list [data-id="${to}"]`, { timeout: 10000 });
  const options = await page.locator('#link-target-list [role=option]').evaluateAll((els) => els.map((e) => e.dataset.id));
  for (let i = 0; i <= options.indexOf(to); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.selectOption('#link-type', 'SEE_ALSO');
  await page.fill('#link-note', 'same language café');
  await page.click('.link-form button[type=submit]');
  const row = `.history tr[data-from="${from}"][data-to="${to}"]`;
  await page.waitForSelector(`${row}[data-active=true]`);
  assert.match(await page.textContent(row), /test editor/);
  assert.match(await page.textContent(row), /same language café/);
  const hist = await api(`{ linkHistory(id: "${from}") { to type active by note } }`, {}, token);
  assert.deepEqual(hist.data.linkHistory.filter((l) => l.to === to), [{ to, type: 'SEE_ALSO', active: true, by: 'test editor', note: 'same language café' }]);
  // the page's related content follows: the linked node now shows, with the editor's link as a reason
  await page.waitForSelector(`#node-root > [data-hook="related-content"] .related-item[data-id="${to}"] .reason[data-kind=EDITOR_LINK]`);
  await shot(page, 'editor');

  await page.click(`${row} button.unlink`);
  await page.waitForSelector(`${row}[data-active=false]`);
  assert.equal(await page.textContent(`${row} .state`), msg('en', 'related.retired'));
  const after = await api(`{ linkHistory(id: "${from}") { to active unlinkedBy } }`, {}, token);
  assert.deepEqual(after.data.linkHistory.filter((l) => l.to === to), [{ to, active: false, unlinkedBy: 'test editor' }]);
  await page.waitForSelector('#node-root > [data-hook="related-content"][data-loaded]');
  assert.equal(await page.locator('#node-root > [data-hook="related-content"] .reason[data-kind=EDITOR_LINK]').count(), 0, 'a retired link no longer relates');

  // leaving editor mode hides the tools
  await page.click('.editor-switch summary');
  await page.click('#editor-off');
  await page.waitForFunction(() => !document.querySelector('.editor-tools'));
  assert.deepEqual(errors, []);
  await page.close();
});
