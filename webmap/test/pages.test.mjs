// Browser tests of related content (the map's panel, node pages), the country
// page and the editor tools, against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, api, noSeriousAxe, phone, shot } from './browser.mjs';

const ctx = browser();
const token = process.env.EWSI_EDITOR_TOKEN;
const RELATED = `query($id: ID!) { related(id: $id, first: 8) { node { id } reasons { text } } }`;

async function relatedShown(page, scope) {
  await page.waitForSelector(`${scope} [data-hook="related-content"][data-loaded]`, { timeout: 15000 });
  return page.locator(`${scope} [data-hook="related-content"] .related-item`).evaluateAll((els) => els.map((e) => ({
    id: e.dataset.id, reasons: [...e.querySelectorAll('.reason-text')].map((r) => r.textContent) })));
}

test('the panel of a practice on the map shows related items with their reasons', async () => {
  const id = 'practice:app-cafe-lyon';
  const { page, errors } = await open(ctx(), `/?lat=45.7533&lng=4.8431&z=14&sel=${id}&lang=en`);
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  const shown = await relatedShown(page, '#panel');
  const want = (await api(RELATED, { id })).data.related;
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

test('the country page shows the counts the API gives, its lists and related content', async () => {
  const { page, errors } = await open(ctx(), '/country.html?code=FR&lang=en');
  await page.waitForSelector('#country-stats');
  const want = (await api('{ country(code: "FR") { name stats { practices organisations authorities events funding documents news } } }')).data.country;
  const shown = await page.locator('#country-stats li').evaluateAll((els) => Object.fromEntries(els.map((e) =>
    [e.dataset.stat, Number(e.querySelector('strong').textContent.replace(/\D/g, ''))])));
  assert.deepEqual(shown, want.stats);
  assert.ok(want.stats.practices > 0 && want.stats.organisations > 0);
  assert.match(await page.textContent('h1'), new RegExp(want.name));
  assert.equal(await page.locator('[data-section=practices] li').count(), Math.min(10, want.stats.practices));
  assert.ok(await page.locator('[data-section=funding] a[href*="funding%3Aapp-amif-2026"]').count() === 1);
  assert.match(await page.textContent('.framework .no-data'), /no observation/);
  assert.ok((await relatedShown(page, '#main')).length > 0);
  assert.equal(await page.locator('.editor-tools').count(), 0, 'no editor tools without a token');
  await shot(page, 'country');
  await noSeriousAxe(page, 'country');
  await phone(page, 'country');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a node page shows a document with its relations and related content with reasons', async () => {
  const id = 'document:app-guide-accueil';
  const { page, errors } = await open(ctx(), `/node.html?id=${encodeURIComponent(id)}&lang=en`);
  await page.waitForSelector('#page-title');
  assert.match(await page.textContent('#page-title'), /Guide de l'accueil/);
  assert.equal(await page.getAttribute('#page-title span[lang]', 'lang'), 'fr');
  assert.ok(await page.locator('#page-title .badge.demo').count() === 1, 'demo content is badged');
  assert.ok(await page.locator('[data-rel=publishedBy] a[href*="app-solidarite-lyon"]').count() === 1);
  const shown = await relatedShown(page, '#main');
  const want = (await api(RELATED, { id })).data.related;
  assert.ok(want.length > 0);
  assert.deepEqual(shown.map((x) => x.id), want.map((x) => x.node.id));
  assert.ok(shown.every((x) => x.reasons.length > 0));
  await shot(page, 'node');
  await noSeriousAxe(page, 'node');
  await phone(page, 'node');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an editor links two nodes, sees the link in the history, unlinks it and the history keeps it', async () => {
  assert.ok(token, 'EWSI_EDITOR_TOKEN is not set');
  const from = 'practice:app-marseille-mentors';
  const to = 'news:app-lyon-ouverture';
  const { page, errors } = await open(ctx(), `/node.html?id=${encodeURIComponent(from)}&lang=en`);
  await page.waitForSelector('#page-title');
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
  await page.waitForSelector(`#main > [data-hook="related-content"] .related-item[data-id="${to}"] .reason[data-kind=EDITOR_LINK]`);
  await shot(page, 'editor');
  await noSeriousAxe(page, 'editor');

  await page.click(`${row} button.unlink`);
  await page.waitForSelector(`${row}[data-active=false]`);
  assert.match(await page.textContent(`${row} .state`), /retired/);
  const after = await api(`{ linkHistory(id: "${from}") { to active unlinkedBy } }`, {}, token);
  assert.deepEqual(after.data.linkHistory.filter((l) => l.to === to), [{ to, active: false, unlinkedBy: 'test editor' }]);
  await page.waitForSelector(`#main > [data-hook="related-content"][data-loaded]`);
  assert.equal(await page.locator(`#main > [data-hook="related-content"] .reason[data-kind=EDITOR_LINK]`).count(), 0, 'a retired link no longer relates');

  // leaving editor mode hides the tools
  await page.click('.editor-switch summary');
  await page.click('#editor-off');
  await page.waitForFunction(() => !document.querySelector('.editor-tools'));
  assert.deepEqual(errors, []);
  await page.close();
});
