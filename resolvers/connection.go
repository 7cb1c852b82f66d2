package resolvers

import (
	"context"
	"math"

	"github.com/99designs/gqlgen/graphql"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// listArgs are the arguments every content connection takes.
type listArgs struct {
	filter  *graph.Filter
	orderBy *model.ContentOrder
	page    graph.PageArgs
}

// listed is one page of a list.
type listed struct {
	nodes    []graph.Node
	offset   int
	total    int
	pageInfo *model.PageInfo
}

// list validates the arguments and reads one page of kind k.
func (r *Resolver) list(ctx context.Context, k graph.Kind, a listArgs, extra func(*graph.Filter)) (*listed, error) {
	if err := a.page.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	var f graph.Filter
	if a.filter != nil {
		f = *a.filter
	}
	if err := f.Normalize("filter"); err != nil {
		return nil, err
	}
	if err := r.checkRefs(ctx, "filter", &f); err != nil {
		return nil, err
	}
	if extra != nil {
		extra(&f) // canonical values of the parent (a country's own practices)
	}
	var o graph.Order
	if a.orderBy != nil {
		switch a.orderBy.Field {
		case model.OrderFieldDate:
			o.Field = "date"
		case model.OrderFieldUpdatedAt:
			o.Field = "updatedAt"
		}
		o.Desc = a.orderBy.Direction == model.DirectionDesc
	}
	var (
		w     graph.Window
		nodes []graph.Node
		total int
		rels  map[graph.Hop]map[string][]graph.Node
		err   error
	)
	// the page and the relations its nodes are asked for, in one round trip
	var hops []graph.Hop
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		hops, _ = hopsFor(oc, k, nodeSelection(ctx))
	}
	if a.page.Last != nil && a.page.Before == nil {
		// counting from the end needs the total first
		if _, total, err = r.Store.List(ctx, k, f, o, graph.Window{}); err != nil {
			return nil, err
		}
		w, _, _ = a.page.Window(total)
	} else {
		w, _, _ = a.page.Window(math.MaxInt32)
	}
	nodes, total, rels, err = r.Store.ListWith(ctx, k, f, o, w, hops)
	if err != nil {
		return nil, err
	}
	r.loadersFor(ctx).prime(nodes)
	ids := make([]string, 0, len(nodes))
	for _, n := range nodes {
		ids = append(ids, n.NodeID())
	}
	r.fillHops(ctx, hops, ids, rels)
	_, hasPrev, hasNext := a.page.Window(total)
	pi := &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext && w.Offset+len(nodes) < total}
	if len(nodes) > 0 {
		s, e := graph.Cursor(w.Offset), graph.Cursor(w.Offset+len(nodes)-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return &listed{nodes: nodes, offset: w.Offset, total: total, pageInfo: pi}, nil
}

// edges turns a page into typed edges with mk.
func edges[T graph.Node, E any](l *listed, mk func(cursor string, n T) E) []E {
	out := make([]E, 0, len(l.nodes))
	for i, n := range l.nodes {
		if t, ok := n.(T); ok {
			out = append(out, mk(graph.Cursor(l.offset+i), t))
		}
	}
	return out
}

func args(filter *graph.Filter, orderBy *model.ContentOrder, first *int, after *string, last *int, before *string) listArgs {
	return listArgs{filter: filter, orderBy: orderBy, page: graph.PageArgs{First: first, After: after, Last: last, Before: before}}
}
