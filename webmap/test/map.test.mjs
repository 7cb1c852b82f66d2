// Browser tests of the map: playwright-core drives Debian's Chromium headless
// against the real server that webmap/browser_test.go started (EWSI_URL),
// offline (browser.mjs refuses every request to another origin).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, artifacts, api, cspViolations, axeBuilder } from './browser.mjs';

const ctx = browser();
const measures = {};
const axeFigures = {};

after(() => {
  writeFileSync(join(artifacts, 'map-measures.json'), JSON.stringify(measures, null, 2));
  writeFileSync(join(artifacts, 'map-axe-figures.json'), JSON.stringify(axeFigures, null, 2));
});

/** open opens the map at query and waits for its first markers; it collects
script errors and console errors (a missing message logs one). */
async function open(query, { size } = {}) {
  const page = await ctx().newPage();
  if (size) await page.setViewportSize(size);
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  const t0 = Date.now();
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 15000 });
  const firstMarkers = Date.now() - t0;
  return { page, errors, requests, firstMarkers };
}

const urlParam = (page, k) => new URL(page.url()).searchParams.get(k);
const total = async (page) => Number(await page.getAttribute('#list-count', 'data-total'));
const loads = async (page) => Number((await page.getAttribute('body', 'data-layer-loads')) || 0);
async function nextLoad(page, n) {
  await page.waitForFunction((k) => Number(document.body.dataset.layerLoads || 0) > k, n, { timeout: 20000 });
}
const shapesDrawn = (page) => page.waitForSelector('path.leaflet-interactive', { state: 'attached', timeout: 15000 });
const referenceLoaded = (page) => page.waitForFunction(() => document.getElementById('f-country').options.length > 1);

/** pointOf returns the page coordinates of a place on the map. */
async function pointOf(page, lat, lon) {
  const box = await page.locator('#map').boundingBox();
  // Leaflet's map is reachable through the marker pane's owner; the page keeps no
  // global, so project with the map's own CRS by asking a marker-free helper:
  // the map is Web Mercator, centred on the URL's view.
  const view = await page.evaluate(() => {
    const q = new URLSearchParams(location.search);
    return { lat: Number(q.get('lat')), lng: Number(q.get('lng')), z: Number(q.get('z')) };
  });
  const scale = 256 * 2 ** view.z;
  const x = (lng) => ((lng + 180) / 360) * scale;
  const y = (la) => ((1 - Math.log(Math.tan((la * Math.PI) / 180) + 1 / Math.cos((la * Math.PI) / 180)) / Math.PI) / 2) * scale;
  return { x: box.x + box.width / 2 + (x(lon) - x(view.lng)), y: box.y + box.height / 2 + (y(lat) - y(view.lat)) };
}

test('the map loads with clusters, countries and place names, offline', async () => {
  const { page, errors, requests, firstMarkers } = await open('?lat=50&lng=10&z=4&lang=en');
  measures.firstMarkersMs = firstMarkers;
  assert.ok(await page.locator('.m.cluster').count() > 0, 'no cluster on the map of Europe');
  await shapesDrawn(page);
  assert.ok(await page.locator('path.leaflet-interactive').count() > 100, 'the country shapes are not drawn');
  await page.waitForFunction(() => Number(document.getElementById('map').dataset.places || 0) > 0);
  const names = await page.locator('.place').allTextContents();
  assert.ok(names.includes('Paris') && names.includes('Berlin'), `capitals not named at zoom 4: ${names.slice(0, 20)}`);
  assert.equal(await page.locator('img.leaflet-tile').count(), 0, 'the offline map loads tiles');
  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), [], 'requests to other origins');
  assert.ok(requests.some((u) => u.includes('/basemap/places-world.json')), 'the place names were not loaded');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(artifacts, 'map.png') });
  await page.close();
});

