// GraphQL calls of the contribution form and the list of one's contributions.
export { gql } from '../map/api.js';

const CRITERIA = ['PRACTICE', 'DOCUMENT', 'NEWS', 'EVENT', 'FUNDING', 'LINK', 'ORGANISATION']
  .map((k) => `${k.toLowerCase()}: criteria(kind: ${k}, lang: $lang) { criterion text }`).join('\n  ');

export const REFERENCE = `query($lang: Lang) {
  themes { id slug name(lang: $lang) }
  countries { iso2 name(lang: $lang) }
  labels(lang: $lang) { enum value label lang }
  ${CRITERIA}
}`;

const FIELDS = `lang title summary country themes organisation lat lon area challenge howItWorks results evaluation
  beneficiaries startDate endDate stage budget fundingSource resources contact website docType date url source start end
  place funderKind programme deadline amount orgType city languages`;

export const CONTRIBUTION = `id kind state pendingRevision title country createdAt updatedAt submittedAt reason
  published { id } fields { ${FIELDS} } revisions { number at changes { field } } reviews { at decision reason }`;

export const MINE = `query { myContributions(first: 50) { totalCount edges { node { ${CONTRIBUTION} } } } }`;

export const ONE = `query($id: ID!) { contribution(id: $id) { ${CONTRIBUTION} } }`;

export const SAVE = (op) => `mutation($kind: ContributionKind!, $input: ContributionInput!, $key: String!) {
  ${op}(kind: $kind, input: $input, idempotencyKey: $key) { created contribution { ${CONTRIBUTION} } } }`;

export const REVISE = `mutation($id: ID!, $input: ContributionInput!) { reviseContribution(id: $id, input: $input) { ${CONTRIBUTION} } }`;

export const WITHDRAW = `mutation($id: ID!) { withdrawContribution(id: $id) { ${CONTRIBUTION} } }`;
