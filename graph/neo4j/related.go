package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"ewsi/graph"
	"ewsi/graph/rank"
)

// relatedRels are the relationships related content walks, in either direction.
// Editors' RELATED_TO links are read apart (only the active ones count).
const relatedRels = "ABOUT|APPLIES|IN|IMPLEMENTS|PARTNER_IN|PUBLISHED_BY|FUNDED_BY"

// HubDegree is the degree above which a connector is a hub: it is expanded only
// when the nodes found through rarer connectors cannot fill the first places.
const HubDegree = 1000

// connector is a neighbour of the source that paths go through.
type connector struct {
	eid, id, name string
	kind          graph.Kind
	degree        int
	weight        float64
}

// ActiveLinks returns the active editor links of the published node id (for
// rank.Ranker, which reads them live), and false when there is no such node.
func (s *Store) ActiveLinks(ctx context.Context, id string) ([]rank.EditorLink, bool, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, false, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
	}
	recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (s:%s {id: $id}) WHERE coalesce(s.status, 'published') = 'published'
RETURN [(s)-[r:RELATED_TO]-(x) WHERE r.active | {id: x.id, label: labels(x)[0], note: r.note,
        pub: coalesce(x.status, 'published') = 'published'}] AS links`, k), map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, false, err
	}
	var links []rank.EditorLink
	for _, v := range recs[0].Values[0].([]any) {
		m := v.(map[string]any)
		l := rank.EditorLink{ID: m["id"].(string), Kind: graph.Kind(m["label"].(string)), Published: m["pub"] == true}
		l.Note, _ = m["note"].(string)
		links = append(links, l)
	}
	return links, true, nil
}

// Related ranks the nodes most related to id by weighted paths of length two
// through shared neighbours (Adamic-Adar: hubs weigh less), plus direct
// relationships and editors' links, in the database. Connectors are expanded
// rarest first, and expansion stops when the nodes not yet seen cannot reach the
// first places, so the answer is the exact top of the full ranking. rank.Ranker
// ranks the same over its projection and comes here when it has none.
func (s *Store) Related(ctx context.Context, id string, kinds []graph.Kind, first int) ([]graph.RelatedItem, error) {
	src, conns, bonus, reasons, err := s.relatedStart(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := graph.CheckFirst(first); err != nil {
		return nil, err
	}
	if len(kinds) == 0 {
		kinds = graph.ContentKinds()
	}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = string(k)
	}
	if first == 0 {
		return []graph.RelatedItem{}, nil
	}
	byEID := map[string]connector{}
	w := map[string]any{}
	all := make([]string, 0, len(conns))
	for _, c := range conns {
		byEID[c.eid] = c
		w[c.eid] = c.weight
		all = append(all, c.eid)
	}
	seeds := make([]string, 0, len(bonus))
	for eid := range reasons {
		seeds = append(seeds, eid)
	}
	var expand, hubs []string
	bound := 0.0
	for _, c := range conns {
		if c.degree <= HubDegree {
			expand = append(expand, c.eid)
		} else {
			hubs = append(hubs, c.eid)
			bound += c.weight
		}
	}
	found := map[string]graph.RelatedItem{}
	for step := 0; ; step++ {
		recs, err := s.read(ctx, `
