package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

func TestRelatedRanksRareNeighboursFirst(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			got, err := r.Related(ctx, "practice:with-bridge", []graph.Kind{graph.KindPractice}, 10)
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
			only, err := r.Related(ctx, "practice:with-bridge", []graph.Kind{graph.KindOrganisation}, 3)
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
			if _, err := r.Related(ctx, "practice:nope", nil, 5); graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Errorf("unknown id: %v", err)
			}
			if _, err := r.Related(ctx, "practice:with-bridge", nil, 1001); graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("first 1001: %v", err)
			}
		})
	}
}
