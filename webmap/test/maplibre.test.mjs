// MapLibre GL JS renders the server's vector tiles from their TileJSON: the
// circles of the tiles' features are on the map (queryRenderedFeatures), with
// no warning or error on the console (MapLibre warns about MVT version 1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { base } from './browser.mjs';

// WebGL without a GPU: SwiftShader, which recent Chromium only allows when asked
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

let ctx;
let profile;
before(async () => {
  assert.ok(base, 'EWSI_URL is not set: run these tests through `go test ./webmap`');
  profile = mkdtempSync(join(tmpdir(), 'ewsi-maplibre-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM, headless: true, args: ARGS, viewport: { width: 1024, height: 768 },
  });
  await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
});
after(async () => {
  await ctx?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

for (const layer of ['all', 'practices']) {
  test(`MapLibre renders the ${layer} tiles without a console warning`, async () => {
    const page = await ctx.newPage();
    const messages = [];
    page.on('console', (m) => {
      // Chromium's own notes on its software WebGL ("[.WebGL-…]GL Driver Message … GPU stall due to
      // ReadPixels") come from the browser's GL driver, not from MapLibre or the page: leave them out
      if (/^\[\.WebGL-[^\]]*\]GL Driver Message/.test(m.text())) return;
      if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push('pageerror: ' + e.message));
    const tiles = [];
    page.on('response', (r) => { if (r.url().includes('/tiles/')) tiles.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${base}/test-maplibre/page.html?layer=${layer}`);
    await page.waitForFunction(() => window.mapState !== 'loading', null, { timeout: 60000 });
    const state = await page.evaluate(() => window.mapState);
    assert.equal(state, 'loaded', `map state; console: ${messages.join(' | ')}`);
    const rendered = await page.evaluate(() => window.map.queryRenderedFeatures({ layers: ['points'] })
      .map((f) => ({ id: f.id, cluster: f.properties.cluster, count: f.properties.count, nodeId: f.properties.id })));
    assert.ok(rendered.length > 0, `no rendered features; tiles: ${tiles.join(', ')}`);
    for (const f of rendered) {
      assert.equal(typeof f.id, 'number', `feature id ${f.id} is not a number`);
      assert.ok(f.count >= 1, `feature count ${f.count}`);
      if (!f.cluster) assert.ok(String(f.nodeId).includes(':'), `a point without its node id: ${JSON.stringify(f)}`);
    }
    if (layer === 'practices') {
      assert.ok(rendered.every((f) => f.cluster || String(f.nodeId).startsWith('practice:')), 'a non-practice in the practices layer');
    }
    assert.ok(tiles.some((t) => /^200 .*\/tiles\/[a-z-]+\/\d+\/\d+\/\d+\.mvt/.test(t)), `no tile loaded: ${tiles.join(', ')}`);
    assert.deepEqual(messages, [], 'console warnings or errors');
    await page.close();
  });
}