test('at city zoom the offline map names the places around', async () => {
  const { page, errors } = await open('?lat=45.7640&lng=4.8357&z=12&lang=en');
  await page.waitForFunction(() => Number(document.getElementById('map').dataset.places || 0) > 5, null, { timeout: 10000 });
  const names = await page.locator('.place').allTextContents();
  // Lyon and its neighbouring towns (GeoNames), none of which the graph's data names
  for (const n of ['Lyon', 'Villeurbanne', 'Vénissieux']) assert.ok(names.includes(n), `${n} is not named at zoom 12: ${names}`);
  // the labels stand on land that has a colour of its own, under the markers
  const paneZ = await page.evaluate(() => [getComputedStyle(document.querySelector('.places-pane')).zIndex, getComputedStyle(document.querySelector('.leaflet-marker-pane')).zIndex]);
  assert.ok(Number(paneZ[0]) < Number(paneZ[1]), `place names above the markers: ${paneZ}`);
  await page.screenshot({ path: join(artifacts, 'map-city-zoom.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('country shapes are split at the antimeridian: the Norwegian Sea is no country, Moscow is Russia', async () => {
  // the built file: no ring of Russia, Fiji or the United States spans more than half the world
  const topo = await (await fetch(`${base}/basemap/countries.json`)).json();
  const { feature } = await import('topojson-client');
  const fc = feature(topo, topo.objects.countries);
  for (const iso2 of ['RU', 'FJ', 'US']) {
    const f = fc.features.find((x) => x.properties.iso2 === iso2);
    assert.ok(f, `${iso2} is not among the shapes`);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) {
      const xs = ring.map((p) => p[0]);
      for (let i = 1; i < xs.length; i++) assert.ok(Math.abs(xs[i] - xs[i - 1]) < 180, `${iso2}: an edge crosses the map from ${xs[i - 1]} to ${xs[i]}`);
    }
  }
  // and in the browser: a click on the sea opens nothing, a click on Moscow opens Russia
  const { page } = await open('?lat=62.0000&lng=20.0000&z=4&lang=en');
  await shapesDrawn(page);
  await referenceLoaded(page);
  const sea = await pointOf(page, 70, 0);
  await page.mouse.click(sea.x, sea.y);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#panel').isHidden(), true, `a click on the Norwegian Sea opened: ${await page.locator('#panel').textContent()}`);
  const moscow = await pointOf(page, 55.7558, 37.6173);
  await page.mouse.click(moscow.x, moscow.y);
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.equal(await page.locator('#panel-title').textContent(), 'Russia');
  await page.close();
});

test('a cluster click zooms to where it splits', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  const z = Number(urlParam(page, 'z'));
  const n = await loads(page);
  await page.locator('.leaflet-marker-icon:has(.m.cluster)').first().click();
  await nextLoad(page, n);
  assert.ok(Number(urlParam(page, 'z')) > z, `zoom stayed at ${urlParam(page, 'z')}`);
  await page.close();
});

test('clusters are named by their place in the list, with counts by kind', async () => {
  const { page, errors } = await open('?lat=50&lng=10&z=4&lang=en');
  const b = await page.evaluate(() => {
    const q = new URLSearchParams(location.search);
    return { lat: Number(q.get('lat')), lng: Number(q.get('lng')), z: Number(q.get('z')) };
  });
  assert.equal(b.z, 4);
  const names = await page.locator('.cluster-item .cluster-name').allTextContents();
  assert.ok(names.length > 0, 'no cluster in the list');
  assert.ok(names.every((x) => !/zoom in/i.test(x) && !/^Cluster of/.test(x)), `clusters still unnamed: ${names}`);
  // the API's names of the clusters appear in the list, with their country's name
  const d = (await api(`{ mapLayer(bbox: {west: -40, south: 20, east: 60, north: 75}, zoom: 4) { clusters { count place { name country } counts { kind count } } } }`)).data;
  const named = d.mapLayer.clusters.filter((c) => c.place).sort((a, b2) => b2.count - a.count);
  assert.ok(named.length > 0, 'the API names no cluster');
  const top = named[0];
  const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(top.place.country);
  assert.ok(names.some((x) => x.startsWith(`Around ${top.place.name} (${country})`)), `no "Around ${top.place.name} (${country})" in ${names}`);
  const counts = await page.locator('.cluster-item .cluster-counts').allTextContents();
  assert.ok(counts.some((x) => /\d+ practices?/.test(x)), `no counts by kind: ${counts.slice(0, 5)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the legend shows each kind by shape and colour, and the choropleth can be switched off', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  await shapesDrawn(page);
  await referenceLoaded(page);
  const entries = await page.locator('#legend-body li[data-kind]').evaluateAll((lis) => lis.map((li) => ({
    kind: li.dataset.kind, shape: li.querySelector('svg')?.getAttribute('class') || li.querySelector('.m.cluster')?.className,
    fill: li.querySelector('svg [fill]')?.getAttribute('fill') || getComputedStyle(li.querySelector('.m')).backgroundColor, text: li.textContent.trim() })));
  assert.equal(entries.length, 6, JSON.stringify(entries));
  assert.equal(new Set(entries.map((e) => e.shape)).size, 6, `shapes repeat: ${JSON.stringify(entries)}`);
  assert.equal(new Set(entries.map((e) => e.fill)).size, 6, `colours repeat: ${JSON.stringify(entries)}`);
  // the clusters' colour is none of the choropleth's
  const clusterBg = await page.locator('.m.cluster').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const fills = async () => new Set(await page.locator('path.leaflet-interactive').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))));
  const on = await fills();
  assert.ok(on.size > 2, `the choropleth colours ${on.size} ways`);
  const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
  assert.ok(!on.has(hex(clusterBg)), `clusters share the choropleth's ${hex(clusterBg)}`);
  await page.selectOption('#f-choropleth', 'none');
  await page.waitForFunction(() => document.body.dataset.choropleth === 'none');
  const off = await fills();
  assert.equal(off.size, 1, `with the choropleth off the countries still have ${off.size} fills`);
  assert.equal(urlParam(page, 'choropleth'), 'none');
  assert.equal(await page.locator('#legend-body .legend-scale').count(), 0);
  await page.close();
});

test('a marker is a button: Enter opens the panel with focus in it, Escape brings focus back', async () => {
  const { page, errors } = await open('?lat=45.764&lng=4.8357&z=17&lang=en');
  const marker = page.locator('.leaflet-marker-icon[title="Local authority: Lyon"]');
  assert.equal(await marker.getAttribute('role'), 'button');
  await marker.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) .practice-title', { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('panel').contains(document.activeElement)), true, 'focus did not move into the panel');
  const titles = await page.locator('#panel .practice-title').allTextContents();
  assert.ok(titles.some((x) => x.includes('Cafés de langue pour parents')), `panel practices: ${titles}`);
  assert.equal(urlParam(page, 'sel'), 'authority:lyon');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#panel').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('title')), 'Local authority: Lyon');
  // Space works too
  await page.keyboard.press(' ');
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.match(await page.locator('#panel-title').textContent(), /Lyon/);
  assert.equal(await page.evaluate(() => document.getElementById('panel').contains(document.activeElement)), true);
  await page.locator('#panel-close').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a cluster is a button too: Enter zooms in', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  const n = await loads(page);
  const cluster = page.locator('.leaflet-marker-icon:has(.m.cluster)').first();
  assert.match(await cluster.getAttribute('aria-label'), /zoom in/);
  await cluster.focus();
  await page.keyboard.press('Enter');
  await nextLoad(page, n);
  assert.ok(Number(urlParam(page, 'z')) > 4);
  await page.close();
});

test('choosing a country zooms to it, and so does arriving with ?country=', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  await shapesDrawn(page);
  await referenceLoaded(page);
  const n = await loads(page);
  await page.selectOption('#f-country', 'PL');
  await nextLoad(page, n);
  await page.waitForFunction(() => Number(new URLSearchParams(location.search).get('z')) >= 5);
  const lat = Number(urlParam(page, 'lat'));
  const lng = Number(urlParam(page, 'lng'));
  assert.ok(lat > 49 && lat < 55 && lng > 14 && lng < 24.2, `centre ${lat},${lng} is not over Poland`);
  assert.equal(urlParam(page, 'country'), 'PL');
  await page.close();
  // the country page's "Show on the map" link: /?country=PT
  const arrival = await open('?country=PT&lang=en');
  await arrival.page.waitForFunction(() => Number(new URLSearchParams(location.search).get('z')) >= 5, null, { timeout: 10000 });
  const c = [Number(urlParam(arrival.page, 'lat')), Number(urlParam(arrival.page, 'lng'))];
  assert.ok(c[0] > 36.9 && c[0] < 42.2 && c[1] > -9.6 && c[1] < -6.1, `centre ${c} is not over mainland Portugal`);
  await arrival.page.close();
});

