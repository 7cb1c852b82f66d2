package rank_test

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/graph/rank"
)

// rankQueries are the bench's queries on a scale-1 synthetic graph and variants
// with every hard filter, principles, and no topic at all.
func rankQueries(t *testing.T, s *neo4jtest.Synth) []graph.PartnerQuery {
	qs := synthQueries(s, 24)
	lyon := orb.Point{4.8, 45.8}
	since := graph.Date{Year: 2020, Month: 1, Day: 1}
	self := qs[0].Organisation
	qs = append(qs,
		graph.PartnerQuery{Organisation: self, Types: []string{"CIVIL_SOCIETY", "ACADEMIA"}},
		graph.PartnerQuery{Organisation: self, Countries: []string{"FR", "DE"}, OnlyLooking: true},
		graph.PartnerQuery{Organisation: self, ActiveSince: &since, Languages: []string{"fr", "en", "ga"}},
		graph.PartnerQuery{Organisation: self, Near: &lyon, RadiusKm: 400},
		graph.PartnerQuery{Principles: []int{3, 7}, Languages: []string{"de"}},
		graph.PartnerQuery{Subthemes: qs[1].Subthemes, Principles: []int{1}, Near: &lyon, RadiusKm: 800, Types: []string{"ACADEMIA"}},
		graph.PartnerQuery{Languages: []string{"pl", "en"}},
		graph.PartnerQuery{Near: &lyon, RadiusKm: 250},
		graph.PartnerQuery{Types: []string{"BUSINESS"}, Countries: []string{"ES"}},
	)
	for i := range qs {
		if err := qs[i].Normalize(); err != nil {
			t.Fatalf("query %d: %v", i, err)
		}
	}
	return qs
}

// FindPartners gives, for every window, the page graph.RankPartners gives over
// all the candidates, to the bit: same organisations, order, scores, distances
// and reasons, and the same count.
func TestFindPartnersRanksAsRankPartners(t *testing.T) {
	p, s := synthProjection(t, neo4jtest.Scale(1))
	pages, reasons := 0, 0
	for i, q := range rankQueries(t, s) {
		pr, from, err := p.Profile(q)
		if err != nil {
			t.Fatalf("query %d: %v", i, err)
		}
		cands := p.Candidates(q, pr, from)
		for _, w := range []graph.Window{{Limit: 20}, {Offset: 20, Limit: 20}, {Limit: 1000}, {Offset: max(len(cands)-7, 0), Limit: 20}, {Limit: 0}, {Offset: len(cands) + 5, Limit: 10}} {
			want := graph.RankPartners(pr, append([]graph.PartnerCandidate(nil), cands...), w)
			got, n, err := p.FindPartners(q, w)
			if err != nil || n != len(cands) {
				t.Fatalf("query %d %+v: %d partners (%v), want %d", i, w, n, err, len(cands))
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("query %d %+v: page differs\ngot  %+v\nwant %+v", i, w, got, want)
			}
			if len(got) > 0 {
				pages++
				reasons += len(got[0].Reasons)
			}
		}
	}
	if pages < 40 || reasons < pages {
		t.Fatalf("only %d non-empty pages (%d reasons on their first lines): the queries test too little", pages, reasons)
	}
}

// The latitude bound never turns away a point within the radius, and turns away
// points far to the north or south.
func TestFarInLatitudeIsALowerBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 100000; i++ {
		a := orb.Point{rng.Float64()*360 - 180, rng.Float64()*180 - 90}
		b := orb.Point{a[0] + rng.NormFloat64()*20, max(-90, min(90, a[1]+rng.NormFloat64()*5))}
		if d := rank.Distance(a, b); rank.FarInLatitude(a, b, d) {
			t.Fatalf("%v and %v are %v m apart, yet far in latitude within that distance", a, b, d)
		}
	}
	if !rank.FarInLatitude(orb.Point{4.8, 45.8}, orb.Point{4.8, 52}, 300000) {
		t.Fatal("6 degrees of latitude are not farther than 300 km")
	}
}
