// Browser test of GraphiQL: it loads the schema by introspection (the standard
// query of graphql-js 16) and shows it in the docs explorer, under a
// Content-Security-Policy that admits no inline script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, base } from '../../webmap/test/browser.mjs';

const ctx = browser();
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

test('GraphiQL loads the schema and its docs explorer shows the Query type, with no inline script', async () => {
  const c = ctx();
  // the page as served, with a CSP header added: an inline script would be refused
  await c.route(base + '/graphiql', async (route) => {
    const resp = await route.fetch();
    await route.fulfill({ response: resp, headers: { ...resp.headers(), 'content-security-policy': CSP } });
  });
  const page = await c.newPage();
  const errors = [];
  const refused = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy|Error fetching schema/i.test(m.text())) refused.push(m.text()); });
  const introspection = page.waitForResponse((r) => r.url() === base + '/graphql' && /IntrospectionQuery/.test(r.request().postData() || ''));
  await page.goto(base + '/graphiql');
  const resp = await introspection;
  assert.equal(resp.status(), 200);
  const body = await resp.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(body.data.__schema.queryType.name, 'Query');
  await page.click('button[aria-label="Show Documentation Explorer"]', { timeout: 15000 });
  const explorer = page.locator('.graphiql-doc-explorer');
  await explorer.getByText('Query', { exact: true }).first().click({ timeout: 15000 });
  // the Query type's page lists its fields, among them practices
  await explorer.locator('.graphiql-doc-explorer-field-name', { hasText: /^practices$/ }).first().waitFor({ timeout: 15000 });
  assert.deepEqual(refused, []);
  assert.deepEqual(errors, []);
  await page.close();
});
