package server

import (
	"ewsi/graph"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
)

// libraryPageCost is what computing a library page's facets costs besides its
// items: one pass over the filtered documents.
const libraryPageCost = 20

// libraryCachePages is how many library pages the server keeps in memory while
// the graph does not change.
const libraryCachePages = 512

// readCacheAnswers is how many answers of each sort (list pages, country
// counts, calendar months, funding pages) the server keeps while the graph
// does not change.
const readCacheAnswers = 512

// setLibraryComplexity prices the library's lists by the items they return.
func setLibraryComplexity(c *generated.ComplexityRoot) {
	page := func(child int, first *int) int {
		n := graph.DefaultPageSize
		if first != nil {
			n = max(*first, 1)
		}
		return 1 + child*n
	}
	c.Query.Library = func(child int, _ *model.DocumentFilter, _ *model.LibraryOrder, first *int, _ *string) int {
		return libraryPageCost + page(child, first)
	}
	c.Query.Dossiers = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Dossier.Items = func(child int, first *int) int {
		n := 50
		if first != nil {
			n = min(max(*first, 1), resolvers.MaxDossierItems)
		}
		return 1 + child*n
	}
	c.Principle.Tagged = func(child int, _ []model.ContentKind, first *int, _ *string) int { return page(child, first) }
}
