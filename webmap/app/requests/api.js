// GraphQL calls of the partner-request board, and the keys this browser keeps.
export { gql } from '../map/api.js';

const PUBLIC = `id status acceptsReplies lang demo title description closes outcome closedAt replyCount createdAt
  types languages organisation { id name olang: lang country { iso2 name(lang: $lang) } }
  themes { id name(lang: $lang) } subthemes { id name(lang: $lang) } countries { iso2 name(lang: $lang) }
  funding { id title deadline }`;

export const REFERENCE = `query($lang: Lang) {
  themes { id slug name(lang: $lang) subthemes { id slug name(lang: $lang) } }
  countries { iso2 name(lang: $lang) }
}`;

export const BOARD = `query($lang: Lang, $filter: PartnerRequestFilter, $order: BoardOrder, $after: String) {
  partnerRequests(filter: $filter, orderBy: $order, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status lang demo title closes replyCount types organisation { name olang: lang country { iso2 name(lang: $lang) } }
      themes { name(lang: $lang) } countries { iso2 name(lang: $lang) } } }
  }
}`;

export const REQUEST = `query($id: ID!, $lang: Lang) { partnerRequest(id: $id) { ${PUBLIC} } }`;

const REPLY = `id status lang demo fit offer message posterAgreed replierAgreed createdAt
  organisation { id name olang: lang country { iso2 name(lang: $lang) } } contact { name email }`;

export const MANAGE = `query($id: ID!, $key: String!, $lang: Lang) { managePartnerRequest(id: $id, manageKey: $key) {
  replies { ${REPLY} }
  suggestions(first: 10) { score organisation { id name olang: lang type country { iso2 name(lang: $lang) } } reasons { kind text(lang: $lang) } }
} }`;

export const MY_REPLY = `query($id: ID!, $key: String!, $lang: Lang) { myPartnerReply(id: $id, replyKey: $key) { ${REPLY} request { id } } }`;

export const POST = `mutation($in: PartnerRequestInput!, $idem: String!) {
  postPartnerRequest(input: $in, idempotencyKey: $idem) { created manageKey request { id } } }`;

export const REPLY_TO = `mutation($in: PartnerReplyInput!, $idem: String!) {
  replyToPartnerRequest(input: $in, idempotencyKey: $idem) { created replyKey reply { id } } }`;

export const SHORTLIST = `mutation($id: ID!, $key: String!, $reply: ID!) { shortlistPartnerReply(request: $id, manageKey: $key, reply: $reply) { id } }`;
export const DECLINE = `mutation($id: ID!, $key: String!, $reply: ID!, $msg: String) { declinePartnerReply(request: $id, manageKey: $key, reply: $reply, message: $msg) { id } }`;
export const SHARE_POSTER = `mutation($id: ID!, $key: String!, $reply: ID!) { shareContactAsPoster(request: $id, manageKey: $key, reply: $reply) { id } }`;
export const SHARE_REPLIER = `mutation($reply: ID!, $key: String!) { shareContactAsReplier(reply: $reply, replyKey: $key) { id } }`;
export const CLOSE = `mutation($id: ID!, $key: String!, $outcome: String!) { closePartnerRequest(id: $id, manageKey: $key, outcome: $outcome) { id } }`;


// Keys stay in this browser's localStorage: manage keys by request id, reply
// keys by reply id with the request they answer.
const MANAGE_KEYS = 'ewsi.requests.manage';
const REPLY_KEYS = 'ewsi.requests.replies';

function readStore(name) {
  try { return JSON.parse(localStorage.getItem(name)) || {}; } catch { return {}; }
}

/** manageKey returns the manage key this browser keeps for a request, if any. */
export const manageKey = (id) => readStore(MANAGE_KEYS)[id];

/** keepManageKey remembers a request's manage key. */
export function keepManageKey(id, key) {
  const all = readStore(MANAGE_KEYS);
  all[id] = key;
  localStorage.setItem(MANAGE_KEYS, JSON.stringify(all));
}

/** repliesTo returns the replies this browser keeps keys for, to request id: [{id, key}]. */
export function repliesTo(id) {
  return Object.entries(readStore(REPLY_KEYS)).filter(([, v]) => v.request === id).map(([rid, v]) => ({ id: rid, key: v.key }));
}

/** keepReplyKey remembers a reply's key. */
export function keepReplyKey(replyID, request, key) {
  const all = readStore(REPLY_KEYS);
  all[replyID] = { request, key };
  localStorage.setItem(REPLY_KEYS, JSON.stringify(all));
}
