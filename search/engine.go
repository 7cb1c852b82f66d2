package search

import (
	"context"

	lru "github.com/hashicorp/golang-lru/v2"

	"ewsi/graph"
)

// hitCacheSize is how many queries' full-text hits the engine keeps, so that
// the next pages and other facet selections of a search do not run it again.
const hitCacheSize = 512

// Engine answers find and suggest over the cached index, with the full-text
// hits from the store, and records the searches that found nothing. One serves
// a whole server; it is safe for concurrent use. Close waits for its
// background work.
type Engine struct {
	Source graph.SearchSource
	Cache  *Cache
	Misses *Recorder
	hits   *lru.Cache[string, cachedHits]
	// storeText makes find ask the store's full-text indexes even when the
	// index holds the words of the graph's current version.
	storeText bool
	// nodes keeps the nodes of find's pages read at the index's version.
	nodes *lru.Cache[string, cachedNode]
}

type cachedNode struct {
	version string
	node    graph.Node
}

// NodeCacheSize is how many nodes of find's pages an engine keeps, unless
// CacheNodes says otherwise.
const NodeCacheSize = 4096

type cachedHits struct {
	version string
	hits    []graph.ScoredRef
}

// New returns an engine over src; the index is built on first use (call
// e.Cache.Fresh to build it at once).
func New(src graph.SearchSource) *Engine {
	e := &Engine{Source: src}
	e.Cache = &Cache{Version: src.GraphVersion, Load: func(ctx context.Context) (*Index, error) {
		c, err := src.SearchCorpus(ctx)
		if err != nil {
			return nil, err
		}
		return NewIndex(c), nil
	}}
	e.hits, _ = lru.New[string, cachedHits](hitCacheSize)
	e.nodes, _ = lru.New[string, cachedNode](NodeCacheSize)
	e.Misses = NewRecorder(src)
	return e
}

// CacheHits sets how many queries' full-text hits the engine keeps; 0 keeps
// none (every find asks the full-text indexes, as a bench of the cold path does).
// Call it before the engine serves.
func (e *Engine) CacheHits(n int) {
	if n <= 0 {
		e.hits = nil
		return
	}
	e.hits, _ = lru.New[string, cachedHits](n)
}

// CacheNodes sets how many nodes of find's pages the engine keeps; 0 keeps
// none (every page's nodes are read, as a bench of that cost does). Call it
// before the engine serves.
func (e *Engine) CacheNodes(n int) {
	if n <= 0 {
		e.nodes = nil
		return
	}
	e.nodes, _ = lru.New[string, cachedNode](n)
}

// FullTextFromStore makes every find ask the store's full-text indexes, as
// finds do while the index is being rebuilt (a bench compares the two). Call
// it before the engine serves.
func (e *Engine) FullTextFromStore() { e.storeText = true }

// Close waits for the index build and the miss recordings under way.
func (e *Engine) Close() {
	e.Misses.Close()
	e.Cache.Wait()
}

// Query is one find.
type Query struct {
	Text   string
	Filter Filter
	Order  Order
	Lang   graph.Lang
	Window graph.Window
}

// Hit is one result of a page.
type Hit struct {
	Node     graph.Node
	Score    float64
	Snippets []Snippet
}

// Result is a page of a find, the total, the facets and, when nothing was
// found, the suggestions.
type Result struct {
	Hits        []Hit
	Total       int
	Facets      Facets
	Suggestions []string
}

// fullText returns the hits of the Lucene query lq, from the cache when the
// graph has not changed since they were read.
func (e *Engine) fullText(ctx context.Context, lq string) ([]graph.ScoredRef, error) {
	v, cache := e.Cache.Latest(), e.hits
	if cache != nil {
		if c, ok := cache.Get(lq); ok && v != "" && c.version == v {
			return c.hits, nil
		}
	}
	hits, err := e.Source.SearchRefs(ctx, lq)
	if err != nil {
		return nil, err
	}
	// an empty answer is not kept: Neo4j refreshes its full-text indexes after
	// the write's commit, so a word just published may not be found yet
	if cache != nil && len(hits) > 0 {
		cache.Add(lq, cachedHits{version: v, hits: hits})
	}
	return hits, nil
}

// Find runs q: the nodes that have its words, from the index when it holds
// the graph's current version (else from the store's full-text indexes,
// joined with the index's entries or, for nodes written since it was built,
// the store's), narrowed by the filter, counted into facets, ordered and
// paged; the page's nodes read with their snippets. A query without a letter
// or a digit, or longer than graph.MaxQueryLen, is EINVALID at "query".
func (e *Engine) Find(ctx context.Context, q Query) (*Result, error) {
	lq, err := graph.FullTextQuery(q.Text, false, "query")
	if err != nil {
		return nil, err
	}
	x, err := e.Cache.Ready(ctx)
	if err != nil {
		return nil, err
	}
	// the index answers when the version last seen is its own; the read of the
	// page's nodes tells the version of the moment, and when the graph changed
	// meanwhile the store answers after all
	if x.text != nil && !e.storeText && x.Version == e.Cache.Latest() {
		res, v, err := e.find(ctx, x, q, lq, true)
		if err != nil || v == x.Version {
			return res, err
		}
	}
	res, _, err := e.find(ctx, x, q, lq, false)
	return res, err
}

