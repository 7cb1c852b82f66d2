package resolvers

import (
	"context"
	"strings"

	"ewsi/graph"
	"ewsi/resolvers/model"
	"ewsi/search"
)

// The one search's resolvers (find, suggest, searchMisses) over
// Resolver.Search, the engine the server keeps (package search).

func (r *Resolver) searchEngine() (*search.Engine, error) {
	if r.Search == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "search is not available on this store")
	}
	return r.Search, nil
}

// kindOfContent maps labels to the GraphQL enum.
var kindOfContent = func() map[graph.Kind]model.ContentKind {
	m := map[graph.Kind]model.ContentKind{}
	for ck, k := range contentKinds {
		m[k] = ck
	}
	return m
}()

// searchFilter turns the API's filter into the engine's, checking every value;
// errors name the field under "filter".
func searchFilter(in *model.SearchFilter) (search.Filter, error) {
	var f search.Filter
	if in == nil {
		return f, nil
	}
	var errs graph.Errors
	for name, n := range map[string]int{"kinds": len(in.Kinds), "themes": len(in.Themes), "countries": len(in.Countries),
		"langs": len(in.Langs), "years": len(in.Years)} {
		if n > graph.MaxFilterValues {
			errs = append(errs, graph.Errorf(graph.EINVALID, "filter."+name, "at most %d values, got %d", graph.MaxFilterValues, n))
		}
	}
	for _, k := range in.Kinds {
		f.Kinds = append(f.Kinds, contentKinds[k])
	}
	f.Themes = in.Themes
	for i, c := range in.Countries {
		if len(strings.TrimSpace(c)) != 2 {
			errs = append(errs, graph.Errorf(graph.EINVALID, "filter.countries", "value %d, %q, is not an ISO 3166 alpha-2 code", i, c))
		}
		f.Countries = append(f.Countries, c)
	}
	for i, l := range in.Langs {
		if _, err := graph.ParseLang(l); err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, "filter.langs", "value %d, %q, is not an EU language code", i, l))
		}
		f.Langs = append(f.Langs, l)
	}
	for _, y := range in.Years {
		if y < 1900 || y > 2200 {
			errs = append(errs, graph.Errorf(graph.EINVALID, "filter.years", "%d is not a year between 1900 and 2200", y))
		}
	}
	f.Years = in.Years
	if len(errs) > 0 {
		return f, errs
	}
	return f, nil
}

func (r *Resolver) find(ctx context.Context, query string, filter *model.SearchFilter, orderBy *model.SearchOrder, lang *graph.Lang, first *int, after *string) (*model.SearchResults, error) {
	eng, err := r.searchEngine()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	f, err := searchFilter(filter)
	if err != nil {
		return nil, err
	}
	o := search.Relevance
	if orderBy != nil {
		switch *orderBy {
		case model.SearchOrderNewest:
			o = search.Newest
		case model.SearchOrderOldest:
			o = search.Oldest
		}
	}
	l := langOr(lang)
	w, _, _ := p.Window(1 << 30)
	res, err := eng.Find(ctx, search.Query{Text: query, Filter: f, Order: o, Lang: l, Window: w})
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(res.Total)
	out := &model.SearchResults{TotalCount: res.Total, Edges: []*model.SearchResult{}, Suggestions: res.Suggestions,
		PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext}}
	if out.Suggestions == nil {
		out.Suggestions = []string{}
	}
	for i, h := range res.Hits {
		e := &model.SearchResult{Cursor: graph.Cursor(w.Offset + i), Node: h.Node, Score: h.Score, Snippets: []*model.Snippet{}}
		for _, s := range h.Snippets {
			e.Snippets = append(e.Snippets, &model.Snippet{Field: s.Field, Parts: snippetParts(s.Parts)})
		}
		out.Edges = append(out.Edges, e)
	}
	if n := len(out.Edges); n > 0 {
		out.PageInfo.StartCursor, out.PageInfo.EndCursor = &out.Edges[0].Cursor, &out.Edges[n-1].Cursor
	}
	if out.Facets, err = r.searchFacets(res.Facets, l); err != nil {
		return nil, err
	}
	return out, nil
}

