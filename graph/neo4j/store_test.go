package neo4j_test

import (
	"context"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
)

var db *neo4jtest.DB

func TestMain(m *testing.M) { neo4jtest.Main(m, &db) }

func seed(t *testing.T) []graph.Record {
	t.Helper()
	d := func(s string) *graph.Date { v, _ := graph.ParseDate(s); return &v }
	recs := []graph.Record{
		{Node: &graph.Theme{Meta: graph.Meta{ID: "theme:social-cohesion", Status: graph.StatusPublished}, Slug: "social-cohesion", NameEn: "Social cohesion", NameFr: "Cohésion sociale", NameDe: "Sozialer Zusammenhalt", Order: 3}},
		{Node: &graph.Principle{Meta: graph.Meta{ID: "principle:3"}, Number: 3, ShortEn: "Employment", TextEn: "Work is central."}},
		{Node: &graph.Country{Meta: graph.Meta{ID: "country:PL"}, ISO2: "PL", NameEn: "Poland", EU: true, Location: &orb.Point{19.1, 52}}},
		{Node: &graph.Organisation{Meta: graph.Meta{ID: "organisation:a"}, Name: "Fundacja Kraków", Type: graph.OrgCivilSociety, Location: &orb.Point{19.94, 50.06}},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:PL"}}},
		{Node: &graph.Practice{Meta: graph.Meta{ID: "practice:1"}, Title: "Integrationskurse für Eltern in Kraków", Lang: "de", StartDate: d("2020-01-01"), Location: &orb.Point{19.94, 50.06}},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:PL"}, {Type: graph.RelAbout, To: "theme:social-cohesion"},
				{Type: graph.RelApplies, To: "principle:3"}, {Type: graph.RelImplements, To: "organisation:a", Incoming: true}}},
	}
	return recs
}

func load(t *testing.T, recs []graph.Record) graph.WriteStats {
	t.Helper()
	return db.WriteRanked(t, recs)
}

func TestWriteIsIdempotent(t *testing.T) {
	db.Reset(t)
	recs := seed(t)
	first := load(t, recs)
	if first.Created != len(recs) || first.Updated != 0 {
		t.Fatalf("first load: %+v, want %d created", first, len(recs))
	}
	second := load(t, recs)
	if second.Unchanged != len(recs) || second.Created+second.Updated != 0 {
		t.Fatalf("second load: %+v, want all unchanged", second)
	}
	// change one property and drop one link: one update, and the link is gone
	p := recs[4].Node.(*graph.Practice)
	p.Title = "Integrationskurse für Mütter"
	recs[4].Links = recs[4].Links[:3]
	third := load(t, recs)
	if third.Updated != 1 || third.Unchanged != len(recs)-1 {
		t.Fatalf("third load: %+v, want 1 updated", third)
	}
	impl, err := db.Store.Neighbours(context.Background(), graph.Hop{Rel: graph.RelImplements, Incoming: true, To: graph.KindOrganisation}, []string{"practice:1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(impl["practice:1"]) != 0 {
		t.Fatalf("dropped implementer still linked: %v", impl)
	}
}

func TestListFiltersAndPages(t *testing.T) {
	db.Reset(t)
	load(t, seed(t))
	ctx := context.Background()
	f := graph.Filter{Countries: []string{"pl"}, Themes: []string{"social-cohesion"}, Principles: []int{3}}
	if err := f.Normalize("filter"); err != nil {
		t.Fatal(err)
	}
	nodes, total, err := db.Store.List(ctx, graph.KindPractice, f, graph.Order{}, graph.Window{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(nodes) != 1 || nodes[0].(*graph.Practice).StartDate.String() != "2020-01-01" {
		t.Fatalf("got %d %v", total, nodes)
	}
	f = graph.Filter{Countries: []string{"FR"}}
	_, total, err = db.Store.List(ctx, graph.KindPractice, f, graph.Order{}, graph.Window{Limit: 10})
	if err != nil || total != 0 {
		t.Fatalf("France: total %d err %v", total, err)
	}
}

func TestSearchFoldsAccentsAndStems(t *testing.T) {
	db.Reset(t)
	load(t, seed(t))
	ctx := context.Background()
	for _, q := range []string{"Krakow", "kraków", "Integrationskurs", "eltern"} {
		hits, total, err := db.Store.Search(ctx, q, nil, false, graph.Window{Limit: 10})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if total == 0 || len(hits) == 0 {
			t.Errorf("%q found nothing", q)
		}
	}
	if _, _, err := db.Store.Search(ctx, "  ", nil, false, graph.Window{Limit: 10}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("blank query: %v", err)
	}
	// Lucene syntax in user input is escaped, not parsed
	if _, _, err := db.Store.Search(ctx, `title:(x OR "y`, nil, false, graph.Window{Limit: 10}); err != nil {
		t.Errorf("special characters: %v", err)
	}
	// a word's beginning finds it only as a prefix (type-ahead), accents folded
	for _, q := range []string{"Kra", "krak"} {
		if _, total, err := db.Store.Search(ctx, q, nil, false, graph.Window{Limit: 10}); err != nil || total != 0 {
			t.Errorf("%q as a whole word: total %d, err %v; want nothing", q, total, err)
		}
		hits, _, err := db.Store.Search(ctx, q, nil, true, graph.Window{Limit: 10})
		if err != nil || len(hits) == 0 {
			t.Fatalf("%q as a prefix: %d hits, err %v", q, len(hits), err)
		}
		found := false
		for _, h := range hits {
			found = found || h.Node.NodeID() == "organisation:a"
		}
		if !found {
			t.Errorf("%q as a prefix: the organisation in Kraków is not among %d hits", q, len(hits))
		}
	}
	// only the last word is a prefix, and a wildcard in the input stays text
	if _, total, _ := db.Store.Search(ctx, "Kra*", nil, true, graph.Window{Limit: 10}); total != 0 {
		t.Errorf("a typed wildcard was parsed: %d hits", total)
	}
}
