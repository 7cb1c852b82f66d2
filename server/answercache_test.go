package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/server"
)

// TestAnswerCacheKeepsCalendarAnswers: a visitor's calendar month asked again
// is answered from the answers kept, the same; a write (a new event in the
// month) changes the graph's version and the next answer holds it; a query
// that asks a field outside the calendar's (a country's counts) is never kept;
// a mutation neither.
func TestAnswerCacheKeepsCalendarAnswers(t *testing.T) {
	ctx := context.Background()
	s := serverWith(t, server.Config{})
	metric := func(name string) int {
		t.Helper()
		resp, err := http.Get(s.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m := regexp.MustCompile(`(?m)^` + name + ` (\d+)`).FindStringSubmatch(string(b))
		if m == nil {
			t.Fatalf("no %s in /metrics", name)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	event := func(id string, day int) {
		t.Helper()
		d := graph.Date{Year: 2033, Month: 3, Day: day}
		rec := graph.Record{Node: &graph.Event{Meta: graph.Meta{ID: id, Status: graph.StatusPublished}, Title: "Answer cache " + id, Lang: "en", Start: &d},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}}}
		if _, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec}); err != nil {
			t.Fatal(err)
		}
	}
	event("event:answer-cache-1", 4)
	const month = `{ calendar(month: "2033-03") { totalCount events { id title country { iso2 name(lang: FR) } themes { slug } } } countries(eu: true) { iso2 } }`
	hits, misses := metric("ewsi_answer_cache_hits_total"), metric("ewsi_answer_cache_misses_total")
	_, first := postTo(t, s.URL, month, "")
	_, again := postTo(t, s.URL, month, "")
	if !strings.Contains(first, `"totalCount":1`) || !strings.Contains(first, `"name":"France"`) || again != first {
		t.Fatalf("the month: %.300s\nagain: %.300s", first, again)
	}
	if h, m := metric("ewsi_answer_cache_hits_total")-hits, metric("ewsi_answer_cache_misses_total")-misses; h != 1 || m != 1 {
		t.Errorf("the month twice: %d hits, %d misses, want 1 and 1", h, m)
	}

	event("event:answer-cache-2", 9)
	if _, after := postTo(t, s.URL, month, ""); !strings.Contains(after, `"totalCount":2`) || !strings.Contains(after, "answer-cache-2") {
		t.Errorf("after a new event in the month: %.300s", after)
	}

	hits, misses = metric("ewsi_answer_cache_hits_total"), metric("ewsi_answer_cache_misses_total")
	for _, q := range []string{
		`{ calendar(month: "2033-03") { totalCount events { id country { iso2 stats { events } } } } }`,
		`mutation { __typename }`,
	} {
		for range 2 {
			if status, body := postTo(t, s.URL, q, ""); status != 200 || strings.Contains(body, `"errors"`) {
				t.Fatalf("%s: %d %.300s", q, status, body)
			}
		}
	}
	if h, m := metric("ewsi_answer_cache_hits_total")-hits, metric("ewsi_answer_cache_misses_total")-misses; h != 0 || m != 0 {
		t.Errorf("queries that may not be kept: %d hits, %d misses, want none", h, m)
	}
}

// TestRequestEndedByTheEdgeSaysWhy: a request whose context the edge ended
// with a reason (the database went down) is answered with that reason's
// code, not as a timeout, whether or not its execution had begun.
func TestRequestEndedByTheEdgeSaysWhy(t *testing.T) {
	h := server.New(server.Config{}, db.Store, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler()
	for _, q := range []string{`{ themes { slug } }`, `{ practices(first: 1) { totalCount } }`} {
		body, _ := json.Marshal(map[string]any{"query": q})
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		ctx, cancel := context.WithCancelCause(r.Context())
		cancel(graph.Errorf(graph.EUNAVAIL, "", "the database went down during the request"))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r.WithContext(ctx))
		if !strings.Contains(w.Body.String(), `"code":"UNAVAILABLE"`) {
			t.Errorf("%s with its context ended by the edge: %d %.300s", q, w.Code, w.Body.String())
		}
	}
}
