package resolvers

import (
	"context"
	"slices"

	"ewsi/graph"
	"ewsi/graph/labels"
)

// catalog returns the labels and messages the API words things with: the
// server's, read at start; a Resolver built without one (in tests) reads the
// built-in files on each call. Broken message files are a fault of ours: an
// internal error, logged, not shown.
func (r *Resolver) catalog() (*labels.Catalog, error) {
	if r.Labels != nil {
		return r.Labels, nil
	}
	c, err := labels.Embedded()
	if err != nil {
		return nil, graph.Errorf(graph.EINTERNAL, "graph/labels", "the message files do not load: %s", graph.ErrorMessageFull(err))
	}
	return c, nil
}

// langOr returns the language asked, English when none is.
func langOr(l *graph.Lang) graph.Lang {
	if l == nil || *l == "" {
		return graph.LangEN
	}
	return *l
}

// reasonText words a reason in lang. The nodes its messages name (themes,
// subthemes, principles, countries) are read through the request's node loader
// to be named in lang: those of every ranked list of the request at once (noted
// by noteReasons), so a page of reasons costs one round trip whatever its size;
// in English the names the ranking carries are used and nothing is read.
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
			l := r.loadersFor(ctx)
			l.mu.Lock()
			ids = append(ids, l.named...)
			l.mu.Unlock()
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

// nodeArgs appends the ids of the nodes m names that have names in languages
// (themes, subthemes, principles, countries), its nested messages' too.
func nodeArgs(m graph.Message, ids []string) []string {
	for _, a := range m.Args {
		if k, _ := graph.KindOfID(a.Node); k == graph.KindTheme || k == graph.KindSubtheme || k == graph.KindPrinciple || k == graph.KindCountry {
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

// noteReasons notes the nodes that reasons name, to be read together if a
// reason is worded in another language than English.
func (r *Resolver) noteReasons(ctx context.Context, reasons []graph.Reason) {
	var ids []string
	for _, re := range reasons {
		for _, m := range re.Says {
			ids = nodeArgs(m, ids)
		}
	}
	if len(ids) == 0 {
		return
	}
	l := r.loadersFor(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if !slices.Contains(l.named, id) {
			l.named = append(l.named, id)
		}
	}
}
