package resolvers

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"ewsi/graph"
)

// batchWait is how long a loader waits for more keys before it queries.
const batchWait = 250 * time.Microsecond

// maxBatch is the largest batch a loader sends in one query.
const maxBatch = 1000

// entry is one key's result, ready when done is closed.
type entry[V any] struct {
	done chan struct{}
	val  V
	err  error
}

// batcher gathers the keys asked for by concurrent resolvers within batchWait
// and fetches them in one call; results are cached for the request.
type batcher[V any] struct {
	ctx   context.Context
	fetch func(ctx context.Context, keys []string) (map[string]V, error)
	// siblings returns keys that will be asked for soon when key is (the rest of
	// a page); they are fetched with key at once, so a page costs one query per
	// relationship whatever its size or the scheduling of its resolvers.
	siblings func(key string) []string
	mu       sync.Mutex
	cache    map[string]*entry[V]
	pending  []string
	timer    *time.Timer
}

func newBatcher[V any](ctx context.Context, fetch func(context.Context, []string) (map[string]V, error)) *batcher[V] {
	return &batcher[V]{ctx: ctx, fetch: fetch, cache: map[string]*entry[V]{}}
}

// load returns the value for key, batching it with other keys asked for meanwhile.
func (b *batcher[V]) load(ctx context.Context, key string) (V, error) {
	b.mu.Lock()
	e, ok := b.cache[key]
	if !ok && b.siblings != nil {
		if sib := b.siblings(key); len(sib) > 0 {
			keys := []string{key}
			e = &entry[V]{done: make(chan struct{})}
			b.cache[key] = e
			for _, k := range sib {
				if _, ok := b.cache[k]; !ok && len(keys) < maxBatch {
					b.cache[k] = &entry[V]{done: make(chan struct{})}
					keys = append(keys, k)
				}
			}
			b.mu.Unlock()
			b.run(keys)
			return e.val, e.err
		}
	}
	if !ok {
		e = &entry[V]{done: make(chan struct{})}
		b.cache[key] = e
		b.pending = append(b.pending, key)
		switch {
		case len(b.pending) >= maxBatch:
			keys := b.take()
			go b.run(keys)
		case len(b.pending) == 1:
			b.timer = time.AfterFunc(batchWait, func() {
				b.mu.Lock()
				keys := b.take()
				b.mu.Unlock()
				b.run(keys)
			})
		}
	}
	b.mu.Unlock()
	select {
	case <-e.done:
		return e.val, e.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// loadMany returns the values of keys, fetching those not cached yet in as few
// calls as maxBatch allows (one for a short list) rather than one call each.
// The first error of any key is returned with the values.
func (b *batcher[V]) loadMany(ctx context.Context, keys []string) (map[string]V, error) {
	b.mu.Lock()
	entries := make([]*entry[V], len(keys))
	var fresh []string
	for i, k := range keys {
		e, ok := b.cache[k]
		if !ok {
			e = &entry[V]{done: make(chan struct{})}
			b.cache[k] = e
			fresh = append(fresh, k)
		}
		entries[i] = e
	}
	b.mu.Unlock()
	for len(fresh) > 0 {
		n := min(len(fresh), maxBatch)
		b.run(fresh[:n])
		fresh = fresh[n:]
	}
	out := make(map[string]V, len(keys))
	var first error
	for i, e := range entries {
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err != nil && first == nil {
			first = e.err
		}
		out[keys[i]] = e.val
	}
	return out, first
}

// take empties the pending keys; b.mu is held.
func (b *batcher[V]) take() []string {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	keys := b.pending
	b.pending = nil
	return keys
}

func (b *batcher[V]) run(keys []string) {
	if len(keys) == 0 {
		return
	}
	vals, err := b.fetch(b.ctx, keys)
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		e := b.cache[k]
		e.val, e.err = vals[k], err
		close(e.done)
	}
}

// loaders are the batchers of one request.
type loaders struct {
	store  graph.Reader
	ctx    context.Context
	mu     sync.Mutex
	primed map[graph.Kind]map[string][]string // kind -> id -> the ids listed with it
	hops   map[graph.Hop]*batcher[[]graph.Node]
	nodes  *batcher[graph.Node]
	stats  *batcher[graph.CountryStats]
	// credits are the contributors of the request's nodes (nil: the store keeps none)
	credits *batcher[*graph.Credit]
	// named are the nodes that the reasons of the ranked lists of the request
	// name; the first reason worded in another language than English reads them
	// all at once (see reasonText).
	named []string
	// the graph's version, read once by the first cached read of a query (requestVersion)
	query       atomic.Bool
	versionOnce sync.Once
	version     string
	versionErr  error
}

type loadersKey struct{}

// WithLoaders returns a context carrying fresh loaders over store, for one request.
func WithLoaders(ctx context.Context, store graph.Reader) context.Context {
	l := &loaders{store: store, hops: map[graph.Hop]*batcher[[]graph.Node]{},
		primed: map[graph.Kind]map[string][]string{}}
	// the batches run under a ctx that carries the loaders (requestVersion finds them)
	ctx = context.WithValue(ctx, loadersKey{}, l)
	l.ctx = ctx
	l.nodes = newBatcher(ctx, store.Nodes)
	l.stats = newBatcher(ctx, store.CountryStats)
	if c, ok := credits(store); ok {
		l.credits = newBatcher(ctx, c.CreditsOf)
	}
	return ctx
}

// ForOperation prepares ctx for one GraphQL operation (call it around each):
// a query leaves out the long texts it does not ask for (WithOmitted) and
// reads the graph's version once for all its cached reads (requestVersion).
func ForOperation(ctx context.Context) context.Context {
	if !graphql.HasOperationContext(ctx) {
		return ctx
	}
	if oc := graphql.GetOperationContext(ctx); oc.Operation != nil && oc.Operation.Operation == ast.Query {
		if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
			l.query.Store(true)
		}
	}
	return WithOmitted(ctx)
}

