package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
)

// limitedAPI serves the real store with the given rate limits; the editors'
// token is set so that editor fields check it.
func limitedAPI(t *testing.T, edge server.Edge) *httptest.Server {
	t.Helper()
	return limitedAPIWith(t, server.Config{EditorToken: "rate-limit-test-editor-token", Edge: edge})
}

// limitedAPIWith serves the real store with cfg and the built web files.
func limitedAPIWith(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	root, _ := neo4jtest.RepoRoot()
	cfg.WebDir = filepath.Join(root, "build", "web")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(server.New(cfg, db.Store, log).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// exchange posts a GraphQL request with extra headers and returns the response
// and its decoded body.
func gqlExchange(t *testing.T, url, query string, vars map[string]any, headers map[string]string) (*http.Response, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decoding %s (status %d): %v", raw, resp.StatusCode, err)
	}
	out.status = resp.StatusCode
	return resp, out
}

// assertLimited checks a refusal: 429, Retry-After in whole seconds, and one
// GraphQL error with extensions.code RATE_LIMITED.
func assertLimited(t *testing.T, resp *http.Response, r gqlResponse) {
	t.Helper()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429; errors %+v", resp.StatusCode, r.Errors)
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("Retry-After %q is not a number of seconds", resp.Header.Get("Retry-After"))
	}
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "RATE_LIMITED" {
		t.Errorf("errors %+v, want one RATE_LIMITED", r.Errors)
	}
	if r.Data != nil {
		t.Errorf("a refused operation returned data %v", r.Data)
	}
}

func assertNotLimited(t *testing.T, resp *http.Response, r gqlResponse) {
	t.Helper()
	if resp.StatusCode == http.StatusTooManyRequests {
		t.Fatalf("refused: %+v", r.Errors)
	}
	for _, e := range r.Errors {
		if e.Extensions["code"] == "RATE_LIMITED" {
			t.Fatalf("refused: %+v", r.Errors)
		}
	}
}

const costlyQuery = `{ practices(first: 20) { edges { node { id title } } } }`

// slow is a bucket that does not refill within a test.
func slow(burst int) server.Rate { return server.Rate{PerSecond: 0.0001, Burst: burst} }

func TestRateLimitGraphQLByComplexity(t *testing.T) {
	// practices(first: 20) with two scalar children costs about 61 points: one
	// passes a burst of 100, the second does not; a cheap one still fits.
	srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{GraphQL: slow(100)}})
	resp, r := gqlExchange(t, srv.URL, costlyQuery, nil, nil)
	assertNotLimited(t, resp, r)
	mustData(t, r)
	resp, r = gqlExchange(t, srv.URL, costlyQuery, nil, nil)
	assertLimited(t, resp, r)
	t.Run("a cheap query fits the rest", func(t *testing.T) {
		resp, r := gqlExchange(t, srv.URL, `{ themes { id } }`, nil, nil)
		assertNotLimited(t, resp, r)
	})
	t.Run("a forwarded-for header is not trusted by default", func(t *testing.T) {
		resp, r := gqlExchange(t, srv.URL, costlyQuery, nil, map[string]string{"X-Forwarded-For": "203.0.113.9"})
		assertLimited(t, resp, r)
	})
	t.Run("GET is limited the same way", func(t *testing.T) {
		resp, err := http.Get(srv.URL + "/graphql?query=" + strings.ReplaceAll(costlyQuery, " ", "+"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("GET: status %d, want 429", resp.StatusCode)
		}
	})
}

func TestRateLimitBeforeParsing(t *testing.T) {
	// requests that never parse cost a point each: the fourth of a burst of 3 is refused
	srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{GraphQL: slow(3)}})
	for i := range 4 {
		resp, r := gqlExchange(t, srv.URL, `{ themes { `, nil, nil)
		if i < 3 {
			assertNotLimited(t, resp, r)
			if len(r.Errors) == 0 {
				t.Fatal("a syntax error was accepted")
			}
			continue
		}
		assertLimited(t, resp, r)
	}
}

func TestRateLimitTrustedProxy(t *testing.T) {
	loopback := netip.MustParsePrefix("127.0.0.0/8")
	srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{GraphQL: slow(100)},
		ClientIP: server.ClientIP{Header: "X-Forwarded-For", Trusted: []netip.Prefix{loopback}}})
	from := func(ip string) map[string]string { return map[string]string{"X-Forwarded-For": ip} }
	resp, r := gqlExchange(t, srv.URL, costlyQuery, nil, from("198.51.100.1"))
	assertNotLimited(t, resp, r)
	resp, r = gqlExchange(t, srv.URL, costlyQuery, nil, from("198.51.100.1"))
	assertLimited(t, resp, r)
	// another client behind the same proxy has a bucket of its own
	resp, r = gqlExchange(t, srv.URL, costlyQuery, nil, from("198.51.100.2"))
	assertNotLimited(t, resp, r)
	// a client cannot pick a fresh address by prepending one: the right-most
	// untrusted address is the client's
	resp, r = gqlExchange(t, srv.URL, costlyQuery, nil, from("192.0.2.77, 198.51.100.1"))
	assertLimited(t, resp, r)
}

