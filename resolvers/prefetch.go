package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"ewsi/graph"
)

// relFields maps each type's relation fields to the hops that read them. The
// resolvers use the same hops, so what prefetch reads is what they would ask for.
var relFields = map[graph.Kind]map[string][]graph.Hop{
	graph.KindPractice: {
		"themes": {out(graph.RelAbout, graph.KindTheme)}, "subthemes": {out(graph.RelAbout, graph.KindSubtheme)},
		"principles": {out(graph.RelApplies, graph.KindPrinciple)}, "country": {out(graph.RelIn, graph.KindCountry)},
		"implementers": {in(graph.RelImplements, graph.KindLocalAuthority), in(graph.RelImplements, graph.KindOrganisation)},
		"partners":     {in(graph.RelPartnerIn, graph.KindOrganisation)}, "fundedBy": {out(graph.RelFundedBy, graph.KindFunding)},
	},
	graph.KindOrganisation: {
		"country": {out(graph.RelIn, graph.KindCountry)}, "themes": {out(graph.RelAbout, graph.KindTheme)},
		"practices": {out(graph.RelImplements, graph.KindPractice)}, "partnerIn": {out(graph.RelPartnerIn, graph.KindPractice)},
		"people": {in(graph.RelMemberOf, graph.KindPerson)},
	},
	graph.KindLocalAuthority: {
		"country": {out(graph.RelIn, graph.KindCountry)}, "practices": {out(graph.RelImplements, graph.KindPractice)},
	},
	graph.KindDocument: {
		"country": {out(graph.RelIn, graph.KindCountry)}, "themes": {out(graph.RelAbout, graph.KindTheme)},
		"publishedBy": {out(graph.RelPublishedBy, graph.KindOrganisation)},
	},
	graph.KindNews:    {"country": {out(graph.RelIn, graph.KindCountry)}, "themes": {out(graph.RelAbout, graph.KindTheme)}},
	graph.KindEvent:   {"country": {out(graph.RelIn, graph.KindCountry)}, "themes": {out(graph.RelAbout, graph.KindTheme)}},
	graph.KindFunding: {"country": {out(graph.RelIn, graph.KindCountry)}, "themes": {out(graph.RelAbout, graph.KindTheme)}},
	graph.KindPerson:  {"organisations": {out(graph.RelMemberOf, graph.KindOrganisation)}},
}

// prefetch reads, in one round trip, every relation that sel asks of nodes, and
// fills the loaders with it, so the field resolvers find their answers waiting.
func (r *Resolver) prefetch(ctx context.Context, nodes []graph.Node, sel ast.SelectionSet) error {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || len(nodes) == 0 || len(sel) == 0 {
		return nil
	}
	byKind := map[graph.Kind][]string{}
	for _, n := range nodes {
		byKind[n.NodeKind()] = append(byKind[n.NodeKind()], n.NodeID())
	}
	for k, ids := range byKind {
		hops, stats := hopsFor(oc, k, sel)
		if stats {
			if err := r.prefetchStats(ctx, nodes); err != nil {
				return err
			}
		}
		if len(hops) == 0 {
			continue
		}
		res, err := r.Store.NeighboursMulti(ctx, hops, ids)
		if err != nil {
			return err
		}
		r.fillHops(ctx, hops, ids, res)
	}
	return nil
}

// hopsFor returns the hops that sel asks of nodes of kind k, and whether it asks
// for a country's stats.
func hopsFor(oc *graphql.OperationContext, k graph.Kind, sel ast.SelectionSet) (hops []graph.Hop, stats bool) {
	seen := map[graph.Hop]bool{}
	for _, f := range graphql.CollectFields(oc, sel, []string{string(k), "Node", "Implementer"}) {
		stats = stats || (k == graph.KindCountry && f.Name == "stats")
		for _, h := range relFields[k][f.Name] {
			if !seen[h] {
				seen[h] = true
				hops = append(hops, h)
			}
		}
	}
	return hops, stats
}

// fillHops puts what NeighboursMulti read into the loaders and primes the neighbours.
func (r *Resolver) fillHops(ctx context.Context, hops []graph.Hop, ids []string, res map[graph.Hop]map[string][]graph.Node) {
	l := r.loadersFor(ctx)
	for _, h := range hops {
		if h == (graph.Hop{}) {
			continue
		}
		l.hop(h).fill(ids, res[h])
		var found []graph.Node
		for _, ns := range res[h] {
			found = append(found, ns...)
		}
		l.prime(found)
	}
}

// nodeSelection returns the selection under edges { node { ... } } of a connection field.
func nodeSelection(ctx context.Context) ast.SelectionSet {
	oc := graphql.GetOperationContext(ctx)
	return selectionsNamed(oc, selectionsNamed(oc, fieldSelection(ctx), "edges"), "node")
}

// childSelection returns the selection of the field being resolved's field
// name (every time the query names it).
func childSelection(ctx context.Context, name string) ast.SelectionSet {
	return selectionsNamed(graphql.GetOperationContext(ctx), fieldSelection(ctx), name)
}

// selectionsNamed returns the selections of sel's fields called name, merged.
func selectionsNamed(oc *graphql.OperationContext, sel ast.SelectionSet, name string) ast.SelectionSet {
	if oc == nil || len(sel) == 0 {
		return nil
	}
	var out ast.SelectionSet
	for _, f := range graphql.CollectFields(oc, sel, nil) {
		if f.Name == name {
			out = append(out, f.Selections...)
		}
	}
	return out
}

// fieldSelection returns the selection of the field being resolved.
func fieldSelection(ctx context.Context) ast.SelectionSet {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		return fc.Field.Selections
	}
	return nil
}

// fill stores fetched values for keys not yet cached (absent keys get the zero value).
func (b *batcher[V]) fill(keys []string, vals map[string]V) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		if _, ok := b.cache[k]; ok {
			continue
		}
		e := &entry[V]{done: make(chan struct{}), val: vals[k]}
		close(e.done)
		b.cache[k] = e
	}
}

// prefetchStats reads the counts of every country among nodes in one round trip.
func (r *Resolver) prefetchStats(ctx context.Context, nodes []graph.Node) error {
	var isos []string
	for _, n := range nodes {
		if c, ok := n.(*graph.Country); ok {
			isos = append(isos, c.ISO2)
		}
	}
	stats, err := r.Store.CountryStats(ctx, isos)
	if err != nil {
		return err
	}
	r.loadersFor(ctx).stats.fill(isos, stats)
	return nil
}
