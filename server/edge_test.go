package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
)

// get fetches path with the given headers and returns the response and its
// raw body (not decoded: the client's transparent gzip is off).
func get(t *testing.T, url string, headers map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

func TestSecurityHeaders(t *testing.T) {
	paths := []string{"/", "/index.html", "/graphiql", "/graphql?query={themes{id}}", "/healthz", "/no-such-file.js", "/metrics"}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			resp, _ := get(t, api.URL+p, nil)
			h := resp.Header
			for k, want := range map[string]string{"X-Content-Type-Options": "nosniff",
				"Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY"} {
				if h.Get(k) != want {
					t.Errorf("%s: %q, want %q", k, h.Get(k), want)
				}
			}
			csp := policy(h.Get("Content-Security-Policy"))
			if csp["frame-ancestors"] != "'none'" || csp["script-src"] != "'self'" || csp["object-src"] != "'none'" {
				t.Errorf("CSP %q", h.Get("Content-Security-Policy"))
			}
			if strings.Contains(csp["style-src"], "unsafe-inline") != (p == "/graphiql") {
				t.Errorf("style-src %q on %s", csp["style-src"], p)
			}
		})
	}
}

// policy splits a Content-Security-Policy into its directives.
func policy(s string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(s, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		out[name] = value
	}
	return out
}

func TestCompression(t *testing.T) {
	gz := map[string]string{"Accept-Encoding": "gzip"}
	graphql := api.URL + "/graphql?query=" + strings.ReplaceAll(`{ countries { iso2 name } }`, " ", "+")
	t.Run("GraphQL gzipped when asked", func(t *testing.T) {
		resp, body := get(t, graphql, gz)
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		var out gqlResponse
		if err := json.Unmarshal(plain, &out); err != nil || len(dig(out.Data, "countries").([]any)) == 0 {
			t.Errorf("gunzipped body: %v %.200s", err, plain)
		}
		if len(body) >= len(plain) {
			t.Errorf("gzip did not shrink %d bytes (got %d)", len(plain), len(body))
		}
	})
	t.Run("not compressed unless asked", func(t *testing.T) {
		resp, body := get(t, graphql, map[string]string{"Accept-Encoding": "identity"})
		if resp.Header.Get("Content-Encoding") != "" || !json.Valid(body) {
			t.Errorf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
		}
		if !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("Vary %q", resp.Header.Values("Vary"))
		}
	})
	t.Run("static files", func(t *testing.T) {
		resp, _ := get(t, api.URL+"/vendor/leaflet/leaflet.js", gz)
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("leaflet.js: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
		}
	})
	t.Run("already encoded bodies pass through once", func(t *testing.T) {
		var pre bytes.Buffer
		zw := gzip.NewWriter(&pre)
		_, _ = zw.Write(bytes.Repeat([]byte("tile "), 2000))
		_ = zw.Close()
		tile := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/vnd.mapbox-vector-tile")
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(pre.Bytes())
		})
		srv := limitedAPIWith(t, server.Config{Extra: map[string]http.Handler{"/pre": tile}})
		resp, body := get(t, srv.URL+"/pre", map[string]string{"Accept-Encoding": "gzip, zstd, br"})
		if resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(body, pre.Bytes()) {
			t.Errorf("Content-Encoding %q; body changed: %v", resp.Header.Values("Content-Encoding"), !bytes.Equal(body, pre.Bytes()))
		}
	})
	t.Run("switched off", func(t *testing.T) {
		srv := limitedAPIWith(t, server.Config{Edge: server.Edge{NoCompression: true}})
		resp, _ := get(t, srv.URL+"/vendor/leaflet/leaflet.js", gz)
		if resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("Content-Encoding %q with compression off", resp.Header.Get("Content-Encoding"))
		}
	})
}

func TestCacheControl(t *testing.T) {
	root, _ := neo4jtest.RepoRoot()
	hashed, _ := filepath.Glob(filepath.Join(root, "build", "web", "map", "app-*.js"))
	if len(hashed) != 1 {
		t.Fatalf("build/web/map has %d hashed app-*.js files, want 1: run `make` (webmap/build.mjs)", len(hashed))
	}
	rel, _ := filepath.Rel(filepath.Join(root, "build", "web"), hashed[0])
	if _, err := os.Stat(filepath.Join(root, "build", "web", "map", "app.js")); err == nil {
		t.Errorf("the unhashed map/app.js is still in build/web")
	}
	cases := []struct{ path, want string }{
		{"/" + filepath.ToSlash(rel), "public, max-age=31536000, immutable"},
		{"/", "no-cache"},
		{"/index.html", "no-cache"},
		{"/vendor/leaflet/leaflet.js", "no-cache"},
		{"/map/app-AAAAAAAA.js", "no-store"}, // a hashed name that does not exist is not cached
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			resp, _ := get(t, api.URL+c.path, nil)
			if got := resp.Header.Get("Cache-Control"); got != c.want {
				t.Errorf("status %d, Cache-Control %q, want %q", resp.StatusCode, got, c.want)
			}
		})
	}
}
