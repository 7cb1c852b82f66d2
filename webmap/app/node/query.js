// The GraphQL query of the node page: any node with its fields and relations, and
// the labels of enum values in the interface language. Fields whose type differs
// between node types are aliased (psummary, otype, dtype, mdate), as GraphQL asks.
import { NODE_LABEL, LABELS } from '../common/nodes.js';

const ORG = '__typename id name olang: lang demo';
const AUTH = '__typename id name olang: lang demo';
const CONTENT = '__typename id title plang: lang demo';
const THEMES = 'themes { __typename id slug name(lang: $lang) }';
const COUNTRY = 'country { __typename id iso2 name(lang: $lang) }';
const PRACTICES = `practices { ${CONTENT} }`;

export const NODE = `query($id: ID!, $lang: Lang) {
  node(id: $id) {
    ${NODE_LABEL}
    ... on Practice { rendered { field html } }
    ... on Organisation { rendered { field html } }
    ... on LocalAuthority { rendered { field html } }
    ... on Document { rendered { field html } }
    ... on News { rendered { field html } }
    ... on Event { rendered { field html } }
    ... on Funding { rendered { field html } }
    ... on Practice { psummary: summary summaryEn area challenge howItWorks results evaluation beneficiaries startDate endDate
      stage budget fundingSource resources contact website updatedAt ${THEMES} ${COUNTRY}
      subthemes { __typename id name(lang: $lang) } principles { __typename id number short(lang: $lang) }
      implementers { __typename ... on Organisation { ${ORG} } ... on LocalAuthority { ${AUTH} } }
      partners { ${ORG} } fundedBy { ${CONTENT} } }
    ... on Organisation { otype: type website languages lookingForPartners city summary summaryEn ${THEMES} ${COUNTRY} ${PRACTICES}
      partnerIn { ${CONTENT} } people { __typename id name demo } }
    ... on LocalAuthority { level website population summary summaryEn ${COUNTRY} ${PRACTICES} }
    ... on Person { languages roles organisations { ${ORG} } }
    ... on Document { dtype: type summary summaryEn date url celex eli ${THEMES} ${COUNTRY} publishedBy { ${ORG} } }
    ... on News { summary summaryEn date source url ${THEMES} ${COUNTRY} }
    ... on Event { summary summaryEn start end place url ${THEMES} ${COUNTRY} }
    ... on Funding { summary summaryEn funderKind programme deadline amount url ${THEMES} ${COUNTRY} }
    ... on Theme { subthemes { __typename id name(lang: $lang) } }
    ... on Subtheme { theme { __typename id name(lang: $lang) } }
    ... on Principle { ptext: text(lang: $lang) }
    ... on Milestone { kind mdate: date msummary: summary url }
    ... on Indicator { iarea: area description unit }
  }
  ${LABELS}
}`;
