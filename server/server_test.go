package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/server"
)

var (
	db  *neo4jtest.DB
	api *httptest.Server
)

// TestMain starts a real Neo4j, loads the reference data and the fixture, and
// serves the API on a free port.
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		root, _ := neo4jtest.RepoRoot()
		fixture, err := ingest.Open(filepath.Join("testdata", "fixture.jsonl"))
		if err != nil {
			return err
		}
		if err := d.Load(fixture, ingest.Records{Label: "many", Recs: manyPractices(60)}); err != nil {
			return err
		}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		api = httptest.NewServer(server.New(server.Config{WebDir: filepath.Join(root, "build", "web"), Partners: d.Ranker, Edge: unlimited}, d.Store, log).Handler())
		return nil
	})
}

// manyPractices makes n practices in Lyon, each implemented by the authority and
// an organisation, for the round-trip test.
func manyPractices(n int) []graph.Record {
	out := make([]graph.Record, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, graph.Record{
			Node: &graph.Practice{Meta: graph.Meta{ID: fmt.Sprintf("practice:bulk-%03d", i), Status: graph.StatusPublished, Demo: true},
				Title: fmt.Sprintf("Bulk practice %03d", i), Lang: "en", Summary: "A practice for counting round trips."},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}, {Type: graph.RelAbout, To: "theme:social-cohesion"},
				{Type: graph.RelImplements, To: "authority:lyon", Incoming: true},
				{Type: graph.RelImplements, To: "organisation:ville-lyon", Incoming: true}},
			Source: fmt.Sprintf("bulk:%d", i),
		})
	}
	return out
}

// gqlResponse is a GraphQL response.
type gqlResponse struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status int
}

func post(t *testing.T, query string, vars map[string]any) gqlResponse {
	t.Helper()
	out, _ := rawExchange(t, query, vars)
	return out
}

func mustData(t *testing.T, r gqlResponse) map[string]any {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	return r.Data
}

// dig walks a decoded JSON value along keys and list indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func count(t *testing.T, cypher string, params map[string]any) int {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	return int(rows[0]["c"].(int64))
}

func TestDoneWhenQuery(t *testing.T) {
	d := mustData(t, post(t, `{ themes { name(lang: FR) subthemes { name } } principles { number text }
	  countries(eu: true) { iso2 } practices(first: 5) { totalCount edges { node { title implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } } }`, nil))
	themes := d["themes"].([]any)
	if len(themes) != count(t, "MATCH (n:Theme) RETURN count(n) AS c", nil) || len(themes) != 6 {
		t.Fatalf("themes: %d", len(themes))
	}
	fr := map[string]bool{}
	subs := 0
	for _, th := range themes {
		fr[dig(th, "name").(string)] = true
		subs += len(dig(th, "subthemes").([]any))
	}
	if !fr["Cohésion sociale"] {
		t.Errorf("no French theme name Cohésion sociale in %v", fr)
	}
	if want := count(t, "MATCH (:Subtheme)-[:PART_OF]->(:Theme) RETURN count(*) AS c", nil); subs != want || subs == 0 {
		t.Errorf("subthemes %d, graph has %d", subs, want)
	}
	if n := len(d["principles"].([]any)); n != 11 {
		t.Errorf("principles: %d", n)
	}
	eu := d["countries"].([]any)
	if len(eu) != 27 {
		t.Errorf("EU member states: %d", len(eu))
	}
	total := int(dig(d, "practices", "totalCount").(float64))
	if total == 0 || total != count(t, "MATCH (n:Practice) RETURN count(n) AS c", nil) {
		t.Errorf("practices totalCount %d", total)
	}
	if len(dig(d, "practices", "edges").([]any)) != 5 {
		t.Errorf("want a page of 5")
	}
}

func TestNestedQueryIsBatched(t *testing.T) {
	q := `query($n: Int) { practices(first: $n) { edges { node { title country { iso2 } themes { slug }
	  implementers { ... on Organisation { name country { iso2 } } ... on LocalAuthority { name } } partners { name } } } } }`
	trips := func(n int) int64 {
		before := db.Store.RoundTrips()
		d := mustData(t, post(t, q, map[string]any{"n": n}))
		if got := len(dig(d, "practices", "edges").([]any)); got != n {
			t.Fatalf("page of %d: got %d", n, got)
		}
		return db.Store.RoundTrips() - before
	}
	small, large := trips(5), trips(50)
	if large > 8 {
		t.Errorf("a page of 50 with nested relations cost %d round trips; want at most 8", large)
	}
	if large != small {
		t.Errorf("round trips grow with the page: %d for 5, %d for 50", small, large)
	}
}

