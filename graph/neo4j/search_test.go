package neo4j_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"ewsi/graph"
	"ewsi/graph/neo4j"
)

// profiledMemory runs Search's Cypher for q and w under PROFILE and returns the
// memory the query allocated as Neo4j reports it (GlobalMemory).
func profiledMemory(t *testing.T, q string, w graph.Window) int64 {
	t.Helper()
	ctx := context.Background()
	cypher, params, err := neo4j.SearchQuery(q, nil, false, w)
	if err != nil {
		t.Fatal(err)
	}
	d, err := driver.NewDriverWithContext(db.Server.URI, driver.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, d, "PROFILE "+cypher, params, driver.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Summary.Profile()
	if p == nil {
		t.Fatal("no profile")
	}
	mem, ok := p.Arguments()["GlobalMemory"].(int64)
	if !ok {
		t.Fatalf("no GlobalMemory in %v", p.Arguments())
	}
	return mem
}

// TestSearchReadsOnlyThePage: a search whose hits are large counts them all but
// reads the properties of the page only: the memory Neo4j reports for it is far
// below the size of all hits; the paging and the total hold.
func TestSearchReadsOnlyThePage(t *testing.T) {
	db.Reset(t)
	const n = 120
	filler := strings.Repeat("lorem ipsum dolor sit amet ", 2500) // about 65 KB
	var recs []graph.Record
	for i := 0; i < n; i++ {
		recs = append(recs, graph.Record{Node: &graph.Practice{Meta: graph.Meta{ID: fmt.Sprintf("practice:big-%03d", i), Status: graph.StatusPublished},
			Title: fmt.Sprintf("Zebrafinch practice %03d", i), Lang: "en", Summary: "zebrafinch " + filler}})
	}
	load(t, recs)
	ctx := context.Background()
	if err := db.Store.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for off := 0; off < n; off += 50 {
		hits, total, err := db.Store.Search(ctx, "zebrafinch", nil, false, graph.Window{Offset: off, Limit: 50})
		if err != nil {
			t.Fatalf("offset %d: %v", off, err)
		}
		if total != n || len(hits) != min(50, n-off) {
			t.Fatalf("offset %d: total %d, %d hits", off, total, len(hits))
		}
		for _, h := range hits {
			p, ok := h.Node.(*graph.Practice)
			if !ok || !strings.HasPrefix(p.Summary, "zebrafinch lorem") || seen[p.ID] {
				t.Fatalf("hit %+v", h.Node)
			}
			seen[p.ID] = true
		}
	}
	if len(seen) != n {
		t.Errorf("pages gave %d distinct hits, want %d", len(seen), n)
	}
	// the hits' summaries make about 8 MB: the query that pages them must not
	// gather them (what it returns, a page of 5, is not counted by Neo4j)
	size := int64(n * len(filler))
	if mem := profiledMemory(t, "zebrafinch", graph.Window{Limit: 5}); mem > size/4 {
		t.Errorf("a page of 5 hits takes %d bytes; all hits' summaries make %d", mem, size)
	}
}
