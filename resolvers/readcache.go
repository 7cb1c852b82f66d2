package resolvers

import (
	"context"
	"slices"

	"ewsi/graph"
)

// ReadCache answers the store's list pages, their neighbours and country counts from memory
// while the graph has not changed (see versioned): the lists of every kind of
// content (a country page's practices, events and funding; the list pages),
// the counts of countries, and the countries, themes and principles that every
// filter form lists. Reads of one node, of people, of accounts and every
// write go to the store. Lists of people and partner requests are not content
// and are never kept.
type ReadCache struct {
	graph.Reader
	lists *versioned[listPage]
	stats *versioned[map[string]graph.CountryStats]
	hops  *versioned[map[graph.Hop]map[string][]graph.Node]
	// the reference lists every filter form shows
	countries  *versioned[[]*graph.Country]
	themes     *versioned[[]*graph.Theme]
	principles *versioned[[]*graph.Principle]
}

type listPage struct {
	nodes []graph.Node
	total int
	rels  map[graph.Hop]map[string][]graph.Node
}

// NewReadCache wraps st; version returns the graph's version; size bounds the
// answers kept of each sort.
func NewReadCache(st graph.Reader, version func(ctx context.Context) (string, error), size int) (*ReadCache, error) {
	lists, err := newVersioned[listPage](version, size)
	if err != nil {
		return nil, err
	}
	stats, err := newVersioned[map[string]graph.CountryStats](version, size)
	if err != nil {
		return nil, err
	}
	hops, err := newVersioned[map[graph.Hop]map[string][]graph.Node](version, size)
	if err != nil {
		return nil, err
	}
	c := &ReadCache{Reader: st, lists: lists, stats: stats, hops: hops}
	if c.countries, err = newVersioned[[]*graph.Country](version, 4); err != nil {
		return nil, err
	}
	if c.themes, err = newVersioned[[]*graph.Theme](version, 1); err != nil {
		return nil, err
	}
	if c.principles, err = newVersioned[[]*graph.Principle](version, 1); err != nil {
		return nil, err
	}
	return c, nil
}

// List is ListWith without relations.
func (c *ReadCache) List(ctx context.Context, k graph.Kind, f graph.Filter, o graph.Order, w graph.Window) ([]graph.Node, int, error) {
	nodes, total, _, err := c.ListWith(ctx, k, f, o, w, nil)
	return nodes, total, err
}

// ListWith answers a list of content from the cache, else reads it through.
func (c *ReadCache) ListWith(ctx context.Context, k graph.Kind, f graph.Filter, o graph.Order, w graph.Window, hops []graph.Hop) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error) {
	if !slices.Contains(graph.ContentKinds(), k) {
		return c.Reader.ListWith(ctx, k, f, o, w, hops)
	}
	p, err := c.lists.get(ctx, cacheKey(ctx, "list", k, filterKey(f), o, w, hops), func() (listPage, error) {
		nodes, total, rels, err := c.Reader.ListWith(ctx, k, f, o, w, hops)
		return listPage{nodes, total, rels}, err
	})
	return p.nodes, p.total, p.rels, err
}

// Neighbours answers from the cache when the nodes asked are a page of content
// (the calendar's events with their countries and themes), else reads through:
// one node's relations are one round trip, which keeping them would not spare.
func (c *ReadCache) Neighbours(ctx context.Context, h graph.Hop, ids []string) (map[string][]graph.Node, error) {
	res, err := c.NeighboursMulti(ctx, []graph.Hop{h}, ids)
	return res[h], err
}

// NeighboursMulti answers from the cache, else reads through.
func (c *ReadCache) NeighboursMulti(ctx context.Context, hops []graph.Hop, ids []string) (map[graph.Hop]map[string][]graph.Node, error) {
	if len(ids) < 2 || !allContent(ids) {
		return c.Reader.NeighboursMulti(ctx, hops, ids)
	}
	key := slices.Clone(ids)
	slices.Sort(key)
	return c.hops.get(ctx, cacheKey(ctx, "hops", hops, key), func() (map[graph.Hop]map[string][]graph.Node, error) {
		return c.Reader.NeighboursMulti(ctx, hops, ids)
	})
}