func TestRateLimitAnonymousWrites(t *testing.T) {
	srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{Write: slow(2)}})
	closes := time.Now().UTC().AddDate(0, 0, 30).Format("2006-01-02")
	// the organisation does not exist, so nothing is written: a write is
	// counted whether or not it succeeds
	in := map[string]any{"organisation": "organisation:rate-limit-nobody", "title": "Rate limit test request",
		"description": "A request that names no real organisation.", "lang": "EN", "closes": closes,
		"contact": map[string]any{"name": "Rita Rate", "email": "rita@rate-limit.example"}}
	for i := range 3 {
		vars := map[string]any{"in": in, "idem": "rate-limit-write-" + strconv.Itoa(i)}
		resp, r := gqlExchange(t, srv.URL, postMutation, vars, nil)
		if i < 2 {
			assertNotLimited(t, resp, r)
			if len(r.Errors) == 0 {
				t.Fatalf("posting for an unknown organisation succeeded")
			}
			continue
		}
		assertLimited(t, resp, r)
	}
	t.Run("reads are not writes", func(t *testing.T) {
		resp, r := gqlExchange(t, srv.URL, `{ themes { id } }`, nil, nil)
		assertNotLimited(t, resp, r)
	})
}

func TestRateLimitKeyChecks(t *testing.T) {
	const twoGuesses = `query($id: ID!) { a: managePartnerRequest(id: $id, manageKey: "guess-one") { request { id } }
	  b: managePartnerRequest(id: $id, manageKey: "guess-two") { request { id } } }`
	const fourGuesses = `query($id: ID!) { a: myPartnerReply(id: $id, replyKey: "1") { id } b: myPartnerReply(id: $id, replyKey: "2") { id }
	  c: myPartnerReply(id: $id, replyKey: "3") { id } d: myPartnerReply(id: $id, replyKey: "4") { id } }`
	const link = `mutation { link(from: "practice:bulk-000", to: "practice:bulk-001") { created } }`
	vars := map[string]any{"id": "request:rate-limit-none"}
	t.Run("manage keys", func(t *testing.T) {
		srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{Key: slow(3)}})
		resp, r := gqlExchange(t, srv.URL, twoGuesses, vars, nil)
		assertNotLimited(t, resp, r)
		resp, r = gqlExchange(t, srv.URL, twoGuesses, vars, nil)
		assertLimited(t, resp, r)
	})
	t.Run("more guesses in one request than the burst", func(t *testing.T) {
		srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{Key: slow(3)}})
		resp, r := gqlExchange(t, srv.URL, fourGuesses, map[string]any{"id": "reply:rate-limit-none"}, nil)
		assertLimited(t, resp, r)
	})
	t.Run("editor token", func(t *testing.T) {
		srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{Key: slow(1), Write: slow(1)}})
		wrong := map[string]string{"Authorization": "Bearer not-the-editor-token"}
		resp, r := gqlExchange(t, srv.URL, link, nil, wrong)
		assertNotLimited(t, resp, r)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("a wrong token: %+v, want UNAUTHENTICATED", r.Errors)
		}
		resp, r = gqlExchange(t, srv.URL, link, nil, wrong)
		assertLimited(t, resp, r)
	})
}

func TestRateLimitOtherRoutes(t *testing.T) {
	srv := limitedAPI(t, server.Edge{RateLimit: server.RateLimit{HTTP: slow(2)}})
	var last *http.Response
	for range 3 {
		resp, err := http.Get(srv.URL + "/about.html")
		if err != nil {
			t.Fatal(err)
		}
		last = resp
		if resp.StatusCode == http.StatusTooManyRequests {
			break
		}
		resp.Body.Close()
	}
	defer last.Body.Close()
	if last.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("third request: status %d, want 429", last.StatusCode)
	}
	if last.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	var body struct{ Code, Description string }
	if err := json.NewDecoder(last.Body).Decode(&body); err != nil || body.Code != "RATE_LIMITED" {
		t.Errorf("body: %+v, %v", body, err)
	}
	t.Run("health is never limited", func(t *testing.T) {
		resp, err := http.Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("healthz: %d", resp.StatusCode)
		}
	})
}
