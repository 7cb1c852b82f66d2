package server_test

import (
	"context"
	"fmt"
	"sync"

	"ewsi/graph"
)

// contributionRoleRows are the role table's rows of contributions. The rows
// that concern one contribution run on a French news item submitted by the
// fixture's target person, so that only the coordinator of France among the
// coordinators may read and decide it, and nobody but its contributor (not an
// actor kind of the table) may revise or withdraw it.
func contributionRoleRows() map[string]roleRow {
	var once sync.Once
	var id string
	contribution := func(f *roleFixture) map[string]any {
		once.Do(func() {
			day, _ := graph.ParseDate("2026-03-01")
			c, _, err := db.Store.SaveContribution(context.Background(), graph.SaveContribution{Person: f.Target, Kind: graph.ContribNews,
				Input: graph.ContributionInput{Lang: "en", Title: "Role table news", Date: &day, Country: "FR"},
				Key:   "role-table-contribution", Submit: true}, graph.DefaultSubmissionLimit)
			if err != nil {
				panic(fmt.Sprintf("role table: the contribution of the rows: %v", err))
			}
			id = c.ID
		})
		return map[string]any{"id": id}
	}
	moderators := []actorKind{asCoordinatorFR, asEditor, asModerator, asAdmin}
	bad := `kind: LINK, input: {lang: EN, programme: "not a field of a link"}, idempotencyKey: "role-table-key"`
	return map[string]roleRow{
		"Mutation.saveDraft":            {`mutation { saveDraft(` + bad + `) { created } }`, noVars, people},
		"Mutation.submitContribution":   {`mutation { submitContribution(` + bad + `) { created } }`, noVars, people},
		"Mutation.reviseContribution":   {`mutation($id: ID!) { reviseContribution(id: $id, input: {lang: EN}) { id } }`, contribution, nil},
		"Mutation.withdrawContribution": {`mutation($id: ID!) { withdrawContribution(id: $id) { id } }`, contribution, nil},
		"Mutation.decideContribution": {`mutation($id: ID!) { decideContribution(id: $id, decision: PUBLISH, criteriaMet: []) { id } }`,
			contribution, moderators},
		"Query.myContributions": {`{ myContributions(first: 5) { totalCount } }`, noVars, people},
		"Query.moderationQueue": {`{ moderationQueue(country: "FR", first: 5) { totalCount } }`, noVars, moderators},
		"Query.contribution":    {`query($id: ID!) { contribution(id: $id) { id } }`, contribution, moderators},
	}
}
