// Measures how long the map takes to put its first markers on screen in
// headless Chromium (playwright-core driving Debian's chromium), against a
// running server, and prints the timings as JSON. Every round opens the map in a
// new browser context (an empty HTTP cache) at a different place of Europe.
// Usage: node webmap/bench/firstmarkers.mjs http://127.0.0.1:PORT [rounds]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const base = process.argv[2];
const rounds = Number(process.argv[3] || 10);
if (!base) {
  console.error('usage: node webmap/bench/firstmarkers.mjs http://127.0.0.1:PORT [rounds]');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const places = [[50, 10, 4], [48.2, 16.4, 6], [41.9, 12.5, 5], [52.5, 13.4, 8], [40.4, -3.7, 6], [59.3, 18.1, 5], [45.76, 4.84, 10]];
const times = [];
try {
  for (let i = 0; i < rounds; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // offline: anything not from our server fails
    await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
    const page = await ctx.newPage();
    const [lat, lng, z] = places[i % places.length];
    const t0 = Date.now();
    await page.goto(`${base}/?lat=${lat}&lng=${lng}&z=${z}&lang=en`);
    await page.waitForSelector('.leaflet-marker-icon', { timeout: 30000 });
    times.push(Date.now() - t0);
    await ctx.close();
  }
} finally {
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
console.log(JSON.stringify({ rounds: times.length, p50Ms: q(0.5), maxMs: sorted[sorted.length - 1], firstMs: times[0], times }));
