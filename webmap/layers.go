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

// Defaults of Layers' bounds.
const (
	DefaultMaxPoints  = 4_000_000
	DefaultMaxFilters = 64
	DefaultMaxBuilds  = 2
)

// Layers builds and caches one cluster hierarchy per filter. Each hierarchy
// remembers the graph version it was built from; the store's version is checked
// at most once per VersionCheckEvery. When the graph has changed, a hierarchy
// that is already built keeps answering (marked stale) while a new one is built
// in the background, one build per filter at a time, and replaces it when done:
// a write never makes a visitor wait for a rebuild. Only a filter never asked
// before waits for its first build.
//
// Its work is bounded: at most MaxBuilds builds run at once (a request for a new
// filter waits for a free slot within its own deadline, then gets UNAVAILABLE);
// at most MaxFilters hierarchies and MaxPoints points are held, least recently
// used first out. Every build derives from one context that Close cancels. It is
// safe for concurrent use; make it with NewLayers, or set its fields before use.
type Layers struct {
	Store      graph.MapReader
	Options    Options
	MaxPoints  int // points held in all, default DefaultMaxPoints
	MaxFilters int // hierarchies held, default DefaultMaxFilters
	MaxBuilds  int // builds at once, default DefaultMaxBuilds

	once   sync.Once
	ctx    context.Context // every build derives from it; Close cancels it
	cancel context.CancelFunc
	slots  chan struct{} // one token per running build
	wg     sync.WaitGroup

	mu      sync.Mutex
	entries map[string]*entry
	version string
	checked time.Time
	clock   int64
	closed  bool
}

// NewLayers returns the cache of the map's hierarchies over store, with the
// default bounds.
func NewLayers(store graph.MapReader) *Layers {
	l := &Layers{Store: store}
	l.init()
	return l
}

func (l *Layers) init() {
	l.once.Do(func() {
		if l.MaxPoints <= 0 {
			l.MaxPoints = DefaultMaxPoints
		}
		if l.MaxFilters <= 0 {
			l.MaxFilters = DefaultMaxFilters
		}
		if l.MaxBuilds <= 0 {
			l.MaxBuilds = DefaultMaxBuilds
		}
		l.ctx, l.cancel = context.WithCancel(context.Background())
		l.slots = make(chan struct{}, l.MaxBuilds)
		l.entries = map[string]*entry{}
	})
}

// Close cancels the builds under way and waits for them to end; afterwards
// every request answers UNAVAILABLE. It is safe to call more than once.
func (l *Layers) Close() error {
	l.init()
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
	l.cancel()
	l.wg.Wait()
	return nil
}

// Held returns how many hierarchies the cache holds (built or being built).
func (l *Layers) Held() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
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

// errClosed answers requests after Close.
func errClosed() error {
	return graph.Errorf(graph.EUNAVAIL, "", "the map is shutting down")
}

// Index returns the hierarchy of the points matching f (already normalised),
// building it on first use; concurrent callers for one filter share one build.
// stale is true when the graph changed since the hierarchy was built (a fresh
// one is then being built in the background, when a build slot is free).
func (l *Layers) Index(ctx context.Context, f graph.MapFilter) (ix *Index, stale bool, err error) {
	l.init()
	if err := l.checkVersion(ctx); err != nil {
		return nil, false, err
	}
	key := filterKey(f)
	for {
		l.mu.Lock()
		if l.closed {
			l.mu.Unlock()
			return nil, false, errClosed()
		}
		l.clock++
		e, ok := l.entries[key]
		if ok {
			e.used = l.clock
			select {
			case <-e.ready:
			default: // the first build of this filter is under way: wait for it
				l.mu.Unlock()
				return l.wait(ctx, e)
			}
			stale = e.version != l.version
			if stale && !e.rebuilding && l.trySlot() {
				e.rebuilding = true
				l.startBuild(key, f)
			}
			l.mu.Unlock()
			return e.ix, stale, nil
		}
		if l.trySlot() {
			e = l.startBuild(key, f)
			l.mu.Unlock()
			return l.wait(ctx, e)
		}
		l.mu.Unlock()
		// every build slot is taken: wait for one within the request's deadline
		select {
		case l.slots <- struct{}{}:
			<-l.slots // free it again and try once more: another caller may have started this filter
		case <-l.ctx.Done():
			return nil, false, errClosed()
		case <-ctx.Done():
			return nil, false, graph.Errorf(graph.EUNAVAIL, "", "the server is building %d other map layers; try again shortly", l.MaxBuilds)
		}
	}
}

// trySlot takes a build slot if one is free.
func (l *Layers) trySlot() bool {
	select {
	case l.slots <- struct{}{}:
		return true
	default:
		return false
	}
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

// startBuild builds the hierarchy of key in the background, in the build slot
// the caller took, and returns its entry. A first build is entered in
// l.entries at once (its callers wait on it); a rebuild replaces the entry it
// renews only once it has succeeded, so the old hierarchy keeps answering
// meanwhile. l.mu is held.
func (l *Layers) startBuild(key string, f graph.MapFilter) *entry {
	e := &entry{ready: make(chan struct{}), used: l.clock}
	old := l.entries[key]
	if old == nil {
		l.entries[key] = e
	}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		defer func() { <-l.slots }()
		ctx, cancel := context.WithTimeout(l.ctx, BuildTimeout)
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
			e.ix.version = v
		} else if l.ctx.Err() != nil {
			err = errClosed()
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

// evict drops the least recently used built entries while more than
// MaxFilters hierarchies or MaxPoints points are held; l.mu is held.
func (l *Layers) evict() {
	for {
		total, built, oldest, oldKey := 0, 0, int64(-1), ""
		for k, e := range l.entries {
			select {
			case <-e.ready:
			default:
				continue
			}
			built++
			if e.ix != nil {
				total += e.ix.Len()
			}
			if oldest < 0 || e.used < oldest {
				oldest, oldKey = e.used, k
			}
		}
		if (total <= l.MaxPoints && built <= l.MaxFilters) || oldKey == "" || built <= 1 {
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
	l.init()
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
