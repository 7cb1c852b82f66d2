package resolvers

import (
	"context"
	"strings"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// The library's resolvers: documents with facets, the news archive, links,
// dossiers and what a principle tags. They read through Resolver.Library.

// MaxDossierItems bounds the items of a dossier read at once.
const MaxDossierItems = 100

func (r *Resolver) lib() (graph.Library, error) {
	if r.Library == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "the library is not available on this store")
	}
	return r.Library, nil
}

// documentTitle returns d's official title in lang where it has one.
func documentTitle(d *graph.Document, lang graph.Lang) *string {
	var t string
	switch strings.ToLower(string(lang)) {
	case "en":
		if d.Lang == "en" || d.TitleFr != "" || d.TitleDe != "" {
			t = d.Title
		}
	case "fr":
		t = d.TitleFr
	case "de":
		t = d.TitleDe
	}
	if t == "" && strings.EqualFold(string(d.Lang), string(lang)) {
		t = d.Title
	}
	if t == "" {
		return nil
	}
	return &t
}

// libraryFilter turns the API's filter into the store's, checking every value;
// errors name the field under "filter".
func (r *Resolver) libraryFilter(ctx context.Context, in *model.DocumentFilter) (graph.LibraryFilter, error) {
	var f graph.LibraryFilter
	if in == nil {
		return f, nil
	}
	var errs graph.Errors
	for _, t := range in.Types {
		f.Types = append(f.Types, string(t))
	}
	f.Themes = append(f.Themes, idStrings(in.Themes)...)
	f.Principles = in.Principles
	f.Langs = in.Langs
	f.Demo = in.Demo
	if in.Query != nil {
		f.Query = *in.Query
	}
	for _, s := range in.Scopes {
		if strings.EqualFold(strings.TrimSpace(s), graph.ScopeEU) {
			f.EU = true
			continue
		}
		f.Countries = append(f.Countries, s)
	}
	if len(in.Years) > graph.MaxFilterValues {
		errs = append(errs, graph.Errorf(graph.EINVALID, "filter.years", "at most %d values, got %d", graph.MaxFilterValues, len(in.Years)))
	}
	if len(in.Years) > 0 {
		lo, hi := in.Years[0], in.Years[0]
		for _, y := range in.Years {
			if y < 1900 || y > 2200 {
				errs = append(errs, graph.Errorf(graph.EINVALID, "filter.years", "%d is not a year between 1900 and 2200", y))
			}
			lo, hi = min(lo, y), max(hi, y)
		}
		if len(in.Years) != hi-lo+1 {
			errs = append(errs, graph.Errorf(graph.EINVALID, "filter.years", "years must follow each other (%d to %d)", lo, hi))
		}
		f.From = &graph.Date{Year: lo, Month: 1, Day: 1}
		f.To = &graph.Date{Year: hi, Month: 12, Day: 31}
	}
	if err := f.Normalize("filter"); err != nil {
		errs = append(errs, graph.ErrorList(err)...)
	}
	if err := errs.Err(); err != nil {
		return f, err
	}
	if err := r.checkRefs(ctx, "filter", &f.Filter); err != nil {
		return f, err
	}
	return f, nil
}

func idStrings[T ~string](ids []T) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, string(id))
	}
	return out
}

func (r *queryResolver) library(ctx context.Context, filter *model.DocumentFilter, orderBy *model.LibraryOrder, first *int, after *string) (*model.LibraryPage, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	f, err := r.libraryFilter(ctx, filter)
	if err != nil {
		return nil, err
	}
	o := graph.Order{Field: "date", Desc: true}
	if orderBy != nil {
		o.Desc = orderBy.Direction == model.DirectionDesc
		switch orderBy.Field {
		case model.OrderFieldTitle:
			o.Field = "title"
		case model.OrderFieldDate:
		default:
			return nil, graph.Errorf(graph.EINVALID, "orderBy.field", "the library sorts by DATE or TITLE")
		}
	}
	w, _, _ := p.Window(1 << 30)
	if first == nil {
		w.Limit = graph.DefaultPageSize
	}
	nodes, total, facets, err := lib.LibraryDocuments(ctx, f, o, w)
	if err != nil {
		return nil, err
	}
	r.loadersFor(ctx).prime(nodes)
	l := &listed{nodes: nodes, offset: w.Offset, total: total, pageInfo: windowPageInfo(w, len(nodes), total)}
	return &model.LibraryPage{TotalCount: total, PageInfo: l.pageInfo, Facets: &facets,
		Edges: edges(l, func(c string, n *graph.Document) *model.DocumentEdge { return &model.DocumentEdge{Cursor: c, Node: n} })}, nil
}

