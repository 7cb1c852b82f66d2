package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"ewsi/graph"
)

// DecideContribution records a decision and, for PUBLISH, writes the node in
// the same transaction through the plan of Write.
func (s *Store) DecideContribution(ctx context.Context, d graph.Decide) (*graph.Contribution, error) {
	now := time.Now().UTC()
	_, err := s.inTx(ctx, func(run txRun) (any, error) {
		st, err := readStored(run, d.ID)
		if err != nil {
			return nil, err
		}
		if !st.found {
			return nil, graph.Errorf(graph.ENOTFOUND, "id", "no contribution %q", d.ID)
		}
		if st.state != graph.StateSubmitted {
			if st.lastBy == d.By && st.lastDec == string(d.Decision) && st.lastRev == st.revision {
				return nil, nil // the same decision again
			}
			return nil, graph.Errorf(graph.ECONFLICT, "id", "this contribution is %s; only a submitted one waits for a decision", st.state)
		}
		met, err := graph.CheckDecision(st.kind, d.Decision, d.CriteriaMet, d.Reason)
		if err != nil {
			return nil, err
		}
		crit := make([]string, len(met))
		for i, c := range met {
			crit[i] = string(c)
		}
		p := map[string]any{"id": d.ID, "by": d.By, "now": now, "decision": string(d.Decision), "criteria": crit,
			"reason": nullable(strings.TrimSpace(d.Reason)), "rev": st.revision}
		if _, err := run(`
MERGE (m:Person {id: $by})
WITH m MATCH (c:Contribution {id: $id})
CREATE (m)-[:REVIEWED {at: $now, decision: $decision, criteria: $criteria, reason: $reason, revision: $rev}]->(c)`, p); err != nil {
			return nil, err
		}
		if d.Decision == graph.DecisionReject {
			state := graph.StateRejected
			if st.pending { // a revision of a published item: the item stays as it was
				state = graph.StatePublished
			}
			p["state"] = string(state)
			_, err := run(`MATCH (c:Contribution {id: $id}) SET c.state = $state, c.pending = false, c.reason = $reason, c.updatedAt = $now`, p)
			return nil, err
		}
		return nil, s.publish(ctx, run, st, d.ID, now)
	})
	if err != nil {
		return nil, err
	}
	return s.Contribution(ctx, d.ID)
}

// publish writes the node of a contribution (new, or its published node updated)
// and credits the contributor.
func (s *Store) publish(ctx context.Context, run txRun, st *stored, id string, now time.Time) error {
	nodeID := st.node
	if nodeID == "" {
		_, local, _ := strings.Cut(id, ":")
		nodeID = graph.ID(st.kind.NodeKind(), "c-"+local)
	}
	rec, err := st.fields.Record(st.kind, nodeID, st.demo)
	if err != nil {
		return err
	}
	rows, err := run(fmt.Sprintf("MATCH (n:%s {id: $id}) RETURN coalesce(n.hash, '') AS hash", st.kind.NodeKind()), map[string]any{"id": nodeID})
	if err != nil {
		return err
	}
	hashes := map[string]string{}
	if len(rows) > 0 {
		hashes[nodeID] = str(rows[0]["hash"])
	}
	recs := []graph.Record{rec}
	for _, x := range plan(recs, recs, hashes).stmts() {
		if _, err := run(keepPlan+x.cypher, x.params); err != nil {
			return err
		}
	}
	_, err = run(fmt.Sprintf(`
MATCH (c:Contribution {id: $id}), (n:%s {id: $node})
MERGE (c)-[:BECAME]->(n)
WITH c, n
MATCH (p:Person {id: c.person})
MERGE (n)-[:CONTRIBUTED_BY]->(p)
SET c.state = 'published', c.pending = false, c.reason = null, c.node = $node, c.updatedAt = $now,
    c.publishedAt = coalesce(c.publishedAt, $now), n.contributed = true`, st.kind.NodeKind()),
		map[string]any{"id": id, "node": nodeID, "now": now})
	return err
}

// findDuplicates looks for what a contribution may repeat: contributions and
// published nodes of its kind with the same normalised title and organisation,
// and published nodes whose text holds every word of its title. It returns
// them as JSON, for the moderator.
func findDuplicates(run txRun, id string, kind graph.ContributionKind, in *graph.ContributionInput) (string, error) {
	nt := graph.NormalizedTitle(in.Title)
	org := ""
	if in.Organisation != "" {
		org = graph.ID(graph.KindOrganisation, in.Organisation)
	}
	var out []*graph.PossibleDuplicate
	seen := map[string]bool{}
	add := func(id, title string, r graph.DuplicateReason) {
		if !seen[id] && len(out) < 10 {
			seen[id] = true
			out = append(out, &graph.PossibleDuplicate{ID: id, Title: title, Reason: r})
		}
	}
	if nt != "" {
		rows, err := run(`
MATCH (o:Contribution {normTitle: $nt})
WHERE o.id <> $id AND o.kind = $kind AND coalesce(o.organisation, '') = $org AND o.state IN ['submitted', 'published']
RETURN coalesce(o.node, o.id) AS id, o.title AS title ORDER BY o.createdAt LIMIT 10`,
			map[string]any{"nt": nt, "id": id, "kind": string(kind), "org": org})
		if err != nil {
			return "", err
		}
		for _, r := range rows {
			add(str(r["id"]), str(r["title"]), graph.DupSameTitle)
		}
	}
	self := ""
	rows, err := run(`OPTIONAL MATCH (c:Contribution {id: $id}) RETURN c.node AS node`, map[string]any{"id": id})
	if err != nil {
		return "", err
	}
	self = str(rows[0]["node"])
	var terms []string
	for _, w := range strings.Fields(nt) {
		if q, err := graph.FullTextQuery(w, false, "title"); err == nil && len(terms) < 20 {
			terms = append(terms, q)
		}
	}
	if len(terms) > 0 {
		rows, err := run(`
CALL db.index.fulltext.queryNodes('content_folding', $q) YIELD node, score
WITH node AS n, score WHERE labels(n)[0] = $label AND coalesce(n.status, 'published') = 'published' AND n.id <> $self
WITH n, score ORDER BY score DESC LIMIT 20
RETURN n.id AS id, coalesce(n.title, n.name) AS title,
       head([(n)<-[:IMPLEMENTS]-(o) | o.id] + [(n)-[:PUBLISHED_BY]->(o) | o.id]) AS org`,
			map[string]any{"q": strings.Join(terms, " OR "), "label": string(kind.NodeKind()), "self": self})
		if err != nil {
			return "", err
		}
		for _, r := range rows {
			if graph.NormalizedTitle(str(r["title"])) == nt && (org == "" || str(r["org"]) == org) {
				add(str(r["id"]), str(r["title"]), graph.DupSameTitle)
			}
		}
		for _, r := range rows {
			if titleOverlap(nt, graph.NormalizedTitle(str(r["title"]))) >= 0.6 {
				add(str(r["id"]), str(r["title"]), graph.DupSimilarText)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *graph.PossibleDuplicate) int { return strings.Compare(string(a.Reason), string(b.Reason)) })
	b, _ := json.Marshal(out)
	return string(b), nil
}

// titleOverlap is the share of words two normalised titles have in common, over
// the longer one's words.
func titleOverlap(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			common++
		}
	}
	return float64(common) / float64(max(len(wa), len(wb)))
}
