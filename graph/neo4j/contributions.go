package neo4j

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"ewsi/graph"
)

var _ graph.Contributions = (*Store)(nil)

// Contributions are (:Contribution) nodes, with status 'contribution' so that
// every public path (which shows coalesce(n.status, 'published') = 'published')
// passes them by: (:Person)-[:SUBMITTED]->(c), (c)-[:HAS_REVISION]->(:ContributionRevision),
// (:Person)-[:REVIEWED {at, decision, criteria, reason, revision}]->(c), and once
// published (c)-[:BECAME]->(n)-[:CONTRIBUTED_BY]->(:Person).

// contributionStatus is the status of Contribution nodes: never 'published'.
const contributionStatus = "contribution"

// txRun runs one query of a transaction and returns its rows.
type txRun = func(cypher string, params map[string]any) ([]map[string]any, error)

// contributionID is the id of a person's contribution saved under key.
func contributionID(person, key string) string {
	return graph.IdempotentID("contribution:", person+"\x00"+key)
}

// stored is what a write reads of a contribution before changing it.
type stored struct {
	found     bool
	kind      graph.ContributionKind
	state     graph.ContributionState
	person    string
	pending   bool
	node      string
	revision  int
	fields    *graph.ContributionInput
	country   string
	demo      bool
	lastBy    string
	lastDec   string
	lastRev   int
	submitted *time.Time
}