// allContent reports whether every id is of a content kind.
func allContent(ids []string) bool {
	for _, id := range ids {
		k, ok := graph.KindOfID(id)
		if !ok || !slices.Contains(graph.ContentKinds(), k) {
			return false
		}
	}
	return true
}

// Countries answers the countries (all, or the EU's or the others) from the
// cache, else reads them through.
func (c *ReadCache) Countries(ctx context.Context, eu *bool) ([]*graph.Country, error) {
	which := "all"
	if eu != nil {
		which = map[bool]string{true: "eu", false: "non-eu"}[*eu]
	}
	return c.countries.get(ctx, cacheKey(ctx, "countries", which), func() ([]*graph.Country, error) {
		return c.Reader.Countries(ctx, eu)
	})
}

// Themes answers the themes from the cache, else reads them through.
func (c *ReadCache) Themes(ctx context.Context) ([]*graph.Theme, error) {
	return c.themes.get(ctx, cacheKey(ctx, "themes"), func() ([]*graph.Theme, error) { return c.Reader.Themes(ctx) })
}

// Principles answers the principles from the cache, else reads them through.
func (c *ReadCache) Principles(ctx context.Context) ([]*graph.Principle, error) {
	return c.principles.get(ctx, cacheKey(ctx, "principles"), func() ([]*graph.Principle, error) { return c.Reader.Principles(ctx) })
}

// CountryStats answers the counts of the countries asked from the cache, else
// reads them through.
func (c *ReadCache) CountryStats(ctx context.Context, iso2 []string) (map[string]graph.CountryStats, error) {
	isos := slices.Clone(iso2)
	slices.Sort(isos)
	return c.stats.get(ctx, cacheKey(ctx, "stats", isos), func() (map[string]graph.CountryStats, error) {
		return c.Reader.CountryStats(ctx, iso2)
	})
}

// CalendarCache answers the calendar's months and the funding calls by deadline
// from memory while the graph has not changed (see versioned).
type CalendarCache struct {
	graph.Calendar
	months  *versioned[eventsPage]
	funding *versioned[fundingPage]
}

type eventsPage struct {
	events []*graph.Event
	total  int
}

type fundingPage struct {
	calls []*graph.Funding
	total int
}

// NewCalendarCache wraps cal; version returns the graph's version; size bounds
// the answers kept of each sort.
func NewCalendarCache(cal graph.Calendar, version func(ctx context.Context) (string, error), size int) (*CalendarCache, error) {
	months, err := newVersioned[eventsPage](version, size)
	if err != nil {
		return nil, err
	}
	funding, err := newVersioned[fundingPage](version, size)
	if err != nil {
		return nil, err
	}
	return &CalendarCache{Calendar: cal, months: months, funding: funding}, nil
}

// EventsBetween answers from the cache, else reads through.
func (c *CalendarCache) EventsBetween(ctx context.Context, from, to graph.Date, f graph.Filter, limit int) ([]*graph.Event, int, error) {
	p, err := c.months.get(ctx, cacheKey(ctx, "events", from.String(), to.String(), filterKey(f), limit), func() (eventsPage, error) {
		events, total, err := c.Calendar.EventsBetween(ctx, from, to, f, limit)
		return eventsPage{events, total}, err
	})
	return p.events, p.total, err
}

// FundingByDeadline answers from the cache, else reads through; the day is
// part of the key (it decides which calls are closed).
func (c *CalendarCache) FundingByDeadline(ctx context.Context, f graph.FundingFilter, today graph.Date, w graph.Window) ([]*graph.Funding, int, error) {
	p, err := c.funding.get(ctx, cacheKey(ctx, "funding", filterKey(f.Filter), f.FunderKinds, f.IncludeClosed, today.String(), w), func() (fundingPage, error) {
		calls, total, err := c.Calendar.FundingByDeadline(ctx, f, today, w)
		return fundingPage{calls, total}, err
	})
	return p.calls, p.total, err
}
