package webmap

import (
	"context"
	"encoding/json"
	"sort"
	"sync"
	"time"

	"ewsi/graph"
)

// VersionCheckEvery is how often the cache asks the store whether the graph changed.
const VersionCheckEvery = time.Second

// Layers builds and caches one cluster hierarchy per filter. The cache is
// dropped whenever the store's graph version changes (checked at most once per
// VersionCheckEvery) and holds at most MaxPoints points in all, least recently
// used first out. It is safe for concurrent use.
type Layers struct {
	Store     graph.MapReader
	Options   Options
	MaxPoints int // default 4,000,000

	mu      sync.Mutex
	entries map[string]*entry
	version string
	checked time.Time
	clock   int64
}

type entry struct {
	ready chan struct{}
	ix    *Index
	err   error
	used  int64
}

var shared sync.Map // graph.MapReader -> *Layers

// LayersFor returns the Layers shared by every handler and resolver over store.
func LayersFor(store graph.MapReader) *Layers {
	if l, ok := shared.Load(store); ok {
		return l.(*Layers)
	}
	l, _ := shared.LoadOrStore(store, &Layers{Store: store})
	return l.(*Layers)
}

// filterKey is the canonical form of a normalised filter.
func filterKey(f graph.MapFilter) string {
	g := f
	g.Kinds = append([]graph.MapKind(nil), f.KindsOrAll()...)
	sort.Slice(g.Kinds, func(i, j int) bool { return g.Kinds[i] < g.Kinds[j] })
	for _, l := range [][]string{g.Themes, g.Subthemes, g.Countries, g.Types, g.Langs} {
		sort.Strings(l)
	}
	sort.Ints(g.Principles)
	b, _ := json.Marshal(g)
	return string(b)
}

// Index returns the hierarchy of the points matching f (already normalised),
// building it on first use; concurrent callers for one filter share one build.
func (l *Layers) Index(ctx context.Context, f graph.MapFilter) (*Index, error) {
	if err := l.checkVersion(ctx); err != nil {
		return nil, err
	}
	key := filterKey(f)
	l.mu.Lock()
	if l.entries == nil {
		l.entries = map[string]*entry{}
	}
	l.clock++
	e, ok := l.entries[key]
	if ok {
		e.used = l.clock
		l.mu.Unlock()
		select {
		case <-e.ready:
			return e.ix, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e = &entry{ready: make(chan struct{}), used: l.clock}
	l.entries[key] = e
	l.mu.Unlock()

	// the build outlives a caller that gives up, for the others waiting on it
	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	pts, err := l.Store.MapPoints(bctx, World, f)
	if err == nil {
		e.ix = NewIndex(pts, l.Options)
	}
	e.err = err
	close(e.ready)
	l.mu.Lock()
	if err != nil {
		if l.entries[key] == e {
			delete(l.entries, key)
		}
	} else {
		l.evict()
	}
	l.mu.Unlock()
	return e.ix, e.err
}

// evict drops the least recently used built entries beyond MaxPoints; l.mu is held.
func (l *Layers) evict() {
	limit := l.MaxPoints
	if limit == 0 {
		limit = 4_000_000
	}
	for {
		total, oldest, oldKey := 0, int64(-1), ""
		for k, e := range l.entries {
			select {
			case <-e.ready:
			default:
				continue
			}
			if e.ix != nil {
				total += e.ix.Len()
			}
			if oldest < 0 || e.used < oldest {
				oldest, oldKey = e.used, k
			}
		}
		if total <= limit || oldKey == "" || len(l.entries) <= 1 {
			return
		}
		delete(l.entries, oldKey)
	}
}

// checkVersion drops every entry when the graph changed since the last check.
func (l *Layers) checkVersion(ctx context.Context) error {
	l.mu.Lock()
	if time.Since(l.checked) < VersionCheckEvery && !l.checked.IsZero() {
		l.mu.Unlock()
		return nil
	}
	l.checked = time.Now()
	l.mu.Unlock()
	v, err := l.Store.GraphVersion(ctx)
	if err != nil {
		l.mu.Lock()
		l.checked = time.Time{}
		l.mu.Unlock()
		return err
	}
	l.mu.Lock()
	if v != l.version {
		l.version = v
		l.entries = map[string]*entry{}
	}
	l.mu.Unlock()
	return nil
}

// Invalidate drops every cached hierarchy now, whatever the version says.
func (l *Layers) Invalidate() {
	l.mu.Lock()
	l.entries = map[string]*entry{}
	l.checked = time.Time{}
	l.mu.Unlock()
}

// Viewport is what a viewport shows, and in how many points.
type Viewport struct {
	Items  []Item
	Total  int      // points the items stand for
	Themes []string // the order of each cluster's ThemeCounts
}

// Layer returns the clusters and points of filter f inside box at zoom z.
func (l *Layers) Layer(ctx context.Context, box BBox, z int, f graph.MapFilter) (*Viewport, error) {
	ix, err := l.Index(ctx, f)
	if err != nil {
		return nil, err
	}
	vp := &Viewport{Themes: ix.Themes()}
	for _, b := range box.Bounds() {
		vp.Items = append(vp.Items, ix.Query(b, z)...)
	}
	for _, it := range vp.Items {
		vp.Total += it.Count()
	}
	return vp, nil
}

// Warm builds the hierarchy of the unfiltered map, so that the first visitor
// does not wait for it; serve calls it in the background at start.
func (l *Layers) Warm(ctx context.Context) error {
	_, err := l.Index(ctx, graph.MapFilter{})
	return err
}
