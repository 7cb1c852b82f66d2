package rank_test

import (
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/graph/rank"
)

// relOf maps the relationship types the projection keeps to their Rel.
var relOf = map[string]rank.Rel{}

func init() {
	for i, t := range rank.RelTypes {
		relOf[t] = rank.Rel(i)
	}
}

// synthProjection builds, with no database, the projection of the synthetic graph
// of the given size the relevance tests and the benchmark load (see
// neo4jtest.NewSynth): every record a published node under its index, the
// attributes partner search reads and the kept relationships its links own.
func synthProjection(tb testing.TB, sz neo4jtest.Sizes) (*rank.Projection, *neo4jtest.Synth) {
	tb.Helper()
	s, err := neo4jtest.NewSynth(7, sz)
	if err != nil {
		tb.Fatal(err)
	}
	ref := make(map[string]int64, len(s.Records))
	for i, r := range s.Records {
		ref[r.Node.NodeID()] = int64(i)
	}
	b := rank.NewBuilder("synth")
	for i, r := range s.Records {
		n := int64(i)
		id := r.Node.NodeID()
		b.Node(n, id, r.Node.NodeKind(), true, id)
		switch x := r.Node.(type) {
		case *graph.Organisation:
			a := rank.OrgAttrs{Type: x.Type, Languages: x.Languages, Looking: x.LookingForPartners}
			if x.Location != nil {
				a.Location = &[2]float64{x.Location[0], x.Location[1]}
			}
			b.Org(n, a)
		case *graph.Practice:
			b.PracticeDates(n, timeOf(x.StartDate), timeOf(x.EndDate))
		case *graph.Country:
			b.Country(n, x.ISO2)
		}
		for _, l := range r.Links {
			rel, ok := relOf[l.Type]
			to, known := ref[l.To]
			switch {
			case !ok || !known:
			case l.Incoming:
				b.Edges(rel, to, []int64{n})
			default:
				b.Edges(rel, n, []int64{to})
			}
		}
	}
	return b.Build(), s
}

// timeOf turns an optional date into an optional time.
func timeOf(d *graph.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

// synthQueries draws n partner queries from the synthetic graph as the store's
// PartnerBench does: organisations evenly spread in id order, half of them
// searched by organisation, half as a hand profile of their themes and subthemes
// in English within 300 km of them.
func synthQueries(s *neo4jtest.Synth, n int) []graph.PartnerQuery {
	var orgs []*neo4jtest.Item
	for _, r := range s.Records {
		if r.Node.NodeKind() == graph.KindOrganisation {
			orgs = append(orgs, s.Items[r.Node.NodeID()])
		}
	}
	var qs []graph.PartnerQuery
	for i := 0; i < n && len(orgs) > 0; i++ {
		o := orgs[i*len(orgs)/n]
		if i%2 == 0 {
			qs = append(qs, graph.PartnerQuery{Organisation: o.ID})
			continue
		}
		near := orb.Point(o.Location)
		qs = append(qs, graph.PartnerQuery{Themes: o.Themes, Subthemes: o.Subthemes, Languages: []string{"en"}, Near: &near, RadiusKm: 300})
	}
	return qs
}
