// The checks of the site-wide words check (site-axe.test.mjs) on texts made for them: each finds what it
// looks for and nothing in the right form. No server or browser needed:
// node --test webmap/test/site-messages.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { englishTells, problems, loadMessages } from './messages.mjs';

test('the message files give English texts for the check to look for', () => {
  const msgs = loadMessages(['en', 'fr', 'de']);
  for (const lang of ['fr', 'de']) {
    assert.ok(englishTells(msgs, lang).length > 20, `only ${englishTells(msgs, lang).length} English messages of more than three words that ${lang} translates`);
  }
});

test('the checks find English text, "undefined", raw keys, foreign number groups and decimals, ISO dates', () => {
  const msgs = { en: { 'map.noResult': 'No practice matches these filters', 'map.count': 'Scale {n} of the map' },
    fr: { 'map.noResult': 'Aucune pratique ne correspond à ces filtres', 'map.count': 'Échelle {n} de la carte' } };
  const tells = englishTells(msgs, 'fr');
  assert.deepEqual(tells.map((x) => x.text), ['no practice matches these filters']);
  const keys = new Set(Object.keys(msgs.en));
  assert.deepEqual(problems('Aucune pratique ne correspond à ces filtres · 1\u202f406 pratiques', 'fr', tells, keys), []);
  assert.equal(problems('No practice matches\n these  filters.', 'fr', tells, keys).length, 1);
  assert.equal(problems('Résultats : undefined', 'fr', tells, keys).length, 1);
  assert.equal(problems('map.noResult', 'fr', tells, keys).length, 1);
  assert.equal(problems('1,406 pratiques', 'fr', tells, keys).length, 1);
  assert.equal(problems('1.406 Praktiken, 12.05.2026', 'de', tells, keys).length, 0);
  assert.equal(problems('1,406 practices', 'en', tells, keys).length, 0);
  assert.equal(problems('Punktzahl 1.36, Gewicht 1,00', 'de', tells, keys).length, 1);
  assert.equal(problems('Punktzahl 1,36, EUPL-1.2, am 12.05.2026', 'de', tells, keys).length, 0);
  assert.equal(problems('Score 1,36', 'en', tells, keys).length, 1);
  assert.equal(problems('Datum 2024-03-01', 'de', tells, keys).length, 1);
  assert.equal(problems('GeoNames (CC BY 4.0), WCAG 2.1, CC0 1.0, ODbL 1.0, Version 2.1', 'de', tells, keys).length, 0);
  assert.equal(problems('Bewertung 4.0 von 5', 'de', tells, keys).length, 1);
  assert.equal(problems('Date 1 March 2024, ref practice:gen-2024-03-01x', 'en', tells, keys).length, 0);
});
