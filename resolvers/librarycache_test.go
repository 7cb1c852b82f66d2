package resolvers_test

import (
	"context"
	"testing"

	"ewsi/graph"
	"ewsi/resolvers"
)

// TestLibraryCache: a page asked again while the graph is unchanged costs one
// round trip (the graph's version) and gives the same answer; after a write it
// is read again and shows the new document.
func TestLibraryCache(t *testing.T) {
	ctx := context.Background()
	c, err := resolvers.NewLibraryCache(db.Store, db.Store.GraphVersion, 8)
	if err != nil {
		t.Fatal(err)
	}
	no := false
	ask := func() (int, graph.DocumentFacets) {
		f := graph.LibraryFilter{Filter: graph.Filter{Demo: &no, Types: []string{"policy_paper"}}} // a new pointer each time
		_, total, facets, err := c.LibraryDocuments(ctx, f, graph.Order{Field: "date", Desc: true}, graph.Window{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		return total, facets
	}
	first, _ := ask()
	before := db.Store.RoundTrips()
	again, _ := ask()
	if trips := db.Store.RoundTrips() - before; trips != 1 || again != first {
		t.Fatalf("asked again: %d round trips, total %d (first %d); want 1 and the same", trips, again, first)
	}
	d := graph.Date{Year: 2024, Month: 5, Day: 1}
	rec := graph.Record{Node: &graph.Document{Meta: graph.Meta{ID: "document:cache-test", Status: graph.StatusPublished},
		Title: "A policy paper written after the page was read", Type: graph.DocPolicyPaper, Lang: "en", Date: &d}}
	if _, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec}); err != nil {
		t.Fatal(err)
	}
	after, facets := ask()
	if after != first+1 {
		t.Fatalf("after a write the page counts %d, want %d", after, first+1)
	}
	found := false
	for _, y := range facets.Years {
		found = found || (y.Value == "2024" && y.Count >= 1)
	}
	if !found {
		t.Errorf("the new document's year is not in the facets: %v", facets.Years)
	}
}
