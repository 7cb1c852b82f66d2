// Helpers of the keyboard-only journeys and of the strict axe check, shared by
// the partner finder's and the request board's browser tests.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, axeBuilder } from './browser.mjs';

/** tabTo presses Tab until the focus is on selector. */
export async function tabTo(page, selector, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** noAxe runs axe-core and fails on any violation, whatever its impact. */
export async function noAxe(page, name) {
  const res = await axeBuilder(page).analyze();
  writeFileSync(join(artifacts, `${name}-axe.json`), JSON.stringify(res.violations, null, 2));
  assert.deepEqual(res.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `axe on ${name}`);
}


/** noRawMessages fails when the page shows a message key or an unfilled
{placeholder} instead of words. */
export async function noRawMessages(page, name) {
  const text = await page.evaluate(() => document.querySelector('main').innerText);
  assert.doesNotMatch(text, /\{[A-Za-z_]+\}|\b(?:partners|requests|errors)\.[A-Za-z]+\b/, `${name} shows a raw message`);
}
