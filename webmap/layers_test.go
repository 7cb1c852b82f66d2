package webmap_test

import (
	"context"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/webmap"
)

// TestLayersServeStaleWhileRebuilding unpublishes a practice and checks that the
// cache answers at once with the hierarchy it had, marked stale, and then, once
// the background rebuild is done, without the practice and no longer stale; it
// then publishes the practice again and waits until every cache shows it.
func TestLayersServeStaleWhileRebuilding(t *testing.T) {
	ctx := context.Background()
	l := &webmap.Layers{Store: db.Store}
	world := webmap.BBox{West: -180, South: -85, East: 180, North: 85}
	before, err := l.Layer(ctx, world, 0, graph.MapFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if before.Stale {
		t.Fatal("a first build is stale")
	}
	var orig graph.Record
	for _, r := range scattered(400, 1) {
		if r.Node.NodeID() == "practice:gen-0001" {
			orig = r
		}
	}
	draft := *orig.Node.(*graph.Practice)
	draft.Status = graph.StatusDraft
	hidden := graph.Record{Node: &draft, Links: orig.Links, Source: "test"}
	write := func(r graph.Record) {
		t.Helper()
		if _, err := db.Store.Write(ctx, []graph.Record{r}, []graph.Record{r}); err != nil {
			t.Fatal(err)
		}
	}
	write(hidden)
	defer write(orig)
	want := count(t, locatedCypher+"RETURN count(n) AS c", nil)
	if want != before.Total-1 {
		t.Fatalf("the graph has %d points after unpublishing one, the map had %d before", want, before.Total)
	}

	l.Recheck()
	stale, err := l.Layer(ctx, world, 0, graph.MapFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !stale.Stale || stale.Total != before.Total {
		t.Errorf("right after the write: stale %v, total %d; want the old hierarchy (%d points), marked stale", stale.Stale, stale.Total, before.Total)
	}
	if got := freshTotal(t, l, world); got != want {
		t.Errorf("after the rebuild the map shows %d points, the graph has %d", got, want)
	}

	write(orig)
	for _, layers := range []*webmap.Layers{l, webmap.LayersFor(db.Store)} {
		if got := freshTotal(t, layers, world); got != before.Total {
			t.Errorf("after publishing again the map shows %d points, want %d", got, before.Total)
		}
	}
}

// freshTotal asks layers for box until the answer is not stale, and returns its total.
func freshTotal(t *testing.T, layers *webmap.Layers, box webmap.BBox) int {
	t.Helper()
	layers.Recheck()
	deadline := time.Now().Add(time.Minute)
	for {
		vp, err := layers.Layer(context.Background(), box, 0, graph.MapFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if !vp.Stale {
			return vp.Total
		}
		if time.Now().After(deadline) {
			t.Fatal("the hierarchy was not rebuilt within a minute")
		}
		time.Sleep(20 * time.Millisecond)
		layers.Recheck()
	}
}
