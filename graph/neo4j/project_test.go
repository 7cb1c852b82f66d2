package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

func TestReadsLeaveOutOnlyWhatTheyAreTold(t *testing.T) {
	db.Reset(t)
	recs := seed(t)
	p := recs[4].Node.(*graph.Practice)
	p.Summary, p.Challenge = "Eltern lernen Deutsch.", "Parents miss the school's letters."
	load(t, recs)
	full := context.Background()
	slim := graph.WithOmitted(full, []string{"summary", "challenge"})
	hops := []graph.Hop{{}, {Rel: graph.RelImplements, Incoming: true, To: graph.KindOrganisation}}
	for _, c := range []struct {
		name string
		ctx  context.Context
		want string // the summary the reads must return
	}{{"whole", full, p.Summary}, {"slim", slim, ""}} {
		nodes, err := db.Store.Nodes(c.ctx, []string{"practice:1"})
		if err != nil {
			t.Fatal(err)
		}
		multi, err := db.Store.NeighboursMulti(c.ctx, hops, []string{"practice:1"})
		if err != nil {
			t.Fatal(err)
		}
		page, _, _, err := db.Store.ListWith(c.ctx, graph.KindPractice, graph.Filter{}, graph.Order{}, graph.Window{Limit: 5}, hops[1:])
		if err != nil || len(page) != 1 {
			t.Fatalf("%s: ListWith %v, %v", c.name, page, err)
		}
		for how, n := range map[string]graph.Node{"Nodes": nodes["practice:1"], "NeighboursMulti": multi[hops[0]]["practice:1"][0], "ListWith": page[0]} {
			got := n.(*graph.Practice)
			if got.Summary != c.want || (c.want == "") != (got.Challenge == "") {
				t.Errorf("%s %s: summary %q, challenge %q; want summary %q", c.name, how, got.Summary, got.Challenge, c.want)
			}
			if got.Title != p.Title || got.Lang != p.Lang || got.StartDate == nil || got.Location == nil || got.CreatedAt.IsZero() {
				t.Errorf("%s %s lost what it was not told to leave out: %+v", c.name, how, got)
			}
		}
		if org := multi[hops[1]]["practice:1"]; len(org) != 1 || org[0].(*graph.Organisation).Name != "Fundacja Kraków" {
			t.Errorf("%s: implementer %v", c.name, org)
		}
	}
}
