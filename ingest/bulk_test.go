package ingest_test

import (
	"context"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// searchIDs returns the ids that a full-text search finds.
func searchIDs(t *testing.T, q string) []string {
	t.Helper()
	hits, _, err := db.Store.Search(context.Background(), q, nil, false, graph.Window{Limit: 50})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Node.NodeID())
	}
	return ids
}

func TestBulkLoadBuildsTheFullTextIndexesAtTheEnd(t *testing.T) {
	reset(t) // reference data only: no content yet
	src, err := ingest.Open("testdata/good.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := (&ingest.Loader{W: db.Store, BulkFrom: 1}).Load(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Bulk || sum.Created != 3 {
		t.Fatalf("a load into a graph without content: %s, bulk %v; want 3 created in bulk", sum, sum.Bulk)
	}
	// built again: accents fold and English plurals stem as before
	if ids := searchIDs(t, "Liege"); !same(toAny(ids), "organisation:org-b") {
		t.Errorf("Liege finds %v, want Ville de Liège", ids)
	}
	if ids := searchIDs(t, "volunteer"); !same(toAny(ids), "practice:p-1") {
		t.Errorf("volunteer finds %v, want the practice about volunteers", ids)
	}
	// the graph now has content: the same load again is not a bulk load
	again, err := (&ingest.Loader{W: db.Store, BulkFrom: 1}).Load(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if again.Bulk || again.Unchanged != 3 {
		t.Errorf("second load: %s, bulk %v; want 3 unchanged, not bulk", again, again.Bulk)
	}
	if ids := searchIDs(t, "Liege"); len(ids) != 1 {
		t.Errorf("after the second load Liege finds %v", ids)
	}
}

// indexStates returns the state of every index of the schema, by name.
func indexStates(t *testing.T) map[string]string {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), "SHOW INDEXES YIELD name, state RETURN name, state", nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r["name"].(string)] = r["state"].(string)
	}
	return out
}

func TestSearchDuringABulkLoadIsUnavailable(t *testing.T) {
	reset(t)
	ctx := context.Background()
	before := indexStates(t)
	bulk, err := db.Store.Bulk(ctx, 1000)
	if err != nil || !bulk {
		t.Fatalf("Bulk on a graph without content: %v, %v", bulk, err)
	}
	// put off: the full-text indexes; kept: the rest, the constraints the load
	// finds nodes by among them
	during := indexStates(t)
	for name, want := range map[string]bool{"content_folding": false, "content_fr": false, "practice_id": true,
		"organisation_id": true, "practice_location": true, "practice_title": true} {
		if _, ok := during[name]; ok != want {
			t.Errorf("during a bulk load, index %s exists: %v, want %v", name, ok, want)
		}
	}
	_, _, err = db.Store.Search(ctx, "Liege", nil, false, graph.Window{Limit: 10})
	if graph.ErrorCode(err) != graph.EUNAVAIL {
		t.Errorf("search while the indexes are dropped: %v (code %s), want UNAVAILABLE", err, graph.ErrorCode(err))
	}
	if err := db.Store.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Store.Search(ctx, "Liege", nil, false, graph.Window{Limit: 10}); err != nil {
		t.Errorf("search after Settle: %v", err)
	}
	after := indexStates(t)
	if len(after) != len(before) || len(during) >= len(before) {
		t.Errorf("indexes: %d before the bulk load, %d during, %d after Settle", len(before), len(during), len(after))
	}
	for name, state := range before {
		if after[name] != "ONLINE" || state != "ONLINE" {
			t.Errorf("index %s: %s before the bulk load, %q after Settle; want ONLINE both", name, state, after[name])
		}
	}
	// with content in the graph, a small load is not bulk and drops nothing
	if err := db.Load(); err != nil {
		t.Fatal(err)
	}
	load(t, "testdata/good.jsonl")
	if bulk, err := db.Store.Bulk(ctx, 10); err != nil || bulk {
		t.Errorf("Bulk of 10 records over 3 in the graph: %v, %v; want no bulk", bulk, err)
	}
	if ids := searchIDs(t, "Liege"); len(ids) != 1 {
		t.Errorf("search after a refused bulk: %v", ids)
	}
}

func toAny(ids []string) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
