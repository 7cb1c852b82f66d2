package neo4j_test

import (
	"context"
	"sync"
	"testing"

	"ewsi/graph"
)

// counts returns the number of nodes and of relationships in the graph, the
// version node left aside.
func counts(t *testing.T) (nodes, rels int64) {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), `
MATCH (n) WHERE NOT n:GraphVersion AND NOT n:Migration
RETURN count(n) AS n, sum(COUNT { (n)-->() }) AS r`, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rows[0]["n"].(int64), rows[0]["r"].(int64)
}

func version(t *testing.T) string {
	t.Helper()
	v, err := db.Store.GraphVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestWriteCreatesNodesWithTheirLinksOnce(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	recs := seed(t)
	// a link listed twice is drawn once
	recs[4].Links = append(recs[4].Links, recs[4].Links[0])
	st, err := db.Store.Write(ctx, recs, recs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Created != len(recs) || st.Updated+st.Unchanged != 0 {
		t.Fatalf("first write: %+v", st)
	}
	nodes, rels := counts(t)
	if nodes != int64(len(recs)) || rels != 5 {
		t.Fatalf("graph holds %d nodes and %d relationships, want %d and 5", nodes, rels, len(recs))
	}
	v := version(t)
	if v == "" {
		t.Fatal("a write that created nodes left no graph version")
	}
	// the same records again: nothing written, the version stays
	st, err = db.Store.Write(ctx, recs, recs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != len(recs) || st.Created+st.Updated != 0 {
		t.Fatalf("second write: %+v", st)
	}
	if n2, r2 := counts(t); n2 != nodes || r2 != rels {
		t.Fatalf("second write changed the graph: %d nodes, %d relationships", n2, r2)
	}
	if version(t) != v {
		t.Error("a write that changed nothing gave the graph a new version")
	}
	// one record changed: it is updated, its links replaced, the version moves
	recs[3].Node.(*graph.Organisation).Name = "Fundacja Krakowska"
	recs[3].Links = nil
	st, err = db.Store.Write(ctx, recs, recs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Updated != 1 || st.Unchanged != len(recs)-1 {
		t.Fatalf("third write: %+v", st)
	}
	if _, r3 := counts(t); r3 != rels-1 {
		t.Errorf("the organisation's dropped link is still there: %d relationships, want %d", r3, rels-1)
	}
	if version(t) == v {
		t.Error("a write that changed a node left the graph version as it was")
	}
}

func TestWriteOfNodesBeforeTheirLinks(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	recs := seed(t)
	// nodes first, links in a later call: the records are incomplete in between
	if _, err := db.Store.Write(ctx, recs, recs[:3]); err != nil {
		t.Fatal(err)
	}
	st, err := db.Store.Write(ctx, recs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 3 || st.Updated != 2 {
		t.Errorf("records without their links should count as not written yet: %+v", st)
	}
	if err := db.Store.WriteLinks(ctx, recs[3:]); err != nil {
		t.Fatal(err)
	}
	if _, rels := counts(t); rels != 5 {
		t.Errorf("%d relationships, want 5", rels)
	}
	if st := load(t, recs); st.Unchanged != len(recs) {
		t.Errorf("after the links, all should be unchanged: %+v", st)
	}
}

func TestConcurrentWritesOfTheSameRecords(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	recs := seed(t)
	if _, err := db.Store.Write(ctx, recs[:3], recs[:3]); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = db.Store.Write(ctx, recs[3:], recs[3:])
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if nodes, rels := counts(t); nodes != int64(len(recs)) || rels != 5 {
		t.Errorf("after concurrent writes: %d nodes, %d relationships, want %d and 5", nodes, rels, len(recs))
	}
}

func TestDuplicateIDsInOneWrite(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	recs := seed(t)[:4]
	again := *recs[3].Node.(*graph.Organisation)
	again.Name = "Second"
	recs = append(recs, graph.Record{Node: &again, Links: recs[3].Links})
	if _, err := db.Store.Write(ctx, recs, recs); err != nil {
		t.Fatal(err)
	}
	nodes, err := db.Store.Nodes(ctx, []string{"organisation:a"})
	if err != nil {
		t.Fatal(err)
	}
	if n, rels := counts(t); n != 4 || rels != 1 || nodes["organisation:a"].(*graph.Organisation).Name != "Second" {
		t.Errorf("%d nodes, %d relationships, name %q: want 4, 1 and the later record's name", n, rels, nodes["organisation:a"].(*graph.Organisation).Name)
	}
}