// windowPageInfo is the page information of a window of n items out of total.
func windowPageInfo(w graph.Window, n, total int) *model.PageInfo {
	pi := &model.PageInfo{HasPreviousPage: w.Offset > 0, HasNextPage: w.Offset+n < total}
	if n > 0 {
		s, e := graph.Cursor(w.Offset), graph.Cursor(w.Offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

func (r *queryResolver) newsArchive(ctx context.Context, filter *graph.Filter) ([]*graph.ArchiveMonth, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	var f graph.Filter
	if filter != nil {
		f = *filter
	}
	if err := f.Normalize("filter"); err != nil {
		return nil, err
	}
	if err := r.checkRefs(ctx, "filter", &f); err != nil {
		return nil, err
	}
	months, err := lib.NewsArchive(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.ArchiveMonth, len(months))
	for i := range months {
		out[i] = &months[i]
	}
	return out, nil
}

func (r *queryResolver) webLinks(ctx context.Context, types []string) ([]*graph.WebLink, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	valid := graph.WebLinkTypes()
	norm := make([]string, 0, len(types))
	for _, t := range types {
		l, ok := graph.ParseEnum(t, valid)
		if !ok {
			return nil, graph.Errorf(graph.EINVALID, "types", "%q is not a type of link (one of %s)", t, strings.Join(valid, ", "))
		}
		norm = append(norm, l)
	}
	return lib.WebLinks(ctx, norm)
}

func (r *queryResolver) dossiers(ctx context.Context, first *int, after *string) (*model.DossierConnection, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	w, _, _ := p.Window(1 << 30)
	if first == nil {
		w.Limit = graph.DefaultPageSize
	}
	ds, total, err := lib.Dossiers(ctx, w)
	if err != nil {
		return nil, err
	}
	out := &model.DossierConnection{TotalCount: total, PageInfo: windowPageInfo(w, len(ds), total)}
	for i, d := range ds {
		out.Edges = append(out.Edges, &model.DossierEdge{Cursor: graph.Cursor(w.Offset + i), Node: d})
	}
	if out.Edges == nil {
		out.Edges = []*model.DossierEdge{}
	}
	return out, nil
}

func (r *dossierResolver) dossierItems(ctx context.Context, obj *graph.Dossier, first *int) ([]*graph.DossierItem, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	n := 50
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxDossierItems {
		return nil, graph.Errorf(graph.EINVALID, "first", "must be between 0 and %d, got %d", MaxDossierItems, n)
	}
	items, err := lib.DossierItems(ctx, obj.ID, n)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.DossierItem, len(items))
	nodes := make([]graph.Node, len(items))
	for i := range items {
		out[i] = &items[i]
		nodes[i] = items[i].Node
	}
	r.loadersFor(ctx).prime(nodes)
	return out, nil
}

func (r *principleResolver) tagged(ctx context.Context, obj *graph.Principle, kinds []model.ContentKind, first *int, after *string) (*model.TaggedConnection, error) {
	lib, err := r.lib()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	w, _, _ := p.Window(1 << 30)
	if first == nil {
		w.Limit = graph.DefaultPageSize
	}
	ks := make([]graph.Kind, 0, len(kinds))
	for _, k := range kinds {
		ks = append(ks, contentKinds[k])
	}
	nodes, total, err := lib.Tagged(ctx, obj.Number, ks, w)
	if err != nil {
		return nil, err
	}
	r.loadersFor(ctx).prime(nodes)
	out := &model.TaggedConnection{TotalCount: total, PageInfo: windowPageInfo(w, len(nodes), total), Edges: []*model.TaggedEdge{}}
	for i, n := range nodes {
		out.Edges = append(out.Edges, &model.TaggedEdge{Cursor: graph.Cursor(w.Offset + i), Node: n})
	}
	return out, nil
}
