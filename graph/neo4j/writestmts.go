package neo4j

import (
	"fmt"
	"reflect"
	"time"

	"ewsi/graph"
)

// The statements of a write: creating new nodes with their links, merging changed
// nodes, and replacing the owned links of changed records. Labels and
// relationship types in their text come from the graph package's fixed tables.

// linkGroup is the links of one shape: source label, type, direction, target label.
type linkGroup struct {
	from     graph.Kind
	rel      string
	incoming bool
	to       graph.Kind
}

// groupLinks groups the records' links by shape, in a fixed order, as rows
// {from, to}; a link listed twice by one record is kept once.
func groupLinks(k graph.Kind, recs []graph.Record) ([]linkGroup, map[linkGroup][]map[string]any) {
	links := map[linkGroup][]map[string]any{}
	var order []linkGroup
	for _, r := range recs {
		seen := make(map[string]bool, len(r.Links))
		for _, l := range r.Links {
			if seen[l.Key()] {
				continue
			}
			seen[l.Key()] = true
			to, _ := graph.KindOfID(l.To)
			g := linkGroup{from: k, rel: l.Type, incoming: l.Incoming, to: to}
			if _, ok := links[g]; !ok {
				order = append(order, g)
			}
			links[g] = append(links[g], map[string]any{"from": r.Node.NodeID(), "to": l.To})
		}
	}
	return order, links
}

// createStmts create the nodes of recs, which do not exist, and the links of those
// whose ids are in linked; those are complete at once and get their hash, the
// others get theirs when their links are written. Every node is created before
// any link, so that a link to a node of a kind created later in the batch finds it.
func createStmts(recs []graph.Record, linked map[string]bool, now time.Time) []stmt {
	kinds, groups := byKind(recs)
	var stmts, linkStmts []stmt
	for _, k := range kinds {
		rows := make([]map[string]any, 0, len(groups[k]))
		var withLinks []graph.Record
		for _, r := range groups[k] {
			row := map[string]any{"id": r.Node.NodeID(), "props": encode(r.Node), "hash": nil}
			stamps(row, r.Node)
			if linked[r.Node.NodeID()] {
				row["hash"] = Hash(r)
				withLinks = append(withLinks, r)
			}
			rows = append(rows, row)
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
CREATE (n:%s {id: row.id})
SET n += row.props, n.createdAt = coalesce(row.createdAt, $now), n.updatedAt = coalesce(row.updatedAt, $now), n.hash = row.hash`, k),
			params: map[string]any{"rows": rows, "now": now}})
		order, links := groupLinks(k, withLinks)
		for _, g := range order {
			linkStmts = append(linkStmts, linkStmt(g, "CREATE", links[g]))
		}
	}
	return append(stmts, linkStmts...)
}

// linkStmt draws the links of group g with verb (CREATE or MERGE).
func linkStmt(g linkGroup, verb string, rows []map[string]any) stmt {
	pattern := "(a)-[:%s]->(b)"
	if g.incoming {
		pattern = "(b)-[:%s]->(a)"
	}
	return stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.from})
MATCH (b:%s {id: row.to})
%s `+pattern, g.from, g.to, verb, g.rel), params: map[string]any{"rows": rows}}
}

// nodeStmts are the statements that merge the records' nodes, one per label. A
// node whose hash is unchanged is not touched; the others get the record's
// properties and lose their hash until their links are written.
func nodeStmts(recs []graph.Record) []stmt {
	kinds, groups := byKind(recs)
	now := time.Now().UTC()
	stmts := make([]stmt, 0, len(kinds))
	for _, k := range kinds {
		rows := make([]map[string]any, 0, len(groups[k]))
		for _, r := range groups[k] {
			row := map[string]any{"id": r.Node.NodeID(), "hash": Hash(r), "props": encode(r.Node)}
			stamps(row, r.Node)
			rows = append(rows, row)
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
OPTIONAL MATCH (old:%[1]s {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
MERGE (n:%[1]s {id: row.id})
ON CREATE SET n.createdAt = coalesce(row.createdAt, $now)
FOREACH (_ IN CASE WHEN outcome = 'unchanged' THEN [] ELSE [1] END |
  SET n += row.props, n.updatedAt = coalesce(row.updatedAt, $now), n.hash = null)`, k), params: map[string]any{"rows": rows, "now": now}})
	}
	return stmts
}

// linkStmts are the statements that replace the records' owned links and mark them complete.
func linkStmts(recs []graph.Record) []stmt {
	kinds, groups := byKind(recs)
	var stmts []stmt
	for _, k := range kinds {
		owners := make([]map[string]any, 0, len(groups[k]))
		for _, r := range groups[k] {
			keys := make([]string, 0, len(r.Links))
			for _, l := range r.Links {
				keys = append(keys, l.Key())
			}
			owners = append(owners, map[string]any{"id": r.Node.NodeID(), "keys": keys, "hash": Hash(r)})
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.id})-[r]->(b)
WHERE type(r) IN $owned AND NOT (type(r) + '>' + b.id) IN row.keys
DELETE r`, k), params: map[string]any{"rows": owners, "owned": graph.OwnedOutgoing}})
		if k == graph.KindPractice {
			stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.id})<-[r]-(b)
WHERE type(r) IN $owned AND NOT (type(r) + '<' + b.id) IN row.keys
DELETE r`, k), params: map[string]any{"rows": owners, "owned": graph.OwnedIncoming}})
		}
		order, links := groupLinks(k, groups[k])
		for _, g := range order {
			stmts = append(stmts, linkStmt(g, "MERGE", links[g]))
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (n:%s {id: row.id})
SET n.hash = row.hash`, k), params: map[string]any{"rows": owners}})
	}
	return stmts
}

// stamps puts the record's own timestamps in its row, when it has them (an
// export loaded back keeps when each node was created and last changed); a
// write uses the current time for those it lacks.
func stamps(row map[string]any, n graph.Node) {
	m := metaOf(n)
	row["createdAt"], row["updatedAt"] = nil, nil
	if m == nil {
		return
	}
	if !m.CreatedAt.IsZero() {
		row["createdAt"] = m.CreatedAt.UTC()
	}
	if !m.UpdatedAt.IsZero() {
		row["updatedAt"] = m.UpdatedAt.UTC()
	}
}

// metaOf returns the node's Meta, or nil for a node type without one.
func metaOf(n graph.Node) *graph.Meta {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Meta")
	if !f.IsValid() || f.Type() != reflect.TypeOf(graph.Meta{}) {
		return nil
	}
	return f.Addr().Interface().(*graph.Meta)
}
