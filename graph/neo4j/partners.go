package neo4j

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/rank"
)

var _ graph.Partners = (*Store)(nil)

// practiceRels are the relationships by which an organisation works on a practice.
const practiceRels = "IMPLEMENTS|PARTNER_IN"

// FindPartners ranks the organisations that fit q, scored in Go by
// graph.ScorePartner over candidates read with parameterised Cypher (those about
// our topics, near the place, with practices on our topics, or tied to us by a
// common collaborator, after the hard filters). rank.Ranker ranks the same over
// its projection and comes here when it has none or it does not know q's nodes.
func (s *Store) FindPartners(ctx context.Context, q graph.PartnerQuery, w graph.Window) ([]graph.PartnerMatch, int, error) {
	if err := q.Normalize(); err != nil {
		return nil, 0, err
	}
	p, from, err := s.PartnerProfile(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	cands, err := s.partnerCandidates(ctx, q, p, from)
	if err != nil {
		return nil, 0, err
	}
	return graph.RankPartners(p, cands, w), len(cands), nil
}

// PartnerProfile resolves q against the graph (see graph.ResolveProfile): our
// organisation's own topics, kind, languages and place, and the weight of every
// topic. It also returns the point distances are shown from (the place asked,
// else our organisation's).
func (s *Store) PartnerProfile(ctx context.Context, q graph.PartnerQuery) (*graph.PartnerProfile, *orb.Point, error) {
	var self *graph.SelfFacts
	if q.Organisation != "" {
		recs, err := s.read(ctx, `
MATCH (o:Organisation {id: $id}) WHERE coalesce(o.status, 'published') = 'published'
RETURN o.type AS type, coalesce(o.languages, []) AS langs, o.location AS loc,
       [(o)-[:ABOUT]->(t:Theme) | t.id] AS themes, [(o)-[:ABOUT]->(t:Subtheme) | t.id] AS subthemes,
       [(o)-[:APPLIES]->(t:Principle) | t.id] AS principles,
       [(o)-[:`+practiceRels+`]->(:Practice)-[:ABOUT]->(t:Subtheme) | t.id] AS practiceSubthemes`,
			map[string]any{"id": q.Organisation})
		if err != nil {
			return nil, nil, err
		}
		if len(recs) > 0 {
			m := recs[0].AsMap()
			t, _ := m["type"].(string)
			self = &graph.SelfFacts{Type: graph.OrgType(t), Languages: strs(m["langs"]), Themes: strs(m["themes"]),
				Subthemes: strs(m["subthemes"]), Principles: strs(m["principles"]), PracticeSubthemes: strs(m["practiceSubthemes"])}
			if loc, ok := m["loc"].(dbtype.Point2D); ok {
				self.Location = &orb.Point{loc.X, loc.Y}
			}
		}
	}
	if q.Organisation != "" && self == nil {
		return graph.ResolveProfile(q, nil, 0, nil) // not found
	}
	themes, subthemes, principles := graph.ProfileTopics(q, self)
	recs, err := s.read(ctx, `
CALL {
  UNWIND $themes AS id OPTIONAL MATCH (t:Theme {id: id})
  RETURN 'Theme' AS kind, id, t.nameEn AS name, COUNT { (t)<-[:ABOUT]-() } AS degree, t IS NOT NULL AS found
  UNION ALL
  UNWIND $subthemes AS id OPTIONAL MATCH (t:Subtheme {id: id})
  RETURN 'Subtheme' AS kind, id, t.nameEn AS name, COUNT { (t)<-[:ABOUT]-() } AS degree, t IS NOT NULL AS found
  UNION ALL
  UNWIND $principles AS id OPTIONAL MATCH (t:Principle {id: id})
  RETURN 'Principle' AS kind, id, t.short AS name, COUNT { (t)<-[:APPLIES]-() } AS degree, t IS NOT NULL AS found
}
RETURN kind, id, name, degree, found`, map[string]any{"themes": themes, "subthemes": subthemes, "principles": principles})
	if err != nil {
		return nil, nil, err
	}
	total, err := s.contentTotal(ctx)
	if err != nil {
		return nil, nil, err
	}
	topics := map[graph.Kind]map[string]graph.TopicFacts{}
	for _, r := range recs {
		m := r.AsMap()
		if !m["found"].(bool) {
			continue
		}
		kind := graph.Kind(m["kind"].(string))
		if topics[kind] == nil {
			topics[kind] = map[string]graph.TopicFacts{}
		}
		name, _ := m["name"].(string)
		topics[kind][m["id"].(string)] = graph.TopicFacts{Name: name, Degree: int(m["degree"].(int64))}
	}
	return graph.ResolveProfile(q, self, total, func(k graph.Kind, id string) (graph.TopicFacts, bool) {
		f, ok := topics[k][id]
		return f, ok
	})
}

// contentTotal counts the content nodes, from the count store.
func (s *Store) contentTotal(ctx context.Context) (int, error) {
	parts := make([]string, 0, len(graph.ContentKinds()))
	for _, k := range graph.ContentKinds() {
		parts = append(parts, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS c", k))
	}
	recs, err := s.read(ctx, "CALL { "+strings.Join(parts, " UNION ALL ")+" } RETURN sum(c) AS total", nil)
	if err != nil {
		return 0, err
	}
	t, _ := recs[0].Get("total")
	return int(t.(int64)), nil
}

// partnerCandidates reads every organisation that passes q's hard filters and has
// something in common with the profile, with what the score needs.
func (s *Store) partnerCandidates(ctx context.Context, q graph.PartnerQuery, p *graph.PartnerProfile, from *orb.Point) ([]graph.PartnerCandidate, error) {
	var themes, subthemes, principles []string
	for id, t := range p.Topics {
		switch t.Kind {
		case graph.KindTheme:
			themes = append(themes, id)
		case graph.KindSubtheme:
			subthemes = append(subthemes, id)
		default:
			principles = append(principles, id)
		}
	}
	practiceTopics, topicLabel := subthemes, graph.KindSubtheme
	if len(practiceTopics) == 0 {
		practiceTopics, topicLabel = themes, graph.KindTheme
	}
	type practiceHit struct {
		n   int
		ids []string
	}
	practices := map[string]practiceHit{}
	collabs := map[string][]graph.Collaborator{}
	var g group
	g.Go(func() error {
		if len(practiceTopics) == 0 {
			return nil
		}
		recs, err := s.read(ctx, `
MATCH (t:`+string(topicLabel)+`) WHERE t.id IN $topics
MATCH (t)<-[:ABOUT]-(pr:Practice)<-[:`+practiceRels+`]-(o:Organisation)
WHERE coalesce(pr.status, 'published') = 'published'
WITH o, count(DISTINCT pr) AS n, collect(DISTINCT pr.id) AS ps
RETURN o.id AS id, n, ps[..3] AS ps`, map[string]any{"topics": practiceTopics})
		for _, r := range recs {
			m := r.AsMap()
			practices[m["id"].(string)] = practiceHit{int(m["n"].(int64)), strs(m["ps"])}
		}
		return err
	})
	g.Go(func() error {
		if p.Self == "" {
			return nil
		}
		recs, err := s.read(ctx, `
MATCH (me:Organisation {id: $self})-[:`+practiceRels+`]->(:Practice)<-[:`+practiceRels+`]-(x)
WHERE x <> me AND (x:Organisation OR x:LocalAuthority)
WITH DISTINCT me, x
WITH me, x, COUNT { (x)-[:`+practiceRels+`]->(:Practice) } AS degree
WHERE degree <= $maxDegree
MATCH (x)-[:`+practiceRels+`]->(:Practice)<-[:`+practiceRels+`]-(o:Organisation)
WHERE o <> me AND o <> x
WITH o, x, degree
RETURN o.id AS id, collect(DISTINCT {id: x.id, name: x.name, degree: degree}) AS cols`,
			map[string]any{"self": p.Self, "maxDegree": rank.MaxCollaboratorDegree})
		for _, r := range recs {
			m := r.AsMap()
			for _, c := range m["cols"].([]any) {
				cm := c.(map[string]any)
				name, _ := cm["name"].(string)
				collabs[m["id"].(string)] = append(collabs[m["id"].(string)],
					graph.Collaborator{ID: cm["id"].(string), Name: name, Degree: int(cm["degree"].(int64))})
			}
		}
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	extra := make([]string, 0, len(practices)+len(collabs))
	for id := range practices {
		extra = append(extra, id)
	}
	for id := range collabs {
		if _, ok := practices[id]; !ok {
			extra = append(extra, id)
		}
	}
	params := map[string]any{"themes": themes, "subthemes": subthemes, "principles": principles, "extra": extra,
		"self": p.Self, "all": len(p.Topics) == 0, "near": nil, "radius": nil, "from": nil,
		"types": q.Types, "countries": q.Countries, "looking": q.OnlyLooking, "since": nil}
	SetPlaceParams(params, q, from)
	recs, err := s.read(ctx, `
CALL {
  MATCH (t:Theme) WHERE t.id IN $themes MATCH (t)<-[:ABOUT]-(o:Organisation) RETURN o, t.id AS tid
  UNION ALL
  MATCH (t:Subtheme) WHERE t.id IN $subthemes MATCH (t)<-[:ABOUT]-(o:Organisation) RETURN o, t.id AS tid
  UNION ALL
  MATCH (t:Principle) WHERE t.id IN $principles MATCH (t)<-[:APPLIES]-(o:Organisation) RETURN o, t.id AS tid
  UNION ALL
  MATCH (o:Organisation) WHERE o.id IN $extra RETURN o, null AS tid
  UNION ALL
  MATCH (o:Organisation) WHERE $all AND $near IS NOT NULL AND point.distance(o.location, $near) <= $radius RETURN o, null AS tid
  UNION ALL
  MATCH (o:Organisation) WHERE $all AND $near IS NULL RETURN o, null AS tid
}
WITH o, collect(tid) AS topics
WHERE o.id <> $self AND coalesce(o.status, 'published') = 'published'
  AND ($near IS NULL OR point.distance(o.location, $near) <= $radius)
  AND (size($types) = 0 OR o.type IN $types)
  AND (NOT $looking OR o.lookingForPartners = true)
  AND (size($countries) = 0 OR EXISTS { MATCH (o)-[:IN]->(c:Country) WHERE c.iso2 IN $countries })
  AND ($since IS NULL OR EXISTS { MATCH (o)-[:`+practiceRels+`]->(pr:Practice) WHERE coalesce(pr.endDate, pr.startDate, $since) >= $since })
RETURN o.id AS id, o.type AS type, coalesce(o.languages, []) AS langs, coalesce(o.lookingForPartners, false) AS looking,
       point.distance(o.location, $from) AS d, topics`, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.PartnerCandidate, 0, len(recs))
	for _, r := range recs {
		vals := r.Values
		c := graph.PartnerCandidate{ID: vals[0].(string), Languages: strs(vals[2]), Looking: vals[3] == true, Topics: strs(vals[5])}
		t, _ := vals[1].(string)
		c.Type = graph.OrgType(t)
		if d, ok := vals[4].(float64); ok {
			km := d / 1000
			c.DistanceKm = &km
		}
		if ph, ok := practices[c.ID]; ok {
			c.Practices, c.PracticeIDs = ph.n, ph.ids
		}
		c.Collaborators = collabs[c.ID]
		out = append(out, c)
	}
	return out, nil
}

// group runs functions concurrently and keeps the first error.
type group struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs error
}

// Go runs fn in a goroutine.
func (g *group) Go(fn func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := fn(); err != nil {
			g.mu.Lock()
			if g.errs == nil {
				g.errs = err
			}
			g.mu.Unlock()
		}
	}()
}

// Wait waits for every function and returns the first error.
func (g *group) Wait() error { g.wg.Wait(); return g.errs }

// strs turns a list read from Neo4j into strings, dropping nulls.
func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// SetPlaceParams sets the place parameters of a partner query in params: near
// and radius (metres) from the place asked, from for distances, and since (the
// bench's plain-Cypher baseline reads them too).
func SetPlaceParams(params map[string]any, q graph.PartnerQuery, from *orb.Point) {
	if q.Near != nil {
		params["near"] = dbtype.Point2D{X: q.Near[0], Y: q.Near[1], SpatialRefId: 4326}
		params["radius"] = q.RadiusKm * 1000
	}
	if from != nil {
		params["from"] = dbtype.Point2D{X: from[0], Y: from[1], SpatialRefId: 4326}
	}
	if q.ActiveSince != nil {
		params["since"] = dbtype.Date(q.ActiveSince.Time())
	}
}
