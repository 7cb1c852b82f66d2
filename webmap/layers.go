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

// BuildTimeout bounds one build of a hierarchy (reading its points and clustering them).
const BuildTimeout = 2 * time.Minute

// Layers builds and caches one cluster hierarchy per filter. Each hierarchy
// remembers the graph version it was built from; the store's version is checked
// at most once per VersionCheckEvery. When the graph has changed, a hierarchy
// that is already built keeps answering (marked stale) while a new one is built
// in the background, one build per filter at a time, and replaces it when done:
// a write never makes a visitor wait for a rebuild. Only a filter never asked
// before waits for its first build. At most MaxPoints points are held in all,
// least recently used first out. It is safe for concurrent use.
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

// entry is the hierarchy of one filter: built (ready closed) or being built.
type entry struct {
	ready      chan struct{}
	ix         *Index
	err        error
	version    string // the graph version the points were read at
	used       int64
	rebuilding bool // a newer hierarchy is being built to replace this one
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
// stale is true when the graph changed since the hierarchy was built (a fresh
// one is then being built in the background).
func (l *Layers) Index(ctx context.Context, f graph.MapFilter) (ix *Index, stale bool, err error) {
	if err := l.checkVersion(ctx); err != nil {
		return nil, false, err
	}
	key := filterKey(f)
	l.mu.Lock()
	if l.entries == nil {
		l.entries = map[string]*entry{}
	}
	l.clock++
	e, ok := l.entries[key]
	if !ok {
		e = l.startBuild(key, f)
		l.mu.Unlock()
		return l.wait(ctx, e)
	}
	e.used = l.clock
	select {
	case <-e.ready:
	default: // the first build of this filter is under way: wait for it
		l.mu.Unlock()
		return l.wait(ctx, e)
	}
	stale = e.version != l.version
	if stale && !e.rebuilding {
		e.rebuilding = true
		l.startBuild(key, f)
	}
	l.mu.Unlock()
	return e.ix, stale, nil
}

// wait waits for e's build, or for ctx.
func (l *Layers) wait(ctx context.Context, e *entry) (*Index, bool, error) {
	select {
	case <-e.ready:
		return e.ix, false, e.err
	case <-ctx.Done():
		return nil, false, graph.Errorf(graph.ETIMEOUT, "", "the map layer is still being built; try again")
	}
}

// startBuild builds the hierarchy of key in the background and returns its
// entry. A first build is entered in l.entries at once (its callers wait on
// it); a rebuild replaces the entry it renews only once it has succeeded, so
// the old hierarchy keeps answering meanwhile. l.mu is held.
func (l *Layers) startBuild(key string, f graph.MapFilter) *entry {
	e := &entry{ready: make(chan struct{}), used: l.clock}
	old := l.entries[key]
	if old == nil {
		l.entries[key] = e
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
		defer cancel()
		// the version is read before the points: a write that lands between
		// the two leaves the entry marked older than its points, and so
		// rebuilt once more, never the other way round
		v, err := l.Store.GraphVersion(ctx)
		var pts []graph.MapPoint
		if err == nil {
			pts, err = l.Store.MapPoints(ctx, World, f)
		}
		if err == nil {
			e.ix = NewIndex(pts, l.Options)
		}
		e.err, e.version = err, v
		close(e.ready)
		l.mu.Lock()
		defer l.mu.Unlock()
		switch {
		case old == nil && err != nil:
			if l.entries[key] == e {
				delete(l.entries, key)
			}
		case old == nil:
			l.evict()
		case err != nil:
			old.rebuilding = false // the next request tries again
		case l.entries[key] == old:
			e.used = old.used
			l.entries[key] = e
			l.evict()
		}
	}()
	return e
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

// checkVersion reads the graph's version, at most once per VersionCheckEvery.
func (l *Layers) checkVersion(ctx context.Context) error {
	l.mu.Lock()
	if time.Since(l.checked) < VersionCheckEvery && !l.checked.IsZero() {
		l.mu.Unlock()
		return nil
	}
	l.checked = time.Now()
	l.mu.Unlock()
	v, err := l.Store.GraphVersion(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.checked = time.Time{}
		return err
	}
	l.version = v
	return nil
}

// Recheck makes the next request ask the store for the graph's version, rather
// than wait up to VersionCheckEvery; the server calls it after its own writes.
func (l *Layers) Recheck() {
	l.mu.Lock()
	l.checked = time.Time{}
	l.mu.Unlock()
}

// Viewport is what a viewport shows, and in how many points.
type Viewport struct {
	Items  []Item
	Total  int      // points the items stand for
	Themes []string // the order of each cluster's ThemeCounts
	Stale  bool     // the graph changed since; a fresh hierarchy is being built
}

// Layer returns the clusters and points of filter f inside box at zoom z.
func (l *Layers) Layer(ctx context.Context, box BBox, z int, f graph.MapFilter) (*Viewport, error) {
	ix, stale, err := l.Index(ctx, f)
	if err != nil {
		return nil, err
	}
	vp := &Viewport{Themes: ix.Themes(), Stale: stale}
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
	_, _, err := l.Index(ctx, graph.MapFilter{})
	return err
}
