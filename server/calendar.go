package server

import (
	"ewsi/graph"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
)

// setCalendarComplexity prices the calendar's lists: a month of events costs a
// fifth of its page size times its children (events are small and a month holds
// at most 500), funding calls and sheet revisions their page size times their
// children, a country's observations and an indicator's map values as lists of
// one per indicator or country.
func setCalendarComplexity(c *generated.ComplexityRoot) {
	size := func(first *int, def int) int {
		if first == nil {
			return def
		}
		return max(*first, 1)
	}
	c.Query.Calendar = func(child int, _ string, _ *model.CalendarFilter, first *int) int {
		return 1 + (child*size(first, 200)+4)/5
	}
	c.Query.FundingCalls = func(child int, _ *graph.FundingFilter, first *int, _ *string) int {
		return 1 + child*size(first, graph.DefaultPageSize)
	}
	c.Query.SheetRevisions = func(child int, _ string, first *int, _ *string) int {
		return 1 + child*size(first, graph.DefaultPageSize)
	}
	c.Country.Observations = func(child int) int { return 1 + child*10 }
	c.IndicatorMap.Values = func(child int) int { return 1 + child*60 }
	c.Funding.EligibleCountries = func(child int) int { return 1 + child*30 }
}
