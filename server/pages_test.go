package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
	"ewsi/webmap/site"
)

// TestPagesThroughServer serves the site's pages the way cmd/ewsi wires them:
// an unknown path gets the not-found page (404) while built files are still
// served, and the basemap's origin is added to the policy of pages only.
func TestPagesThroughServer(t *testing.T) {
	root, _ := neo4jtest.RepoRoot()
	web := filepath.Join(root, "build", "web")
	pages, err := site.New(site.Config{WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(server.New(server.Config{WebDir: web, Extra: pages.Handlers(),
		NotFound: http.HandlerFunc(pages.NotFound), ContentOrigins: []string{"https://*.tiles.example.org"},
		Partners: db.Ranker, Edge: unlimited}, db.Store, log).Handler())
	defer srv.Close()

	for _, tc := range []struct {
		path   string
		status int
		body   string // in the body
	}{
		{"/about?lang=de", 200, `<html lang="de">`},
		{"/no-such-page", 404, `class="ecl-site-header`},
		{"/no/such/deep/page.js", 404, "Page not found"},
		{"/vendor/leaflet/leaflet.js", 200, "Leaflet"},
		{"/common/", 404, "Page not found"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, srv.URL+tc.path, nil)
			if resp.StatusCode != tc.status || !strings.Contains(string(body), tc.body) {
				t.Fatalf("%d, want %d with %q: %.300s", resp.StatusCode, tc.status, tc.body, body)
			}
			csp := policy(resp.Header.Get("Content-Security-Policy"))
			for _, d := range []string{"img-src", "connect-src"} {
				if !strings.Contains(csp[d], "https://*.tiles.example.org") {
					t.Errorf("%s %q lacks the basemap's origin", d, csp[d])
				}
			}
			if strings.Contains(csp["script-src"], "example") || strings.Contains(csp["default-src"], "example") {
				t.Errorf("the basemap's origin went beyond images and connections: %q", resp.Header.Get("Content-Security-Policy"))
			}
		})
	}
	// the API's server without a basemap keeps the strict policy
	resp, _ := get(t, api.URL+"/", nil)
	if c := policy(resp.Header.Get("Content-Security-Policy")); c["img-src"] != "'self' data: blob:" || c["connect-src"] != "'self'" {
		t.Errorf("policy without a basemap: %q", resp.Header.Get("Content-Security-Policy"))
	}
}
