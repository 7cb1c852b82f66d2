package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

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
// with the relations the query asks of them read at once. An id that names no
// kind of node is nil too, with an EINVALID error at its index under the field's
// path (["nodes", 2]); partner request ids (request:...) are read as requests.
func (r *Resolver) Nodes(ctx context.Context, ids []string) ([]graph.Node, error) {
	out := make([]graph.Node, len(ids))
	var content, requests []int
	for i, id := range ids {
		switch _, ok := graph.KindOfID(id); {
		case ok:
			content = append(content, i)
		case graph.IsRequestID(id):
			requests = append(requests, i)
		default:
			addErrorAt(ctx, i, graph.Errorf(graph.EINVALID, "ids", "%q is not an id of a node (kind:local, e.g. practice:123)", id))
		}
	}
	if err := r.contentNodes(ctx, ids, content, out); err != nil {
		return nil, err
	}
	for _, i := range requests {
		st, err := r.requests()
		if err != nil {
			return nil, err
		}
		req, err := st.Request(ctx, ids[i], graph.Today())
		switch {
		case graph.ErrorCode(err) == graph.ENOTFOUND:
		case err != nil:
			return nil, err
		default:
			out[i] = req
		}
	}
	return out, nil
}

// addErrorAt adds err to the response at index i of the current field's list.
func addErrorAt(ctx context.Context, i int, err error) {
	path := append(ast.Path{}, graphql.GetPath(ctx)...)
	graphql.AddError(ctx, gqlerror.WrapPath(append(path, ast.PathIndex(i)), err))
}

// contentNodes reads the nodes of ids at the indexes at into out (nil where
// unknown or not visible), with the relations the query asks of them.
func (r *Resolver) contentNodes(ctx context.Context, all []string, at []int, out []graph.Node) error {
	ids := make([]string, 0, len(at))
	for _, i := range at {
		ids = append(ids, all[i])
	}
	l := r.loadersFor(ctx)
	found, hopsRead, err := r.nodesWithRelations(ctx, ids)
	if err != nil {
		return err
	}
	l.nodes.fill(ids, found)
	var nodes []graph.Node
	for _, i := range at {
		if n := found[all[i]]; n != nil && visible(n) {
			out[i] = n
			nodes = append(nodes, n)
		}
	}
	l.prime(nodes)
	if !hopsRead {
		if err := r.prefetch(ctx, nodes, fieldSelection(ctx)); err != nil {
			return err
		}
	}
	return nil
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
