package rank_test

import (
	"context"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/graph/rank"
)

var db *neo4jtest.DB

func TestMain(m *testing.M) { neo4jtest.Main(m, &db) }

// newcomer is an organisation written after the projection was built: a
// civil-society organisation in Lyon on the seeker's subtheme, looking for partners.
func newcomer() []graph.Record {
	loc := orb.Point{4.83, 45.77}
	return []graph.Record{{
		Node: &graph.Organisation{Meta: graph.Meta{ID: "organisation:newcomer", Status: graph.StatusPublished}, Name: "Newcomer",
			Type: graph.OrgCivilSociety, Languages: []string{"fr"}, LookingForPartners: true, Location: &loc},
		Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}, {Type: graph.RelAbout, To: "theme:education-culture"},
			{Type: graph.RelAbout, To: "subtheme:language-competencies"}, {Type: graph.RelImplements, To: "practice:with-bridge"}},
	}}
}

func partnerIDs(t *testing.T, q graph.PartnerQuery) []string {
	t.Helper()
	got, _, err := db.Ranker.FindPartners(context.Background(), q, graph.Window{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(got))
	for i, m := range got {
		ids[i] = m.ID
	}
	return ids
}

// After a write the projection is rebuilt and the ranker agrees with the
// store's Cypher ranking again, the new organisation included.
func TestProjectionAgreesAfterWrite(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	before, err := db.Ranker.Cache.Fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Write(t, newcomer())
	after, err := db.Ranker.Cache.Fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Version == before.Version {
		t.Fatal("the projection was not rebuilt after a write")
	}
	if _, ok := after.Lookup("organisation:newcomer"); !ok {
		t.Fatal("the rebuilt projection does not hold the new organisation")
	}
	q := graph.PartnerQuery{Organisation: "organisation:seeker"}
	fast, total, err := db.Ranker.FindPartners(ctx, q, graph.Window{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	base, btotal, err := db.Store.FindPartners(ctx, q, graph.Window{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if total != btotal || len(fast) != len(base) {
		t.Fatalf("%d candidates, cypher %d", total, btotal)
	}
	for i := range fast {
		if fast[i].ID != base[i].ID || fast[i].Score != base[i].Score {
			t.Fatalf("#%d: %s %.4f, cypher %s %.4f", i, fast[i].ID, fast[i].Score, base[i].ID, base[i].Score)
		}
	}
	if !slices.ContainsFunc(fast, func(m graph.PartnerMatch) bool { return m.ID == "organisation:newcomer" }) {
		t.Error("the new organisation is not a candidate")
	}
	for _, id := range []string{"practice:with-bridge", "organisation:newcomer", "organisation:seeker"} {
		rel, err := db.Ranker.Related(ctx, id, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		brel, err := db.Store.Related(ctx, id, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(rel) != len(brel) {
			t.Fatalf("%s: %d related, cypher %d", id, len(rel), len(brel))
		}
		for i := range rel {
			if rel[i].ID != brel[i].ID || rel[i].Score != brel[i].Score {
				t.Errorf("%s #%d: %s %.4f, cypher %s %.4f", id, i, rel[i].ID, rel[i].Score, brel[i].ID, brel[i].Score)
			}
		}
	}
}

// While a rebuild runs, the previous projection keeps answering; when it ends,
// the new one answers.
func TestProjectionServesStaleWhileRebuilding(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	gate := make(chan struct{}, 2)
	c := &rank.Cache{Version: db.Store.GraphVersion, CheckEvery: 1,
		Load: func(ctx context.Context) (*rank.Projection, error) { <-gate; return db.Store.LoadProjection(ctx) }}
	gate <- struct{}{}
	old, err := c.Fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Write(t, newcomer())
	if got := c.Get(ctx); got != old {
		t.Fatal("Get did not answer with the previous projection while the graph changed")
	}
	if !c.Building() {
		t.Fatal("a write did not start a rebuild")
	}
	for i := 0; i < 3; i++ { // the build waits at the gate: every answer is the stale one
		if got := c.Get(ctx); got != old {
			t.Fatal("the stale projection stopped answering during the rebuild")
		}
	}
	if _, ok := old.Lookup("organisation:newcomer"); ok {
		t.Fatal("the stale projection holds the new organisation")
	}
	gate <- struct{}{}
	fresh, err := c.Fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fresh == old || fresh.Version == old.Version {
		t.Fatal("Fresh did not wait for the rebuild")
	}
	if _, ok := fresh.Lookup("organisation:newcomer"); !ok {
		t.Fatal("the rebuilt projection does not hold the new organisation")
	}
	if got := c.Get(ctx); got != fresh {
		t.Fatal("Get does not answer with the rebuilt projection")
	}
}

// Editors' links and dismissals are read live: they show at once, before the
// projection is rebuilt, and a node written after the build is still found.
func TestEditorLinksShowBeforeRebuild(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	proj, err := db.Ranker.Cache.Fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	from, to := "practice:with-bridge", "document:d000003"
	if _, _, err := db.Store.Link(ctx, from, to, graph.LinkRelated, "same project", "editor-anna"); err != nil {
		t.Fatal(err)
	}
	rel, err := db.Ranker.Related(ctx, from, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel) == 0 || rel[0].ID != to || rel[0].Reasons[0].Kind != graph.ReasonEditorLink {
		t.Fatalf("a new editor link does not show at once: %+v", rel)
	}
	if db.Ranker.Cache.Get(ctx) != proj {
		t.Fatal("the link was answered from another projection, not read live")
	}
	if _, err := db.Store.Unlink(ctx, from, to, graph.LinkRelated, "", "editor-anna"); err != nil {
		t.Fatal(err)
	}
	rel, err = db.Ranker.Related(ctx, from, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range rel {
		for _, r := range it.Reasons {
			if r.Kind == graph.ReasonEditorLink {
				t.Fatalf("an unlinked link still counts: %+v", it)
			}
		}
	}
	// a node the projection does not hold yet is answered all the same
	db.Write(t, newcomer())
	if got, err := db.Ranker.Related(ctx, "organisation:newcomer", nil, 5); err != nil || len(got) == 0 {
		t.Fatalf("related of a node written after the build: %v %v", got, err)
	}
	if ids := partnerIDs(t, graph.PartnerQuery{Organisation: "organisation:newcomer"}); len(ids) == 0 {
		t.Fatal("partners of an organisation written after the build: none")
	}
}
