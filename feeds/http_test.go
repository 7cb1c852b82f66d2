package feeds_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ewsi/feeds"
	"ewsi/graph"
	"ewsi/server"
)

// TestConditional: the ETag names the graph's version and the filter; the
// same request with If-None-Match gets 304 and no body; a write changes the
// ETag and the feed shows it.
func TestConditional(t *testing.T) {
	const path = "/feeds/news.atom?country=FR"
	res, body := get(t, path)
	mustStatus(t, res, body, 200)
	etag, modified := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	if etag == "" || res.Header.Get("Last-Modified") == "" || !strings.Contains(res.Header.Get("Cache-Control"), "max-age") {
		t.Fatalf("headers %v", res.Header)
	}
	res, body = get(t, path, "If-None-Match", etag)
	if res.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Fatalf("If-None-Match: %d %q", res.StatusCode, body)
	}
	res, _ = get(t, path, "If-None-Match", `"other", `+strings.TrimPrefix(etag, "W/"))
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match naming it second and strongly: %d", res.StatusCode)
	}
	res, _ = get(t, path, "If-None-Match", `W/"other"`)
	if res.StatusCode != http.StatusOK {
		t.Errorf("If-None-Match naming another version: %d", res.StatusCode)
	}
	res, _ = get(t, path, "If-Modified-Since", modified)
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", res.StatusCode)
	}
	other, _ := get(t, "/feeds/news.atom?country=PL")
	if other.Header.Get("ETag") == etag {
		t.Error("two filters, one ETag")
	}
	// the same filter written otherwise is the same feed
	same, _ := get(t, "/feeds/news.atom?country=fr")
	if same.Header.Get("ETag") != etag {
		t.Errorf("country=fr: ETag %s, country=FR: %s", same.Header.Get("ETag"), etag)
	}

	db.Write(t, []graph.Record{{Node: &graph.News{Meta: published("news:fr-new"), Title: "Nouvelle : après l'écriture", Lang: "fr", Date: day(0)},
		Links: links("FR", "social-cohesion"), Source: "feeds-test:news:fr-new"}})
	res, body = get(t, path, "If-None-Match", etag)
	mustStatus(t, res, body, 200)
	if res.Header.Get("ETag") == etag {
		t.Error("the ETag did not change with the graph")
	}
	if !strings.Contains(string(body), "Nouvelle : après l&#39;écriture") {
		t.Errorf("the new item is not in the feed:\n%s", body)
	}
}

// TestBadParameters: 400 with a message naming the parameter.
func TestBadParameters(t *testing.T) {
	for _, c := range []struct{ path, names string }{
		{"/feeds/news.atom?country=France", "country"},
		{"/feeds/news.atom?country=XX", "country"},
		{"/feeds/events.ics?country=QQ", "country"},
		{"/feeds/funding.ics?lang=xx", "lang"},
		{"/feeds/news.atom?theme=cooking", "theme"},
		{"/feeds/documents.atom?sort=title", "sort"},
		{"/feeds/news.atom?lang=" + strings.Repeat("fr,", 21), "lang"},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, body := get(t, c.path)
			if res.StatusCode != http.StatusBadRequest || !strings.HasPrefix(string(body), c.names+":") {
				t.Errorf("%d %q, want 400 naming %s", res.StatusCode, body, c.names)
			}
			if res.Header.Get("ETag") != "" {
				t.Errorf("an error with an ETag: %v", res.Header)
			}
		})
	}
}

// TestRateLimited: the feeds go through the server's limiter of plain GETs.
func TestRateLimited(t *testing.T) {
	fd, err := feeds.New(feeds.Config{SiteURL: site}, db.Store)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(server.New(server.Config{Extra: fd.Routes(),
		Edge: server.Edge{RateLimit: server.RateLimit{HTTP: server.Rate{PerSecond: 0.01, Burst: 2}}}}, db.Store, log).Handler())
	defer srv.Close()
	codes := map[int]int{}
	for range 4 {
		res, err := http.Get(srv.URL + "/feeds/funding.ics")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		codes[res.StatusCode]++
	}
	if codes[200] != 2 || codes[http.StatusTooManyRequests] != 2 {
		t.Errorf("statuses %v, want 2 answers then 2 refusals", codes)
	}
}
