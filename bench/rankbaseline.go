package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
)

// Baselines: the same rankings as partner search and related content, each
// computed by the one plain Cypher query one would write first (every candidate
// scored in the database, no pruning). The bench compares the ranker against them
// and its tests check that the ranker gives the same order. Their Cypher lives
// here, not in graph/neo4j: it is measurement code that no product path runs,
// sent through the store's read-only Query.

// relatedRels and practiceRels are the relationships related content walks and
// by which an organisation works on a practice.
var (
	relatedRels  = strings.Join(rank.RelTypes[:], "|")
	practiceRels = rank.RelTypes[rank.RelImplements] + "|" + rank.RelTypes[rank.RelPartnerIn]
)

// Scored is one id with its score, as the baselines return them.
type Scored struct {
	ID    string
	Score float64
}

// BaselinePartners ranks partners for q with a single Cypher query and returns
// the window w and the total.
func BaselinePartners(ctx context.Context, s *neo4j.Store, q graph.PartnerQuery, w graph.Window) ([]Scored, int, error) {
	if err := q.Normalize(); err != nil {
		return nil, 0, err
	}
	p, from, err := s.PartnerProfile(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	weights := map[string]any{}
	var themes, subthemes []string
	for id, t := range p.Topics {
		weights[id] = t.Weight
		switch t.Kind {
		case graph.KindTheme:
			themes = append(themes, id)
		case graph.KindSubtheme:
			subthemes = append(subthemes, id)
		}
	}
	practiceTopics := subthemes
	if len(practiceTopics) == 0 {
		practiceTopics = themes
	}
	comp := []string{}
	for _, t := range graph.OrgTypes() {
		if p.SelfType != "" && graph.Complements(p.SelfType, graph.OrgType(t)) {
			comp = append(comp, t)
		}
	}
	params := map[string]any{"w": weights, "topics": keys(weights), "practiceTopics": practiceTopics, "self": p.Self,
		"all": len(p.Topics) == 0, "types": q.Types, "comp": comp, "langs": p.Languages, "countries": q.Countries,
		"looking": q.OnlyLooking, "near": nil, "radius": nil, "from": nil, "since": nil, "maxDegree": rank.MaxCollaboratorDegree,
		"wType": graph.WeightType, "wLang": graph.WeightLanguage, "wDist": graph.WeightDistance, "wPractice": graph.WeightPractice,
		"wLooking": graph.WeightLooking, "skip": w.Offset, "limit": w.Limit}
	neo4j.SetPlaceParams(params, q, from)
	recs, err := s.Query(ctx, `
OPTIONAL MATCH (me:Organisation {id: $self})
MATCH (o:Organisation)
WHERE o.id <> $self AND coalesce(o.status, 'published') = 'published'
  AND ($near IS NULL OR point.distance(o.location, $near) <= $radius)
  AND (size($types) = 0 OR o.type IN $types)
  AND (NOT $looking OR o.lookingForPartners = true)
  AND (size($countries) = 0 OR EXISTS { MATCH (o)-[:IN]->(c:Country) WHERE c.iso2 IN $countries })
  AND ($since IS NULL OR EXISTS { MATCH (o)-[:`+practiceRels+`]->(pr:Practice) WHERE coalesce(pr.endDate, pr.startDate, $since) >= $since })
WITH me, o, [(o)-[:ABOUT|APPLIES]->(t) WHERE t.id IN $topics | t.id] AS shared
WITH me, o, shared, COUNT { MATCH (o)-[:`+practiceRels+`]->(pr:Practice)-[:ABOUT]->(t) WHERE t.id IN $practiceTopics AND coalesce(pr.status, 'published') = 'published' RETURN DISTINCT pr } AS np
WITH me, o, shared, np, CASE WHEN me IS NULL THEN [] ELSE COLLECT {
  MATCH (me)-[:`+practiceRels+`]->(:Practice)<-[:`+practiceRels+`]-(x)
  MATCH (x)-[:`+practiceRels+`]->(:Practice)<-[:`+practiceRels+`]-(o)
  WHERE x <> me AND x <> o AND (x:Organisation OR x:LocalAuthority)
  WITH DISTINCT x, COUNT { (x)-[:`+practiceRels+`]->(:Practice) } AS degree WHERE degree <= $maxDegree
  RETURN degree } END AS cols
WHERE size(shared) > 0 OR np > 0 OR size(cols) > 0 OR $all
WITH o, reduce(t = 0.0, id IN shared | t + $w[id])
  + CASE WHEN (size($types) > 0 AND o.type IN $types) OR (size($types) = 0 AND o.type IN $comp) THEN $wType ELSE 0.0 END
  + $wLang * CASE WHEN size([l IN $langs WHERE l IN coalesce(o.languages, [])]) > 2 THEN 2 ELSE size([l IN $langs WHERE l IN coalesce(o.languages, [])]) END
  + CASE WHEN $near IS NULL THEN 0.0 ELSE $wDist * (1 - point.distance(o.location, $near) / $radius) END
  + $wPractice * log(1 + np)
  + reduce(t = 0.0, d IN cols | t + 1 / log(2 + d))
  + CASE WHEN o.lookingForPartners THEN $wLooking ELSE 0.0 END AS score
WITH o, round(score * 10000) / 10000 AS score ORDER BY score DESC, o.id
WITH collect({id: o.id, score: score}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page`, params)
	if err != nil {
		return nil, 0, err
	}
	m := recs[0]
	var out []Scored
	for _, v := range m["page"].([]any) {
		x := v.(map[string]any)
		out = append(out, Scored{x["id"].(string), x["score"].(float64)})
	}
	return out, int(m["total"].(int64)), nil
}

// BaselineRelated ranks the nodes related to id with a single Cypher query over
// every path of length two, without pruning hubs.
func BaselineRelated(ctx context.Context, s *neo4j.Store, id string, kinds []graph.Kind, first int) ([]Scored, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id", id)
	}
	if len(kinds) == 0 {
		kinds = graph.ContentKinds()
	}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = string(k)
	}
	lw := map[string]any{}
	for l, w := range rank.ConnectorLabels() {
		lw[string(l)] = w
	}
	recs, err := s.Query(ctx, fmt.Sprintf(`
MATCH (s:%[1]s {id: $id})
CALL {
  WITH s
  MATCH (s)-[:%[2]s]-(c)-[:%[2]s]-(x)
  WHERE x <> s AND labels(c)[0] IN keys($lw)
  WITH DISTINCT x, c
  RETURN x, $lw[labels(c)[0]] / log(1 + COUNT { (c)-[:%[2]s]-() }) AS w
  UNION ALL
  WITH s
  MATCH (s)-[:%[2]s]-(x) WHERE labels(x)[0] IN keys($lw)
  WITH DISTINCT x
  RETURN x, $direct AS w
  UNION ALL
  WITH s
  MATCH (s)-[r:RELATED_TO]-(x) WHERE r.active
  RETURN x, $editor AS w
}
WITH x, sum(w) AS score
WHERE labels(x)[0] IN $labels AND coalesce(x.status, 'published') = 'published'
RETURN x.id AS id, round(score * 10000) / 10000 AS score ORDER BY score DESC, id LIMIT $k`, k, relatedRels),
		map[string]any{"id": id, "lw": lw, "labels": labels, "k": first, "direct": rank.DirectWeight, "editor": rank.EditorLinkWeight})
	if err != nil {
		return nil, err
	}
	out := make([]Scored, 0, len(recs))
	for _, m := range recs {
		out = append(out, Scored{m["id"].(string), m["score"].(float64)})
	}
	return out, nil
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
