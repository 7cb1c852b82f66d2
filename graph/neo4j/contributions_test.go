package neo4j_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

func practiceInput() graph.ContributionInput {
	lat, lon := 45.76, 4.84
	start, _ := graph.ParseDate("2022-09-01")
	return graph.ContributionInput{Lang: "fr", Title: "Cafés de langue pour les parents",
		Summary: "Des **cafés de langue** pour les parents, à l'école. Voir [le site](https://cafes.example/).",
		Country: "fr", Themes: []string{"Education-Culture"}, Organisation: "organisation:seeker", Lat: &lat, Lon: &lon,
		Challenge: "Parents who arrive do not speak French.", StartDate: &start, Stage: "ongoing"}
}

var allPracticeCriteria = graph.CriteriaOf(graph.ContribPractice)

func submit(t *testing.T, person, key string, k graph.ContributionKind, in graph.ContributionInput) (*graph.Contribution, bool) {
	t.Helper()
	c, created, err := db.Store.SaveContribution(context.Background(),
		graph.SaveContribution{Person: person, Kind: k, Input: in, Key: key, Submit: true}, graph.DefaultSubmissionLimit)
	if err != nil {
		t.Fatalf("submit %s: %v", key, err)
	}
	return c, created
}

func queueIDs(t *testing.T, country string) []string {
	t.Helper()
	cs, total, err := db.Store.ModerationQueue(context.Background(), graph.ModerationFilter{Country: country}, graph.Window{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(cs) {
		t.Errorf("queue %q: total %d, %d listed", country, total, len(cs))
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestContributionLifecycle(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s := context.Background(), db.Store
	c, created := submit(t, "person:alice", "idem-contrib-1", graph.ContribPractice, practiceInput())
	if !created || c.State != graph.StateSubmitted || c.Kind != graph.ContribPractice || c.Contributor != "person:alice" ||
		c.Country == nil || *c.Country != "FR" || c.Fields.Themes[0] != "education-culture" {
		t.Fatalf("submitted: %+v", c)
	}
	if len(c.Revisions) != 1 || c.Revisions[0].By != "person:alice" || len(c.Revisions[0].Changes) < 5 {
		t.Errorf("first revision: %+v", c.Revisions)
	}
	again, created := submit(t, "person:alice", "idem-contrib-1", graph.ContribPractice, practiceInput())
	if created || again.ID != c.ID || len(again.Revisions) != 1 {
		t.Errorf("repeated submission: created %v, %s (want %s), %d revisions", created, again.ID, c.ID, len(again.Revisions))
	}
	if n := countRows(t, "MATCH (c:Contribution) RETURN count(c) AS c"); n != 1 {
		t.Errorf("%d contributions after a repeat, want 1", n)
	}
	other := practiceInput()
	other.Title = "Something else"
	_, _, err := s.SaveContribution(ctx, graph.SaveContribution{Person: "person:alice", Kind: graph.ContribPractice, Input: other,
		Key: "idem-contrib-1", Submit: true}, graph.DefaultSubmissionLimit)
	wantCode(t, "reused key", err, graph.ECONFLICT, "idempotencyKey")

	// before publication nothing of it is public
	if n := countRows(t, "MATCH (p:Practice) WHERE p.title STARTS WITH 'Cafés de langue' RETURN count(p) AS c"); n != 0 {
		t.Errorf("%d practices before publication, want 0", n)
	}
	if hits, _, err := s.Search(ctx, "Cafés langue parents", nil, false, graph.Window{Limit: 10}); err != nil || len(hits) != 0 {
		t.Errorf("search before publication: %v %v", hits, err)
	}
	if q := queueIDs(t, "FR"); !slices.Equal(q, []string{c.ID}) {
		t.Errorf("FR queue %v, want [%s]", q, c.ID)
	}
	if q := queueIDs(t, "PL"); len(q) != 0 {
		t.Errorf("PL queue %v, want none", q)
	}
	if q := queueIDs(t, ""); !slices.Equal(q, []string{c.ID}) {
		t.Errorf("global queue %v", q)
	}

	_, err = s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:coord", Decision: graph.DecisionPublish, CriteriaMet: allPracticeCriteria[:4]})
	wantCode(t, "a criterion missing", err, graph.EINVALID, "criteriaMet")
	pub, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:coord", Decision: graph.DecisionPublish, CriteriaMet: allPracticeCriteria})
	if err != nil || pub.State != graph.StatePublished || pub.PublishedID == "" || len(pub.Reviews) != 1 {
		t.Fatalf("publish: %+v %v", pub, err)
	}
	if r := pub.Reviews[0]; r.By != "person:coord" || r.Decision != graph.DecisionPublish || len(r.CriteriaMet) != 5 || r.Revision != 1 {
		t.Errorf("review: %+v", r)
	}
	if _, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:coord", Decision: graph.DecisionPublish, CriteriaMet: allPracticeCriteria}); err != nil {
		t.Errorf("the same decision again: %v", err)
	}
	_, err = s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:other", Decision: graph.DecisionReject, Reason: "late"})
	wantCode(t, "deciding a published one", err, graph.ECONFLICT, "published")

	nodes, err := s.Nodes(ctx, []string{pub.PublishedID})
	p, ok := nodes[pub.PublishedID].(*graph.Practice)
	if err != nil || !ok || p.Status != graph.StatusPublished || p.Title != "Cafés de langue pour les parents" || p.Location == nil {
		t.Fatalf("published node %s: %+v %v", pub.PublishedID, nodes, err)
	}
	if n := countRows(t, `MATCH (:Practice {id: '`+pub.PublishedID+`'})-[:CONTRIBUTED_BY]->(:Person {id: 'person:alice'}) RETURN count(*) AS c`); n != 1 {
		t.Errorf("CONTRIBUTED_BY: %d, want 1", n)
	}
	if n := countRows(t, `MATCH (:Organisation {id: 'organisation:seeker'})-[:IMPLEMENTS]->(:Practice {id: '`+pub.PublishedID+`'})-[:ABOUT]->(:Theme {id: 'theme:education-culture'}) RETURN count(*) AS c`); n != 1 {
		t.Errorf("implementer and theme links: %d, want 1", n)
	}
	pts, err := s.Points(ctx, orb.Bound{Min: orb.Point{4, 45}, Max: orb.Point{5, 46}}, []graph.Kind{graph.KindPractice}, graph.Filter{})
	if err != nil || !slices.ContainsFunc(pts, func(p graph.Point) bool { return p.ID == pub.PublishedID }) {
		t.Errorf("map points: %v %v", pts, err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	hits, _, err := s.Search(ctx, "Cafés langue parents", []graph.Kind{graph.KindPractice}, false, graph.Window{Limit: 10})
	if err != nil || len(hits) != 1 || hits[0].Node.NodeID() != pub.PublishedID {
		t.Errorf("search after publication: %v %v", hits, err)
	}
	if q := queueIDs(t, "FR"); len(q) != 0 {
		t.Errorf("FR queue after the decision: %v", q)
	}

	// a revision of the published item goes through review; the site keeps the old text
	rev := practiceInput()
	rev.Summary = "Des cafés de langue, deux fois par semaine."
	r, err := s.ReviseContribution(ctx, c.ID, "person:alice", rev)
	if err != nil || r.State != graph.StateSubmitted || !r.PendingRevision || len(r.Revisions) != 2 {
		t.Fatalf("revise: %+v %v", r, err)
	}
	ch := r.Revisions[1].Changes
	if len(ch) != 1 || ch[0].Field != "summary" || ch[0].Before == nil || *ch[0].Before != practiceInput().Summary || *ch[0].After != rev.Summary {
		t.Errorf("revision changes: %+v", ch)
	}
	if _, err := s.ReviseContribution(ctx, c.ID, "person:mallory", rev); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("someone else revises: %v", err)
	}
	same, err := s.ReviseContribution(ctx, c.ID, "person:alice", rev)
	if err != nil || len(same.Revisions) != 2 {
		t.Errorf("the same revision again: %d revisions, %v", len(same.Revisions), err)
	}
	nodes, _ = s.Nodes(ctx, []string{pub.PublishedID})
	if got := nodes[pub.PublishedID].(*graph.Practice).Summary; got != practiceInput().Summary {
		t.Errorf("the site shows %q before the revision is published", got)
	}
	_, err = s.WithdrawContribution(ctx, c.ID, "person:alice")
	wantCode(t, "withdraw a published one", err, graph.ECONFLICT, "published")
	rej, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:editor", Decision: graph.DecisionReject, Reason: "The old text was clearer."})
	if err != nil || rej.State != graph.StatePublished || rej.PendingRevision || rej.Reason == nil || len(rej.Reviews) != 2 {
		t.Fatalf("reject the revision: %+v %v", rej, err)
	}
	rev.Summary = "Des cafés de langue, trois fois par semaine."
	if _, err := s.ReviseContribution(ctx, c.ID, "person:alice", rev); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:editor", Decision: graph.DecisionPublish, CriteriaMet: allPracticeCriteria}); err != nil {
		t.Fatal(err)
	}
	nodes, _ = s.Nodes(ctx, []string{pub.PublishedID})
	if got := nodes[pub.PublishedID].(*graph.Practice).Summary; got != rev.Summary {
		t.Errorf("after the revision is published the site shows %q", got)
	}
	if n := countRows(t, "MATCH (p:Practice) WHERE p.title STARTS WITH 'Cafés de langue' RETURN count(p) AS c"); n != 1 {
		t.Errorf("%d practices after a revision, want 1", n)
	}

	rep, err := s.ContributorsReport(ctx, time.Now().UTC().Year())
	if err != nil || rep.Total != 1 || len(rep.ByKind) != 1 || rep.ByKind[0].Key != "PRACTICE" || rep.ByCountry[0].Key != "FR" ||
		len(rep.Contributors) != 1 || rep.Contributors[0].Name != nil {
		t.Errorf("report: %+v %v", rep, err)
	}
	if rep, _ := s.ContributorsReport(ctx, 2001); rep.Total != 0 {
		t.Errorf("2001 report: %+v", rep)
	}
}

func TestContributionRejectDraftWithdraw(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s := context.Background(), db.Store
	day, _ := graph.ParseDate("2026-03-01")
	news := graph.ContributionInput{Lang: "en", Title: "New language courses in Kraków", Date: &day, URL: "https://news.example/1", Country: "PL"}
	c, _ := submit(t, "person:bob", "idem-news-1", graph.ContribNews, news)
	_, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:mod", Decision: graph.DecisionReject})
	wantCode(t, "reject without a reason", err, graph.EINVALID, "reason")
	r, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:mod", Decision: graph.DecisionReject, Reason: "Not about integration."})
	if err != nil || r.State != graph.StateRejected || r.Reason == nil || *r.Reason != "Not about integration." || r.PublishedID != "" {
		t.Fatalf("reject: %+v %v", r, err)
	}
	if n := countRows(t, "MATCH (n:News) WHERE n.title = 'New language courses in Kraków' RETURN count(n) AS c"); n != 0 {
		t.Errorf("a rejected item made %d nodes", n)
	}

	// a draft may miss required fields, a submission may not
	d, created, err := s.SaveContribution(ctx, graph.SaveContribution{Person: "person:bob", Kind: graph.ContribEvent,
		Input: graph.ContributionInput{Lang: "en"}, Key: "idem-draft-1"}, graph.DefaultSubmissionLimit)
	if err != nil || !created || d.State != graph.StateDraft {
		t.Fatalf("draft: %+v %v", d, err)
	}
	if q := queueIDs(t, ""); slices.Contains(q, d.ID) {
		t.Error("a draft is in the queue")
	}
	_, _, err = s.SaveContribution(ctx, graph.SaveContribution{Person: "person:bob", Kind: graph.ContribEvent,
		Input: graph.ContributionInput{Lang: "en"}, Key: "idem-draft-1", Submit: true}, graph.DefaultSubmissionLimit)
	wantCode(t, "submit without a title", err, graph.EINVALID, "input.title")
	w, err := s.WithdrawContribution(ctx, d.ID, "person:bob")
	if err != nil || w.State != graph.StateWithdrawn {
		t.Errorf("withdraw: %+v %v", w, err)
	}
	mine, total, err := s.MyContributions(ctx, "person:bob", graph.Window{Limit: 10})
	if err != nil || total != 2 || mine[0].ID != d.ID || mine[1].ID != c.ID {
		t.Errorf("bob's contributions: %d %v", total, err)
	}
	if _, total, _ := s.MyContributions(ctx, "person:alice", graph.Window{Limit: 10}); total != 0 {
		t.Errorf("alice has %d", total)
	}
}

func TestContributionDuplicates(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s := context.Background(), db.Store
	c, _ := submit(t, "person:alice", "idem-dup-1", graph.ContribPractice, practiceInput())
	if len(c.Duplicates) != 0 {
		t.Errorf("first one has duplicates: %+v", c.Duplicates)
	}
	same := practiceInput()
	same.Title = "CAFÉS de langue, pour les parents!"
	d, _ := submit(t, "person:bob", "idem-dup-2", graph.ContribPractice, same)
	if len(d.Duplicates) != 1 || d.Duplicates[0].ID != c.ID || d.Duplicates[0].Reason != graph.DupSameTitle {
		t.Errorf("same title and organisation: %+v", d.Duplicates)
	}
	if _, err := s.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:ed", Decision: graph.DecisionPublish, CriteriaMet: allPracticeCriteria}); err != nil {
		t.Fatal(err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	near := practiceInput()
	near.Title = "Cafés de langue pour les parents à Lyon"
	near.Organisation = "organisation:ngo-lyon"
	e, _ := submit(t, "person:carol", "idem-dup-3", graph.ContribPractice, near)
	pub, _ := s.Contribution(ctx, c.ID)
	if !slices.ContainsFunc(e.Duplicates, func(x *graph.PossibleDuplicate) bool {
		return x.ID == pub.PublishedID && x.Reason == graph.DupSimilarText
	}) {
		t.Errorf("close text match: %+v (published %s)", e.Duplicates, pub.PublishedID)
	}
	other := practiceInput()
	other.Title = "Football for newcomers"
	f, _ := submit(t, "person:carol", "idem-dup-4", graph.ContribPractice, other)
	if len(f.Duplicates) != 0 {
		t.Errorf("an unrelated one: %+v", f.Duplicates)
	}
}

func TestContributionValidation(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	lat := 45.0
	bad := func(f func(*graph.ContributionInput)) graph.ContributionInput {
		in := practiceInput()
		f(&in)
		return in
	}
	end, _ := graph.ParseDate("2020-01-01")
	for _, c := range []struct {
		name  string
		kind  graph.ContributionKind
		in    graph.ContributionInput
		code  string
		where string
	}{
		{"ftp website", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Website = "ftp://x.example" }), graph.EINVALID, "input.website: \"ftp://x.example\" is not an http(s) address"},
		{"end before start", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.EndDate = &end }), graph.EINVALID, "input.endDate: 2020-01-01 is before startDate"},
		{"lat without lon", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Lon = nil }), graph.EINVALID, "input.lat: lat and lon go together"},
		{"lat out of range", graph.ContribPractice, bad(func(in *graph.ContributionInput) { lat = 95; in.Lat = &lat }), graph.EINVALID, "input.lat: 95 is out of range"},
		{"field of another kind", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Programme = "AMIF" }), graph.EINVALID, "input.programme: is not a field of a practice"},
		{"no themes", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Themes = nil }), graph.EINVALID, "input.themes: is required"},
		{"unknown theme", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Themes = []string{"cooking"} }), graph.ENOTFOUND, "input.themes"},
		{"unknown organisation", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Organisation = "organisation:nope" }), graph.ENOTFOUND, "input.organisation"},
		{"country code", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Country = "France" }), graph.EINVALID, "input.country"},
		{"javascript link in markdown", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Summary = "[x](javascript:alert(1))" }), graph.EINVALID, "input.summary"},
		{"language", graph.ContribPractice, bad(func(in *graph.ContributionInput) { in.Lang = "xx" }), graph.EINVALID, "input.lang"},
		{"link without url", graph.ContribLink, graph.ContributionInput{Lang: "en", Title: "A guide"}, graph.EINVALID, "input.url"},
		{"organisation languages", graph.ContribOrganisation, graph.ContributionInput{Lang: "en", Title: "Org", Country: "FR", Languages: []string{"French"}}, graph.EINVALID, "input.languages"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := db.Store.SaveContribution(ctx, graph.SaveContribution{Person: "person:val", Kind: c.kind, Input: c.in,
				Key: "idem-val-" + c.name, Submit: true}, graph.DefaultSubmissionLimit)
			wantCode(t, c.name, err, c.code, c.where)
		})
	}
	if n := countRows(t, "MATCH (c:Contribution) RETURN count(c) AS c"); n != 0 {
		t.Errorf("%d contributions stored from bad input", n)
	}
}

func TestContributionRateLimit(t *testing.T) {
	db.LoadPartnerSynth(t)
	lim := graph.SubmissionLimit{Max: 2, Per: time.Hour}
	for i, key := range []string{"idem-rate-1", "idem-rate-2", "idem-rate-3"} {
		in := practiceInput()
		in.Title = key
		_, _, err := db.Store.SaveContribution(context.Background(), graph.SaveContribution{Person: "person:busy", Kind: graph.ContribPractice,
			Input: in, Key: key, Submit: true}, lim)
		if i < 2 && err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if i == 2 {
			wantCode(t, "third in an hour", err, graph.ERATELIMITED, "at most 2")
		}
	}
	in := practiceInput()
	in.Title = "other person"
	if _, _, err := db.Store.SaveContribution(context.Background(), graph.SaveContribution{Person: "person:calm", Kind: graph.ContribPractice,
		Input: in, Key: "idem-rate-4", Submit: true}, lim); err != nil {
		t.Errorf("another person: %v", err)
	}
}
