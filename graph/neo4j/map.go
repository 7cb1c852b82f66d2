package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
)

// bumpVersion gives the graph a new version token; every write transaction that
// changes the graph runs it (last, so that the one node it locks is held only
// while the transaction commits), so caches of derived data (the map's clusters)
// know when to rebuild.
// DeleteAll removes the node, which also changes the version (to none).
var bumpVersion = stmt{cypher: "MERGE (v:GraphVersion {id: 'graph'}) SET v.token = randomUUID()"}

// GraphVersion returns the token the last write left, "" for a graph never written.
func (s *Store) GraphVersion(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, "MATCH (v:GraphVersion) RETURN v.token AS t ORDER BY t", nil)
	if err != nil {
		return "", err
	}
	toks := make([]string, 0, len(recs))
	for _, r := range recs {
		t, _ := r.Get("t")
		s, _ := t.(string)
		toks = append(toks, s)
	}
	return strings.Join(toks, ","), nil
}

// mapClause returns the WHERE conditions and parameters of f for nodes n of map
// kind m, and false when no node of that kind can match (types on a kind that has
// none, hasPractices on events or practices).
func mapClause(m graph.MapKind, f graph.MapFilter) (string, map[string]any, bool) {
	label := m.Label()
	agent := label == graph.KindLocalAuthority || label == graph.KindOrganisation
	if len(f.Types) > 0 && label != graph.KindOrganisation {
		return "", nil, false
	}
	conds, params := filterConds(label, f.Filter, agent)
	switch m {
	case graph.MapLocalAuthority:
		conds = append(conds, "coalesce(n.level, 'local') = 'local'")
	case graph.MapRegionalAuthority:
		conds = append(conds, "n.level = 'regional'")
	}
	if f.HasPractices != nil {
		switch {
		case agent && *f.HasPractices:
			conds = append(conds, "EXISTS { MATCH (n)-[:IMPLEMENTS]->(p:Practice) WHERE "+publishedPractice+" }")
		case agent:
			conds = append(conds, "NOT EXISTS { MATCH (n)-[:IMPLEMENTS]->(p:Practice) WHERE "+publishedPractice+" }")
		case label == graph.KindPractice && !*f.HasPractices, label == graph.KindEvent && *f.HasPractices:
			return "", nil, false
		}
	}
	return strings.Join(conds, " AND "), params, true
}

// mapThemes lists the theme ids of n: its own, and for authorities and
// organisations those of the practices they implement.
func mapThemes(label graph.Kind) string {
	if label == graph.KindLocalAuthority || label == graph.KindOrganisation {
		return "reduce(acc = [], x IN [(n)-[:ABOUT]->(t:Theme) | t.id] + " +
			"[(n)-[:IMPLEMENTS]->(p:Practice)-[:ABOUT]->(t:Theme) WHERE coalesce(p.status, 'published') = 'published' | t.id] | " +
			"CASE WHEN x IN acc THEN acc ELSE acc + x END)"
	}
	return "[(n)-[:ABOUT]->(t:Theme) | t.id]"
}

// mapDates returns the start and end date columns of a map point of label.
func mapDates(label graph.Kind) string {
	switch label {
	case graph.KindPractice:
		return "n.startDate AS start, n.endDate AS end"
	case graph.KindEvent:
		return "n.start AS start, n.end AS end"
	}
	return "null AS start, null AS end"
}

// mapDate reads a date column, nil when null.
func mapDate(v any) *graph.Date {
	d, ok := v.(dbtype.Date)
	if !ok {
		return nil
	}
	gd := graph.DateOf(d.Time())
	return &gd
}

// MapPoints returns the published points matching f inside box, one query per
// label through its point index (point.withinBBox).
func (s *Store) MapPoints(ctx context.Context, box orb.Bound, f graph.MapFilter) ([]graph.MapPoint, error) {
	if box.Min[0] > box.Max[0] || box.Min[1] > box.Max[1] {
		return nil, graph.Errorf(graph.EINVALID, "bbox", "west must not exceed east nor south north (split a box across the antimeridian)")
	}
	var out []graph.MapPoint
	for _, m := range f.KindsOrAll() {
		label := m.Label()
		if label == "" {
			return nil, graph.Errorf(graph.EINVALID, "kinds", "%q is not a kind of map point", m)
		}
		where, params, ok := mapClause(m, f)
		if !ok {
			continue
		}
		params["sw"] = dbtype.Point2D{X: box.Min[0], Y: box.Min[1], SpatialRefId: 4326}
		params["ne"] = dbtype.Point2D{X: box.Max[0], Y: box.Max[1], SpatialRefId: 4326}
		recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s) WHERE point.withinBBox(n.location, $sw, $ne) AND %s
RETURN n.id AS id, n.%s AS name, n.location AS loc, n.lang AS lang, coalesce(n.demo, false) AS demo,
       [(n)-[:IN]->(c:Country) | c.iso2][0] AS country, %s AS themes, %s`, label, where, nameProp(label), mapThemes(label), mapDates(label)), params)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			v := r.Values
			loc := v[2].(dbtype.Point2D)
			p := graph.MapPoint{ID: v[0].(string), Kind: m, Location: orb.Point{loc.X, loc.Y}}
			p.Name, _ = v[1].(string)
			p.Lang, _ = v[3].(string)
			p.Demo, _ = v[4].(bool)
			p.Country, _ = v[5].(string)
			for _, t := range v[6].([]any) {
				p.Themes = append(p.Themes, t.(string))
			}
			p.Start, p.End = mapDate(v[7]), mapDate(v[8])
			out = append(out, p)
		}
	}
	return out, nil
}

var _ graph.MapReader = (*Store)(nil)
