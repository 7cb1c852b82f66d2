// The mails the server under test sent, as the test SMTP server received them
// (TestMain starts a real SMTP server, points the server's mailer at it and
// serves what arrived at GET /test-mail?to=ADDRESS, in the test server only;
// see webmap/accounts_test.go).
import assert from 'node:assert/strict';
import { base } from './browser.mjs';

/** mails returns what arrived for address: [{ to, subject, text, html, lang, messageId }]. */
export async function mails(address) {
  const r = await fetch(`${base}/test-mail?to=${encodeURIComponent(address)}`);
  assert.equal(r.status, 200, 'GET /test-mail: the test server has no mail box (see webmap/mail_test.go)');
  return r.json();
}

/** waitMail waits until a mail for address whose subject matches re has
arrived (the mailer sends in the background) and returns it. */
export async function waitMail(address, re, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = (await mails(address)).find((m) => re.test(m.subject));
    if (found) return found;
    if (Date.now() > end) {
      const got = (await mails(address)).map((m) => m.subject);
      assert.fail(`no mail to ${address} matching ${re} within ${timeout} ms; got ${JSON.stringify(got)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** linkIn returns the first address in the mail's text on this site whose path is path. */
export function linkIn(mail, path) {
  const links = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) || [];
  const found = links.map((l) => new URL(l)).find((u) => u.pathname === path);
  assert.ok(found, `the mail "${mail.subject}" has no link to ${path}: ${links.join(' ')}`);
  return found;
}
