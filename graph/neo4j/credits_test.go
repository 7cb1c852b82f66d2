package neo4j_test

import (
	"context"
	"testing"
	"time"

	"ewsi/auth/authtest"
	"ewsi/graph"
	"ewsi/ingest"
)

// TestCreditOf: a practice credits its contributor by name only while they
// share their details; after they delete their account it credits a former
// member; content that came from no contribution has no credit.
func TestCreditOf(t *testing.T) {
	ctx, s, now := context.Background(), db.Store, time.Now()
	shared := authtest.Account(t, s, "credit.shared@credits-test.example", nil, nil)
	private := authtest.Account(t, s, "credit.private@credits-test.example", nil, nil)
	yes := true
	if err := s.UpdateProfile(ctx, shared, graph.ProfilePatch{ShareDetails: &yes}, now); err != nil {
		t.Fatal(err)
	}
	practice := func(id, by string) graph.Record {
		r := graph.Record{Node: &graph.Practice{Meta: graph.Meta{ID: id, Status: graph.StatusPublished}, Title: "Credited " + id, Lang: "fr"}, Source: id}
		if by != "" {
			r.Links = []graph.Link{{Type: graph.RelContributedBy, To: by}}
		}
		return r
	}
	if err := db.Load(ingest.Records{Label: "credits", Recs: []graph.Record{
		practice("practice:credit-shared", shared), practice("practice:credit-private", private), practice("practice:credit-none", ""),
	}}); err != nil {
		t.Fatal(err)
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	check := func(name, id string, want *graph.Credit) {
		t.Helper()
		got, err := s.CreditOf(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if (got == nil) != (want == nil) {
			t.Fatalf("%s: got %+v, want %+v", name, got, want)
		}
		if got != nil && (got.PersonID != want.PersonID || str(got.Name) != str(want.Name) || got.FormerMember != want.FormerMember) {
			t.Errorf("%s: got {%s %s former=%v}, want {%s %s former=%v}", name, got.PersonID, str(got.Name), got.FormerMember,
				want.PersonID, str(want.Name), want.FormerMember)
		}
	}
	sharedName := "credit.shared"
	check("shared", "practice:credit-shared", &graph.Credit{PersonID: shared, Name: &sharedName})
	check("not shared", "practice:credit-private", &graph.Credit{})
	check("no contribution", "practice:credit-none", nil)
	// a page's credits in one call: the same answers, nothing for the rest
	batch, err := s.CreditsOf(ctx, []string{"practice:credit-shared", "practice:credit-private", "practice:credit-none", "document:credit-unknown", "not an id"})
	if err != nil {
		t.Fatal(err)
	}
	if len(batch) != 2 || batch["practice:credit-shared"] == nil || str(batch["practice:credit-shared"].Name) != sharedName ||
		batch["practice:credit-private"] == nil || batch["practice:credit-private"].Name != nil {
		t.Errorf("CreditsOf: %+v", batch)
	}
	if err := s.DeleteAccount(ctx, shared, now); err != nil {
		t.Fatal(err)
	}
	check("deleted", "practice:credit-shared", &graph.Credit{FormerMember: true})
}
