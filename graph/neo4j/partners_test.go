package neo4j_test

import (
	"context"
	"errors"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

func TestFindPartnersRanksAndExplains(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			got, total, err := r.FindPartners(ctx, graph.PartnerQuery{Organisation: "organisation:seeker"}, graph.Window{Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || got[0].ID != "organisation:ngo-lyon" {
				t.Fatalf("first match %v, want the NGO in Lyon that shares the subtheme and a collaborator", got)
			}
			kinds := map[graph.ReasonKind]bool{}
			sum := 0.0
			for _, r := range got[0].Reasons {
				kinds[r.Kind] = true
				sum += r.Weight
				if len(r.Says) == 0 || r.Says[0].Key == "" {
					t.Errorf("reason %v has no text", r)
				}
			}
			for _, k := range []graph.ReasonKind{graph.ReasonSubtheme, graph.ReasonType, graph.ReasonCollaborator, graph.ReasonPractice, graph.ReasonLooking, graph.ReasonLanguage} {
				if !kinds[k] {
					t.Errorf("reasons of the best match lack %s: %+v", k, got[0].Reasons)
				}
			}
			if d := sum - got[0].Score; d > 0.01 || d < -0.01 {
				t.Errorf("reasons add up to %v, score is %v", sum, got[0].Score)
			}
			for _, m := range got {
				if m.ID == "organisation:seeker" {
					t.Error("the seeker is among its own partners")
				}
			}
			// the NGO in Kraków shares only the hub theme: below the business sharing the rare subtheme
			all, _, err := r.FindPartners(ctx, graph.PartnerQuery{Organisation: "organisation:seeker"}, graph.Window{Limit: total})
			if err != nil {
				t.Fatal(err)
			}
			pos := map[string]int{}
			for i, m := range all {
				pos[m.ID] = i
				if i > 0 && (all[i-1].Score < m.Score || (all[i-1].Score == m.Score && all[i-1].ID > m.ID)) {
					t.Fatalf("not sorted by score then id at %d: %v then %v", i, all[i-1], m)
				}
			}
			if pos["organisation:business-lyon"] > pos["organisation:filler-00"] {
				t.Errorf("a rare shared subtheme should outweigh a hub theme: business at %d, filler at %d", pos["organisation:business-lyon"], pos["organisation:filler-00"])
			}
			// pages are windows of the same order
			page2, _, err := r.FindPartners(ctx, graph.PartnerQuery{Organisation: "organisation:seeker"}, graph.Window{Offset: 5, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			for i, m := range page2 {
				if m.ID != all[5+i].ID {
					t.Errorf("page 2 item %d is %s, full list has %s", i, m.ID, all[5+i].ID)
				}
			}
		})
	}
}

func TestFindPartnersHardFilters(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			lyon := orb.Point{4.84, 45.76}
			got, total, err := r.FindPartners(ctx, graph.PartnerQuery{Themes: []string{"education-culture"},
				Types: []string{"civil_society"}, Near: &lyon, RadiusKm: 50}, graph.Window{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.Store.Count(ctx, "Organisation", `n.type = 'civil_society' AND point.distance(n.location, point({longitude: 4.84, latitude: 45.76})) <= 50000
			  AND EXISTS { (n)-[:ABOUT]->(:Theme {id: 'theme:education-culture'}) }`, nil)
			if err != nil {
				t.Fatal(err)
			}
			if total != want || len(got) != want || want == 0 {
				t.Fatalf("civil society within 50 km of Lyon on education: got %d (%v), Cypher counts %d", total, got, want)
			}
			for _, m := range got {
				if m.DistanceKm == nil || *m.DistanceKm > 50 {
					t.Errorf("%s is %v km away", m.ID, m.DistanceKm)
				}
			}
			looking, _, err := r.FindPartners(ctx, graph.PartnerQuery{Themes: []string{"education-culture"}, OnlyLooking: true}, graph.Window{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range looking {
				if m.ID == "organisation:ngo-krakow" {
					t.Error("onlyLooking kept an organisation that is not looking")
				}
			}
		})
	}
}

func TestFindPartnersBadInput(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			lyon := orb.Point{4.84, 45.76}
			for _, c := range []struct {
				q           graph.PartnerQuery
				code, where string
			}{
				{graph.PartnerQuery{Organisation: "organisation:nope"}, graph.ENOTFOUND, "input.organisation"},
				{graph.PartnerQuery{Organisation: "practice:x"}, graph.EINVALID, "input.organisation"},
				{graph.PartnerQuery{Themes: []string{"astrology"}}, graph.ENOTFOUND, "input.themes"},
				{graph.PartnerQuery{Themes: []string{"education-culture"}, Near: &lyon, RadiusKm: 0}, graph.EINVALID, "input.radiusKm"},
				{graph.PartnerQuery{Themes: []string{"education-culture"}, Near: &lyon, RadiusKm: -5}, graph.EINVALID, "input.radiusKm"},
				{graph.PartnerQuery{Types: []string{"pirates"}}, graph.EINVALID, "input.types"},
				{graph.PartnerQuery{}, graph.EINVALID, "input"},
			} {
				_, _, err := r.FindPartners(ctx, c.q, graph.Window{Limit: 10})
				var e *graph.Error
				if graph.ErrorCode(err) != c.code || !asError(err, &e) || e.Where != c.where {
					t.Errorf("%+v: got %v, want %s at %s", c.q, err, c.code, c.where)
				}
			}
		})
	}
}

func asError(err error, e **graph.Error) bool { return errors.As(err, e) }
