// Shared set-up of the browser tests: one headless Chromium (Debian's, through
// playwright-core) per test file, offline except for the server under test, a
// GraphQL helper to ask the API what the page should show, and axe-core.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const base = process.env.EWSI_URL;
export const artifacts = process.env.EWSI_ARTIFACTS || 'test-artifacts';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

/** browser starts Chromium before the tests of the file and closes it after;
ctx() returns its context. */
export function browser() {
  let ctx;
  let profile;
  before(async () => {
    assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
    assert.ok(process.env.CHROMIUM, 'CHROMIUM is not set: it names the chromium binary');
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'ewsi-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 },
    });
    // offline: anything not from our server fails, so a CDN dependency would show
    await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
  });
  after(async () => {
    await ctx?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return () => ctx;
}

/** open opens path in a new page and collects its script errors. */
export async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + path);
  return { page, errors };
}

/** api asks the GraphQL API directly; token is the editor's, if any. */
export async function api(query, variables = {}, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(base + '/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return r.json();
}

/** axeBuilder is axe-core for page, run by axe.run inside the page itself
(@axe-core/playwright's legacy mode). The default mode runs axe.runPartial in
each frame and then axe.finishRun in a new blank page, which injects axe-core a
second time and starts a renderer for that page: about three times the time of
a run on our pages, for the same rules and results. Every frame of our pages is
of our own origin (anything else is refused offline), and axe.run tests
same-origin frames too. Only the violations carry all their nodes (resultTypes):
the passes and incomplete rules are still listed, with one node each. */
export function axeBuilder(page) {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
}

/** noSeriousAxe runs axe-core on the page, keeps its report as name-axe.json and
fails on any serious or critical violation. */
export async function noSeriousAxe(page, name) {
  const res = await axeBuilder(page).analyze();
  writeFileSync(join(artifacts, `${name}-axe.json`), JSON.stringify(res.violations, null, 2));
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${name}`);
}

/** phone checks the page at phone width: nothing wider than the screen; it saves
a full-page screenshot as name-phone.png. */
export async function phone(page, name) {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: join(artifacts, `${name}-phone.png`), fullPage: true });
  assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than a phone`);
}

/** shot saves a screenshot as name.png. */
export async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}

/** cspViolations collects what the page's Content-Security-Policy refuses, from
the securitypolicyviolation events and the console's "Refused to" messages;
call it before page.goto. */
export async function cspViolations(page) {
  const seen = [];
  page.on('console', (m) => { if (m.text().includes('Refused to')) seen.push(m.text()); });
  await page.exposeFunction('__cspViolation', (v) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

/** axeReport runs axe-core on the page and writes its whole result (violations
of every impact, and what passed) as dir/name.json; it returns the violations,
each as { id, impact, help, targets }. */
export async function axeReport(page, name, dir = join(artifacts, 'axe')) {
  const res = await axeBuilder(page).analyze();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ url: res.url, violations: res.violations,
    passes: res.passes.map((p) => p.id), incomplete: res.incomplete.map((p) => p.id) }, null, 2));
  return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
