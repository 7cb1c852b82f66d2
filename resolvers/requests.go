package resolvers

import (
	"context"
	"slices"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// requests returns the store of partner requests, or UNAVAILABLE.
func (r *Resolver) requests() (graph.Requests, error) {
	if r.Requests == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "partner requests are not available on this store")
	}
	return r.Requests, nil
}

// requestInput turns the GraphQL input into the domain's.
func requestInput(in model.PartnerRequestInput) graph.RequestInput {
	out := graph.RequestInput{Organisation: in.Organisation, Title: in.Title, Description: in.Description, Lang: in.Lang,
		Themes: in.Themes, Subthemes: in.Subthemes, Countries: in.Countries, Languages: in.Languages, Funding: deref(in.Funding),
		Closes: in.Closes}
	for _, t := range in.Types {
		out.Types = append(out.Types, string(t))
	}
	if in.Contact != nil {
		out.Contact = graph.Contact{Name: in.Contact.Name, Email: in.Contact.Email}
	}
	return out
}

// replyInput turns the GraphQL input into the domain's.
func replyInput(in model.PartnerReplyInput) graph.ReplyInput {
	out := graph.ReplyInput{Request: in.Request, Organisation: in.Organisation, Fit: in.Fit, Offer: in.Offer, Lang: in.Lang}
	if in.Contact != nil {
		out.Contact = graph.Contact{Name: in.Contact.Name, Email: in.Contact.Email}
	}
	return out
}

// board checks the arguments and pages the board.
func (r *Resolver) board(ctx context.Context, filter *model.PartnerRequestFilter, orderBy *graph.BoardOrder, first *int, after *string) (*model.PartnerRequestConnection, error) {
	st, err := r.requests()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	var f graph.BoardFilter
	if filter != nil {
		f = graph.BoardFilter{Themes: filter.Themes, Countries: filter.Countries, Status: filter.Status, Demo: filter.Demo}
		for _, t := range filter.Types {
			f.Types = append(f.Types, string(t))
		}
		// the store normalises f itself; a normalised copy checks that its
		// themes, subthemes and countries exist
		g := graph.BoardFilter{Themes: slices.Clone(f.Themes), Countries: slices.Clone(f.Countries), Types: slices.Clone(f.Types), Status: f.Status}
		if err := g.Normalize(); err != nil {
			return nil, err
		}
		if err := r.checkBoardRefs(ctx, g); err != nil {
			return nil, err
		}
	}
	o := graph.BoardNewest
	if orderBy != nil {
		o = *orderBy
	}
	w, _, _ := p.Window(1 << 30)
	rs, total, err := st.Board(ctx, f, o, w, graph.Today())
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(total)
	conn := &model.PartnerRequestConnection{TotalCount: total, Edges: []*model.PartnerRequestEdge{},
		PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext && w.Offset+len(rs) < total}}
	for i, req := range rs {
		conn.Edges = append(conn.Edges, &model.PartnerRequestEdge{Cursor: graph.Cursor(w.Offset + i), Node: req})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// loadAll loads nodes of type T by id through the request's loader, in order,
// skipping those that are gone or not visible.
func loadAll[T graph.Node](ctx context.Context, r *Resolver, ids []string) ([]T, error) {
	found, err := r.loadersFor(ctx).nodes.loadMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if t, ok := found[id].(T); ok && visible(found[id]) {
			out = append(out, t)
		}
	}
	return out, nil
}

// organisation loads one organisation by id; a missing one is NOT_FOUND.
func (r *Resolver) organisation(ctx context.Context, id string) (*graph.Organisation, error) {
	os, err := loadAll[*graph.Organisation](ctx, r, []string{id})
	if err != nil {
		return nil, err
	}
	if len(os) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "organisation", "organisation %q is gone", id)
	}
	return os[0], nil
}
