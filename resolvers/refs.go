package resolvers

import (
	"context"
	"slices"
	"strings"

	"ewsi/graph"
)

// checkRefs checks that every theme, subtheme and country a normalised filter
// names is in the reference data of the graph: an unknown one is EINVALID naming
// the field under where (filter.themes: unknown theme "foo"), as findPartners
// does, instead of a filter that silently matches nothing. The reference nodes
// are read through the request's node loader: one batched read per request,
// whatever the number of lists that filter on them.
func (r *Resolver) checkRefs(ctx context.Context, where string, f *graph.Filter) error {
	return r.checkRefFields(ctx, []refField{
		{where + ".themes", []graph.Kind{graph.KindTheme}, f.Themes},
		{where + ".subthemes", []graph.Kind{graph.KindSubtheme}, f.Subthemes},
		{where + ".countries", []graph.Kind{graph.KindCountry}, countryIDs(f.Countries)},
	})
}

// checkBoardRefs is checkRefs for the board of partner requests, whose filter
// names themes and subthemes in one list. f is normalised.
func (r *Resolver) checkBoardRefs(ctx context.Context, f graph.BoardFilter) error {
	return r.checkRefFields(ctx, []refField{
		{"filter.themes", []graph.Kind{graph.KindTheme, graph.KindSubtheme}, f.Themes},
		{"filter.countries", []graph.Kind{graph.KindCountry}, countryIDs(f.Countries)},
	})
}

// refField is a field of a filter: the ids it names and the kinds they may be of.
type refField struct {
	name  string
	kinds []graph.Kind
	ids   []string
}

func (r *Resolver) checkRefFields(ctx context.Context, fields []refField) error {
	var ids []string
	for _, fl := range fields {
		ids = append(ids, fl.ids...)
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := r.loadersFor(ctx).nodes.loadMany(ctx, ids)
	if err != nil {
		return err
	}
	var errs graph.Errors
	for _, fl := range fields {
		for _, id := range fl.ids {
			if n := found[id]; n == nil || !slices.Contains(fl.kinds, n.NodeKind()) {
				kind, local, _ := strings.Cut(id, ":")
				errs = append(errs, graph.Errorf(graph.EINVALID, fl.name, "unknown %s %q", kind, local))
			}
		}
	}
	return errs.Err()
}

func countryIDs(iso2 []string) []string {
	out := make([]string, 0, len(iso2))
	for _, c := range iso2 {
		out = append(out, graph.ID(graph.KindCountry, c))
	}
	return out
}
