package neo4j

import (
	"context"
	"fmt"
	"strings"

	"ewsi/graph"
)

// published is the condition every public read puts on a node n.
const published = "coalesce(n.status, 'published') = 'published'"

// nameProp is the property a kind is sorted and labelled by.
func nameProp(k graph.Kind) string {
	switch k {
	case graph.KindOrganisation, graph.KindLocalAuthority, graph.KindPerson, graph.KindIndicator:
		return "name"
	case graph.KindTheme, graph.KindSubtheme, graph.KindCountry:
		return "nameEn"
	case graph.KindPrinciple:
		return "number"
	}
	return "title"
}

// dateProp is the property a kind's date filters and "date" order use.
func dateProp(k graph.Kind) string {
	switch k {
	case graph.KindPractice:
		return "startDate"
	case graph.KindDocument, graph.KindNews, graph.KindMilestone:
		return "date"
	case graph.KindEvent:
		return "start"
	case graph.KindFunding:
		return "deadline"
	}
	return "updatedAt"
}

// nodesOf decodes the records' column col, a list of {p: properties, l: label} maps
// or a single one.
func decodeItem(v any) (graph.Node, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("neo4j: want a map, got %T", v)
	}
	props, _ := m["p"].(map[string]any)
	label, _ := m["l"].(string)
	return decode(graph.Kind(label), props)
}

