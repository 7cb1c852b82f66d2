// The UI messages (webmap/app/messages/<lang>/<area>.json) as the i18n browser
// test reads them, and the checks it runs on a page's UI text (content marked
// with another lang aside).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const messagesDir = fileURLToPath(new URL('../app/messages/', import.meta.url));

/** loadMessages reads every language's message files into flat maps of
"area.key" (or "area.key#category" for plural forms) to the string. */
export function loadMessages(langs) {
  const out = {};
  for (const lang of langs) {
    const dir = join(messagesDir, lang);
    if (!existsSync(dir)) throw new Error(`${dir} is missing: the message files of issue 12 (webmap/app/messages/<lang>/<area>.json) are not there`);
    out[lang] = {};
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const area = f.slice(0, -5);
      let obj;
      try {
        obj = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new Error(`${join(dir, f)}: ${e.message}`);
      }
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v === 'string') out[lang][`${area}.${k}`] = v;
        else for (const [cat, s] of Object.entries(v)) out[lang][`${area}.${k}#${cat}`] = s;
      }
    }
  }
  return out;
}

/** norm folds whitespace and case, and the space before punctuation, so that
texts split over elements compare with the messages. */
export const norm = (s) => s.replace(/\s+/g, ' ').replace(/ ([.,;:!?)])/g, '$1').trim().toLowerCase();

/** englishTells lists the English texts that must not show on a page in lang: for
each message whose English and lang values differ, its longest piece between
placeholders, when it has more than three words and is not itself part of any
message of lang (a name both languages keep). */
export function englishTells(msgs, lang) {
  const own = Object.values(msgs[lang]).map(norm);
  const out = [];
  for (const [key, en] of Object.entries(msgs.en)) {
    const other = msgs[lang][key];
    if (other === undefined || norm(other) === norm(en)) continue;
    const piece = en.split(/\{[^}]*\}/).map((s) => s.trim()).sort((a, b) => b.length - a.length)[0];
    if (!piece || piece.split(/\s+/).length <= 3) continue;
    const text = norm(piece);
    if (own.some((o) => o.includes(text))) continue;
    out.push({ key, text });
  }
  return out;
}

/** uiText is run in the page: the text a visitor reads or hears (text, title,
labels, placeholders, alt) outside elements marked with another language than
the page's. */
export function uiText() {
  const pageLang = (document.documentElement.lang || '').toLowerCase().split('-')[0];
  const content = (el) => {
    const l = el.closest('[lang]');
    return !!l && l.getAttribute('lang').toLowerCase().split('-')[0] !== pageLang;
  };
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, template, noscript') || content(el)) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    parts.push(n.data);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt], input[type=submit][value], input[type=button][value]')) {
    if (content(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
    if (el.matches('input[type=submit], input[type=button]')) parts.push(el.value);
  }
  return { lang: pageLang, text: parts.join(' ') };
}

/** problems checks a page's UI text in lang: English messages (where lang is not
English), "undefined", "NaN", "[object Object]", raw message keys, numbers
grouped or decimals written in another way than lang's (e.g. "1,406" on a French
page, "1.36" on a German one) and ISO dates (2024-03-01) left unformatted. */
export function problems(text, lang, tells, keys) {
  const out = [];
  const t = norm(text);
  if (lang !== 'en') for (const x of tells) if (t.includes(x.text)) out.push(`English UI text of ${x.key}: "${x.text}"`);
  for (const m of text.matchAll(/\b(undefined|NaN)\b|\[object Object\]/g)) out.push(`shows "${m[0]}" near "${around(text, m.index)}"`);
  const areas = [...new Set([...keys].map((k) => k.split('.')[0]))];
  if (areas.length) {
    const re = new RegExp(`\\b(?:${areas.join('|')})\\.[A-Za-z_][A-Za-z0-9_]*\\b`, 'g');
    for (const m of text.matchAll(re)) if (keys.has(m[0]) || /[A-Z_]/.test(m[0].split('.')[1])) out.push(`a raw message key: "${m[0]}"`);
  }
  const group = new Intl.NumberFormat(lang).format(1406).replace(/\d/g, '');
  const seen = new Set();
  for (const m of text.matchAll(/(?<![\d.,])\d{1,3}([,.\u202f\u00a0])\d{3}(?![\d])/g)) {
    if (m[1] !== group) seen.add(`"${m[0]}"`);
  }
  if (seen.size) out.push(`numbers not grouped as ${lang} groups them ("${new Intl.NumberFormat(lang).format(1406)}"): ${[...seen].slice(0, 5).join(', ')}`);
  // decimals: "1.36" on a German page, "1,36" on an English one (dates such as 12.05.2026 and versions such as EUPL-1.2 aside)
  const point = new Intl.NumberFormat(lang).format(1.5).replace(/\d/g, '');
  const decimals = new Set();
  for (const m of text.matchAll(/(?<![\w.,\u202f\u00a0-])\d+([.,])\d{1,2}(?!\w|[.,]\d|\.)/g)) {
    // a version after a name of two capitals or more, or "version" (CC BY 4.0, WCAG 2.1, ODbL 1.0), is no decimal
    const before = text.slice(Math.max(0, m.index - 20), m.index).match(/([\w-]+)\)?\s$/)?.[1] || '';
    if ((before.match(/[A-Z]/g) || []).length >= 2 || /^version$/i.test(before)) continue;
    if (m[1] !== point) decimals.add(`"${m[0]}"`);
  }
  if (decimals.size) out.push(`decimals not written as ${lang} writes them ("${new Intl.NumberFormat(lang).format(1.5)}"): ${[...decimals].slice(0, 5).join(', ')}`);
  const iso = new Set([...text.matchAll(/(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g)].map((m) => `"${m[0]}"`));
  if (iso.size) out.push(`dates not formatted for ${lang} (Intl.DateTimeFormat): ${[...iso].slice(0, 5).join(', ')}`);
  return [...new Set(out)];
}

function around(text, i) {
  return text.slice(Math.max(0, i - 30), i + 40).replace(/\s+/g, ' ');
}
