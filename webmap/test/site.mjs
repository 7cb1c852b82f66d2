// The site's pages for the cross-page browser tests (site-*.test.mjs) and the
// screenshots (bench): one table of routes, the ids asked from the API at run
// time, the languages and the two sizes. A route's states are what a visitor
// opens on it (filters, a panel, results, a form with errors); each state is
// reached by the page's own controls or URL, never by editing the DOM.
import { api } from './browser.mjs';

export const LANGS = ['en', 'fr', 'de'];
export const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

// the ids of the pages, one of each kind, from the API (never hard-coded)
const IDS = `{
  practices(first: 30) { edges { node { id location { lat lon } } } }
  organisations(first: 1) { edges { node { id } } }
  authorities(first: 1) { edges { node { id } } }
  documents(first: 1) { edges { node { id } } }
  news(first: 1) { edges { node { id } } }
  events(first: 1) { edges { node { id } } }
  funding(first: 1) { edges { node { id } } }
  themes { id slug }
  principles { id }
  countries(eu: true) { id iso2 }
  partnerRequests(first: 1) { edges { node { id } } }
  dossiers(first: 1) { edges { node { id } } }
}`;

/** ids asks the API for one node of each kind the pages show. */
export async function ids() {
  // the set-up's query is retried when the server says it took too long (a loaded machine), not on other errors
  let r = await api(IDS);
  for (let i = 0; i < 2 && r.errors?.every((e) => e.extensions?.code === 'TIMEOUT'); i++) r = await api(IDS);
  if (r.errors) throw new Error(`the page ids query failed: ${JSON.stringify(r.errors)}`);
  const d = r.data;
  const first = (c, what) => {
    const n = c.edges[0]?.node;
    if (!n) throw new Error(`the data has no ${what}: the site tests need one of each kind`);
    return n.id;
  };
  const located = d.practices.edges.map((e) => e.node).find((n) => n.location);
  if (!located) throw new Error('the data has no practice with a location');
  const fr = d.countries.find((c) => c.iso2 === 'FR') || d.countries[0];
  const theme = await partnerTheme(d.themes);
  if (!d.partnerRequests.edges.length) d.partnerRequests.edges.push({ node: await postRequest(first(d.organisations, 'organisation'), d.themes[0].id) });
  // a person of the directory, when someone shares their details (the profile page's row)
  const people = await api('{ directory(first: 1) { edges { node { id } } } }');
  const person = people.data?.directory?.edges[0]?.node.id;
  return {
    person,
    practice: located.id, practiceAt: located.location,
    practice2: d.practices.edges.map((e) => e.node.id).find((x) => x !== located.id),
    organisation: first(d.organisations, 'organisation'), authority: first(d.authorities, 'local authority'),
    document: first(d.documents, 'document'), news: first(d.news, 'news item'), event: first(d.events, 'event'),
    funding: first(d.funding, 'funding'), theme: d.themes[0].id, themeSlug: theme.slug,
    principle: d.principles[0].id, country: fr.id, countryCode: fr.iso2,
    request: first(d.partnerRequests, 'partner request'), dossier: first(d.dossiers, 'dossier'),
  };
}

/** partnerTheme is the theme whose partner search finds the most organisations,
for the partner finder's results state. */
async function partnerTheme(themes) {
  let best = null;
  for (const th of themes) {
    const r = await api('query($t: [ID!]) { findPartners(input: { themes: $t }, first: 1) { totalCount } }', { t: [th.slug] });
    const n = r.data?.findPartners.totalCount || 0;
    if (!best || n > best.n) best = { ...th, n };
  }
  if (!best?.n) throw new Error('partner search finds no organisation for any theme: the finder\'s results state needs one');
  return best;
}

const POST = `mutation($input: PartnerRequestInput!, $key: String!) {
  postPartnerRequest(input: $input, idempotencyKey: $key) { request { id } } }`;

/** postRequest posts a partner request through the API (the same one for every
test file: one idempotency key), for data that has none. */
async function postRequest(org, theme) {
  const closes = new Date(Date.now() + 60 * 864e5).toISOString().slice(0, 10);
  const input = { organisation: org, title: 'Language cafés run with newcomers', lang: 'EN', themes: [theme],
    description: 'We look for partners who run language cafés with newcomers and volunteers in their town.',
    closes, contact: { name: 'Site Tests', email: 'site-tests@example.org' } };
  const r = await api(POST, { input, key: 'site-tests-request-0001' });
  if (r.errors) throw new Error(`posting a partner request for the site tests failed: ${JSON.stringify(r.errors)}`);
  return r.data.postPartnerRequest.request;
}

