package neo4j

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// The restore side of an export: editors' links and dismissals, partner requests
// and replies, merged so that restoring twice changes nothing.

// endsOf groups rows by the labels of their two ends, which the ids name.
func endsOf(from, to string) (graph.Kind, graph.Kind, error) {
	kf, okf := graph.KindOfID(from)
	kt, okt := graph.KindOfID(to)
	if !okf || !okt {
		return "", "", graph.Errorf(graph.EINVALID, "from", "%q or %q is not an id of the form kind:local", from, to)
	}
	return kf, kt, nil
}

type labelPair struct{ from, to graph.Kind }

// RestoreLinks merges editor links on their ends, type and time.
func (s *Store) RestoreLinks(ctx context.Context, links []graph.EditorLink) error {
	groups := map[labelPair][]map[string]any{}
	for _, l := range links {
		kf, kt, err := endsOf(l.From, l.To)
		if err != nil {
			return err
		}
		var unlinkedAt any
		if l.UnlinkedAt != nil {
			unlinkedAt = l.UnlinkedAt.UTC()
		}
		groups[labelPair{kf, kt}] = append(groups[labelPair{kf, kt}], map[string]any{"from": l.From, "to": l.To,
			"kind": string(l.Type), "at": l.At.UTC(), "props": map[string]any{"by": l.By, "note": nullable(l.Note),
				"active": l.Active, "unlinkedBy": nullable(l.UnlinkedBy), "unlinkedAt": unlinkedAt, "unlinkNote": nullable(l.UnlinkNote)}})
	}
	var stmts []stmt
	for p, rows := range groups {
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.from}), (b:%s {id: row.to})
MERGE (a)-[r:RELATED_TO {kind: row.kind, at: row.at}]->(b)
SET r += row.props`, p.from, p.to), params: map[string]any{"rows": rows}})
	}
	if len(stmts) == 0 {
		return nil
	}
	_, err := s.write(ctx, stmts...)
	return err
}

// RestoreDismissals merges dismissals on their ends.
func (s *Store) RestoreDismissals(ctx context.Context, ds []graph.Dismissal) error {
	groups := map[labelPair][]map[string]any{}
	for _, d := range ds {
		kf, kt, err := endsOf(d.From, d.To)
		if err != nil {
			return err
		}
		groups[labelPair{kf, kt}] = append(groups[labelPair{kf, kt}], map[string]any{"from": d.From, "to": d.To,
			"props": map[string]any{"by": d.By, "at": d.At.UTC(), "note": nullable(d.Note)}})
	}
	var stmts []stmt
	for p, rows := range groups {
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.from}), (b:%s {id: row.to})
MERGE (a)-[d:DISMISSED]->(b)
SET d += row.props`, p.from, p.to), params: map[string]any{"rows": rows}})
	}
	if len(stmts) == 0 {
		return nil
	}
	_, err := s.write(ctx, stmts...)
	return err
}

// RestoreRequests merges requests, then replies, with their links.
func (s *Store) RestoreRequests(ctx context.Context, reqs []graph.RequestBackup, replies []graph.ReplyBackup) error {
	rows := make([]map[string]any, 0, len(reqs))
	for _, r := range reqs {
		rows = append(rows, map[string]any{"id": r.ID, "props": storeProps(r.Props), "org": r.Organisation,
			"topics": r.Topics, "countries": r.Countries, "funding": nullable(r.Funding)})
	}
	reps := make([]map[string]any, 0, len(replies))
	for _, p := range replies {
		reps = append(reps, map[string]any{"id": p.ID, "req": p.Request, "org": p.Organisation, "props": storeProps(p.Props)})
	}
	var stmts []stmt
	if len(rows) > 0 {
		stmts = append(stmts, stmt{cypher: mergeRequestsCypher, params: map[string]any{"rows": rows}})
	}
	if len(reps) > 0 {
		stmts = append(stmts, stmt{cypher: `
UNWIND $replies AS q
MATCH (r:PartnerRequest {id: q.req}), (o:Organisation {id: q.org})
MERGE (p:PartnerReply {id: q.id})
SET p += q.props
MERGE (p)-[:ANSWERS]->(r)
MERGE (p)-[:FROM]->(o)
RETURN count(*) AS n`, params: map[string]any{"replies": reps}})
	}
	if len(stmts) == 0 {
		return nil
	}
	_, err := s.write(ctx, stmts...)
	return err
}

// storeProps turns exported properties back into Neo4j values: graph.Date to a
// date, and time.Time in UTC.
func storeProps(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		switch x := v.(type) {
		case graph.Date:
			out[k] = dbtype.Date(x.Time())
		case time.Time:
			out[k] = x
		default:
			out[k] = v
		}
	}
	return out
}
