// axe-core on every page of the site, in English, French and German, at desktop
// and phone sizes, with the pages' main states opened: 0 violations of any impact
// (issue 12, "Quality bar"). Each run's report is written as
// test-artifacts/axe/<page>-<lang>-<size>.json, and a summary of the counts per
// page as test-artifacts/axe/summary.json and summary.txt.
// The same visits at desktop size check the page's words: in French and German
// no English UI string (the English message values that French or German
// translate), content marked with its own lang aside; in no language
// "undefined", "NaN", a raw message key or numbers grouped the way of another
// language (what each page showed wrong: test-artifacts/i18n/summary.json).
// EWSI_SITE_PAGES=regexp runs only the pages whose name matches;
// EWSI_SITE_WORKERS=n runs n of a page's six runs at once (default 2).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, artifacts, axeReport } from './browser.mjs';
import { LANGS, SIZES, ids, cleanPaths, routes, matrix, visit } from './site.mjs';
import { loadMessages, englishTells, uiText, problems as wordProblems } from './messages.mjs';

const ctx = browser();
const only = new RegExp(process.env.EWSI_SITE_PAGES || '.');
const clean = await cleanPaths(base);
const pages = matrix(routes(await ids())).filter((p) => only.test(p.name));
const dir = join(artifacts, 'axe');
const summary = [];
const words = [];
const msgs = loadMessages(LANGS);
const keys = new Set(Object.keys(msgs.en).map((k) => k.split('#')[0]));

after(() => {
  mkdirSync(join(artifacts, 'i18n'), { recursive: true });
  writeFileSync(join(artifacts, 'i18n', 'summary.json'), JSON.stringify(words, null, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ clean, runs: summary }, null, 2));
  const lines = [`axe-core on ${summary.length} runs (${clean ? 'clean paths' : 'old .html files'}): violations by page, language and size`];
  for (const s of summary) {
    const by = {};
    for (const v of s.violations) by[v.impact] = (by[v.impact] || 0) + 1;
    const counts = ['critical', 'serious', 'moderate', 'minor'].map((k) => `${k[0]}${by[k] || 0}`).join(' ');
    lines.push(`${s.page.padEnd(28)} ${s.lang} ${s.size.padEnd(7)} ${String(s.violations.length).padStart(2)} [${counts}] ${s.violations.map((v) => `${v.id}(${v.impact},${v.targets.length})`).join(' ')}${s.problems.length ? ' | ' + s.problems.join('; ') : ''}`);
  }
  lines.push('', 'per page: runs with a violation, violations by impact, rules (runs)');
  for (const name of [...new Set(summary.map((s) => s.page))]) {
    const runs = summary.filter((s) => s.page === name);
    const by = {};
    const rules = {};
    for (const v of runs.flatMap((s) => s.violations)) {
      by[v.impact] = (by[v.impact] || 0) + 1;
      rules[`${v.id}(${v.impact})`] = (rules[`${v.id}(${v.impact})`] || 0) + 1;
    }
    lines.push(`${name.padEnd(28)} ${runs.filter((s) => s.violations.length).length}/${runs.length} runs  ${['critical', 'serious', 'moderate', 'minor'].map((k) => `${k} ${by[k] || 0}`).join(', ')}  ${Object.entries(rules).map(([r, n]) => `${r} ×${n}`).join(' ')}`);
  }
  const total = summary.reduce((n, s) => n + s.violations.length, 0);
  lines.push(`total: ${total} violations in ${summary.filter((s) => s.violations.length).length} of ${summary.length} runs`);
  writeFileSync(join(dir, 'summary.txt'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
});

// WORKERS runs of one page at once (default 2: the pages wait on the server as much as they compute)
const WORKERS = Number(process.env.EWSI_SITE_WORKERS || 2);

/** pool runs the jobs, n at a time, and returns their results in order. */
async function pool(jobs, n) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  }));
  return out;
}

for (const p of pages) {
  test(`axe finds no violation on ${p.name} in ${LANGS.join(', ')} at ${Object.keys(SIZES).join(' and ')} size, and its words are of the page's language`, async () => {
    const runs = LANGS.flatMap((lang) => Object.keys(SIZES).map((size) => async () => {
      const { page, problems } = await visit(ctx(), base, p.route, p.state, lang, size, clean);
      if (size === 'desktop' && !p.route.fixed) {
        const ui = await page.evaluate(uiText);
        const found = wordProblems(ui.text, lang, englishTells(msgs, lang === 'en' ? 'fr' : lang), keys);
        if (ui.lang !== lang) found.push(`<html lang="${ui.lang}">, want ${lang}`);
        words.push({ page: p.name, lang, problems: found });
        problems.push(...found.map((x) => `words: ${x}`));
      }
      let violations = [];
      try {
        violations = await axeReport(page, `${p.name}-${lang}-${size}`, dir);
      } catch (e) {
        problems.push(`axe did not run: ${e.message.split('\n')[0]}`);
      }
      await page.close();
      return { page: p.name, lang, size, violations, problems };
    }));
    const failures = [];
    for (const r of await pool(runs, WORKERS)) {
      summary.push(r);
      const run = `${r.page}-${r.lang}-${r.size}`;
      for (const v of r.violations) failures.push(`${run}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.slice(0, 3).join(', ')}${v.targets.length > 3 ? ` and ${v.targets.length - 3} more` : ''}`);
      for (const x of r.problems) failures.push(`${run}: ${x}`);
    }
    assert.deepEqual(failures, [], `${p.name}: ${failures.length} problems`);
  });
}
