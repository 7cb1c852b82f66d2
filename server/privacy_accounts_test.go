package server_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
	"ewsi/webmap"
)

// TestNoPrivateFieldReachesAVisitor: a person who shares their details, admin
// of an organisation on the map, with a pending new address and an API token,
// is looked for on every path a visitor has (node, nodes, search, related,
// the organisation's people, the directory, the map's OGC API items, errors
// of the account fields, the data download, the public export): no email, no
// hash and no token secret appears anywhere.
func TestNoPrivateFieldReachesAVisitor(t *testing.T) {
	a := newAccountsAPI(t)
	layers := webmap.NewLayers(db.Store)
	root, _ := neo4jtest.RepoRoot()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a.srv = httptest.NewServer(server.New(server.Config{WebDir: filepath.Join(root, "build", "web"), Accounts: a.svc,
		Partners: db.Ranker, Edge: unlimited, Map: layers, Extra: webmap.Routes(layers, webmap.RouteOptions{})}, db.Store, log).Handler())
	t.Cleanup(a.srv.Close)

	owner := a.register(t, "Cassandra Canary", "cassandra.canary@example.net")
	pid := dig(owner.data(`mutation { updateProfile(input: {shareDetails: true, themes: ["theme:social-cohesion"]}) { id } }`, nil), "updateProfile", "id").(string)
	d := owner.data(`mutation { registerOrganisation(input: {name: "Canary Aid", type: CIVIL_SOCIETY, country: "FR", city: "Lyon", lat: 45.75, lon: 4.85}) { organisation { id } } }`, nil)
	org := dig(d, "registerOrganisation", "organisation", "id").(string)
	owner.data(`mutation { changeEmail(newEmail: "canary.pending@example.net", password: "mot de passe solide") }`, nil)
	secret := dig(owner.data(`mutation { createApiToken(name: "canary", scope: READ) { secret } }`, nil), "createApiToken", "secret").(string)
	hash := ""
	if rows, err := db.Store.Query(t.Context(), "MATCH (p:Person {id: $p}) RETURN p.passwordHash AS h", map[string]any{"p": pid}); err == nil && len(rows) == 1 {
		hash, _ = rows[0]["h"].(string)
	}
	if !strings.HasPrefix(hash, "$argon2id$") {
		t.Fatalf("the canary has no password hash to look for: %q", hash)
	}
	secrets := []string{"cassandra.canary@", "canary.pending@", "@example.org", hash[len(hash)-20:], secret, "passwordHash"}
	leaks := func(t *testing.T, what, body string) {
		t.Helper()
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("%s shows %q: %.300s", what, s, body)
			}
		}
	}

	visitor := a.browser(t)
	queries := []struct {
		name, query string
		vars        map[string]any
		mustFind    string // the path must reach the person or organisation at all
	}{
		{"node", `query($p: ID!) { node(id: $p) { id ... on Person { name languages roles organisations { name } themes { id } } } }`, map[string]any{"p": pid}, pid},
		{"nodes", `query($p: ID!, $o: ID!) { nodes(ids: [$p, $o, "person:anna", "person:hidden"]) { id } }`, map[string]any{"p": pid, "o": org}, pid},
		{"organisation's people", `query($o: ID!) { node(id: $o) { ... on Organisation { name people { id name } } } }`, map[string]any{"o": org}, pid},
		{"directory", `{ directory(first: 100) { edges { node { id name languages organisations { name } themes { id } } } } }`, nil, pid},
		{"search", `{ search(query: "Canary") { edges { node { id ... on Organisation { name people { name } } } } } }`, nil, org},
		{"related", `query($o: ID!) { related(id: $o) { node { id } } }`, map[string]any{"o": org}, ""},
		{"me", `{ me { id email } }`, nil, ""},
		{"account", `query($p: ID!) { account(id: $p) { email pendingEmail apiTokens { id prefix } } }`, map[string]any{"p": pid}, ""},
		{"my data", `{ myData }`, nil, ""},
		{"member requests", `query($o: ID!) { memberRequests(organisation: $o) { person { name } } }`, map[string]any{"o": org}, ""},
		{"login with the address", `mutation { login(email: "cassandra.canary@example.net", password: "wrong password") { id } }`, nil, ""},
		{"register the address again", `mutation { register(input: {name: "X", email: "cassandra.canary@example.net", password: "short"}) }`, nil, ""},
		{"register it again, valid", `mutation { register(input: {name: "X", email: "cassandra.canary@example.net", password: "long enough password"}) }`, nil, ""},
		{"reset", `mutation { requestPasswordReset(email: "cassandra.canary@example.net") }`, nil, ""},
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			r := visitor.gql(q.query, q.vars)
			raw, _ := json.Marshal(r)
			leaks(t, q.name, string(raw))
			if q.mustFind != "" && !strings.Contains(string(raw), q.mustFind) {
				t.Errorf("%s does not reach %s at all, so it proves nothing: %.300s", q.name, q.mustFind, raw)
			}
		})
	}
	for _, path := range []string{"/ogc/collections/organisations/items?limit=1000", "/ogc/collections/organisations/items/" + org,
		"/account/data.json", "/graphql?query=%7Bme%7Bemail%7D%7D"} {
		t.Run("GET "+path, func(t *testing.T) {
			resp, err := http.Get(a.srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			leaks(t, path, string(body))
			if strings.Contains(path, "/ogc/") && !strings.Contains(string(body), "Canary Aid") {
				t.Errorf("%s does not show the canary's organisation, so it proves nothing: %d %.300s", path, resp.StatusCode, body)
			}
		})
	}
	t.Run("public export", func(t *testing.T) {
		var out strings.Builder
		found := false
		err := db.Store.ExportNodes(t.Context(), graph.ExportFilter{Kinds: []graph.Kind{graph.KindPerson, graph.KindOrganisation}}, false, func(r graph.Record) error {
			b, _ := json.Marshal(r.Node)
			found = found || r.Node.NodeID() == pid
			out.Write(b)
			return nil
		})
		if err != nil || !found {
			t.Fatalf("export: %v, canary found %v", err, found)
		}
		leaks(t, "the public export", out.String())
	})
}
