package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"ewsi/graph"
)

// DemoContributions writes deterministic demo contributors and contributions,
// marked demo: people contributors, each with perPerson contributions spread over
// the kinds, the countries given and the states draft, submitted, rejected and
// withdrawn (published ones would need their nodes; demo ones have none). The
// same seed writes the same nodes; writing again changes nothing. It is for
// benchmarks and demos; RemoveContributions(demo) takes them away.
func (s *Store) DemoContributions(ctx context.Context, seed uint64, people, perPerson int, countries []string) error {
	if len(countries) == 0 {
		return graph.Errorf(graph.EINVALID, "countries", "give at least one country")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	kinds := graph.ContributionKinds()
	states := []graph.ContributionState{graph.StateSubmitted, graph.StateSubmitted, graph.StateDraft, graph.StateRejected, graph.StateWithdrawn}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var rows []map[string]any
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := s.write(ctx, stmt{cypher: `
UNWIND $rows AS r
MERGE (p:Person {id: r.person}) ON CREATE SET p.name = r.name, p.demo = true
MERGE (c:Contribution {id: r.id})
SET c += r.props, c.person = r.person, c.status = $status, c.demo = true
MERGE (p)-[:SUBMITTED]->(c)
MERGE (c)-[:HAS_REVISION]->(v:ContributionRevision {key: r.id + '#1'})
SET v.number = 1, v.at = r.props.createdAt, v.by = r.person, v.changes = r.changes`,
			params: map[string]any{"rows": rows, "status": contributionStatus}})
		rows = rows[:0]
		return err
	}
	for i := 0; i < people; i++ {
		person := fmt.Sprintf("person:demo-contributor-%05d", i)
		for j := 0; j < perPerson; j++ {
			kind := kinds[rng.IntN(len(kinds))]
			state := states[rng.IntN(len(states))]
			country := countries[rng.IntN(len(countries))]
			at := base.Add(time.Duration(rng.IntN(300*24)) * time.Hour)
			in := graph.ContributionInput{Lang: "en", Title: fmt.Sprintf("Demo %s %d of contributor %d", kind, j, i),
				Summary: "Generated demo contribution.", Country: country}
			if kind == graph.ContribLink || kind == graph.ContribDocument || kind == graph.ContribNews || kind == graph.ContribFunding {
				in.URL = "https://demo.example/" + fmt.Sprint(i, "-", j)
			}
			b, _ := json.Marshal(in)
			ch, _ := json.Marshal(graph.Diff(nil, &in))
			props := map[string]any{"kind": string(kind), "state": string(state), "lang": "en", "title": in.Title,
				"normTitle": graph.NormalizedTitle(in.Title), "country": country, "fields": string(b), "revision": 1,
				"createdAt": at, "updatedAt": at.Add(time.Hour), "duplicates": "[]"}
			if state != graph.StateDraft {
				props["submittedAt"] = at.Add(time.Hour)
			}
			if state == graph.StateRejected {
				props["reason"] = "Demo rejection."
			}
			rows = append(rows, map[string]any{"id": fmt.Sprintf("contribution:demo-%05d-%02d", i, j), "person": person,
				"name": fmt.Sprintf("Demo contributor %d", i), "props": props, "changes": string(ch)})
			if len(rows) == 2000 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// RemoveContributions deletes contributions (only demo ones when demo is true),
// their revisions and the nodes they were published as, in batches of their
// own transactions (as DeleteAll does), so that any number fits in memory.
func (s *Store) RemoveContributions(ctx context.Context, demo bool) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	s.roundTrips.Add(1)
	res, err := sess.Run(ctx, `
MATCH (c:Contribution) WHERE NOT $demo OR c.demo
CALL { WITH c
  OPTIONAL MATCH (c)-[:BECAME]->(n)
  OPTIONAL MATCH (c)-[:HAS_REVISION]->(v)
  DETACH DELETE n, v, c } IN TRANSACTIONS OF 500 ROWS`, map[string]any{"demo": demo})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return translate(ctx, err)
	}
	_, err = s.write(ctx, bumpVersion)
	return err
}
