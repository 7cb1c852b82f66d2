package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
)

func TestFindPartnersEndToEnd(t *testing.T) {
	d := mustData(t, post(t, `{ findPartners(input: {organisation: "organisation:ville-lyon"}, first: 100) {
	  totalCount edges { cursor node { score distanceKm organisation { id name people { name } } reasons { kind weight text via } } } } }`, nil))
	edges := dig(d, "findPartners", "edges").([]any)
	if total := int(dig(d, "findPartners", "totalCount").(float64)); total != len(edges) || total == 0 {
		t.Fatalf("totalCount %d, %d edges", total, len(edges))
	}
	var caritas any
	for _, e := range edges {
		if dig(e, "node", "organisation", "id") == "organisation:caritas-krakow" {
			caritas = dig(e, "node")
		}
	}
	if caritas == nil {
		t.Fatalf("Caritas Kraków, partner in Lyon's language cafés, is not among %v", edges)
	}
	kinds := map[string]bool{}
	for _, r := range dig(caritas, "reasons").([]any) {
		kinds[dig(r, "kind").(string)] = true
	}
	if !kinds["PRACTICE"] || !kinds["LOOKING"] || !kinds["TYPE"] {
		t.Errorf("Caritas's reasons %v lack PRACTICE, LOOKING or TYPE", dig(caritas, "reasons"))
	}
	big := mustData(t, post(t, `{ findPartners(input: {themes: ["social-cohesion"]}, first: 1000) { edges { node { score } } } }`, nil))
	if len(dig(big, "findPartners", "edges").([]any)) == 0 {
		t.Error("a page of 1000 with a small selection found nothing")
	}
	b, _ := json.Marshal(d)
	if strings.Contains(string(b), "@example.org") {
		t.Error("an email address left the server in partner results")
	}
}

func TestPartnerAndRelatedBadInput(t *testing.T) {
	for _, c := range []struct{ name, query, code, mention string }{
		{"radius 0", `{ findPartners(input: {themes: ["social-cohesion"], near: {lat: 45.7, lon: 4.8}, radiusKm: 0}) { totalCount } }`, "INVALID", "radiusKm"},
		{"unknown theme", `{ findPartners(input: {themes: ["astrology"]}) { totalCount } }`, "NOT_FOUND", "themes"},
		{"unknown organisation", `{ findPartners(input: {organisation: "organisation:nope"}) { totalCount } }`, "NOT_FOUND", "organisation"},
		{"first over 1000", `{ findPartners(input: {themes: ["social-cohesion"]}, first: 1001) { totalCount } }`, "INVALID", "first"},
		{"related unknown id", `{ related(id: "practice:nope") { score } }`, "NOT_FOUND", "id"},
		{"related first over 1000", `{ related(id: "practice:mentoring", first: 1001) { score } }`, "INVALID", "first"},
	} {
		r := post(t, c.query, nil)
		if len(r.Errors) == 0 {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if e := r.Errors[0]; e.Extensions["code"] != c.code || !strings.Contains(e.Message, c.mention) {
			t.Errorf("%s: got %q %v, want %s mentioning %q", c.name, e.Message, e.Extensions, c.code, c.mention)
		}
	}
}

func TestRelatedEndToEnd(t *testing.T) {
	d := mustData(t, post(t, `{ related(id: "practice:language-cafes", first: 20) { score node { id } reasons { kind text } } }`, nil))
	items := d["related"].([]any)
	found := map[string]bool{}
	for _, it := range items {
		found[dig(it, "node", "id").(string)] = true
		if len(dig(it, "reasons").([]any)) == 0 {
			t.Errorf("%v has no reasons", it)
		}
	}
	if !found["funding:amif-2026"] || !found["organisation:caritas-krakow"] {
		t.Errorf("the practice's funding and partner should be related: %v", found)
	}
}

// editorPost posts to a server with editing switched on, with the given token.
func editorPost(t *testing.T, srv *httptest.Server, token, query string) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEditorMutationsNeedTheToken(t *testing.T) {
	root, _ := neo4jtest.RepoRoot()
	srv := httptest.NewServer(server.New(server.Config{WebDir: filepath.Join(root, "build", "web"), EditorToken: "s3cret", Partners: db.Ranker, Edge: unlimited},
		db.Store, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	defer srv.Close()
	link := `mutation { link(from: "practice:mentoring", to: "document:agenda-2011", type: SEE_ALSO, note: "both on jobs", by: "anna") { created link { by active note } } }`
	for _, c := range []struct{ token, code string }{{"", "UNAUTHENTICATED"}, {"wrong", "UNAUTHENTICATED"}} {
		r := editorPost(t, srv, c.token, link)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != c.code {
			t.Errorf("token %q: %+v, want %s", c.token, r.Errors, c.code)
		}
	}
	if r := post(t, link, nil); len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("a visitor must be refused edits: %+v", r.Errors)
	}
	first := mustData(t, editorPost(t, srv, "s3cret", link))
	again := mustData(t, editorPost(t, srv, "s3cret", link))
	if dig(first, "link", "created") != true || dig(again, "link", "created") != false || dig(first, "link", "link", "by") != "anna" {
		t.Fatalf("link then link again: %v, %v", first, again)
	}
	un := mustData(t, editorPost(t, srv, "s3cret", `mutation { unlink(from: "document:agenda-2011", to: "practice:mentoring", type: SEE_ALSO, note: "no", by: "bob") }`))
	if un["unlink"] != true {
		t.Fatalf("unlink: %v", un)
	}
	h := mustData(t, editorPost(t, srv, "s3cret", `{ linkHistory(id: "practice:mentoring") { active by unlinkedBy unlinkNote } }`))
	hist := h["linkHistory"].([]any)
	if len(hist) != 1 || dig(hist[0], "active") != false || dig(hist[0], "unlinkedBy") != "bob" || dig(hist[0], "by") != "anna" {
		t.Errorf("history after unlink: %v", hist)
	}
	if n := count(t, "MATCH ()-[r:RELATED_TO]->() RETURN count(r) AS c", nil); n != 1 {
		t.Errorf("%d RELATED_TO relationships stored, want the one retired link kept", n)
	}
}
