package server

import (
	"ewsi/graph"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
)

// findCost is what a find costs besides its page: a full-text query, its
// facets over every hit, and, when nothing is found, a few fuzzy queries.
const findCost = 600

// suggestCost is what a type-ahead costs besides its proposals: a lookup in
// the server's index and one read of the proposals' nodes.
const suggestCost = 20

// setSearchComplexity prices the one search's fields.
func setSearchComplexity(c *generated.ComplexityRoot) {
	page := func(child int, first *int, def int) int {
		n := def
		if first != nil {
			n = max(*first, 1)
		}
		return 1 + child*n
	}
	c.Query.Find = func(child int, _ string, _ *model.SearchFilter, _ *model.SearchOrder, _ *graph.Lang, first *int, _ *string) int {
		return findCost + page(child, first, graph.DefaultPageSize)
	}
	c.Query.Suggest = func(child int, _ string, _ []model.ContentKind, _ *graph.Lang, first *int) int {
		return suggestCost + page(child, first, 8)
	}
	c.Query.SearchMisses = func(child int, first *int, _ *string) int { return 10 + page(child, first, 50) }
}
