package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
)

// Search runs q over the full-text indexes (accent folding, and English, French and
// German stemming) and ranks each node by its best score; with prefix the last
// word also matches the words it begins (graph.FullTextQuery). It counts every hit
// but reads the properties of the window's hits only.
func (s *Store) Search(ctx context.Context, q string, kinds []graph.Kind, prefix bool, w graph.Window) ([]graph.Hit, int, error) {
	cypher, params, err := searchQuery(q, kinds, prefix, w)
	if err != nil {
		return nil, 0, err
	}
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	var hits []graph.Hit
	for _, it := range items.([]any) {
		n, err := decodeItem(it)
		if err != nil {
			return nil, 0, err
		}
		hits = append(hits, graph.Hit{Node: n, Score: it.(map[string]any)["s"].(float64)})
	}
	return hits, int(total.(int64)), nil
}

// searchQuery returns the Cypher of Search and its parameters: every hit is
// scored, ordered and counted as a node reference; only the window's hits have
// their properties read.
func searchQuery(q string, kinds []graph.Kind, prefix bool, w graph.Window) (string, map[string]any, error) {
	lq, err := graph.FullTextQuery(q, prefix, "query")
	if err != nil {
		return "", nil, err
	}
	if len(kinds) == 0 {
		kinds = graph.ContentKinds()
	}
	labels := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if !k.Valid() {
			return "", nil, graph.Errorf(graph.EINVALID, "kinds", "%q is not a kind", k)
		}
		labels = append(labels, string(k))
	}
	var parts []string
	for _, ix := range fulltextIndexes {
		parts = append(parts, fmt.Sprintf(
			"CALL db.index.fulltext.queryNodes('%s', $q) YIELD node, score RETURN node, score", ix.name))
	}
	return `
CALL { ` + strings.Join(parts, " UNION ALL ") + ` }
WITH node AS n, max(score) AS score
WHERE ` + published + ` AND labels(n)[0] IN $labels
WITH n, score ORDER BY score DESC, n.id
WITH collect({n: n, s: score}) AS hits
RETURN size(hits) AS total,
       [h IN hits[$skip..($skip + $limit)] | {p: properties(h.n), l: labels(h.n)[0], s: h.s}] AS items`,
		map[string]any{"q": lq, "labels": labels, "skip": w.Offset, "limit": w.Limit}, nil
}

// Points returns the published located nodes of the given kinds inside box,
// through the point indexes.
func (s *Store) Points(ctx context.Context, box orb.Bound, kinds []graph.Kind, f graph.Filter) ([]graph.Point, error) {
	var out []graph.Point
	for _, k := range kinds {
		if !isLocated(k) {
			return nil, graph.Errorf(graph.EINVALID, "kinds", "%s has no location", k)
		}
		where, params := filterClause(k, f)
		params["sw"] = dbtype.Point2D{X: box.Min[0], Y: box.Min[1], SpatialRefId: 4326}
		params["ne"] = dbtype.Point2D{X: box.Max[0], Y: box.Max[1], SpatialRefId: 4326}
		recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s) WHERE point.withinBBox(n.location, $sw, $ne) AND %s
RETURN n.id AS id, n.%s AS name, n.location AS loc,
       [(n)-[:ABOUT]->(t:Theme) | t.id] AS themes`, k, where, nameProp(k)), params)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, _ := r.Get("id")
			name, _ := r.Get("name")
			loc, _ := r.Get("loc")
			th, _ := r.Get("themes")
			p := loc.(dbtype.Point2D)
			pt := graph.Point{ID: id.(string), Kind: k, Location: orb.Point{p.X, p.Y}}
			pt.Name, _ = name.(string)
			for _, t := range th.([]any) {
				pt.Themes = append(pt.Themes, t.(string))
			}
			out = append(out, pt)
		}
	}
	return out, nil
}

func isLocated(k graph.Kind) bool {
	for _, l := range located {
		if l == k {
			return true
		}
	}
	return false
}