func decodeList(v any) ([]graph.Node, error) {
	list, _ := v.([]any)
	out := make([]graph.Node, 0, len(list))
	for _, x := range list {
		n, err := decodeItem(x)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// all reads every published node of kind k sorted by order.
func all[T graph.Node](ctx context.Context, s *Store, k graph.Kind, order string, where string, params map[string]any) ([]T, error) {
	cond := published
	if where != "" {
		cond += " AND " + where
	}
	recs, err := s.read(ctx, fmt.Sprintf(
		"MATCH (n:%s) WHERE %s RETURN {p: properties(n), l: '%s'} AS item ORDER BY %s, n.id", k, cond, k, order), params)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("item")
		n, err := decodeItem(v)
		if err != nil {
			return nil, err
		}
		out = append(out, n.(T))
	}
	return out, nil
}

// Themes returns the themes in their order.
func (s *Store) Themes(ctx context.Context) ([]*graph.Theme, error) {
	return all[*graph.Theme](ctx, s, graph.KindTheme, "n.order", "", nil)
}

// Principles returns the principles by number.
func (s *Store) Principles(ctx context.Context) ([]*graph.Principle, error) {
	return all[*graph.Principle](ctx, s, graph.KindPrinciple, "n.number", "", nil)
}

// Countries returns countries by ISO code, filtered on EU membership when eu is set.
func (s *Store) Countries(ctx context.Context, eu *bool) ([]*graph.Country, error) {
	if eu == nil {
		return all[*graph.Country](ctx, s, graph.KindCountry, "n.iso2", "", nil)
	}
	return all[*graph.Country](ctx, s, graph.KindCountry, "n.iso2", "n.eu = $eu", map[string]any{"eu": *eu})
}

// Milestones returns the EU framework timeline in date order.
func (s *Store) Milestones(ctx context.Context) ([]*graph.Milestone, error) {
	return all[*graph.Milestone](ctx, s, graph.KindMilestone, "n.date", "", nil)
}

// Indicators returns the integration indicators by area and name.
func (s *Store) Indicators(ctx context.Context) ([]*graph.Indicator, error) {
	return all[*graph.Indicator](ctx, s, graph.KindIndicator, "n.area, n.name", "", nil)
}

// filterClause returns the WHERE conditions and parameters of f for nodes n of
// kind k (see filterConds).
func filterClause(k graph.Kind, f graph.Filter) (string, map[string]any) {
	conds, params := filterConds(k, f, false)
	return strings.Join(conds, " AND "), params
}

// listMatch returns the MATCH of a list of kind k filtered by f, its WHERE
// conditions and their parameters. A filter on countries, else on themes, else on
// subthemes starts the match from those nodes, found through their indexes,
// instead of going over every node of the kind.
func listMatch(k graph.Kind, f graph.Filter) (match, where string, params map[string]any) {
	anchor := f
	switch {
	case len(f.Countries) > 0:
		anchor.Countries = nil
		match = "MATCH (a:Country) WHERE a.iso2 IN $countries MATCH (a)<-[:IN]-(n:%s) WITH DISTINCT n"
	case len(f.Themes) > 0:
		anchor.Themes = nil
		match = "MATCH (a:Theme) WHERE a.id IN $themes MATCH (a)<-[:ABOUT]-(n:%s) WITH DISTINCT n"
	case len(f.Subthemes) > 0:
		anchor.Subthemes = nil
		match = "MATCH (a:Subtheme) WHERE a.id IN $subthemes MATCH (a)<-[:ABOUT]-(n:%s) WITH DISTINCT n"
	default:
		match = "MATCH (n:%s)"
	}
	where, params = filterClause(k, anchor)
	for _, p := range []struct {
		name string
		v    any
		set  bool
	}{{"countries", f.Countries, len(f.Countries) > 0}, {"themes", f.Themes, len(f.Themes) > 0}, {"subthemes", f.Subthemes, len(f.Subthemes) > 0}} {
		if p.set {
			params[p.name] = p.v
		}
	}
	return fmt.Sprintf(match, k), where, params
}

// List returns a window of the published nodes of kind k matching f.
func (s *Store) List(ctx context.Context, k graph.Kind, f graph.Filter, o graph.Order, w graph.Window) ([]graph.Node, int, error) {
	nodes, total, _, err := s.ListWith(ctx, k, f, o, w, nil)
	return nodes, total, err
}

// ListWith returns a window of the published nodes of kind k matching f, and in
// the same round trip their neighbours along hops, as NeighboursMulti would.
func (s *Store) ListWith(ctx context.Context, k graph.Kind, f graph.Filter, o graph.Order, w graph.Window, hops []graph.Hop) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error) {
	if !k.Valid() || graph.New(k) == nil {
		return nil, 0, nil, graph.Errorf(graph.EINVALID, "kind", "%q is not a kind that can be listed", k)
	}
	if err := checkHops(hops); err != nil {
		return nil, 0, nil, err
	}
	match, where, params := listMatch(k, f)
	prop := nameProp(k)
	switch o.Field {
	case "", "title", "name":
	case "date":
		prop = dateProp(k)
	case "updatedAt":
		prop = "updatedAt"
	default:
		return nil, 0, nil, graph.Errorf(graph.EINVALID, "orderBy", "%q is not a field to sort by", o.Field)
	}
	dir := ""
	if o.Desc {
		dir = " DESC"
	}
	params["skip"], params["limit"] = w.Offset, w.Limit
	// items without the value come last in either direction (Cypher puts nulls
	// first when descending, which would head "newest first" with undated items)
	page := fmt.Sprintf(`
%s WHERE %s
WITH n ORDER BY n.%s IS NULL, n.%s%s, n.id%s
WITH collect(n) AS ns`, match, where, prop, prop, dir, dir)
	if f.Query != "" {
		where, params = filterClause(k, f)
		params["skip"], params["limit"] = w.Offset, w.Limit
		q, err := graph.FullTextQuery(f.Query, false, "filter.query")
		if err != nil {
			return nil, 0, nil, err
		}
		params["q"] = q
		page = fmt.Sprintf(`
CALL db.index.fulltext.queryNodes('content_folding', $q) YIELD node AS n, score
WHERE n:%s AND %s
WITH n, score ORDER BY score DESC, n.id
WITH collect(n) AS ns`, k, where)
	}
	rels := "[] AS rels"
	if len(hops) > 0 {
		rels = fmt.Sprintf("COLLECT { UNWIND page AS a RETURN [a.id, %s] } AS rels", hopLists(ctx, k, hops))
	}
	recs, err := s.read(ctx, page+fmt.Sprintf(`
WITH size(ns) AS total, ns[$skip..($skip + $limit)] AS page
RETURN total, [x IN page | {p: %s, l: '%s'}] AS items, %s`, propsOf(ctx, k, "x"), k, rels), params)
	if err != nil {
		return nil, 0, nil, err
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	nodes, err := decodeList(items)
	if err != nil {
		return nil, 0, nil, err
	}
	out := make(map[graph.Hop]map[string][]graph.Node, len(hops))
	for _, h := range hops {
		out[h] = map[string][]graph.Node{}
	}
	found, _ := recs[0].Get("rels")
	for _, x := range found.([]any) {
		row := x.([]any)
		if err := decodeHops(out, hops, row[0].(string), row[1]); err != nil {
			return nil, 0, nil, err
		}
	}
	return nodes, int(total.(int64)), out, nil
}

// groupIDs groups ids by the label their prefix names; unknown prefixes are dropped.
func groupIDs(ids []string) map[graph.Kind][]string {
	out := map[graph.Kind][]string{}
	seen := map[string]bool{}
	for _, id := range ids {
		if k, ok := graph.KindOfID(id); ok && !seen[id] && graph.New(k) != nil {
			seen[id] = true
			out[k] = append(out[k], id)
		}
	}
	return out
}

// Nodes returns the published nodes with the given ids.
func (s *Store) Nodes(ctx context.Context, ids []string) (map[string]graph.Node, error) {
	out := map[string]graph.Node{}
	for k, group := range groupIDs(ids) {
		recs, err := s.read(ctx, fmt.Sprintf(
			"MATCH (n:%s) WHERE n.id IN $ids AND %s RETURN {p: %s, l: '%s'} AS item", k, published, propsOf(ctx, k, "n"), k),
			map[string]any{"ids": group})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			v, _ := r.Get("item")
			n, err := decodeItem(v)
			if err != nil {
				return nil, err
			}
			out[n.NodeID()] = n
		}
	}
	return out, nil
}