/** cleanPaths tells whether the server answers the clean routes (/partners) or
only the old files (/partners.html); the frame of issue 12 adds the clean ones. */
export async function cleanPaths(base) {
  const r = await fetch(`${base}/partners`, { redirect: 'manual' });
  return r.status === 200;
}

const q = encodeURIComponent;
// the search page is ready when its results (or its nothing-found notice) are drawn
const SEARCH_READY = '#search-list[aria-busy="false"] :is(.ewsi-result-list, .ecl-notification)';

/** routes is the table of pages: name, path (clean, with its old file as the
fallback), the states to open, and what shows the page is ready. */
export function routes(id) {
  return [
    { name: 'map', path: `/?lat=${id.practiceAt.lat}&lng=${id.practiceAt.lon}&z=12`, old: '/index.html', ready: '.leaflet-marker-icon',
      states: [{ name: 'filters-panel', path: `/?lat=${id.practiceAt.lat}&lng=${id.practiceAt.lon}&z=12&sel=${q(id.practice)}`, old: '/index.html',
        open: async (page) => { await openDisclosures(page, 'select, input[type=checkbox]'); await page.waitForSelector('#panel:not([hidden])', { timeout: 10000 }); } },
      { name: 'indicator', path: '/?lat=50&lng=10&z=4&choropleth=indicator&ind=indicator%3Aemployment-rate', old: '/index.html',
        open: async (page) => { await openDisclosures(page, '#f-indicator'); await page.waitForFunction(() => (document.body.dataset.indicator || '').startsWith('indicator:'), null, { timeout: 15000 }); } }] },
    { name: 'partners', path: '/partners', ready: 'main form',
      states: [{ name: 'results', path: `/partners?themes=${q(id.themeSlug)}`,
        open: (page) => page.waitForSelector('#results-list li, [data-hook="partner-results"] li', { timeout: 15000 }) }] },
    { name: 'requests', path: '/requests', ready: 'h1',
      states: [{ name: 'form-errors', path: '/requests?post=1', open: submitEmpty }] },
    { name: 'request', path: `/requests?id=${q(id.request)}`, ready: 'h1' },
    ...['practice', 'organisation', 'authority', 'document', 'news', 'event', 'funding', 'theme', 'principle', 'country']
      .map((k) => ({ name: `node-${k}`, path: `/node?id=${q(id[k])}`, ready: 'h1' })),
    { name: 'country', path: `/country?code=${id.countryCode}`, ready: 'h1',
      states: [{ name: 'sheet-diff', path: `/country?code=${id.countryCode}`, open: showSheetDiff }] },
    { name: 'calendar', path: '/calendar?month=2027-03', ready: '[data-hook="event-count"]',
      states: [{ name: 'list', path: '/calendar?month=2027-03&view=list', open: (page) => page.waitForSelector('[data-hook="event-count"]') }] },
    { name: 'funding', path: '/funding', ready: '[data-hook="funding-count"]',
      states: [{ name: 'closed', path: '/funding?closed=1', open: (page) => page.waitForSelector('[data-hook="funding-count"]') }] },
    { name: 'compare', path: '/compare', ready: '#compare-add',
      states: [{ name: 'two', path: `/compare?id=${q(id.practice)}&id=${q(id.practice2)}`, open: (page) => page.waitForSelector('[data-hook="compare-table"]', { timeout: 15000 }) }] },
    { name: 'about', path: '/about', ready: 'h1' },
    { name: 'accessibility', path: '/accessibility', ready: 'h1' },
    { name: 'search', path: `/search?q=${q('integration')}`, ready: SEARCH_READY,
      states: [{ name: 'facets', path: '/search?q=generated&kinds=PRACTICE&sort=newest',
        open: async (page) => { await page.waitForSelector('#facet-kinds input:checked', { timeout: 15000 }); await page.waitForSelector(SEARCH_READY); } },
        { name: 'nothing', path: `/search?q=${q('generatd')}`, open: (page) => page.waitForSelector('#search-list .ewsi-did-you-mean a', { timeout: 15000 }) }] },
    { name: 'search-misses', path: '/search/misses', ready: '#misses-root[aria-busy="false"]' },
    { name: 'library', path: '/library', ready: '.ewsi-doc-list li',
      states: [{ name: 'eu-law', path: '/library?type=legislation&scope=EU', open: (page) => page.waitForSelector('.ewsi-doc-ids', { timeout: 15000 }) }] },
    { name: 'news', path: '/news', ready: '.ewsi-archive-nav h3',
      states: [{ name: 'month', path: '/news', open: openFirstMonth }] },
    { name: 'links', path: '/links', ready: '#links-list h2' },
    { name: 'framework', path: '/framework', ready: '.ewsi-timeline li' },
    { name: 'principles', path: '/principles', ready: '#principles-list h2' },
    { name: 'dossiers', path: '/dossiers', ready: '.ewsi-doc-list li',
      states: [{ name: 'dossier', path: `/dossiers?id=${q(id.dossier)}`, open: (page) => page.waitForSelector('#dossier-items', { timeout: 15000 }) }] },
    // the pages of people and accounts (a visitor's views; the account itself as a logged-in person when the server gave one)
    { name: 'register', path: '/register', ready: '#register-form', states: [{ name: 'form-errors', path: '/register', open: submitEmpty }] },
    { name: 'login', path: '/login', ready: '#login-form', states: [{ name: 'form-errors', path: '/login', open: submitEmpty }] },
    { name: 'reset', path: '/account/reset', ready: '#reset-form', states: [{ name: 'form-errors', path: '/account/reset', open: submitEmpty }] },
    { name: 'reset-token', path: '/account/reset?token=not-a-real-token', ready: '#reset-form', states: [{ name: 'form-errors', path: '/account/reset?token=not-a-real-token', open: submitEmpty }] },
    { name: 'confirm', path: '/account/confirm?token=not-a-real-token', ready: '#confirm-form',
      states: [{ name: 'bad-link', path: '/account/confirm?token=not-a-real-token', open: sendConfirm }] },
    { name: 'confirm-missing', path: '/account/confirm', ready: 'h1' },
    { name: 'account', path: '/account', ready: '#account-root:not([aria-busy])',
      states: process.env.EWSI_MEMBER_EMAIL ? [{ name: 'signed-in', path: '/account', open: signIn }] : [] },
    { name: 'people', path: '/people', ready: '#people-count',
      states: [{ name: 'filtered', path: `/people?country=${id.countryCode}`, open: (page) => page.waitForSelector('#people-list li, #people-count:not(:empty)') }] },
    ...(id.person ? [{ name: 'person', path: `/people?id=${q(id.person)}`, ready: '#person:not([aria-busy])' }] : []),
    { name: 'person-missing', path: `/people?id=${q('person:nobody-here')}`, ready: '#person:not([aria-busy])' },
    { name: 'contribute', path: '/contribute', ready: '#contribute-form',
      states: [{ name: 'event-form', path: '/contribute?kind=EVENT', open: (page) => page.waitForSelector('#f-start', { timeout: 10000 }) }] },
    { name: 'moderation', path: '/moderation', ready: '#queue-message' },
    { name: 'contributors', path: '/contributors', ready: '#report-total' },
    { name: 'not-found', path: '/no-such-page', status: 404 },
    { name: 'graphiql', path: '/graphiql', ready: '.graphiql-container', fixed: true },
  ];
}