test('a filter changes the count, and the list follows', async () => {
  const { page } = await open('?lat=50&lng=10&z=4&lang=en');
  const before = await total(page);
  const n = await loads(page);
  await page.locator('input[name=kinds][value=PRACTICE]').uncheck();
  await nextLoad(page, n);
  const afterCount = await total(page);
  assert.ok(afterCount > 0 && afterCount < before, `count ${before} -> ${afterCount}`);
  assert.equal(urlParam(page, 'kinds'), 'LOCAL_AUTHORITY,REGIONAL_AUTHORITY,ORGANISATION,EVENT');
  assert.ok(await page.locator('#list-items button').count() > 0);
  await page.close();
});

test('a keyboard user reaches a point through the list, and focus returns to it', async () => {
  // Berlin: no other test adds content there (points near Lyon cluster once the
  // contribution tests have run)
  const { page } = await open('?lat=52.5219&lng=13.4132&z=16&lang=en');
  // the list is drawn again with each load of the view: focus it once loading is over
  await page.waitForLoadState('networkidle');
  // a point's item (class item), not a cluster; its name is read
  const button = page.locator('#list-items button.item[data-id]').first();
  const id = await button.getAttribute('data-id');
  const name = await button.locator(':scope > span').first().textContent();
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.ok((await page.locator('#panel-title').textContent()).includes(name), `the panel is not titled by ${name}`);
  assert.equal(await page.evaluate(() => document.getElementById('panel').contains(document.activeElement)), true);
  await page.keyboard.press('Escape');
  // closing the panel widens the map, which loads and draws its view again: focus
  // must be on the point once that is over
  await page.waitForLoadState('networkidle');
  await page.waitForFunction((want) => document.activeElement?.dataset?.id === want, id, { timeout: 5000 })
    .catch(() => {});
  const active = await page.evaluate(() => ({ id: document.activeElement?.dataset.id, text: document.activeElement?.textContent || '' }));
  assert.equal(active.id, id, `focus is on ${active.text.slice(0, 80)}`);
  await page.close();
});

