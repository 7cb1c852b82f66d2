package neo4j_test

import (
	"context"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

func TestRelatedRanksRareNeighboursFirst(t *testing.T) {
	partnerGraph(t)
	ctx := context.Background()
	got, err := db.Store.Related(ctx, "practice:with-bridge", []graph.Kind{graph.KindPractice}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0].ID != "practice:bridge-ngo" {
		t.Fatalf("first related %v, want the practice sharing the rare subtheme and the organisation bridge", got)
	}
	reasons := map[graph.ReasonKind]bool{}
	for _, r := range got[0].Reasons {
		reasons[r.Kind] = true
	}
	if !reasons[graph.ReasonOrganisation] || !reasons[graph.ReasonSubtheme] {
		t.Errorf("reasons %+v lack the shared organisation or subtheme", got[0].Reasons)
	}
	only, err := db.Store.Related(ctx, "practice:with-bridge", []graph.Kind{graph.KindOrganisation}, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range only {
		if it.Kind != graph.KindOrganisation {
			t.Errorf("asked for organisations, got %s", it.ID)
		}
	}
	if len(only) == 0 || (only[0].ID != "organisation:seeker" && only[0].ID != "organisation:bridge") {
		t.Errorf("the practice's own implementers should come first: %v", only)
	}
	if _, err := db.Store.Related(ctx, "practice:nope", nil, 5); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := db.Store.Related(ctx, "practice:with-bridge", nil, 1001); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("first 1001: %v", err)
	}
}

// The pruned ranking must equal the plain Cypher one, hubs included.
func TestRelatedAgreesWithBaseline(t *testing.T) {
	s := partnerGraph(t)
	ctx := context.Background()
	n := 0
	for id := range s.Items {
		if n++; n > 25 {
			break
		}
		fast, err := db.Store.Related(ctx, id, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		base, err := db.Store.BaselineRelated(ctx, id, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(fast) != len(base) {
			t.Fatalf("%s: %d results, baseline %d", id, len(fast), len(base))
		}
		for i := range fast {
			if fast[i].ID != base[i].ID || fast[i].Score != base[i].Score {
				t.Errorf("%s #%d: %s %.4f, baseline %s %.4f", id, i, fast[i].ID, fast[i].Score, base[i].ID, base[i].Score)
			}
		}
	}
}

func TestFindPartnersAgreesWithBaseline(t *testing.T) {
	partnerGraph(t)
	ctx := context.Background()
	lyon := orb.Point{4.84, 45.76}
	for _, q := range []graph.PartnerQuery{
		{Organisation: "organisation:seeker"},
		{Organisation: "organisation:ngo-krakow", Languages: []string{"en"}},
		{Themes: []string{"education-culture"}, Subthemes: []string{"language-competencies"}, Languages: []string{"fr"}, Near: &lyon, RadiusKm: 800},
		{Types: []string{"civil_society"}, Countries: []string{"FR", "PL"}},
	} {
		fast, total, err := db.Store.FindPartners(ctx, q, graph.Window{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		base, btotal, err := db.Store.BaselinePartners(ctx, q, graph.Window{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if total != btotal || total == 0 {
			t.Fatalf("%+v: %d candidates, baseline %d", q, total, btotal)
		}
		for i := range fast {
			if fast[i].ID != base[i].ID || fast[i].Score != base[i].Score {
				t.Errorf("%+v #%d: %s %.4f, baseline %s %.4f", q, i, fast[i].ID, fast[i].Score, base[i].ID, base[i].Score)
				break
			}
		}
	}
}
