package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"ewsi/graph"
)

// TestSearchBench runs the search bench once, small (a few hundred nodes whose
// titles have the bench's words, 8 clients for 1 s a scenario), so that it
// keeps working: every scenario answers without error; it logs the figures.
func TestSearchBench(t *testing.T) {
	ctx := context.Background()
	titles := append(append([]string{}, multiWord...), oneWord...)
	var recs []graph.Record
	for i := range 300 {
		d := graph.Date{Year: 2018 + i%6, Month: time.Month(1 + i%12), Day: 1 + i%28}
		recs = append(recs, graph.Record{Node: &graph.Practice{Meta: graph.Meta{ID: fmt.Sprintf("practice:search-bench-%d", i), Status: graph.StatusPublished, Demo: true},
			Title: fmt.Sprintf("%s %d", titles[i%len(titles)], i), Lang: graph.Lang([]string{"en", "fr", "de"}[i%3]), Summary: "Search bench", StartDate: &d},
			Links: []graph.Link{{Type: graph.RelAbout, To: "theme:social-cohesion"}, {Type: graph.RelIn, To: "country:" + []string{"DE", "FR"}[i%2]}}, Source: "search-bench"})
	}
	if _, err := db.Store.Write(ctx, recs, recs); err != nil {
		t.Fatal(err)
	}
	if err := db.Store.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	res, ix, err := runSearchBench(ctx, db.Store, searchScenarios(), searchClients, time.Second, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ix.nodes < len(recs) || len(res) != len(searchScenarios()) {
		t.Fatalf("index of %d nodes, %d scenarios measured", ix.nodes, len(res))
	}
	if ix.heap <= 0 {
		t.Errorf("index heap %.1f MiB", ix.heap)
	}
	for _, r := range res {
		if r.Calls == 0 {
			t.Errorf("%s: no call", r.Name)
		}
		t.Logf("%s: %d calls, p50 %.1f ms, p95 %.1f ms, %.1f req/s", r.Name, r.Calls, r.P50, r.P95, r.PerSecond)
	}
}
