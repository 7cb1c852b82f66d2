package resolvers

import (
	"context"

	"ewsi/graph"
)

// LibraryCache answers the library's pages from memory while the graph has not
// changed: a page (its documents, total and facets) is kept under its filter,
// order, window and the properties the request leaves out, with the graph
// version it was read at (see versioned).
type LibraryCache struct {
	graph.Library
	pages *versioned[libraryPage]
}

type libraryPage struct {
	nodes  []graph.Node
	total  int
	facets graph.DocumentFacets
}

// NewLibraryCache wraps lib; version returns the graph's version (a token that
// every write changes); size bounds the pages kept.
func NewLibraryCache(lib graph.Library, version func(ctx context.Context) (string, error), size int) (*LibraryCache, error) {
	c, err := newVersioned[libraryPage](version, size)
	if err != nil {
		return nil, err
	}
	return &LibraryCache{Library: lib, pages: c}, nil
}

// LibraryDocuments answers from the cache when the graph has not changed since
// the page was read, else reads it through.
func (c *LibraryCache) LibraryDocuments(ctx context.Context, f graph.LibraryFilter, o graph.Order, w graph.Window) ([]graph.Node, int, graph.DocumentFacets, error) {
	key := cacheKey(ctx, "library", filterKey(f.Filter), f.EU, o, w)
	p, err := c.pages.get(ctx, key, func() (libraryPage, error) {
		nodes, total, facets, err := c.Library.LibraryDocuments(ctx, f, o, w)
		return libraryPage{nodes, total, facets}, err
	})
	return p.nodes, p.total, p.facets, err
}