func TestFiltersAgreeWithCypher(t *testing.T) {
	for _, c := range []struct {
		filter string
		cypher string
	}{
		{`{countries: ["fr"]}`, "MATCH (n:Practice)-[:IN]->(:Country {iso2: 'FR'}) RETURN count(n) AS c"},
		{`{themes: ["economic-participation"]}`, "MATCH (n:Practice)-[:ABOUT]->(:Theme {slug: 'economic-participation'}) RETURN count(n) AS c"},
		{`{principles: [4]}`, "MATCH (n:Practice)-[:APPLIES]->(:Principle {number: 4}) RETURN count(n) AS c"},
		{`{langs: ["pl"]}`, "MATCH (n:Practice {lang: 'pl'}) RETURN count(n) AS c"},
		{`{demo: true}`, "MATCH (n:Practice {demo: true}) RETURN count(n) AS c"},
		{`{from: "2020-01-01"}`, "MATCH (n:Practice) WHERE n.startDate >= date('2020-01-01') RETURN count(n) AS c"},
		{`{query: "mentoring"}`, "MATCH (n:Practice) WHERE toLower(n.title + ' ' + n.summary) CONTAINS 'mentoring' RETURN count(n) AS c"},
	} {
		d := mustData(t, post(t, `{ practices(filter: `+c.filter+`) { totalCount } }`, nil))
		got := int(dig(d, "practices", "totalCount").(float64))
		if want := count(t, c.cypher, nil); got != want {
			t.Errorf("filter %s: totalCount %d, Cypher says %d", c.filter, got, want)
		}
	}
}