// Neighbours returns, for each id, the published nodes one hop h away, sorted by name.
func (s *Store) Neighbours(ctx context.Context, h graph.Hop, ids []string) (map[string][]graph.Node, error) {
	res, err := s.NeighboursMulti(ctx, []graph.Hop{h}, ids)
	return res[h], err
}

// NeighboursMulti returns the neighbours along several hops at once, in one query
// per label of the ids: for each hop, for each id, the published nodes sorted by
// name. The zero Hop stands for the node itself, so that a node and its
// neighbours can be read in one round trip.
func (s *Store) NeighboursMulti(ctx context.Context, hops []graph.Hop, ids []string) (map[graph.Hop]map[string][]graph.Node, error) {
	if err := checkHops(hops); err != nil {
		return nil, err
	}
	out := make(map[graph.Hop]map[string][]graph.Node, len(hops))
	for _, h := range hops {
		out[h] = map[string][]graph.Node{}
	}
	if len(hops) == 0 {
		return out, nil
	}
	for k, group := range groupIDs(ids) {
		recs, err := s.read(ctx, fmt.Sprintf("MATCH (a:%s) WHERE a.id IN $ids RETURN a.id AS id, %s AS rels", k, hopLists(ctx, k, hops)),
			map[string]any{"ids": group})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, _ := r.Get("id")
			rels, _ := r.Get("rels")
			if err := decodeHops(out, hops, id.(string), rels); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// checkHops rejects hops that name no relationship or no kind; the zero Hop is
// the node itself.
func checkHops(hops []graph.Hop) error {
	for _, h := range hops {
		if h != (graph.Hop{}) && (!h.To.Valid() || h.Rel == "") {
			return graph.Errorf(graph.EINVALID, "hop", "%q to %q is not a hop", h.Rel, h.To)
		}
	}
	return nil
}

// hopLists is a list expression holding, for a node a of kind k, a list per hop
// of its published neighbours along that hop sorted by name, each as {p:
// properties, l: label}. The zero Hop is a itself when it is published.
func hopLists(ctx context.Context, k graph.Kind, hops []graph.Hop) string {
	lists := make([]string, 0, len(hops))
	for _, h := range hops {
		if h == (graph.Hop{}) {
			lists = append(lists, fmt.Sprintf("CASE WHEN coalesce(a.status, 'published') = 'published' THEN [{p: %s, l: '%s'}] ELSE [] END", propsOf(ctx, k, "a"), k))
			continue
		}
		pattern := "(a)-[:%s]->(n:%s)"
		if h.Incoming {
			pattern = "(a)<-[:%s]-(n:%s)"
		}
		lists = append(lists, fmt.Sprintf("COLLECT { MATCH "+pattern+" WHERE %s WITH n ORDER BY n.%s, n.id RETURN {p: %s, l: '%s'} }",
			h.Rel, h.To, published, nameProp(h.To), propsOf(ctx, h.To, "n"), h.To))
	}
	return "[" + strings.Join(lists, ", ") + "]"
}

// decodeHops puts the lists that hopLists returned for node id into out.
func decodeHops(out map[graph.Hop]map[string][]graph.Node, hops []graph.Hop, id string, v any) error {
	for i, list := range v.([]any) {
		nodes, err := decodeList(list)
		if err != nil {
			return err
		}
		if len(nodes) > 0 {
			out[hops[i]][id] = nodes
		}
	}
	return nil
}

// CountryStats counts the published content in each country.
func (s *Store) CountryStats(ctx context.Context, iso2 []string) (map[string]graph.CountryStats, error) {
	recs, err := s.read(ctx, `
MATCH (c:Country) WHERE c.iso2 IN $iso
OPTIONAL MATCH (c)<-[:IN]-(n) WHERE coalesce(n.status, 'published') = 'published'
WITH c, labels(n)[0] AS label, count(n) AS k
RETURN c.iso2 AS iso, collect([label, k]) AS counts`, map[string]any{"iso": iso2})
	if err != nil {
		return nil, err
	}
	out := map[string]graph.CountryStats{}
	for _, r := range recs {
		iso, _ := r.Get("iso")
		counts, _ := r.Get("counts")
		var st graph.CountryStats
		for _, pair := range counts.([]any) {
			p := pair.([]any)
			label, _ := p[0].(string)
			n := int(p[1].(int64))
			switch graph.Kind(label) {
			case graph.KindPractice:
				st.Practices = n
			case graph.KindOrganisation:
				st.Organisations = n
			case graph.KindLocalAuthority:
				st.Authorities = n
			case graph.KindDocument:
				st.Documents = n
			case graph.KindEvent:
				st.Events = n
			case graph.KindNews:
				st.News = n
			case graph.KindFunding:
				st.Funding = n
			}
		}
		out[iso.(string)] = st
	}
	return out, nil
}
