package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"ewsi/graph"
)

// TestLibraryBench runs the library's bench once, small (300 documents, 8
// clients for 3 s), so that it keeps working; it logs the figures. With
// EWSI_LIBRARY_DOCS=15000 it loads that many documents instead (slower).
func TestLibraryBench(t *testing.T) {
	ctx := context.Background()
	n := 300
	if v, _ := strconv.Atoi(os.Getenv("EWSI_LIBRARY_DOCS")); v > 0 {
		n = v
	}
	themes := []string{"social-cohesion", "economic-participation", "education-culture"}
	types := []graph.DocType{graph.DocReport, graph.DocPolicyPaper, graph.DocResearch, graph.DocLegislation}
	countries := []string{"DE", "FR", ""}
	recs := make([]graph.Record, 0, n)
	for i := range n {
		d := graph.Date{Year: 2015 + i%10, Month: time.Month(1 + i%12), Day: 1 + i%28}
		links := []graph.Link{{Type: graph.RelAbout, To: "theme:" + themes[i%len(themes)]}, {Type: graph.RelApplies, To: graph.PrincipleID(1 + i%11)}}
		if c := countries[i%len(countries)]; c != "" {
			links = append(links, graph.Link{Type: graph.RelIn, To: "country:" + c})
		}
		recs = append(recs, graph.Record{Node: &graph.Document{Meta: graph.Meta{ID: fmt.Sprintf("document:bench-%d", i), Status: graph.StatusPublished, Demo: true},
			Title: fmt.Sprintf("Bench document %d", i), Type: types[i%len(types)], Lang: graph.Lang([]string{"en", "fr", "de"}[i%3]), Date: &d},
			Links: links, Source: "bench"})
	}
	for i := 0; i < len(recs); i += 2000 {
		batch := recs[i:min(len(recs), i+2000)]
		if _, err := db.Store.Write(ctx, batch, batch); err != nil {
			t.Fatal(err)
		}
	}
	res, err := runLibraryBench(ctx, db.Store, libraryClients, 3*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want, err := db.Store.Count(ctx, "Document", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.TotalUnfiltered != want || res.Calls == 0 {
		t.Fatalf("the unfiltered library counted %d documents of %d, %d calls", res.TotalUnfiltered, want, res.Calls)
	}
	t.Logf("library page with facets over %d documents, %d clients: %d calls, p50 %.1f ms, p95 %.1f ms, %.1f pages/s",
		want, libraryClients, res.Calls, res.P50, res.P95, res.PerSecond)
}