func TestPagination(t *testing.T) {
	first := mustData(t, post(t, `{ practices(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, nil))
	end := dig(first, "practices", "pageInfo", "endCursor").(string)
	if dig(first, "practices", "pageInfo", "hasNextPage") != true {
		t.Fatal("want a next page")
	}
	next := mustData(t, post(t, `query($a: String) { practices(first: 3, after: $a) { pageInfo { hasPreviousPage } edges { node { id } } } }`, map[string]any{"a": end}))
	if dig(next, "practices", "pageInfo", "hasPreviousPage") != true {
		t.Error("second page should have a previous page")
	}
	if dig(first, "practices", "edges", 2, "node", "id") == dig(next, "practices", "edges", 0, "node", "id") {
		t.Error("pages overlap")
	}
	total := int(dig(first, "practices", "totalCount").(float64))
	last := mustData(t, post(t, `{ practices(last: 2) { pageInfo { hasNextPage hasPreviousPage } edges { cursor } } }`, nil))
	if n := len(dig(last, "practices", "edges").([]any)); n != 2 || dig(last, "practices", "pageInfo", "hasNextPage") != false {
		t.Errorf("last 2 of %d: %v", total, last)
	}
}

func TestBadInputGetsCodedErrors(t *testing.T) {
	cases := []struct {
		name, query, code, mention string
	}{
		{"page too large", `{ practices(first: 1000) { totalCount } }`, "INVALID", "first"},
		{"bad cursor", `{ practices(after: "nope") { totalCount } }`, "INVALID", "after"},
		{"bad country", `{ practices(filter: {countries: ["France"]}) { totalCount } }`, "INVALID", "countries"},
		{"bad principle", `{ practices(filter: {principles: [12]}) { totalCount } }`, "INVALID", "principles"},
		{"bad date", `{ practices(filter: {from: "2020-13-01"}) { totalCount } }`, "INVALID", "2020-13-01"},
		{"bad id", `{ node(id: "nope") { id } }`, "INVALID", "id"},
		{"unknown field", `{ practices { nope } }`, "GRAPHQL_VALIDATION_FAILED", "nope"},
		{"private field", `{ node(id: "person:anna") { ... on Person { email } } }`, "GRAPHQL_VALIDATION_FAILED", "email"},
		{"too deep", `{ themes { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { id } } } } } } } } } } } } } }`, "QUERY_TOO_DEEP", "depth"},
		{"too many aliases", "{ " + strings.Repeat("x%d: themes { id } ", 1)[:0] + aliases(40) + " }", "TOO_MANY_ALIASES", "aliases"},
		{"too complex", `{ practices(first: 100) { edges { node { implementers { ... on Organisation { practices { partners { name } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED", "complexity"},
	}
	for _, c := range cases {
		r := post(t, c.query, nil)
		if len(r.Errors) == 0 {
			t.Errorf("%s: no error", c.name)
			continue
		}
		e := r.Errors[0]
		if e.Extensions["code"] != c.code || !strings.Contains(e.Message, c.mention) {
			t.Errorf("%s: got %q %v, want code %s mentioning %q", c.name, e.Message, e.Extensions, c.code, c.mention)
		}
	}
}

func aliases(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "a%d: themes { id } ", i)
	}
	return b.String()
}

func TestPrivacy(t *testing.T) {
	d := mustData(t, post(t, `{ node(id: "organisation:caritas-krakow") { ... on Organisation { people { id name } } }
	  hidden: node(id: "person:hidden") { id } }`, nil))
	people := dig(d, "node", "people").([]any)
	if len(people) != 1 || dig(people[0], "id") != "person:anna" {
		t.Errorf("people: %v, want only the one who shares", people)
	}
	if d["hidden"] != nil {
		t.Errorf("a person who does not share is visible: %v", d["hidden"])
	}
	resp, err := http.Post(api.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ node(id: \"person:anna\") { id ... on Person { name languages organisations { name } } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "@example.org") {
		t.Errorf("an email address left the server: %s", body)
	}
}

func TestHTTP(t *testing.T) {
	get := func(path string, hdr ...string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", api.URL+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	if r, b := get("/healthz"); r.StatusCode != 200 || !strings.Contains(b, "ok") {
		t.Errorf("healthz: %d %s", r.StatusCode, b)
	}
	if r, b := get("/readyz"); r.StatusCode != 200 || !strings.Contains(b, "ready") {
		t.Errorf("readyz: %d %s", r.StatusCode, b)
	}
	// GET for queries, per the GraphQL over HTTP spec
	r, b := get("/graphql?query="+url.QueryEscape("{ principles { number } }"), "Accept", "application/graphql-response+json")
	if r.StatusCode != 200 || !strings.Contains(b, `"number":11`) || !strings.Contains(r.Header.Get("Content-Type"), "application/graphql-response+json") {
		t.Errorf("GET /graphql: %d %s %s", r.StatusCode, r.Header.Get("Content-Type"), b)
	}
	r, _ = get("/graphql?query="+url.QueryEscape("{ nope }"), "Accept", "application/graphql-response+json")
	if r.StatusCode != 400 {
		t.Errorf("invalid query with graphql-response+json: status %d, want 400", r.StatusCode)
	}
	big := strings.Repeat(" ", 2<<20)
	resp, err := http.Post(api.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ themes { id } }`+big+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MiB body: status %d, want 413", resp.StatusCode)
	}
	if _, b := get("/metrics"); !strings.Contains(b, "ewsi_graphql_operations_total") || !strings.Contains(b, "ewsi_neo4j_round_trips_total") {
		t.Errorf("metrics lack the GraphQL or Neo4j series")
	}
	if r, b := get("/graphiql"); r.StatusCode != 200 || !strings.Contains(b, "/vendor/graphiql/graphiql.min.js") || strings.Contains(b, "https://") {
		t.Errorf("graphiql page: %d", r.StatusCode)
	}
	root, _ := neo4jtest.RepoRoot()
	if _, err := os.Stat(filepath.Join(root, "build", "web", "vendor", "graphiql", "graphiql.min.js")); err == nil {
		if r, _ := get("/vendor/graphiql/graphiql.min.js"); r.StatusCode != 200 {
			t.Errorf("GraphiQL's script is not served: %d", r.StatusCode)
		}
	}
}

func TestSearchAcrossLanguages(t *testing.T) {
	for _, q := range []string{"Krakow", "parent", "langue"} {
		d := mustData(t, post(t, `query($q: String!) { search(query: $q) { totalCount edges { node { id } } } }`, map[string]any{"q": q}))
		if dig(d, "search", "totalCount").(float64) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
}

func TestNodeWithRelationsIsOneRoundTrip(t *testing.T) {
	before := db.Store.RoundTrips()
	d := mustData(t, post(t, `{ node(id: "organisation:caritas-krakow") { ... on Organisation { name country { iso2 }
	  practices { title } partnerIn { title } themes { slug } } } }`, nil))
	if got := db.Store.RoundTrips() - before; got != 1 {
		t.Errorf("a node with four relations cost %d round trips, want 1", got)
	}
	if dig(d, "node", "country", "iso2") != "PL" || len(dig(d, "node", "partnerIn").([]any)) != 1 || len(dig(d, "node", "practices").([]any)) == 0 {
		t.Errorf("node: %v", d["node"])
	}
}

// unlimited switches the rate limits off for the servers that many tests share,
// whose requests all come from one address; the limits have tests of their own
// (ratelimit_test.go) on servers of their own.
var unlimited = server.Edge{RateLimit: server.RateLimit{Off: true}}
