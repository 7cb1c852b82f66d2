package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
	"ewsi/ingest/demo"
)

func TestDemoPartnerRequests(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s, today := context.Background(), db.Store, graph.Today()
	n, err := demo.LoadPartnerRequests(ctx, s, 1, 60, today)
	if err != nil || n != 60 {
		t.Fatalf("loaded %d demo requests: %v", n, err)
	}
	if got := countRows(t, "MATCH (r:PartnerRequest {demo: true}) WHERE r.manageKeyHash IS NULL RETURN count(r) AS c"); got != 60 {
		t.Errorf("%d keyless demo requests stored, want 60", got)
	}
	if got := countRows(t, "MATCH (r:PartnerRequest) WHERE NOT EXISTS { (r)-[:POSTED_BY]->(:Organisation) } OR NOT EXISTS { (r)-[:ABOUT]->() } RETURN count(r) AS c"); got != 0 {
		t.Errorf("%d demo requests without a poster or a topic", got)
	}
	rels := countRows(t, "MATCH (:PartnerRequest)-[x]-() RETURN count(x) AS c")
	if again, err := demo.LoadPartnerRequests(ctx, s, 1, 60, today); err != nil || again != 0 {
		t.Errorf("a second load wrote %d requests (%v), want none", again, err)
	}
	pool, err := s.DemoPool(ctx, 5000)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteDemoRequests(ctx, demo.PartnerRequests(1, pool, 60, today)); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, "MATCH (:PartnerRequest)-[x]-() RETURN count(x) AS c"); got != rels || countRows(t, "MATCH (r:PartnerRequest) RETURN count(r) AS c") != 60 {
		t.Errorf("writing the same demo requests again changed the graph: %d relationships, was %d", got, rels)
	}
	demoOnly := true
	rs, total, err := s.Board(ctx, graph.BoardFilter{Demo: &demoOnly}, graph.BoardClosingSoon, graph.Window{Limit: 100}, today)
	if err != nil || total == 0 || total != len(rs) {
		t.Fatalf("board of demo requests: %d of %d, %v", len(rs), total, err)
	}
	for i, r := range rs {
		if !r.Demo || r.Status != graph.RequestOpen || r.Closes.Before(today) {
			t.Errorf("open board shows %+v", r)
		}
		if i > 0 && r.Closes.Before(rs[i-1].Closes) {
			t.Errorf("closing soonest first: %s after %s", r.Closes, rs[i-1].Closes)
		}
	}
	_, _, err = s.Manage(ctx, rs[0].ID, "", today)
	wantCode(t, "managing a demo request", err, graph.EFORBIDDEN, "manageKey")
	_, _, _, err = s.Reply(ctx, replyInput(rs[0].ID, "organisation:ngo-lyon", "rita@ngo.example"), "idem-demo-reply", today)
	wantCode(t, "replying to a demo request", err, graph.ECONFLICT, "demo")
}
