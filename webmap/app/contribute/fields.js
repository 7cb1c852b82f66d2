// The fields of each kind of contribution, as the API's ContributionInput takes
// them: their type (how the form shows and reads them) and whether the kind
// requires them. The practice's fields follow the common template of Practice.
export const KINDS = ['PRACTICE', 'DOCUMENT', 'NEWS', 'EVENT', 'FUNDING', 'LINK', 'ORGANISATION'];

const COMMON = [['lang', 'lang'], ['title', 'text'], ['summary', 'markdown'], ['country', 'country'], ['themes', 'themes']];

/** FIELDS lists [name, type] of each kind, common fields first. */
export const FIELDS = {
  PRACTICE: [...COMMON, ['organisation', 'text'], ['area', 'text'], ['challenge', 'markdown'], ['howItWorks', 'markdown'],
    ['results', 'markdown'], ['evaluation', 'markdown'], ['beneficiaries', 'list'], ['startDate', 'date'], ['endDate', 'date'],
    ['stage', 'stage'], ['budget', 'number'], ['fundingSource', 'text'], ['resources', 'markdown'], ['contact', 'text'],
    ['website', 'url'], ['lat', 'number'], ['lon', 'number']],
  DOCUMENT: [...COMMON, ['organisation', 'text'], ['docType', 'enum:DocType'], ['date', 'date'], ['url', 'url']],
  NEWS: [...COMMON, ['date', 'date'], ['source', 'text'], ['url', 'url']],
  EVENT: [...COMMON, ['start', 'date'], ['end', 'date'], ['place', 'text'], ['url', 'url'], ['lat', 'number'], ['lon', 'number']],
  FUNDING: [...COMMON, ['funderKind', 'enum:FunderKind'], ['programme', 'text'], ['deadline', 'date'], ['amount', 'number'], ['url', 'url']],
  LINK: [...COMMON, ['url', 'url']],
  ORGANISATION: [...COMMON, ['orgType', 'enum:OrgType'], ['website', 'url'], ['city', 'text'], ['languages', 'list'],
    ['lat', 'number'], ['lon', 'number']],
};

/** REQUIRED names the fields each kind needs before it is submitted (a draft may miss them). */
export const REQUIRED = {
  PRACTICE: ['lang', 'title', 'summary', 'country', 'themes'],
  DOCUMENT: ['lang', 'title', 'docType'],
  NEWS: ['lang', 'title', 'date'],
  EVENT: ['lang', 'title', 'start'],
  FUNDING: ['lang', 'title', 'funderKind'],
  LINK: ['lang', 'title', 'url'],
  ORGANISATION: ['lang', 'title', 'country', 'orgType'],
};

export const STAGES = ['planned', 'ongoing', 'completed'];

/** readInput reads the form's fields of kind into a ContributionInput, leaving out empty ones. */
export function readInput(form, kind) {
  const input = {};
  for (const [name, type] of FIELDS[kind]) {
    if (type === 'themes') {
      const v = [...form.querySelectorAll('input[name="themes"]:checked')].map((x) => x.value);
      if (v.length) input.themes = v;
      continue;
    }
    const el = form.elements.namedItem(name);
    const raw = (el?.value ?? '').trim();
    if (raw === '') continue;
    if (type === 'number') input[name] = Number(raw.replace(',', '.'));
    else if (type === 'list') input[name] = raw.split(',').map((s) => s.trim()).filter(Boolean);
    else input[name] = raw;
  }
  return input;
}

/** fillForm puts a stored contribution's fields into the form. */
export function fillForm(form, fields) {
  for (const [name, v] of Object.entries(fields || {})) {
    if (v === null || v === undefined) continue;
    if (name === 'themes') {
      for (const x of form.querySelectorAll('input[name="themes"]')) x.checked = v.includes(x.value);
      continue;
    }
    const el = form.elements.namedItem(name);
    if (el) el.value = Array.isArray(v) ? v.join(', ') : String(v);
  }
}