func readStored(run txRun, id string) (*stored, error) {
	rows, err := run(`
OPTIONAL MATCH (c:Contribution {id: $id})
RETURN c IS NOT NULL AS found, c.kind AS kind, c.state AS state, c.person AS person, coalesce(c.pending, false) AS pending,
       c.node AS node, coalesce(c.revision, 0) AS revision, c.fields AS fields, c.country AS country,
       coalesce(c.demo, false) AS demo, c.submittedAt AS submittedAt,
       head(COLLECT { MATCH (m:Person)-[v:REVIEWED]->(c) RETURN [m.id, v.decision, v.revision] ORDER BY v.at DESC LIMIT 1 }) AS last`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	m := rows[0]
	st := &stored{found: m["found"] == true}
	if !st.found {
		return st, nil
	}
	st.kind, st.state, st.person = graph.ContributionKind(str(m["kind"])), graph.ContributionState(str(m["state"])), str(m["person"])
	st.pending, st.node, st.country, st.demo = m["pending"] == true, str(m["node"]), str(m["country"]), m["demo"] == true
	n, _ := m["revision"].(int64)
	st.revision = int(n)
	if t, ok := m["submittedAt"].(time.Time); ok {
		st.submitted = &t
	}
	if last, ok := m["last"].([]any); ok && len(last) == 3 {
		st.lastBy, st.lastDec = str(last[0]), str(last[1])
		r, _ := last[2].(int64)
		st.lastRev = int(r)
	}
	st.fields = &graph.ContributionInput{}
	if err := json.Unmarshal([]byte(str(m["fields"])), st.fields); err != nil {
		return nil, err
	}
	return st, nil
}

// checkContributionRefs checks that the country, themes and organisation of in exist.
func checkContributionRefs(run txRun, in *graph.ContributionInput) error {
	themes := make([]string, len(in.Themes))
	for i, t := range in.Themes {
		themes[i] = graph.ID(graph.KindTheme, t)
	}
	var org, country any
	if in.Organisation != "" {
		org = graph.ID(graph.KindOrganisation, in.Organisation)
	}
	if in.Country != "" {
		country = in.Country
	}
	rows, err := run(`
RETURN $country IS NULL OR EXISTS { MATCH (:Country {iso2: $country}) } AS country,
       [t IN $themes WHERE NOT EXISTS { MATCH (:Theme {id: t}) }] AS themes,
       $org IS NULL OR EXISTS { MATCH (o:Organisation {id: $org}) WHERE coalesce(o.status, 'published') = 'published' } AS org`,
		map[string]any{"country": country, "themes": themes, "org": org})
	if err != nil {
		return err
	}
	var errs graph.Errors
	if rows[0]["country"] != true {
		errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input.country", "no country %q", in.Country))
	}
	if miss := strs(rows[0]["themes"]); len(miss) > 0 {
		errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input.themes", "unknown: %s", strings.Join(miss, ", ")))
	}
	if rows[0]["org"] != true {
		errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input.organisation", "no organisation %q", in.Organisation))
	}
	return errs.Err()
}

// writeFields sets c's fields from in and keeps a revision when they changed.
func writeFields(run txRun, st *stored, id, by string, kind graph.ContributionKind, in *graph.ContributionInput, extra map[string]any, now time.Time) error {
	changes := graph.Diff(st.fields, in)
	if st.found && len(changes) == 0 && len(extra) == 0 {
		return nil
	}
	b, _ := json.Marshal(in)
	ch, _ := json.Marshal(changes)
	props := map[string]any{"kind": string(kind), "lang": string(in.Lang), "title": in.Title,
		"normTitle": graph.NormalizedTitle(in.Title), "country": nullable(in.Country),
		"organisation": nullable(in.Organisation), "fields": string(b), "updatedAt": now}
	for k, v := range extra {
		props[k] = v
	}
	rev := st.revision
	if len(changes) > 0 {
		rev++
		props["revision"] = rev
	}
	_, err := run(`
MERGE (p:Person {id: $person})
MERGE (c:Contribution {id: $id})
ON CREATE SET c.createdAt = $now, c.person = $person, c.status = $status, c.state = 'draft'
SET c += $props
MERGE (p)-[:SUBMITTED]->(c)
WITH c
CALL { WITH c
  WITH c WHERE $changed
  CREATE (c)-[:HAS_REVISION]->(:ContributionRevision {key: c.id + '#' + toString($rev), number: $rev, at: $now, by: $by, changes: $changes})
  RETURN count(*) AS n }
RETURN c.id AS id`, map[string]any{"person": st.person, "id": id, "now": now, "status": contributionStatus,
		"props": props, "changed": len(changes) > 0, "rev": rev, "by": by, "changes": string(ch)})
	return err
}

// checkLimit refuses a submission past the person's limit.
func checkLimit(run txRun, person string, lim graph.SubmissionLimit, now time.Time) error {
	if lim.Max <= 0 {
		return nil
	}
	rows, err := run(`MATCH (c:Contribution {person: $person}) WHERE c.submittedAt > $since RETURN count(c) AS n`,
		map[string]any{"person": person, "since": now.Add(-lim.Per)})
	if err != nil {
		return err
	}
	if n, _ := rows[0]["n"].(int64); int(n) >= lim.Max {
		return graph.Errorf(graph.ERATELIMITED, "submitContribution", "at most %d submissions in %s; try again later", lim.Max, lim.Per)
	}
	return nil
}

// SaveContribution saves a draft or submits a contribution in one transaction.
func (s *Store) SaveContribution(ctx context.Context, sv graph.SaveContribution, lim graph.SubmissionLimit) (*graph.Contribution, bool, error) {
	if err := graph.CheckIdempotencyKey(sv.Key); err != nil {
		return nil, false, err
	}
	if sv.Person == "" {
		return nil, false, graph.Errorf(graph.EUNAUTH, "", "log in first")
	}
	in := sv.Input
	in.Normalize()
	if err := in.Validate(sv.Kind, !sv.Submit); err != nil {
		return nil, false, err
	}
	id := contributionID(sv.Person, sv.Key)
	now := time.Now().UTC()
	out, err := s.inTx(ctx, func(run txRun) (any, error) {
		st, err := readStored(run, id)
		if err != nil {
			return nil, err
		}
		if st.found && st.kind != sv.Kind {
			return nil, graph.Errorf(graph.ECONFLICT, "idempotencyKey", "already used for a %s; use a new key for a new contribution", st.kind)
		}
		if st.found && st.state != graph.StateDraft {
			if sv.Submit && len(graph.Diff(st.fields, &in)) == 0 {
				return false, nil // the same submission again
			}
			return nil, graph.Errorf(graph.ECONFLICT, "idempotencyKey", "this contribution is %s; change it with reviseContribution, or use a new key for a new one", st.state)
		}
		if !st.found {
			st.person = sv.Person
		}
		if err := checkContributionRefs(run, &in); err != nil {
			return nil, err
		}
		extra := map[string]any{"demo": sv.Demo}
		if sv.Submit {
			if err := checkLimit(run, sv.Person, lim, now); err != nil {
				return nil, err
			}
			dups, err := findDuplicates(run, id, sv.Kind, &in)
			if err != nil {
				return nil, err
			}
			extra["state"], extra["submittedAt"], extra["duplicates"] = string(graph.StateSubmitted), now, dups
		}
		if err := writeFields(run, st, id, sv.Person, sv.Kind, &in, extra, now); err != nil {
			return nil, err
		}
		return sv.Submit || !st.found, nil
	})
	if err != nil {
		return nil, false, err
	}
	c, err := s.Contribution(ctx, id)
	return c, out.(bool), err
}

// ReviseContribution saves new fields onto a person's contribution.
func (s *Store) ReviseContribution(ctx context.Context, id, person string, in graph.ContributionInput) (*graph.Contribution, error) {
	in.Normalize()
	now := time.Now().UTC()
	_, err := s.inTx(ctx, func(run txRun) (any, error) {
		st, err := readStored(run, id)
		if err != nil {
			return nil, err
		}
		if !st.found || st.person != person {
			return nil, graph.Errorf(graph.ENOTFOUND, "id", "no contribution %q of yours", id)
		}
		if st.state == graph.StateWithdrawn {
			return nil, graph.Errorf(graph.ECONFLICT, "id", "this contribution was withdrawn")
		}
		if err := in.Validate(st.kind, st.state == graph.StateDraft); err != nil {
			return nil, err
		}
		if len(graph.Diff(st.fields, &in)) == 0 {
			return nil, nil // nothing changed: no revision
		}
		if err := checkContributionRefs(run, &in); err != nil {
			return nil, err
		}
		extra := map[string]any{}
		switch st.state {
		case graph.StatePublished, graph.StateRejected:
			dups, err := findDuplicates(run, id, st.kind, &in)
			if err != nil {
				return nil, err
			}
			extra["state"], extra["submittedAt"], extra["duplicates"] = string(graph.StateSubmitted), now, dups
			extra["pending"] = st.state == graph.StatePublished || st.pending
		}
		return nil, writeFields(run, st, id, person, st.kind, &in, extra, now)
	})
	if err != nil {
		return nil, err
	}
	return s.Contribution(ctx, id)
}

// WithdrawContribution takes back a contribution that is not published.
func (s *Store) WithdrawContribution(ctx context.Context, id, person string) (*graph.Contribution, error) {
	_, err := s.inTx(ctx, func(run txRun) (any, error) {
		st, err := readStored(run, id)
		if err != nil {
			return nil, err
		}
		if !st.found || st.person != person {
			return nil, graph.Errorf(graph.ENOTFOUND, "id", "no contribution %q of yours", id)
		}
		switch {
		case st.state == graph.StateWithdrawn:
			return nil, nil
		case st.state == graph.StatePublished || st.pending:
			return nil, graph.Errorf(graph.ECONFLICT, "id", "a published contribution stays on the site; ask an editor to take it down")
		}
		_, err = run(`MATCH (c:Contribution {id: $id}) SET c.state = 'withdrawn', c.updatedAt = $now`,
			map[string]any{"id": id, "now": time.Now().UTC()})
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.Contribution(ctx, id)
}