// credits is the store's credits, also under a ReadCache (which keeps none).
func credits(store graph.Reader) (graph.Credits, bool) {
	if rc, ok := store.(*ReadCache); ok {
		store = rc.Reader
	}
	c, ok := store.(graph.Credits)
	return c, ok
}

// loadersFor returns the request's loaders, or loaders of their own for a context
// without them (one per call: correct, but without batching across calls).
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return WithLoaders(ctx, r.Store).Value(loadersKey{}).(*loaders)
}

func (l *loaders) hop(h graph.Hop) *batcher[[]graph.Node] {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.hops[h]
	if !ok {
		b = newBatcher(l.ctx, func(ctx context.Context, ids []string) (map[string][]graph.Node, error) {
			res, err := l.store.Neighbours(ctx, h, ids)
			if err == nil {
				var found []graph.Node
				for _, nodes := range res {
					found = append(found, nodes...)
				}
				l.prime(found)
			}
			return res, err
		})
		b.siblings = l.siblings
		l.hops[h] = b
	}
	return b
}

// prime records nodes that were read together (a page, or the neighbours found
// for a page), so that their own relations are then read together too.
func (l *loaders) prime(nodes []graph.Node) {
	byKind := map[graph.Kind][]string{}
	for _, n := range nodes {
		byKind[n.NodeKind()] = append(byKind[n.NodeKind()], n.NodeID())
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for k, ids := range byKind {
		m := l.primed[k]
		if m == nil {
			m = map[string][]string{}
			l.primed[k] = m
		}
		for _, id := range ids {
			if _, ok := m[id]; !ok {
				m[id] = ids
			}
		}
	}
}

// siblings returns the ids primed together with id.
func (l *loaders) siblings(id string) []string {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.primed[k][id]
}

// many returns the neighbours of id one hop h away, as T.
func many[T graph.Node](ctx context.Context, r *Resolver, h graph.Hop, id string) ([]T, error) {
	nodes, err := r.loadersFor(ctx).hop(h).load(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if t, ok := n.(T); ok && visible(n) {
			out = append(out, t)
		}
	}
	return out, nil
}

// one returns the first neighbour of id one hop h away, or nil.
func one[T graph.Node](ctx context.Context, r *Resolver, h graph.Hop, id string) (T, error) {
	list, err := many[T](ctx, r, h, id)
	var zero T
	if err != nil || len(list) == 0 {
		return zero, err
	}
	return list[0], nil
}

// visible hides people who have not chosen to share their details.
func visible(n graph.Node) bool {
	if p, ok := n.(*graph.Person); ok {
		return p.ShareDetails
	}
	return true
}

func out(rel string, to graph.Kind) graph.Hop { return graph.Hop{Rel: rel, To: to} }
func in(rel string, to graph.Kind) graph.Hop  { return graph.Hop{Rel: rel, Incoming: true, To: to} }
