package resolvers

import (
	"context"
	"encoding/json"
	"slices"

	lru "github.com/hashicorp/golang-lru/v2"

	"ewsi/graph"
)

// versioned keeps answers derived from the store under a key, each with the
// graph version it was read at (a token that every write changes). A get first
// reads the version (one small round trip) and reads the answer again when it
// changed. Bounded: the least recently used answers go first. It keeps nothing
// that is not derived from the store, so several servers may share one Neo4j.
type versioned[V any] struct {
	version func(ctx context.Context) (string, error)
	items   *lru.Cache[string, stamped[V]]
}

type stamped[V any] struct {
	version string
	v       V
}

func newVersioned[V any](version func(ctx context.Context) (string, error), size int) (*versioned[V], error) {
	c, err := lru.New[string, stamped[V]](size)
	if err != nil {
		return nil, err
	}
	return &versioned[V]{version: version, items: c}, nil
}

// get returns the answer kept under key when the graph has not changed since it
// was read, else read's answer, which it keeps. Errors are not kept.
func (c *versioned[V]) get(ctx context.Context, key string, read func() (V, error)) (V, error) {
	v, err := requestVersion(ctx, c.version)
	if err != nil {
		var zero V
		return zero, err
	}
	if s, ok := c.items.Get(key); ok && s.version == v {
		return s.v, nil
	}
	got, err := read()
	if err != nil {
		return got, err
	}
	c.items.Add(key, stamped[V]{version: v, v: got})
	return got, nil
}

// requestVersion reads the graph's version once per query request (the
// request's loaders keep it, ForOperation marks them), so that the lists and
// relations of one page cost one more round trip in all, not one each. A
// mutation reads it at every call: its writes change it.
func requestVersion(ctx context.Context, version func(ctx context.Context) (string, error)) (string, error) {
	return RequestVersion(ctx, version)
}

// RequestVersion is requestVersion for the server's own caches of a query's
// answer: the version it reads is the one the query's reads then use.
func RequestVersion(ctx context.Context, version func(ctx context.Context) (string, error)) (string, error) {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok || !l.query.Load() {
		return version(ctx)
	}
	l.versionOnce.Do(func() { l.version, l.versionErr = version(ctx) })
	return l.version, l.versionErr
}

// cacheKey identifies a read by the values of its arguments (never by pointers:
// dates are written as text) and by the properties the request leaves out,
// which change what a node read holds.
func cacheKey(ctx context.Context, what string, args ...any) string {
	omit := make([]string, 0, len(graph.Omitted(ctx)))
	for k := range graph.Omitted(ctx) {
		omit = append(omit, k)
	}
	slices.Sort(omit)
	b, _ := json.Marshal(append([]any{what, omit}, args...))
	return string(b)
}

// filterKey is f by value.
func filterKey(f graph.Filter) []any {
	date := func(d *graph.Date) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	demo := ""
	if f.Demo != nil {
		demo = map[bool]string{true: "demo", false: "real"}[*f.Demo]
	}
	return []any{f.Themes, f.Subthemes, f.Principles, f.Countries, f.Types, f.Langs, date(f.From), date(f.To), demo, f.Query}
}