// find runs q over x, with its hits from x's words (fromIndex) or from the
// store's full-text indexes (the Lucene query lq); from the index, it returns
// the graph version read with the page's nodes.
func (e *Engine) find(ctx context.Context, x *Index, q Query, lq string, fromIndex bool) (*Result, string, error) {
	var rows []row
	if fromIndex {
		var release func()
		rows, release = x.textRows(Words(q.Text))
		defer release()
	} else {
		var err error
		if rows, err = e.storeRows(ctx, x, lq); err != nil {
			return nil, "", err
		}
	}
	found := len(rows) > 0
	page, total, facets := x.rank(rows, q.Filter, q.Order, q.Lang, q.Window)
	res := &Result{Total: total, Facets: facets}
	var nodes map[string]graph.Node
	var version string
	var err error
	switch ids := make([]string, len(page)); {
	case len(page) > 0 && fromIndex:
		for i, r := range page {
			ids[i] = r.e.id
		}
		nodes, version, err = e.pageNodes(ctx, x, ids)
	case len(page) > 0:
		for i, r := range page {
			ids[i] = r.e.id
		}
		nodes, err = e.Source.SearchNodes(ctx, ids)
	case fromIndex:
		version, err = e.Source.GraphVersion(ctx)
	}
	if err != nil {
		return nil, "", err
	}
	if fromIndex && version != x.Version {
		return nil, version, nil
	}
	m := NewMatcher(q.Text)
	for _, r := range page {
		n, ok := nodes[r.e.id]
		if !ok { // unpublished since the hits were read
			continue
		}
		res.Hits = append(res.Hits, Hit{Node: n, Score: r.score, Snippets: m.Snippets(n)})
	}
	if !found {
		e.Misses.Record(q.Text, q.Lang)
		res.Suggestions = e.suggestions(ctx, x, q.Text)
	}
	return res, version, nil
}

// pageNodes returns the nodes of ids and the graph's version, read in one
// round trip; the nodes read at x's version are kept, so that a page asked
// again costs the version alone.
func (e *Engine) pageNodes(ctx context.Context, x *Index, ids []string) (map[string]graph.Node, string, error) {
	cache := e.nodes
	if cache == nil {
		return e.Source.SearchNodesAt(ctx, ids)
	}
	out := make(map[string]graph.Node, len(ids))
	var missing []string
	for _, id := range ids {
		if c, ok := cache.Get(id); ok && c.version == x.Version {
			out[id] = c.node
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		v, err := e.Source.GraphVersion(ctx)
		return out, v, err
	}
	got, v, err := e.Source.SearchNodesAt(ctx, missing)
	if err != nil {
		return nil, "", err
	}
	for id, n := range got {
		out[id] = n
		if v == x.Version {
			cache.Add(id, cachedNode{v, n})
		}
	}
	return out, v, nil
}

// storeRows returns the hits of the Lucene query lq from the store's
// full-text indexes, joined with x's entries, or with the store's for the
// nodes x does not know (written since it was built, or not published, which
// the store leaves out).
func (e *Engine) storeRows(ctx context.Context, x *Index, lq string) ([]row, error) {
	hits, err := e.fullText(ctx, lq)
	if err != nil {
		return nil, err
	}
	rows, unknown := x.join(hits)
	if len(unknown) == 0 {
		return rows, nil
	}
	refs := make([]string, len(unknown))
	scores := make(map[string]float64, len(unknown))
	for i, h := range unknown {
		refs[i], scores[h.Ref] = h.Ref, h.Score
	}
	es, err := e.Source.SearchEntries(ctx, refs)
	if err != nil {
		return nil, err
	}
	for _, se := range es {
		en := x.entryOf(se)
		rows = append(rows, row{&en, scores[se.Ref], -1})
	}
	return rows, nil
}

// Suggest is the type-ahead: Index.Suggest over the cached index, with the
// proposals' nodes read from the store (those unpublished since the index was
// built drop out).
func (e *Engine) Suggest(ctx context.Context, prefix string, kinds []graph.Kind, first int) ([]Proposal, []graph.Node, error) {
	if len(prefix) > MaxPrefixLen {
		return nil, nil, graph.Errorf(graph.EINVALID, "prefix", "at most %d characters", MaxPrefixLen)
	}
	if len(Words(prefix)) == 0 {
		return nil, nil, graph.Errorf(graph.EINVALID, "prefix", "give at least one letter or digit")
	}
	if first < 0 || first > graph.MaxSuggest {
		return nil, nil, graph.Errorf(graph.EINVALID, "first", "must be between 0 and %d, got %d", graph.MaxSuggest, first)
	}
	x, err := e.Cache.Ready(ctx)
	if err != nil {
		return nil, nil, err
	}
	ps := x.Suggest(prefix, kinds, first)
	if len(ps) == 0 {
		return nil, nil, nil
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	nodes, err := e.Source.SearchNodes(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	var outP []Proposal
	var outN []graph.Node
	for _, p := range ps {
		if n, ok := nodes[p.ID]; ok {
			outP, outN = append(outP, p), append(outN, n)
		}
	}
	return outP, outN, nil
}

// MaxPrefixLen bounds suggest's prefix, in bytes.
const MaxPrefixLen = 100
