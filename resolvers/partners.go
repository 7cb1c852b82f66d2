package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// findPartners checks the arguments, ranks and pages the partners.
func (r *Resolver) findPartners(ctx context.Context, in model.PartnerSearchInput, first *int, after *string) (*model.PartnerConnection, error) {
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxRankedPage); err != nil {
		return nil, err
	}
	if r.Partners == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "partner search is not available on this store")
	}
	q := graph.PartnerQuery{Organisation: deref(in.Organisation), Themes: in.Themes, Subthemes: in.Subthemes,
		Principles: in.Principles, Countries: in.Countries, Languages: in.Languages, ActiveSince: in.ActiveSince}
	for _, t := range in.Types {
		q.Types = append(q.Types, string(t))
	}
	if in.Near != nil {
		q.Near = &orb.Point{in.Near.Lon, in.Near.Lat}
	}
	if in.RadiusKm != nil {
		q.RadiusKm = *in.RadiusKm
	}
	if in.OnlyLookingForPartners != nil {
		q.OnlyLooking = *in.OnlyLookingForPartners
	}
	w, _, _ := p.Window(1 << 30)
	matches, total, err := r.Partners.FindPartners(ctx, q, w)
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(total)
	conn := &model.PartnerConnection{TotalCount: total, Edges: []*model.PartnerEdge{},
		PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext && w.Offset+len(matches) < total}}
	ids := make([]string, len(matches))
	for i := range matches {
		ids[i] = matches[i].ID
		r.noteReasons(ctx, matches[i].Reasons)
		conn.Edges = append(conn.Edges, &model.PartnerEdge{Cursor: graph.Cursor(w.Offset + i), Node: &matches[i]})
	}
	r.primeIDs(ctx, ids)
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// related checks the arguments and ranks the related content.
func (r *Resolver) related(ctx context.Context, id string, kinds []model.ContentKind, first *int) ([]*graph.RelatedItem, error) {
	n := 10
	if first != nil {
		n = *first
	}
	if err := graph.CheckFirst(n); err != nil {
		return nil, err
	}
	if r.Partners == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "related content is not available on this store")
	}
	ks := make([]graph.Kind, 0, len(kinds))
	for _, k := range kinds {
		ks = append(ks, contentKinds[k])
	}
	items, err := r.Partners.Related(ctx, id, ks, n)
	return r.primeRelated(ctx, items), err
}

// primeRelated returns pointers to the items and loads their nodes in one batch.
func (r *Resolver) primeRelated(ctx context.Context, items []graph.RelatedItem) []*graph.RelatedItem {
	out := make([]*graph.RelatedItem, len(items))
	ids := make([]string, len(items))
	for i := range items {
		out[i], ids[i] = &items[i], items[i].ID
		r.noteReasons(ctx, items[i].Reasons)
	}
	r.primeIDs(ctx, ids)
	return out
}

// primeIDs loads the nodes of a ranked page at once, so that resolving them, and
// then their own relations, costs one query per relationship.
func (r *Resolver) primeIDs(ctx context.Context, ids []string) {
	if len(ids) == 0 {
		return
	}
	l := r.loadersFor(ctx)
	nodes, err := l.store.Nodes(ctx, ids)
	if err != nil {
		return // the per-node loads will report it
	}
	found := make([]graph.Node, 0, len(nodes))
	l.nodes.mu.Lock()
	for id, n := range nodes {
		if _, ok := l.nodes.cache[id]; !ok {
			e := &entry[graph.Node]{done: make(chan struct{}), val: n}
			close(e.done)
			l.nodes.cache[id] = e
		}
		found = append(found, n)
	}
	l.nodes.mu.Unlock()
	l.prime(found)
}

// editor checks that editing is on and that the actor may run the editors'
// field being resolved (the field middleware checks it too; this keeps the
// resolvers closed when called without it).
func (r *Resolver) editor(ctx context.Context) error {
	if r.Editing == nil {
		return graph.Errorf(graph.EFORBIDDEN, "", "editing is switched off on this server")
	}
	op := ""
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		op = fc.Object + "." + fc.Field.Name
	}
	return graph.Authorize(ctx, op, graph.Subject{})
}

func linkType(t *graph.LinkType) graph.LinkType {
	if t == nil {
		return graph.LinkRelated
	}
	return *t
}

func editorName(by *string) string {
	if by == nil || *by == "" {
		return "editor"
	}
	return *by
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
