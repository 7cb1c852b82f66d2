package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

func TestListWithReadsWhatNeighboursMultiReads(t *testing.T) {
	db.Reset(t)
	load(t, seed(t))
	ctx := context.Background()
	hops := []graph.Hop{{Rel: graph.RelImplements, Incoming: true, To: graph.KindOrganisation},
		{Rel: graph.RelIn, To: graph.KindCountry}, {Rel: graph.RelAbout, To: graph.KindTheme}}
	for _, f := range []graph.Filter{{}, {Countries: []string{"PL"}}, {Themes: []string{"theme:social-cohesion"}, Countries: []string{"PL"}},
		{Themes: []string{"theme:social-cohesion"}}, {Countries: []string{"FR"}}} {
		nodes, total, rels, err := db.Store.ListWith(ctx, graph.KindPractice, f, graph.Order{}, graph.Window{Limit: 10}, hops)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := db.Store.Count(ctx, string(graph.KindPractice), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		want := plain
		if len(f.Countries) > 0 && f.Countries[0] == "FR" {
			want = 0
		}
		if total != want || len(nodes) != want {
			t.Fatalf("%+v: total %d, %d nodes, want %d", f, total, len(nodes), want)
		}
		if want == 0 {
			continue
		}
		multi, err := db.Store.NeighboursMulti(ctx, hops, []string{"practice:1"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hops {
			got, exp := rels[h]["practice:1"], multi[h]["practice:1"]
			if len(got) != 1 || len(exp) != 1 || got[0].NodeID() != exp[0].NodeID() {
				t.Errorf("%+v, hop %v: ListWith read %v, NeighboursMulti %v", f, h, got, exp)
			}
		}
	}
}
