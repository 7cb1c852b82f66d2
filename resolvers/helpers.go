package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// themes returns the themes a node is about.
func themes(ctx context.Context, r *Resolver, id string) ([]*graph.Theme, error) {
	return many[*graph.Theme](ctx, r, out(graph.RelAbout, graph.KindTheme), id)
}

// country returns the country a node is in.
func country(ctx context.Context, r *Resolver, id string) (*graph.Country, error) {
	return one[*graph.Country](ctx, r, out(graph.RelIn, graph.KindCountry), id)
}

// Nodes returns the visible nodes for ids, nil where unknown, in the order asked,
// with the relations the query asks of them read at once.
func (r *Resolver) Nodes(ctx context.Context, ids []string) ([]graph.Node, error) {
	for _, id := range ids {
		if _, ok := graph.KindOfID(id); !ok {
			return nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
		}
	}
	l := r.loadersFor(ctx)
	found, hopsRead, err := r.nodesWithRelations(ctx, ids)
	if err != nil {
		return nil, err
	}
	l.nodes.fill(ids, found)
	out := make([]graph.Node, len(ids))
	var nodes []graph.Node
	for i, id := range ids {
		if n := found[id]; n != nil && visible(n) {
			out[i] = n
			nodes = append(nodes, n)
		}
	}
	l.prime(nodes)
	if !hopsRead {
		if err := r.prefetch(ctx, nodes, fieldSelection(ctx)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nodesWithRelations reads the nodes for ids; when they are all of one kind, it
// reads the relations the query asks of them in the same round trip (and says so).
func (r *Resolver) nodesWithRelations(ctx context.Context, ids []string) (map[string]graph.Node, bool, error) {
	if len(ids) == 0 {
		return map[string]graph.Node{}, false, nil
	}
	oc := graphql.GetOperationContext(ctx)
	kind, _ := graph.KindOfID(ids[0])
	for _, id := range ids {
		if k, _ := graph.KindOfID(id); k != kind {
			oc = nil
		}
	}
	var hops []graph.Hop
	stats := false
	if oc != nil {
		hops, stats = hopsFor(oc, kind, fieldSelection(ctx))
	}
	if len(hops) == 0 || stats {
		found, err := r.Store.Nodes(ctx, ids)
		return found, false, err
	}
	self := graph.Hop{}
	res, err := r.Store.NeighboursMulti(ctx, append([]graph.Hop{self}, hops...), ids)
	if err != nil {
		return nil, false, err
	}
	found := map[string]graph.Node{}
	for id, ns := range res[self] {
		if len(ns) > 0 {
			found[id] = ns[0]
		}
	}
	r.fillHops(ctx, hops, ids, res)
	return found, true, nil
}

// contentKinds maps the GraphQL enum to labels.
var contentKinds = map[model.ContentKind]graph.Kind{
	model.ContentKindPractice: graph.KindPractice, model.ContentKindOrganisation: graph.KindOrganisation,
	model.ContentKindLocalAuthority: graph.KindLocalAuthority, model.ContentKindDocument: graph.KindDocument,
	model.ContentKindNews: graph.KindNews, model.ContentKindEvent: graph.KindEvent, model.ContentKindFunding: graph.KindFunding,
}

// search runs a full-text query and pages its hits.
func (r *Resolver) search(ctx context.Context, q string, kinds []model.ContentKind, prefix bool, first *int, after *string) (*model.SearchConnection, error) {
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	if len(q) > 500 {
		return nil, graph.Errorf(graph.EINVALID, "query", "at most 500 characters")
	}
	ks := make([]graph.Kind, 0, len(kinds))
	for _, k := range kinds {
		ks = append(ks, contentKinds[k])
	}
	w, _, _ := p.Window(1 << 30)
	hits, total, err := r.Store.Search(ctx, q, ks, prefix, w)
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(total)
	conn := &model.SearchConnection{TotalCount: total, PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext}}
	for i, h := range hits {
		c := graph.Cursor(w.Offset + i)
		conn.Edges = append(conn.Edges, &model.SearchEdge{Cursor: c, Node: h.Node, Score: h.Score})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	if conn.Edges == nil {
		conn.Edges = []*model.SearchEdge{}
	}
	return conn, nil
}