MATCH (s) WHERE elementId(s) = $s
CALL {
  WITH s
  MATCH (c) WHERE elementId(c) IN $expand
  MATCH (c)-[:`+relatedRels+`]-(x) WHERE x <> s
  RETURN DISTINCT x
  UNION
  WITH s
  MATCH (x) WHERE elementId(x) IN $seeds AND x <> s
  RETURN x
}
WITH x WHERE labels(x)[0] IN $labels AND coalesce(x.status, 'published') = 'published'
OPTIONAL MATCH (x)-[:`+relatedRels+`]-(c2) WHERE elementId(c2) IN $all
WITH x, collect(DISTINCT elementId(c2)) AS via
WITH x, via, round((reduce(t = 0.0, e IN via | t + $w[e]) + coalesce($bonus[elementId(x)], 0.0)) * 10000) / 10000 AS score
ORDER BY score DESC, x.id LIMIT $k
RETURN x.id AS id, elementId(x) AS eid, labels(x)[0] AS label, via`,
			map[string]any{"s": src, "expand": expand, "seeds": seeds, "labels": labels, "all": all,
				"w": w, "bonus": bonus, "k": first + 10})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			m := r.AsMap()
			it := graph.RelatedItem{ID: m["id"].(string), Kind: graph.Kind(m["label"].(string))}
			eid := m["eid"].(string)
			if b, ok := bonus[eid]; ok {
				it.Score += b.(float64)
				it.Reasons = append(it.Reasons, reasons[eid])
			}
			for _, v := range strs(m["via"]) {
				c := byEID[v]
				it.Score += c.weight
				it.Reasons = append(it.Reasons, connectorReason(c))
			}
			it.Score = graph.RoundScore(it.Score)
			sort.SliceStable(it.Reasons, func(a, b int) bool { return it.Reasons[a].Weight > it.Reasons[b].Weight })
			found[it.ID] = it
		}
		top := sortRelated(found)
		if len(hubs) == 0 || (len(top) >= first && top[first-1].Score > graph.RoundScore(bound)) {
			return top[:min(first, len(top))], nil
		}
		// the unseen could still place: expand the rarest hub left
		expand, seeds = hubs[:1], nil
		bound -= byEID[hubs[0]].weight
		hubs = hubs[1:]
	}
}

// Scores are rounded as graph.RoundScore rounds them before the database keeps the
// first k of a step: summed in another order, equal scores could differ in their
// last bits and cut the ties by float noise instead of by id.

// relatedStart reads the source's connectors with their degrees, and its direct
// content neighbours and editor links as seeds with their bonus and reason.
func (s *Store) relatedStart(ctx context.Context, id string) (string, []connector, map[string]any, map[string]graph.Reason, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return "", nil, nil, nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
	}
	recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (s:%s {id: $id}) WHERE coalesce(s.status, 'published') = 'published'
OPTIONAL MATCH (s)-[:%s]-(c)
WITH DISTINCT s, c
WITH s, collect(CASE WHEN c IS NULL THEN null ELSE {eid: elementId(c), id: c.id, label: labels(c)[0],
  name: coalesce(c.nameEn, c.name, c.title, c.short, c.id), degree: COUNT { (c)-[:%s]-() }} END) AS cs
RETURN elementId(s) AS s, cs,
  [(s)-[r:RELATED_TO]-(x) WHERE r.active | {eid: elementId(x), label: labels(x)[0], kind: r.kind, note: r.note, by: r.by}] AS links`,
		k, relatedRels, relatedRels), map[string]any{"id": id})
	if err != nil {
		return "", nil, nil, nil, err
	}
	if len(recs) == 0 {
		return "", nil, nil, nil, graph.Errorf(graph.ENOTFOUND, "id", "no %s %q", strings.ToLower(string(k)), id)
	}
	m := recs[0].AsMap()
	bonus := map[string]any{}
	reasons := map[string]graph.Reason{}
	var conns []connector
	for _, v := range m["cs"].([]any) {
		cm := v.(map[string]any)
		c := connector{eid: cm["eid"].(string), id: cm["id"].(string), kind: graph.Kind(cm["label"].(string)), degree: int(cm["degree"].(int64))}
		c.name, _ = cm["name"].(string)
		if !rank.Connects(c.kind) {
			continue
		}
		c.weight = rank.ConnectorWeight(c.kind, c.degree)
		conns = append(conns, c)
		if isContentKind(c.kind) {
			bonus[c.eid] = rank.DirectWeight
			reasons[c.eid] = rank.DirectReason(c.id)
		}
	}
	sort.Slice(conns, func(i, j int) bool {
		if conns[i].degree != conns[j].degree {
			return conns[i].degree < conns[j].degree
		}
		return conns[i].id < conns[j].id
	})
	added := map[string]float64{}
	for _, v := range m["links"].([]any) {
		lm := v.(map[string]any)
		eid := lm["eid"].(string)
		l := rank.EditorLink{ID: eid}
		l.Note, _ = lm["note"].(string)
		rank.AddLink(added, reasons, l) // merges with a direct link's reason
		b, _ := bonus[eid].(float64)
		bonus[eid] = b + rank.EditorLinkWeight
	}
	return m["s"].(string), conns, bonus, reasons, nil
}

// connectorReason says in words why a path through c relates two nodes.
func connectorReason(c connector) graph.Reason {
	return rank.Connector{ID: c.id, Name: c.name, Kind: c.kind, Degree: c.degree, Weight: c.weight}.Reason()
}

// sortRelated orders the items by score, best first, then by id.
func sortRelated(found map[string]graph.RelatedItem) []graph.RelatedItem {
	out := make([]graph.RelatedItem, 0, len(found))
	for _, it := range found {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func isContentKind(k graph.Kind) bool {
	for _, c := range graph.ContentKinds() {
		if c == k {
			return true
		}
	}
	return false
}