test('a permalink restores view, filters, selection and language', async () => {
  const q = '?lat=52.5200&lng=13.4050&z=6&theme=social-cohesion&kinds=PRACTICE&sel=practice:berlin-welcome&lang=de';
  const { page, errors } = await open(q);
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.match(await page.locator('#panel-title').textContent(), /Willkommenszentrum Berlin/);
  await page.waitForFunction(() => document.getElementById('f-theme').options.length > 1);
  assert.equal(await page.inputValue('#f-theme'), 'social-cohesion');
  assert.equal(await page.locator('input[name=kinds][value=PRACTICE]').isChecked(), true);
  assert.equal(await page.locator('input[name=kinds][value=EVENT]').isChecked(), false);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.locator('h1').first().textContent(), 'Karte lokaler und regionaler guter Praxis');
  assert.equal(urlParam(page, 'z'), '6');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the map runs under a strict Content-Security-Policy with no violation', async () => {
  const page = await ctx().newPage();
  const violations = await cspViolations(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const resp = await page.goto(`${base}/?lat=50&lng=10&z=4&lang=en`);
  const csp = resp.headers()['content-security-policy'] || '';
  assert.match(csp, /script-src 'self'(;|$)/, `the map page's policy allows more than its own scripts: ${csp}`);
  assert.match(csp, /frame-ancestors 'none'/);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 15000 });
  await shapesDrawn(page);
  await page.locator('#list-items button').first().click();
  await page.waitForTimeout(500);
  await page.waitForFunction(() => document.getElementById('f-theme').options.length > 1);
  await page.selectOption('#f-theme', { index: 1 });
  await page.waitForTimeout(1000);
  assert.deepEqual(violations, [], 'Content-Security-Policy violations');
  assert.deepEqual(errors, []);
  await page.close();
});

