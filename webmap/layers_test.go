package webmap_test

import (
	"context"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/webmap"
)

// TestLayersServeStaleWhileRebuilding unpublishes a practice and checks that the
// cache answers at once with the hierarchy it had, marked stale, and then, once
// the background rebuild is done, without the practice and no longer stale; it
// then publishes the practice again and waits until every cache shows it.
func TestLayersServeStaleWhileRebuilding(t *testing.T) {
	ctx := context.Background()
	l := webmap.NewLayers(db.Store)
	defer l.Close()
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
	for _, c := range []*webmap.Layers{l, layers} {
		if got := freshTotal(t, c, world); got != before.Total {
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

// gatedStore is the real store whose MapPoints waits until the gate opens or
// its context ends, and records how it ended: a build held still, for tests of
// what happens meanwhile.
type gatedStore struct {
	graph.MapReader
	gate      chan struct{}
	started   chan struct{}
	cancelled chan error
}

func newGatedStore() *gatedStore {
	return &gatedStore{MapReader: db.Store, gate: make(chan struct{}), started: make(chan struct{}, 16), cancelled: make(chan error, 16)}
}

func (g *gatedStore) MapPoints(ctx context.Context, box orb.Bound, f graph.MapFilter) ([]graph.MapPoint, error) {
	g.started <- struct{}{}
	select {
	case <-g.gate:
	case <-ctx.Done():
		g.cancelled <- ctx.Err()
		return nil, ctx.Err()
	}
	return g.MapReader.MapPoints(ctx, box, f)
}

func countryFilter(iso string) graph.MapFilter {
	f := graph.MapFilter{Filter: graph.Filter{Countries: []string{iso}}}
	_ = f.Normalize("")
	return f
}

// TestLayersBoundBuilds checks that no more than MaxBuilds builds run at once: a
// request for a new filter meanwhile answers UNAVAILABLE at its deadline; that
// Close cancels the builds under way and waits for them; and that requests
// after Close answer UNAVAILABLE.
func TestLayersBoundBuilds(t *testing.T) {
	g := newGatedStore()
	l := &webmap.Layers{Store: g, MaxBuilds: 1}
	first := make(chan error, 1)
	go func() {
		_, _, err := l.Index(context.Background(), countryFilter("FR"))
		first <- err
	}()
	<-g.started // the build of FR holds the only slot
	// a deadline that leaves the version check time on a loaded machine; the
	// request then waits for a slot that never frees until it runs out
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	_, _, err := l.Index(ctx, countryFilter("DE"))
	cancel()
	if graph.ErrorCode(err) != graph.EUNAVAIL {
		t.Errorf("a second filter while the only slot is taken: %v, want UNAVAILABLE", err)
	}
	select {
	case <-g.started:
		t.Error("a second build started beside the first")
	default:
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	// Close has waited: the build saw its context cancelled, and its caller got an answer
	select {
	case err := <-g.cancelled:
		if err != context.Canceled {
			t.Errorf("the build ended with %v, want context.Canceled", err)
		}
	default:
		t.Error("Close returned before the build under way ended")
	}
	if err := <-first; graph.ErrorCode(err) != graph.EUNAVAIL {
		t.Errorf("the caller of the cancelled build got %v, want UNAVAILABLE", err)
	}
	if _, _, err := l.Index(context.Background(), graph.MapFilter{}); graph.ErrorCode(err) != graph.EUNAVAIL {
		t.Errorf("after Close: %v, want UNAVAILABLE", err)
	}
}

// TestLayersWaitForAFreeSlot checks that a request for a new filter waits for a
// build slot within its deadline, and is served once the slot frees.
func TestLayersWaitForAFreeSlot(t *testing.T) {
	g := newGatedStore()
	l := &webmap.Layers{Store: g, MaxBuilds: 1}
	defer l.Close()
	go func() { _, _, _ = l.Index(context.Background(), countryFilter("FR")) }()
	<-g.started
	second := make(chan error, 1)
	go func() {
		_, _, err := l.Index(context.Background(), countryFilter("DE"))
		second <- err
	}()
	close(g.gate) // FR's build ends, DE's takes the slot
	if err := <-second; err != nil {
		t.Errorf("the second filter, once a slot freed: %v", err)
	}
}

// TestLayersKeepAtMostMaxFilters checks the count bound of the hierarchies held.
func TestLayersKeepAtMostMaxFilters(t *testing.T) {
	l := &webmap.Layers{Store: db.Store, MaxFilters: 2}
	defer l.Close()
	for _, iso := range []string{"FR", "DE", "IT", "ES"} {
		if _, _, err := l.Index(context.Background(), countryFilter(iso)); err != nil {
			t.Fatal(err)
		}
		if n := l.Held(); n > 2 {
			t.Errorf("after %s: %d hierarchies held, want at most 2", iso, n)
		}
	}
	if n := l.Held(); n != 2 {
		t.Errorf("%d hierarchies held after four filters, want 2", n)
	}
}