/** pathFor gives the URL path of a route or state in a language: the clean path,
or the old file where the server has no clean routes yet. fixed routes (the API's
GraphiQL) take no language. */
export function pathFor(r, lang, clean) {
  let p = r.path;
  if (!clean) {
    const [path, query] = p.split('?');
    const old = r.old || (path === '/' || path.startsWith('/no-such') || path === '/graphiql' ? path : `${path}.html`);
    p = query ? `${old}?${query}` : old;
  }
  if (r.fixed) return p;
  return p + (p.includes('?') ? '&' : '?') + `lang=${lang}`;
}

/** openDisclosures clicks every visible collapsed button (aria-expanded=false)
whose controlled element holds what (e.g. the filters' fields), and the summary
of every closed details element that holds it. */
export async function openDisclosures(page, what) {
  const buttons = await page.locator('button[aria-expanded="false"][aria-controls]').all();
  for (const b of buttons) {
    if (!(await b.isVisible())) continue;
    const ctl = await b.getAttribute('aria-controls');
    const holds = await page.evaluate(([c, w]) => !!document.getElementById(c)?.querySelector(w), [ctl, what]);
    if (holds) await b.click();
  }
  // and every closed <details> that holds them, by its summary
  for (const d of await page.locator('details:not([open])').all()) {
    if (await d.evaluate((el, w) => !!el.querySelector(w), what) && await d.locator('summary').first().isVisible()) await d.locator('summary').first().click();
  }
}

