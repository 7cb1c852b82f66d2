// Every page of the site, with its main states, in French and German shows no
// English UI string (the English message values that French or German translate),
// content marked with its own lang aside; no page in any language shows
// "undefined", "NaN", a raw message key or numbers grouped the way of another
// language. What each page showed wrong goes to test-artifacts/i18n/summary.json.
// EWSI_SITE_PAGES=regexp runs only the pages whose name matches.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, artifacts } from './browser.mjs';
import { LANGS, ids, cleanPaths, routes, matrix, visit } from './site.mjs';
import { loadMessages, englishTells, uiText, problems } from './messages.mjs';

const ctx = browser();
const only = new RegExp(process.env.EWSI_SITE_PAGES || '.');
const clean = await cleanPaths(base);
const pages = matrix(routes(await ids())).filter((p) => only.test(p.name) && !p.route.fixed);
const summary = [];

after(() => {
  const dir = join(artifacts, 'i18n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
});

test('the message files give English texts for the check to look for', () => {
  const msgs = loadMessages(LANGS);
  for (const lang of ['fr', 'de']) {
    assert.ok(englishTells(msgs, lang).length > 20, `only ${englishTells(msgs, lang).length} English messages of more than three words that ${lang} translates`);
  }
});

for (const p of pages) {
  test(`${p.name} shows no English UI text in French or German, nor undefined, raw keys or mixed numbers`, async () => {
    const msgs = loadMessages(LANGS);
    const keys = new Set(Object.keys(msgs.en).map((k) => k.split('#')[0]));
    const failures = [];
    for (const lang of LANGS) {
      const { page, problems: seen } = await visit(ctx(), base, p.route, p.state, lang, 'desktop', clean);
      const ui = await page.evaluate(uiText);
      await page.close();
      const found = problems(ui.text, lang, englishTells(msgs, lang === 'en' ? 'fr' : lang), keys);
      if (ui.lang !== lang) found.push(`<html lang="${ui.lang}">, want ${lang}`);
      summary.push({ page: p.name, lang, problems: [...found, ...seen] });
      for (const x of [...found, ...seen]) failures.push(`${p.name}-${lang}: ${x}`);
    }
    assert.deepEqual(failures, [], `${p.name}: ${failures.length} problems`);
  });
}
