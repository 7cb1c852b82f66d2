// Measures how long the map takes to put its first markers on screen in
// headless Chromium (playwright-core driving Debian's chromium), against a
// running server, and what the map page weighs on the wire; prints JSON.
// Cold: every round opens the map in a new browser context (an empty HTTP cache)
// at a different place of Europe. Warm: the same context opens the map again at
// the next place (HTTP cache filled, the server's caches warm too).
// Weight: a cold load of the map at its default view until the network is idle,
// summing the encoded (compressed, as transferred, headers included) length of
// every response from the DevTools protocol's Network.loadingFinished events.
// Usage: node webmap/bench/firstmarkers.mjs http://127.0.0.1:PORT [rounds]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const base = process.argv[2];
const rounds = Number(process.argv[3] || 10);
if (!base || !(rounds > 0)) {
  console.error('usage: node webmap/bench/firstmarkers.mjs http://127.0.0.1:PORT [rounds]');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const places = [[50, 10, 4], [48.2, 16.4, 6], [41.9, 12.5, 5], [52.5, 13.4, 8], [40.4, -3.7, 6], [59.3, 18.1, 5], [45.76, 4.84, 10]];

async function context() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // offline: anything not from our server fails
  await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
  return ctx;
}

/** firstMarkers opens the map at place i in ctx and returns the ms until a marker shows. */
async function firstMarkers(ctx, i) {
  const page = await ctx.newPage();
  const [lat, lng, z] = places[i % places.length];
  const t0 = Date.now();
  await page.goto(`${base}/?lat=${lat}&lng=${lng}&z=${z}&lang=en`);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 30000 });
  const ms = Date.now() - t0;
  await page.close();
  return ms;
}

/** weight loads the map page once with an empty cache and sums what came over the wire. */
async function weight() {
  const ctx = await context();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map();
  const out = { bytes: 0, requests: 0, byType: {} };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const ty = (types.get(e.requestId) || 'Other').toLowerCase();
    out.bytes += e.encodedDataLength;
    out.requests++;
    out.byType[ty] = (out.byType[ty] || 0) + e.encodedDataLength;
  });
  await page.goto(`${base}/?lang=en`);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return out;
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  // nearest rank: the smallest value with at least p of the runs at or below it
  const q = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return { rounds: times.length, p50Ms: q(0.5), p95Ms: q(0.95), maxMs: sorted[sorted.length - 1], times };
}

const cold = [];
const warm = [];
let page;
try {
  for (let i = 0; i < rounds; i++) {
    const ctx = await context();
    cold.push(await firstMarkers(ctx, i));
    warm.push(await firstMarkers(ctx, i + 1));
    await ctx.close();
  }
  page = await weight();
} finally {
  await browser.close();
}
const c = stats(cold);
// p50Ms, maxMs and firstMs keep the cold figures under the names of the earlier output
console.log(JSON.stringify({ ...c, firstMs: cold[0], cold: c, warm: stats(warm), weight: page }));
