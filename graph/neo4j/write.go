package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// byKind groups records by the label of their node, in a fixed order.
func byKind(recs []graph.Record) ([]graph.Kind, map[graph.Kind][]graph.Record) {
	groups := map[graph.Kind][]graph.Record{}
	var kinds []graph.Kind
	for _, r := range recs {
		k := r.Node.NodeKind()
		if _, ok := groups[k]; !ok {
			kinds = append(kinds, k)
		}
		groups[k] = append(groups[k], r)
	}
	return kinds, groups
}

// Hash returns the content hash of a record: its properties and its links. A node
// whose stored hash equals it is complete and unchanged.
func Hash(r graph.Record) string {
	keys := make([]string, 0, len(r.Links))
	for _, l := range r.Links {
		keys = append(keys, l.Key())
	}
	sort.Strings(keys)
	props := encode(r.Node)
	plain := make(map[string]any, len(props))
	for k, v := range props {
		switch x := v.(type) {
		case dbtype.Date:
			plain[k] = x.Time().Format("2006-01-02")
		case dbtype.Point2D:
			plain[k] = [2]float64{x.X, x.Y}
		default:
			plain[k] = v
		}
	}
	b, _ := json.Marshal(struct {
		ID    string
		Props map[string]any
		Links []string
	}{r.Node.NodeID(), plain, keys})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// WriteNodes merges the records' nodes on id in one transaction. A node whose hash
// is unchanged is not touched; its properties are replaced otherwise.
func (s *Store) WriteNodes(ctx context.Context, recs []graph.Record) (graph.WriteStats, error) {
	ns := nodeStmts(recs)
	out, err := s.write(ctx, append(ns, bumpVersion)...)
	if err != nil {
		return graph.WriteStats{}, err
	}
	return outcomes(out[:len(ns)]), nil
}

// Write writes nodes and the links of links in one transaction: what WriteNodes
// and then WriteLinks do, at once.
func (s *Store) Write(ctx context.Context, nodes, links []graph.Record) (graph.WriteStats, error) {
	ns := nodeStmts(nodes)
	out, err := s.write(ctx, append(append(ns, linkStmts(links)...), bumpVersion)...)
	if err != nil {
		return graph.WriteStats{}, err
	}
	return outcomes(out[:len(ns)]), nil
}

// nodeStmts are the statements that merge the records' nodes, one per label.
func nodeStmts(recs []graph.Record) []stmt {
	kinds, groups := byKind(recs)
	now := time.Now().UTC()
	stmts := make([]stmt, 0, len(kinds))
	for _, k := range kinds {
		rows := make([]map[string]any, 0, len(groups[k]))
		for _, r := range groups[k] {
			rows = append(rows, map[string]any{"id": r.Node.NodeID(), "hash": Hash(r), "props": encode(r.Node)})
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
OPTIONAL MATCH (old:%[1]s {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
MERGE (n:%[1]s {id: row.id})
ON CREATE SET n.createdAt = $now
FOREACH (_ IN CASE WHEN outcome = 'unchanged' THEN [] ELSE [1] END |
  SET n += row.props, n.updatedAt = $now, n.hash = null)
RETURN outcome, count(*) AS c`, k), params: map[string]any{"rows": rows, "now": now}})
	}
	return stmts
}

// outcomes counts the outcomes returned by nodeStmts.
func outcomes(out [][]*neo4j.Record) graph.WriteStats {
	var st graph.WriteStats
	for _, recs := range out {
		for _, rec := range recs {
			outcome, _ := rec.Get("outcome")
			c, _ := rec.Get("c")
			n := int(c.(int64))
			switch outcome {
			case "created":
				st.Created += n
			case "updated":
				st.Updated += n
			default:
				st.Unchanged += n
			}
		}
	}
	return st
}

// linkGroup is the links of one shape: source label, type, direction, target label.
type linkGroup struct {
	from     graph.Kind
	rel      string
	incoming bool
	to       graph.Kind
}

// WriteLinks replaces the owned links of each record with its Links and stores its
// hash, marking it complete, all in one transaction.
func (s *Store) WriteLinks(ctx context.Context, recs []graph.Record) error {
	_, err := s.write(ctx, append(linkStmts(recs), bumpVersion)...)
	return err
}

// linkStmts are the statements that replace the records' owned links and mark them complete.
func linkStmts(recs []graph.Record) []stmt {
	kinds, groups := byKind(recs)
	var stmts []stmt
	for _, k := range kinds {
		owners := make([]map[string]any, 0, len(groups[k]))
		links := map[linkGroup][]map[string]any{}
		var order []linkGroup
		for _, r := range groups[k] {
			keys := make([]string, 0, len(r.Links))
			for _, l := range r.Links {
				keys = append(keys, l.Key())
				to, _ := graph.KindOfID(l.To)
				g := linkGroup{from: k, rel: l.Type, incoming: l.Incoming, to: to}
				if _, ok := links[g]; !ok {
					order = append(order, g)
				}
				links[g] = append(links[g], map[string]any{"from": r.Node.NodeID(), "to": l.To})
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
		for _, g := range order {
			pattern := "MERGE (a)-[:%s]->(b)"
			if g.incoming {
				pattern = "MERGE (b)-[:%s]->(a)"
			}
			stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:%s {id: row.from})
MATCH (b:%s {id: row.to})
`+pattern+`
RETURN count(*) AS c`, g.from, g.to, g.rel), params: map[string]any{"rows": links[g]}})
		}
		stmts = append(stmts, stmt{cypher: fmt.Sprintf(`
UNWIND $rows AS row
MATCH (n:%s {id: row.id})
SET n.hash = row.hash`, k), params: map[string]any{"rows": owners}})
	}
	return stmts
}

// Existing returns which of ids exist, with their kind.
func (s *Store) Existing(ctx context.Context, ids []string) (map[string]graph.Kind, error) {
	byLabel := map[graph.Kind][]string{}
	seen := map[string]bool{}
	for _, id := range ids {
		if k, ok := graph.KindOfID(id); ok && !seen[id] {
			seen[id] = true
			byLabel[k] = append(byLabel[k], id)
		}
	}
	out := map[string]graph.Kind{}
	for _, k := range graph.Kinds() {
		if len(byLabel[k]) == 0 {
			continue
		}
		recs, err := s.read(ctx, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids RETURN n.id AS id", k),
			map[string]any{"ids": byLabel[k]})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, _ := r.Get("id")
			out[id.(string)] = k
		}
	}
	return out, nil
}
