package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawExchange posts a GraphQL request and returns the decoded response and its raw body.
func rawExchange(t *testing.T, query string, vars map[string]any) (gqlResponse, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(api.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decoding %s (status %d): %v", raw, resp.StatusCode, err)
	}
	out.status = resp.StatusCode
	return out, string(raw)
}

const (
	posterEmail  = "paula.poster@lyon-requests.example"
	replierEmail = "rafal.replier@krakow-requests.example"
)

const postMutation = `mutation($in: PartnerRequestInput!, $idem: String!) {
  postPartnerRequest(input: $in, idempotencyKey: $idem) { created manageKey request { id status acceptsReplies title replyCount closes organisation { id } themes { id } countries { iso2 } funding { id } } } }`

const replyMutation = `mutation($in: PartnerReplyInput!, $idem: String!) {
  replyToPartnerRequest(input: $in, idempotencyKey: $idem) { created replyKey reply { id status organisation { id } contact { name email } } } }`

const manageQuery = `query($id: ID!, $key: String!) { managePartnerRequest(id: $id, manageKey: $key) {
  request { id replyCount } replies { id status posterAgreed replierAgreed organisation { id } contact { name email } }
  suggestions(first: 10) { organisation { id } reasons { kind text } } } }`

func TestPartnerRequestsEndToEnd(t *testing.T) {
	shared := false // whether both sides agreed: only then may an email appear
	call := func(query string, vars map[string]any) gqlResponse {
		t.Helper()
		r, raw := rawExchange(t, query, vars)
		if strings.Contains(raw, replierEmail) || strings.Contains(raw, posterEmail) {
			if !shared {
				t.Fatalf("an email left the server before both sides agreed: %s", raw)
			}
		}
		return r
	}
	closes := time.Now().UTC().AddDate(0, 0, 30).Format("2006-01-02")
	in := map[string]any{"organisation": "organisation:ville-lyon", "title": "Parents' language cafés in three cities",
		"description": "We want to open language cafés for parents in schools with partners abroad.", "lang": "EN",
		"themes": []string{"education-culture"}, "subthemes": []string{"language-competencies"}, "countries": []string{"PL", "DE"},
		"types": []string{"CIVIL_SOCIETY"}, "languages": []string{"fr", "en"}, "funding": "funding:amif-2026", "closes": closes,
		"contact": map[string]any{"name": "Paula Poster", "email": posterEmail}}
	d := mustData(t, call(postMutation, map[string]any{"in": in, "idem": "e2e-request-0001"}))
	res := dig(d, "postPartnerRequest").(map[string]any)
	key, _ := res["manageKey"].(string)
	id, _ := dig(res, "request", "id").(string)
	if res["created"] != true || len(key) != 43 || id == "" || dig(res, "request", "status") != "OPEN" || dig(res, "request", "funding", "id") != "funding:amif-2026" {
		t.Fatalf("post: %v", res)
	}
	again := mustData(t, call(postMutation, map[string]any{"in": in, "idem": "e2e-request-0001"}))
	if dig(again, "postPartnerRequest", "manageKey") != nil || dig(again, "postPartnerRequest", "created") != false || dig(again, "postPartnerRequest", "request", "id") != id {
		t.Fatalf("repeat post should return the same request without a key: %v", again)
	}
	if n := count(t, "MATCH (r:PartnerRequest) WHERE r.title = $t RETURN count(r) AS c", map[string]any{"t": in["title"]}); n != 1 {
		t.Errorf("%d requests stored after a repeated post", n)
	}

	bad := func(name, query string, vars map[string]any, code, mention string) {
		t.Helper()
		r := call(query, vars)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != code || !strings.Contains(r.Errors[0].Message, mention) {
			t.Errorf("%s: %+v, want %s mentioning %q", name, r.Errors, code, mention)
		}
	}
	with := func(k string, v any) map[string]any {
		c := map[string]any{}
		for kk, vv := range in {
			c[kk] = vv
		}
		c[k] = v
		return map[string]any{"in": c, "idem": "e2e-bad-" + k}
	}
	bad("closing date in the past", postMutation, with("closes", "2020-01-01"), "INVALID", "input.closes: must be after today, got 2020-01-01")
	bad("closing date beyond a year", postMutation, with("closes", time.Now().AddDate(1, 1, 0).Format("2006-01-02")), "INVALID", "input.closes: must be within a year")
	bad("bad email", postMutation, with("contact", map[string]any{"name": "P", "email": "not-an-email"}), "INVALID", "input.contact.email")
	bad("short description", postMutation, with("description", "Too short"), "INVALID", "input.description")
	bad("unknown organisation", postMutation, with("organisation", "organisation:nope"), "NOT_FOUND", "input.organisation")
	bad("unknown theme", postMutation, with("themes", []string{"astrology"}), "NOT_FOUND", "input.themes")
	bad("short idempotency key", postMutation, map[string]any{"in": in, "idem": "x"}, "INVALID", "idempotencyKey")

	pub := mustData(t, call(`query($id: ID!) { partnerRequest(id: $id) { id replyCount acceptsReplies organisation { name } } }`, map[string]any{"id": id}))
	if dig(pub, "partnerRequest", "replyCount") != 0.0 || dig(pub, "partnerRequest", "acceptsReplies") != true {
		t.Errorf("public request: %v", pub)
	}
	onBoard := func(filter string) bool {
		t.Helper()
		b := mustData(t, call(`{ partnerRequests(filter: `+filter+`, first: 100) { totalCount edges { node { id } } } }`, nil))
		for _, e := range dig(b, "partnerRequests", "edges").([]any) {
			if dig(e, "node", "id") == id {
				return true
			}
		}
		return false
	}
	if !onBoard(`{themes: ["education-culture"], countries: ["PL"], types: [CIVIL_SOCIETY]}`) || onBoard(`{countries: ["IT"]}`) || onBoard(`{status: [CLOSED]}`) {
		t.Error("the board filters do not hold")
	}

	rin := map[string]any{"request": id, "organisation": "organisation:caritas-krakow", "fit": "We run parents' groups in Kraków schools.",
		"offer": "Trainers, rooms and a Polish network of schools.", "lang": "PL", "contact": map[string]any{"name": "Rafał Replier", "email": replierEmail}}
	rd := mustData(t, call(replyMutation, map[string]any{"in": rin, "idem": "e2e-reply-0001"}))
	replyKey, _ := dig(rd, "replyToPartnerRequest", "replyKey").(string)
	replyID, _ := dig(rd, "replyToPartnerRequest", "reply", "id").(string)
	if len(replyKey) != 43 || replyID == "" || dig(rd, "replyToPartnerRequest", "reply", "contact") != nil {
		t.Fatalf("reply: %v", rd)
	}
	if r2 := mustData(t, call(replyMutation, map[string]any{"in": rin, "idem": "e2e-reply-0001"})); dig(r2, "replyToPartnerRequest", "replyKey") != nil || dig(r2, "replyToPartnerRequest", "reply", "id") != replyID {
		t.Errorf("repeat reply: %v", r2)
	}
	bad("second reply of one organisation", replyMutation, map[string]any{"in": rin, "idem": "e2e-reply-0002"}, "CONFLICT", "already replied")

	bad("wrong manage key", manageQuery, map[string]any{"id": id, "key": "AAAA" + key[4:]}, "FORBIDDEN", "manageKey")
	bad("wrong reply key", `query($id: ID!, $k: String!) { myPartnerReply(id: $id, replyKey: $k) { id } }`, map[string]any{"id": replyID, "k": key}, "FORBIDDEN", "replyKey")
	m := mustData(t, call(manageQuery, map[string]any{"id": id, "key": key}))
	reps := dig(m, "managePartnerRequest", "replies").([]any)
	if len(reps) != 1 || dig(reps[0], "id") != replyID || dig(reps[0], "contact") != nil {
		t.Fatalf("the poster's replies: %v", reps)
	}
	sugg := dig(m, "managePartnerRequest", "suggestions").([]any)
	if len(sugg) == 0 {
		t.Fatal("no suggestions for the request")
	}
	for _, s := range sugg {
		if o := dig(s, "organisation", "id"); o == "organisation:ville-lyon" || o == "organisation:caritas-krakow" {
			t.Errorf("suggested %v: the poster or an organisation that replied", o)
		}
		if len(dig(s, "reasons").([]any)) == 0 {
			t.Errorf("suggestion without reasons: %v", s)
		}
	}

	bad("share before shortlisting", `mutation($r: ID!, $k: String!) { shareContactAsReplier(reply: $r, replyKey: $k) { id } }`,
		map[string]any{"r": replyID, "k": replyKey}, "CONFLICT", "shortlisted")
	mustData(t, call(`mutation($id: ID!, $k: String!, $r: ID!) { shortlistPartnerReply(request: $id, manageKey: $k, reply: $r) { status } }`,
		map[string]any{"id": id, "k": key, "r": replyID}))
	mine := mustData(t, call(`mutation($r: ID!, $k: String!) { shareContactAsReplier(reply: $r, replyKey: $k) { status replierAgreed posterAgreed contact { email } } }`,
		map[string]any{"r": replyID, "k": replyKey}))
	if dig(mine, "shareContactAsReplier", "contact") != nil || dig(mine, "shareContactAsReplier", "replierAgreed") != true {
		t.Fatalf("after the replier alone agreed: %v", mine)
	}
	shared = true
	theirs := mustData(t, call(`mutation($id: ID!, $k: String!, $r: ID!) { shareContactAsPoster(request: $id, manageKey: $k, reply: $r) { contact { name email } } }`,
		map[string]any{"id": id, "k": key, "r": replyID}))
	if dig(theirs, "shareContactAsPoster", "contact", "email") != replierEmail {
		t.Fatalf("the poster does not see the replier's email once both agreed: %v", theirs)
	}
	my := mustData(t, call(`query($r: ID!, $k: String!) { myPartnerReply(id: $r, replyKey: $k) { contact { email } request { id } } }`, map[string]any{"r": replyID, "k": replyKey}))
	if dig(my, "myPartnerReply", "contact", "email") != posterEmail {
		t.Fatalf("the replier does not see the poster's email once both agreed: %v", my)
	}

	closed := mustData(t, call(`mutation($id: ID!, $k: String!) { closePartnerRequest(id: $id, manageKey: $k, outcome: "Working with Caritas Kraków.") { status outcome acceptsReplies } }`,
		map[string]any{"id": id, "k": key}))
	if dig(closed, "closePartnerRequest", "status") != "CLOSED" || dig(closed, "closePartnerRequest", "acceptsReplies") != false {
		t.Fatalf("close: %v", closed)
	}
	late := map[string]any{"request": id, "organisation": "organisation:integra-berlin", "fit": "We teach German to parents.", "offer": "Teachers and materials.",
		"lang": "DE", "contact": map[string]any{"name": "Late", "email": "late@berlin.example"}}
	bad("reply to a closed request", replyMutation, map[string]any{"in": late, "idem": "e2e-reply-late"}, "CONFLICT", "closed")

	_, raw := rawExchange(t, `query($id: ID!) { partnerRequest(id: $id) { id title status outcome } partnerRequests(filter: {status: [OPEN, CLOSED, EXPIRED]}) { edges { node { id title } } } }`, map[string]any{"id": id})
	if strings.Contains(raw, "@") {
		t.Errorf("a public query carries an email address: %s", raw)
	}
}
