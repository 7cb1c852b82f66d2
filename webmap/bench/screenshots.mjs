// Saves every page of the site (webmap/test/site.mjs's table, with each page's
// main states) in English, French and German at desktop and phone size as PNGs
// into a folder, with an index.html listing them by page. Run by
// `make screenshots` (go run ./bench -only screenshots) against a served demo.
// Usage: EWSI_URL=http://127.0.0.1:PORT node webmap/bench/screenshots.mjs OUTDIR
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, SIZES, ids, cleanPaths, routes, matrix, visit } from '../test/site.mjs';

const base = process.env.EWSI_URL;
const out = process.argv[2];
if (!base || !out) {
  console.error('usage: EWSI_URL=http://127.0.0.1:PORT node webmap/bench/screenshots.mjs OUTDIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
const browser = await chromium.launch({ executablePath, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const ctx = await browser.newContext();
await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
const clean = await cleanPaths(base);
const shots = [];
try {
  for (const p of matrix(routes(await ids()))) {
    for (const lang of LANGS) {
      for (const size of Object.keys(SIZES)) {
        const file = `${p.name}-${lang}-${size}.png`;
        const { page, problems } = await visit(ctx, base, p.route, p.state, lang, size, clean);
        await page.screenshot({ path: join(out, file), fullPage: true });
        shots.push({ page: p.name, lang, size, file, url: page.url().slice(base.length), problems });
        await page.close();
        console.log(`screenshots: ${file}${problems.length ? ` (${problems.join('; ')})` : ''}`);
      }
    }
  }
} finally {
  await browser.close();
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const rows = [...new Set(shots.map((s) => s.page))].map((name) => {
  const cells = shots.filter((s) => s.page === name).map((s) => `<figure><a href="${esc(s.file)}"><img src="${esc(s.file)}" alt="${esc(`${name}, ${s.lang}, ${s.size}`)}" loading="lazy"></a>
<figcaption>${esc(s.lang)} · ${esc(s.size)} · <code>${esc(s.url)}</code>${s.problems.length ? `<br><strong>${esc(s.problems.join('; '))}</strong>` : ''}</figcaption></figure>`);
  return `<section><h2 id="${esc(name)}">${esc(name)}</h2>\n${cells.join('\n')}</section>`;
});
writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>EWSI Graph: screenshots</title>
<style>body{font-family:sans-serif;margin:1rem}section{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
h2{flex-basis:100%;margin:1.5rem 0 0}figure{margin:0;width:260px}img{width:260px;max-height:400px;object-fit:cover;object-position:top;border:1px solid #999}
figcaption{font-size:.8rem}</style></head>
<body><h1>Screenshots: ${shots.length} of ${rows.length} pages and states, ${LANGS.join(', ')}, ${Object.keys(SIZES).join(' and ')}</h1>
<p>Served from ${esc(base)} (${clean ? 'clean paths' : 'old .html files'}), ${new Date().toISOString()}.</p>
<nav><ul>${[...new Set(shots.map((s) => s.page))].map((n) => `<li><a href="#${esc(n)}">${esc(n)}</a></li>`).join('')}</ul></nav>
${rows.join('\n')}
</body></html>
`);
console.log(`screenshots: ${shots.length} PNGs and index.html in ${out}`);
