package resolvers

import (
	"context"

	"ewsi/graph"
	"ewsi/graph/labels"
)

// catalog returns the labels and messages the API words things with.
func (r *Resolver) catalog() (*labels.Catalog, error) {
	if r.Labels != nil {
		return r.Labels, nil
	}
	return labels.Embedded()
}

// langOr returns the language asked, English when none is.
func langOr(l *graph.Lang) graph.Lang {
	if l == nil || *l == "" {
		return graph.LangEN
	}
	return *l
}

// reasonText words a reason in lang. The nodes its messages name (themes,
// subthemes, principles, countries) are read through the request's node loader,
// in one batch for every reason of the response, to be named in lang; in
// English the names the ranking carries are used and nothing is read.
func (r *Resolver) reasonText(ctx context.Context, re *graph.Reason, lang graph.Lang) (string, error) {
	c, err := r.catalog()
	if err != nil {
		return "", err
	}
	var names labels.Names
	if lang != graph.LangEN {
		var ids []string
		for _, m := range re.Says {
			ids = nodeArgs(m, ids)
		}
		if len(ids) > 0 {
			nodes, err := r.loadersFor(ctx).nodes.loadMany(ctx, ids)
			if err != nil {
				return "", err
			}
			names = func(id string) (string, bool) { return nameIn(nodes[id], lang) }
		}
	}
	return c.Join(lang, re.Says, names), nil
}

// nodeArgs appends the ids of the nodes m names, its nested messages' too.
func nodeArgs(m graph.Message, ids []string) []string {
	for _, a := range m.Args {
		if a.Node != "" {
			ids = append(ids, a.Node)
		}
		if a.Msg != nil {
			ids = nodeArgs(*a.Msg, ids)
		}
	}
	return ids
}

// nameIn is the name of n in lang: a theme's, subtheme's or country's name, a
// principle's short title; false for a node without names in languages.
func nameIn(n graph.Node, lang graph.Lang) (string, bool) {
	switch v := n.(type) {
	case interface{ Name(*graph.Lang) string }:
		return v.Name(&lang), true
	case *graph.Principle:
		return v.Short(&lang), true
	}
	return "", false
}
