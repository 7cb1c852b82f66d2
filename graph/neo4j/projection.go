package neo4j

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
	"ewsi/graph/rank"
)

// The projection partner search and related content rank over (see rank.Ranker,
// which caches it) is read in a few bulk queries: every node, the organisations'
// and practices' attributes, the countries' codes, and each kept relationship
// type grouped by its rarer end.

// relGroupByEnd says, per relationship type, whether its end node is the
// grouping one (few end nodes: themes, countries) or its start node.
var relGroupByEnd = [...]bool{
	rank.RelAbout: true, rank.RelApplies: true, rank.RelIn: true, rank.RelImplements: false,
	rank.RelPartnerIn: false, rank.RelPublishedBy: true, rank.RelFundedBy: true,
}

// LoadProjection reads the graph's structure and builds its projection, tagged
// with the graph version read first (so that a write during the reads makes it
// stale at once).
func (s *Store) LoadProjection(ctx context.Context) (*rank.Projection, error) {
	v, err := s.GraphVersion(ctx)
	if err != nil {
		return nil, err
	}
	b := rank.NewBuilder(v)
	err = s.stream(ctx, `
MATCH (n) WHERE n.id IS NOT NULL
RETURN id(n), n.id, labels(n)[0], coalesce(n.status, 'published') = 'published',
       coalesce(n.nameEn, n.name, n.title, n.short, n.id)`, nil, func(r *neo4j.Record) {
		name, _ := r.Values[4].(string)
		b.Node(r.Values[0].(int64), r.Values[1].(string), graph.Kind(r.Values[2].(string)), r.Values[3] == true, name)
	})
	if err != nil {
		return nil, err
	}
	err = s.stream(ctx, `
MATCH (o:Organisation)
RETURN id(o), o.type, coalesce(o.languages, []), coalesce(o.lookingForPartners, false), o.location`, nil, func(r *neo4j.Record) {
		t, _ := r.Values[1].(string)
		a := rank.OrgAttrs{Type: graph.OrgType(t), Languages: strs(r.Values[2]), Looking: r.Values[3] == true}
		if loc, ok := r.Values[4].(dbtype.Point2D); ok {
			a.Location = &[2]float64{loc.X, loc.Y}
		}
		b.Org(r.Values[0].(int64), a)
	})
	if err != nil {
		return nil, err
	}
	err = s.stream(ctx, `
MATCH (p:Practice) WHERE p.startDate IS NOT NULL OR p.endDate IS NOT NULL
RETURN id(p), p.startDate, p.endDate`, nil, func(r *neo4j.Record) {
		b.PracticeDates(r.Values[0].(int64), dateOf(r.Values[1]), dateOf(r.Values[2]))
	})
	if err != nil {
		return nil, err
	}
	err = s.stream(ctx, `MATCH (c:Country) RETURN id(c), c.iso2`, nil, func(r *neo4j.Record) {
		iso, _ := r.Values[1].(string)
		b.Country(r.Values[0].(int64), iso)
	})
	if err != nil {
		return nil, err
	}
	for rel, typ := range rank.RelTypes {
		r := rank.Rel(rel)
		q := "MATCH (a)-[:" + typ + "]->(b) RETURN id(a) AS g, collect(id(b)) AS xs"
		if relGroupByEnd[rel] {
			q = "MATCH (a)-[:" + typ + "]->(b) RETURN id(b) AS g, collect(id(a)) AS xs"
		}
		err = s.stream(ctx, q, nil, func(rec *neo4j.Record) {
			list, _ := rec.Values[1].([]any)
			xs := make([]int64, 0, len(list))
			for _, x := range list {
				xs = append(xs, x.(int64))
			}
			if relGroupByEnd[rel] {
				b.EdgesTo(r, xs, rec.Values[0].(int64))
			} else {
				b.Edges(r, rec.Values[0].(int64), xs)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return b.Build(), nil
}

// stream runs one read query outside a managed transaction (a build is not
// retried part-way; a failed one is started again later) and hands each record
// to fn as it arrives.
func (s *Store) stream(ctx context.Context, cypher string, params map[string]any, fn func(*neo4j.Record)) error {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	s.roundTrips.Add(1)
	res, err := sess.Run(ctx, cypher, params, neo4j.WithTxTimeout(rank.BuildTimeout))
	if err != nil {
		return translate(ctx, err)
	}
	for res.Next(ctx) {
		fn(res.Record())
	}
	if err := res.Err(); err != nil {
		return translate(ctx, err)
	}
	return nil
}

// dateOf reads a date property, nil when missing.
func dateOf(v any) *time.Time {
	switch d := v.(type) {
	case dbtype.Date:
		t := time.Time(d)
		return &t
	case time.Time:
		return &d
	}
	return nil
}
