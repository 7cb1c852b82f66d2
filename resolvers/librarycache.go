package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	lru "github.com/hashicorp/golang-lru/v2"

	"ewsi/graph"
)

// LibraryCache answers the library's pages from memory while the graph has not
// changed: a page (its documents, total and facets) is kept under its filter,
// order, window and the properties the request leaves out, with the graph
// version it was read at; a request first reads the version (one small round
// trip) and reads the page again when it changed. Bounded: the least recently
// used pages go first. It keeps nothing that is not derived from the store.
type LibraryCache struct {
	graph.Library
	version func(ctx context.Context) (string, error)
	pages   *lru.Cache[string, libraryPage]
}

// pageKey identifies a page by value (never by the filter's pointers).
func pageKey(f graph.LibraryFilter, o graph.Order, w graph.Window, omit []string) string {
	date := func(d *graph.Date) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	demo := ""
	if f.Demo != nil {
		demo = fmt.Sprint(*f.Demo)
	}
	b, _ := json.Marshal([]any{f.Types, f.Themes, f.Subthemes, f.Principles, f.Countries, f.EU, f.Langs,
		date(f.From), date(f.To), demo, f.Query, o.Field, o.Desc, w.Offset, w.Limit, omit})
	return string(b)
}

type libraryPage struct {
	version string
	nodes   []graph.Node
	total   int
	facets  graph.DocumentFacets
}

// NewLibraryCache wraps lib; version returns the graph's version (a token that
// every write changes); size bounds the pages kept.
func NewLibraryCache(lib graph.Library, version func(ctx context.Context) (string, error), size int) (*LibraryCache, error) {
	c, err := lru.New[string, libraryPage](size)
	if err != nil {
		return nil, err
	}
	return &LibraryCache{Library: lib, version: version, pages: c}, nil
}

// LibraryDocuments answers from the cache when the graph has not changed since
// the page was read, else reads it through.
func (c *LibraryCache) LibraryDocuments(ctx context.Context, f graph.LibraryFilter, o graph.Order, w graph.Window) ([]graph.Node, int, graph.DocumentFacets, error) {
	v, err := c.version(ctx)
	if err != nil {
		return nil, 0, graph.DocumentFacets{}, err
	}
	omit := make([]string, 0, len(graph.Omitted(ctx)))
	for k := range graph.Omitted(ctx) {
		omit = append(omit, k)
	}
	slices.Sort(omit)
	key := pageKey(f, o, w, omit)
	if p, ok := c.pages.Get(key); ok && p.version == v {
		return p.nodes, p.total, p.facets, nil
	}
	nodes, total, facets, err := c.Library.LibraryDocuments(ctx, f, o, w)
	if err != nil {
		return nil, 0, facets, err
	}
	c.pages.Add(key, libraryPage{version: v, nodes: nodes, total: total, facets: facets})
	return nodes, total, facets, nil
}