func snippetParts(ps []search.Part) []*model.SnippetPart {
	out := make([]*model.SnippetPart, len(ps))
	for i, p := range ps {
		out[i] = &model.SnippetPart{Text: p.Text, Match: p.Match}
	}
	return out
}

// searchFacets words the facets in lang: kinds and languages from the enum
// labels, themes and countries from their names, years as they are.
func (r *Resolver) searchFacets(f search.Facets, lang graph.Lang) (*model.SearchFacets, error) {
	cat, err := r.catalog()
	if err != nil {
		return nil, err
	}
	list := func(cs []search.FacetCount, value, label func(search.FacetCount) string) []*model.SearchFacetCount {
		out := make([]*model.SearchFacetCount, 0, len(cs))
		for _, c := range cs {
			out = append(out, &model.SearchFacetCount{Value: value(c), Label: label(c), Count: c.Count})
		}
		return out
	}
	plain := func(c search.FacetCount) string { return c.Value }
	named := func(c search.FacetCount) string {
		if c.Label != "" {
			return c.Label
		}
		return c.Value
	}
	enum := func(prefix string, key func(search.FacetCount) string) func(search.FacetCount) string {
		return func(c search.FacetCount) string {
			if s, _, ok := cat.Label(lang, prefix+key(c)); ok {
				return s
			}
			return c.Value
		}
	}
	kindValue := func(c search.FacetCount) string { return string(kindOfContent[graph.Kind(c.Value)]) }
	return &model.SearchFacets{
		Kinds:     list(f.Kinds, kindValue, enum("ContentKind.", kindValue)),
		Themes:    list(f.Themes, plain, named),
		Countries: list(f.Countries, plain, named),
		Langs:     list(f.Langs, plain, enum("Lang.", func(c search.FacetCount) string { return strings.ToUpper(c.Value) })),
		Years:     list(f.Years, plain, plain),
	}, nil
}

func (r *Resolver) suggest(ctx context.Context, prefix string, kinds []model.ContentKind, first *int) ([]*model.Suggestion, error) {
	eng, err := r.searchEngine()
	if err != nil {
		return nil, err
	}
	n := 8
	if first != nil {
		n = *first
	}
	ks := make([]graph.Kind, 0, len(kinds))
	for _, k := range kinds {
		ks = append(ks, contentKinds[k])
	}
	ps, nodes, err := eng.Suggest(ctx, prefix, ks, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Suggestion, len(ps))
	for i, p := range ps {
		out[i] = &model.Suggestion{Node: nodes[i], Label: p.Label, Parts: snippetParts(p.Parts)}
	}
	return out, nil
}

func (r *Resolver) searchMisses(ctx context.Context, first *int, after *string) (*model.SearchMissConnection, error) {
	eng, err := r.searchEngine()
	if err != nil {
		return nil, err
	}
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	w, _, _ := p.Window(1 << 30)
	ms, total, err := eng.Source.SearchMisses(ctx, w)
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(total)
	out := &model.SearchMissConnection{TotalCount: total, Edges: []*model.SearchMissEdge{},
		PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext}}
	for i, m := range ms {
		langs := m.Langs
		if langs == nil {
			langs = []string{}
		}
		out.Edges = append(out.Edges, &model.SearchMissEdge{Cursor: graph.Cursor(w.Offset + i),
			Node: &model.SearchMiss{Query: m.Query, Count: m.Count, LastAt: m.LastAt, Langs: langs}})
	}
	if n := len(out.Edges); n > 0 {
		out.PageInfo.StartCursor, out.PageInfo.EndCursor = &out.Edges[0].Cursor, &out.Edges[n-1].Cursor
	}
	return out, nil
}
