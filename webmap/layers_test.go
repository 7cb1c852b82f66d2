package webmap_test

import (
	"context"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/webmap"
)

// TestLayersServeStaleWhileRebuilding writes a point and checks that the cache
// answers at once with the hierarchy it had, marked stale, and then, once the
// background rebuild is done, with the new point and no longer stale.
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

	loc := orb.Point{24.94, 60.17}
	p := &graph.Practice{Meta: graph.Meta{ID: "practice:stale-test", Status: graph.StatusPublished, Demo: true},
		Title: "Stale test practice", Lang: "fi", Summary: "Written by the cache test.", Location: &loc}
	rec := graph.Record{Node: p, Links: []graph.Link{{Type: graph.RelIn, To: "country:FI"}, {Type: graph.RelAbout, To: "theme:social-cohesion"}}, Source: "test"}
	if _, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec}); err != nil {
		t.Fatal(err)
	}
	want := count(t, locatedCypher+"RETURN count(n) AS c", nil)
	if want != before.Total+1 {
		t.Fatalf("the graph has %d points after the write, the map had %d before", want, before.Total)
	}

	l.Recheck()
	stale, err := l.Layer(ctx, world, 0, graph.MapFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !stale.Stale || stale.Total != before.Total {
		t.Errorf("right after the write: stale %v, total %d; want the old hierarchy (%d points), marked stale", stale.Stale, stale.Total, before.Total)
	}

	for _, layers := range []*webmap.Layers{l, webmap.LayersFor(db.Store)} {
		layers.Recheck()
		deadline := time.Now().Add(time.Minute)
		for {
			vp, err := layers.Layer(ctx, world, 0, graph.MapFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if !vp.Stale {
				if vp.Total != want {
					t.Errorf("after the rebuild the map shows %d points, the graph has %d", vp.Total, want)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the hierarchy was not rebuilt within a minute")
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