/** openFirstMonth follows the news archive's first month link. */
async function openFirstMonth(page) {
  await page.locator('.ewsi-archive-nav li a').first().click();
  await page.waitForSelector('.ewsi-archive-nav a[aria-current=page]', { timeout: 15000 });
}

/** showSheetDiff opens the country sheet's view of what changed between its
two latest revisions (a country with fewer has no such view: the state is the page). */
async function showSheetDiff(page) {
  await page.waitForSelector('[data-hook="sheet-latest"], .country-sheet p.muted', { timeout: 15000 });
  const compare = page.locator('[data-hook="sheet-compare"] button[type=submit]');
  if (await compare.count()) {
    await compare.click();
    await page.waitForSelector('[data-hook="sheet-diff"]', { timeout: 10000 });
  }
}

/** submitEmpty submits the main form without filling it, so that it shows its errors. */
async function submitEmpty(page) {
  await page.waitForSelector('main form [type=submit]');
  const form = page.locator('main form').filter({ has: page.locator('[type=submit]') }).last();
  await form.evaluate((f) => f.setAttribute('novalidate', '')); // the browser's own bubbles would stop the page's checks
  await form.locator('[type=submit]').last().click();
  await page.waitForSelector('[aria-invalid="true"], .ecl-feedback-message, [role=alert]:not(:empty), .error:not(:empty)', { timeout: 10000 });
}

/** sendConfirm sends the confirmation form of a link whose token is not valid, so that it shows its error. */
async function sendConfirm(page) {
  await page.click('#c-submit');
  await page.waitForSelector('#confirm-alert [role=alert]', { timeout: 10000 });
}

/** signIn logs the page's browser in as the member the Go test made (its
session then stays for the pages visited after) and shows their account. */
// signingIn orders the sign-ins of the pages open at once: they share the
// browser's cookies, and a login while another page reloads with the session
// it replaces left that page signed out (a CI run saw it).
let signingIn = Promise.resolve();

/** signIn signs the site member in (unless the browser already is) and reloads
the page; one page at a time. */
function signIn(page) {
  const turn = signingIn.then(() => signInNow(page));
  signingIn = turn.catch(() => {});
  return turn;
}

async function signInNow(page) {
  const r = await page.evaluate(async ([e, p]) => {
    const ask = async (query, variables) => (await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }) })).json();
    const me = await ask('{ me { id } }', {});
    if (me.data?.me?.id) return { data: { login: me.data.me } };
    return ask('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e, p });
  }, [process.env.EWSI_MEMBER_EMAIL, process.env.EWSI_MEMBER_PASSWORD]);
  if (!r.data?.login?.id) throw new Error(`login of the site member: ${JSON.stringify(r.errors)}`);
  await page.reload();
  // a login is an argon2id hash, one per core at a time: on a loaded machine the page comes slowly
  await page.waitForSelector('#account-main:not([hidden]) #token-list', { timeout: 30000 });
  await page.waitForSelector('#o-country option[value=FR]', { state: 'attached', timeout: 30000 });
}

/** visit opens a route or state of the site in lang at size in a new page and
waits until it is ready. It returns the page and what went wrong on it (script
errors, console errors, an unexpected status). */
export async function visit(ctx, base, r, state, lang, size, clean) {
  const page = await ctx.newPage();
  await page.setViewportSize(SIZES[size]);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (r.status === 404 && /status of 404/.test(m.text())) return; // the 404 page itself
    problems.push(`console error: ${m.text()}`);
  });
  const target = state || r;
  const resp = await page.goto(base + pathFor({ ...r, ...target }, lang, clean));
  const status = resp?.status();
  if (status !== (r.status || 200)) problems.push(`HTTP status ${status}, want ${r.status || 200}`);
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  if (r.ready) await page.waitForSelector(r.ready, { timeout: 15000 }).catch(() => problems.push(`not ready: no ${r.ready}`));
  if (state?.open) {
    try {
      await state.open(page);
    } catch (e) {
      problems.push(`state ${state.name} not reached: ${e.message.split('\n')[0]}`);
    }
    await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => {});
  }
  return { page, problems };
}

/** matrix lists every page × state: the base view and each state, with its name. */
export function matrix(rs) {
  const out = [];
  for (const r of rs) {
    out.push({ route: r, state: null, name: r.name });
    for (const s of r.states || []) out.push({ route: r, state: s, name: `${r.name}-${s.name}` });
  }
  return out;
}