/** noAxe runs axe-core and fails on any violation, whatever its impact. */
async function noAxe(page, name) {
  const res = await axeBuilder(page).analyze();
  writeFileSync(join(artifacts, `${name}-axe.json`), JSON.stringify(res.violations, null, 2));
  axeFigures[name] = { violations: res.violations.length, passes: res.passes.length, incomplete: res.incomplete.length };
  assert.deepEqual(res.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${name}`);
}

// the map with filters and a panel open in each language and size is in the
// site-wide matrix (site-axe.test.mjs); here, the list's first item's panel
for (const lang of ['en']) {
  for (const size of [{ width: 1280, height: 800, name: 'desktop' }, { width: 390, height: 844, name: 'phone' }]) {
    test(`axe finds no violation on the map in ${lang} on a ${size.name}, filters and panel open`, async () => {
      const { page, errors } = await open(`?lat=45.7600&lng=4.8420&z=15&lang=${lang}`, { size });
      await shapesDrawn(page);
      await referenceLoaded(page);
      await page.evaluate(() => { document.getElementById('filters-box').open = true; });
      await noAxe(page, `map-${lang}-${size.name}-filters`);
      await page.screenshot({ path: join(artifacts, `map-${lang}-${size.name}.png`) });
      await page.locator('#list-items button[data-id]').first().click();
      await page.waitForSelector('#panel:not([hidden]) #panel-title');
      await page.waitForTimeout(500);
      await noAxe(page, `map-${lang}-${size.name}-panel`);
      await page.screenshot({ path: join(artifacts, `map-${lang}-${size.name}-panel.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test('on a phone the header is compact, the filters fold and the panel leaves most of the map seen', async () => {
  const { page } = await open('?lat=45.7600&lng=4.8420&z=15&lang=en', { size: { width: 390, height: 844 } });
  assert.equal(await page.evaluate(() => document.getElementById('filters-box').open), false, 'the filters are open on a phone');
  const mapBox = await page.locator('#map').boundingBox();
  measures.phoneMapTop = mapBox.y;
  measures.phoneMapHeight = mapBox.height;
  // the site header, the title and the folded filters above the map take at most 200 px
  assert.ok(mapBox.y <= 200, `the map starts ${mapBox.y}px down a phone's screen`);
  assert.ok(mapBox.height >= 844 * 0.5, `the map is ${mapBox.height}px tall on an 844px screen`);
  await page.locator('#list-items button[data-id]').first().click();
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  const panel = await page.locator('#panel').boundingBox();
  measures.phonePanelHeight = panel.height;
  assert.ok(panel.height <= 844 * 0.45, `the panel is ${panel.height}px tall on an 844px screen`);
  await page.screenshot({ path: join(artifacts, 'map-phone.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  await page.close();
});

/** withBasemap opens the map as an operator's EWSI_BASEMAP would set it: the
page's <body> attributes rewritten on the way, and the service's files (on this
server's own origin, since the tests run offline) answered by the route. */
async function withBasemap(type, url, attribution, files) {
  const page = await ctx().newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route((u) => u.pathname === '/', async (route) => {
    const resp = await route.fetch();
    const html = (await resp.text())
      .replace('data-basemap-type="offline"', `data-basemap-type="${type}"`)
      .replace(/data-basemap-url="[^"]*"/, `data-basemap-url="${url}"`)
      .replace(/data-basemap-attribution="[^"]*"/, `data-basemap-attribution="${attribution}"`);
    await route.fulfill({ response: resp, body: html });
  });
  await page.route((u) => u.pathname.startsWith('/operator-basemap/'), (route) => route.fulfill(files(route.request().url())));
  await page.goto(`${base}/?lat=48.8566&lng=2.3522&z=6&lang=en`);
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 15000 });
  await shapesDrawn(page);
  return { page, errors };
}

// a 1x1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test("an operator's XYZ basemap replaces the offline land and names, with its attribution", async () => {
  const { page, errors } = await withBasemap('xyz', `${base}/operator-basemap/{z}/{x}/{y}.png`, 'Tiles &lt;b&gt;Example&lt;/b&gt;',
    () => ({ status: 200, contentType: 'image/png', body: PNG }));
  await page.waitForSelector('img.leaflet-tile', { state: 'attached', timeout: 10000 });
  const src = await page.locator('img.leaflet-tile').first().getAttribute('src');
  assert.match(src, /\/operator-basemap\/6\/\d+\/\d+\.png$/);
  assert.equal(await page.locator('.place').count(), 0, 'the offline place names are drawn over the tiles');
  // the attribution is shown as text, never as markup
  const attribution = await page.locator('.leaflet-control-attribution').textContent();
  assert.ok(attribution.includes('Tiles <b>Example</b>'), attribution);
  assert.equal(await page.locator('.leaflet-control-attribution b').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an operator's MapLibre style is drawn through maplibre-gl-leaflet, with its attribution", async () => {
  const style = { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#a0c8e0' } }] };
  const { page, errors } = await withBasemap('style', `${base}/operator-basemap/style.json`, 'Example style',
    () => ({ status: 200, contentType: 'application/json', body: JSON.stringify(style) }));
  await page.waitForSelector('.leaflet-gl-layer', { state: 'attached', timeout: 15000 });
  assert.ok(await page.locator('canvas.maplibregl-canvas, .leaflet-gl-layer canvas').count() > 0, 'no MapLibre canvas');
  assert.match(await page.locator('.leaflet-control-attribution').textContent(), /Example style/);
  assert.equal(await page.locator('.place').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
