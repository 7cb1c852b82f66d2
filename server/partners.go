package server

import (
	"ewsi/graph"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
)

// setPartnerComplexity makes ranked lists cost their page size times their children.
func setPartnerComplexity(c *generated.ComplexityRoot) {
	size := func(first *int, def int) int {
		if first == nil {
			return def
		}
		return max(*first, 1)
	}
	c.Query.FindPartners = func(child int, _ model.PartnerSearchInput, first *int, _ *string) int {
		return 1 + child*size(first, graph.DefaultPageSize)
	}
	c.Query.Related = func(child int, _ string, _ []model.ContentKind, first *int) int {
		return 1 + child*size(first, 10)
	}
	c.Query.LinkSuggestions = func(child int, _ string, first *int) int { return 1 + child*size(first, 10) }
}

// setRequestComplexity makes the board and a request's suggestions cost their page size times their children.
func setRequestComplexity(c *generated.ComplexityRoot) {
	c.Query.PartnerRequests = func(child int, _ *model.PartnerRequestFilter, _ *graph.BoardOrder, first *int, _ *string) int {
		if first == nil {
			return 1 + child*graph.DefaultPageSize
		}
		return 1 + child*max(*first, 1)
	}
	c.ManagedPartnerRequest.Suggestions = func(child int, first *int) int {
		if first == nil {
			return 1 + child*10
		}
		return 1 + child*max(*first, 1)
	}
}
