// The names of the API's enum values (kinds of organisation, request and reply
// statuses) in the interface language, from the API's labels(lang:), which falls
// back to English and says so in each label's lang; language names come from
// Intl.DisplayNames. Shared by the partner finder and the request board.
import { h } from '../map/dom.js';
import { gql } from '../map/api.js';

const LABELS = `query($lang: Lang) { labels(lang: $lang) { enum value label lang } }`;

/** ORG_TYPES are the kinds of organisation, as the API names them. */
export const ORG_TYPES = ['CIVIL_SOCIETY', 'LOCAL_AUTHORITY', 'REGIONAL_AUTHORITY', 'NATIONAL_GOVERNMENT', 'EU_INSTITUTION',
  'INTERNATIONAL_ORGANISATION', 'ACADEMIA', 'BUSINESS', 'FOUNDATION', 'SOCIAL_PARTNER', 'MIGRANT_ASSOCIATION'];

/** EU_LANGS are the official languages of the EU, as ISO 639-1 codes. */
export const EU_LANGS = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl',
  'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

/** loadLabels asks the API for the labels in ui and returns
label(enumName, value) → { text, lang } (lang is the label's own language, lower
case; the value itself when the API has no label for it). */
export async function loadLabels(ui) {
  const d = await gql(LABELS, { lang: ui.toUpperCase() });
  const m = new Map(d.labels.map((l) => [`${l.enum}.${l.value}`, { text: l.label, lang: l.lang.toLowerCase() }]));
  return (en, value) => m.get(`${en}.${value}`) || { text: value, lang: undefined };
}

/** labelSpan renders a label, marked with its language when it is not ui's. */
export function labelSpan(ui, l) {
  return l.lang && l.lang !== ui ? h('span', { lang: l.lang }, l.text) : l.text;
}

/** langName names a language code in ui (Intl.DisplayNames), or returns the code. */
export function langNamer(ui) {
  const names = new Intl.DisplayNames([ui], { type: 'language' });
  return (code) => {
    try {
      return names.of(code.toLowerCase()) || code;
    } catch {
      return code;
    }
  };
}
