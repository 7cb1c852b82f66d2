package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
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
	return s.Write(ctx, recs, nil)
}

// Write writes nodes and the links of links in one transaction: what WriteNodes
// and then WriteLinks do, at once. It first reads which nodes exist and their
// hashes; then nodes that are new are created with their links (there is nothing
// to merge or delete), nodes whose hash is unchanged are left alone, links and
// all, and the others are merged and have their owned links replaced.
//
// A node that another writer creates between the read and the write makes the
// transaction fail on the id constraint; it is then run once more, and that run
// sees the node.
func (s *Store) Write(ctx context.Context, nodes, links []graph.Record) (graph.WriteStats, error) {
	st, err := s.writePlanned(ctx, nodes, links)
	var gerr *graph.Error
	if errors.As(err, &gerr) && gerr.Code == graph.ECONFLICT {
		st, err = s.writePlanned(ctx, nodes, links)
	}
	return st, err
}

// writePlanned runs Write's transaction once.
func (s *Store) writePlanned(ctx context.Context, nodes, links []graph.Record) (graph.WriteStats, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		stored, err := s.storedHashes(ctx, tx, nodes)
		if err != nil {
			return nil, err
		}
		p := plan(nodes, links, stored)
		for _, st := range p.stmts() {
			if err := s.run(ctx, tx, st); err != nil {
				return nil, err
			}
		}
		return p.stats, nil
	}, neo4j.WithTxTimeout(s.cfg.WriteTimeout))
	if err != nil {
		return graph.WriteStats{}, translate(ctx, err)
	}
	return out.(graph.WriteStats), nil
}

// keepPlan prefixes the statements of a write: during a load the statistics of
// the graph change all the time and Neo4j would plan each statement again and
// again (a fifth of a load's time went there); the plans of these statements are
// index seeks whatever the statistics say.
const keepPlan = "CYPHER replan=skip "

// run runs one statement of a transaction and reads its result to the end.
func (s *Store) run(ctx context.Context, tx neo4j.ManagedTransaction, st stmt) error {
	s.roundTrips.Add(1)
	res, err := tx.Run(ctx, keepPlan+st.cypher, st.params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// storedHashes reads, within tx, which of the records' nodes exist and the hash
// each holds ("" for a node written but not yet complete).
func (s *Store) storedHashes(ctx context.Context, tx neo4j.ManagedTransaction, recs []graph.Record) (map[string]string, error) {
	kinds, groups := byKind(recs)
	out := make(map[string]string, len(recs))
	for _, k := range kinds {
		ids := make([]string, 0, len(groups[k]))
		for _, r := range groups[k] {
			ids = append(ids, r.Node.NodeID())
		}
		s.roundTrips.Add(1)
		res, err := tx.Run(ctx, fmt.Sprintf(keepPlan+
			"UNWIND $ids AS id MATCH (n:%s {id: id}) RETURN n.id AS id, coalesce(n.hash, '') AS hash", k),
			map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, _ := r.Get("id")
			h, _ := r.Get("hash")
			out[id.(string)] = h.(string)
		}
	}
	return out, nil
}

// writePlan is what one Write does, decided from the hashes stored.
type writePlan struct {
	now     time.Time
	created []graph.Record // nodes to create
	linked  map[string]bool
	merged  []graph.Record // nodes to merge: changed or incomplete
	relink  []graph.Record // records whose owned links are replaced
	stats   graph.WriteStats
}

// plan sorts the records by what their stored hash says.
func plan(nodes, links []graph.Record, stored map[string]string) *writePlan {
	p := &writePlan{now: time.Now().UTC(), linked: map[string]bool{}}
	state := map[string]string{} // id -> created, unchanged, merged
	for _, r := range nodes {
		id := r.Node.NodeID()
		h, exists := stored[id]
		_, seen := state[id]
		switch {
		case seen:
			// the same id twice in one call: the later one merges over the first
			p.merged = append(p.merged, r)
			state[id] = "merged"
		case !exists:
			p.created = append(p.created, r)
			p.stats.Created++
			state[id] = "created"
		case h == Hash(r):
			p.stats.Unchanged++
			state[id] = "unchanged"
		default:
			p.merged = append(p.merged, r)
			p.stats.Updated++
			state[id] = "merged"
		}
	}
	for _, r := range links {
		switch state[r.Node.NodeID()] {
		case "created":
			p.linked[r.Node.NodeID()] = true
		case "unchanged":
			// its stored hash covers its links: they are there already
		default:
			p.relink = append(p.relink, r)
		}
	}
	return p
}

// stmts are the plan's statements in order: creations, merges, link
// replacements, and the version bump.
func (p *writePlan) stmts() []stmt {
	var out []stmt
	if len(p.created) > 0 {
		out = append(out, createStmts(p.created, p.linked, p.now)...)
	}
	if len(p.merged) > 0 {
		out = append(out, nodeStmts(p.merged)...)
	}
	if len(p.relink) > 0 {
		out = append(out, linkStmts(p.relink)...)
	}
	if len(out) == 0 {
		return nil // nothing changed: the graph keeps its version
	}
	return append(out, bumpVersion)
}

// WriteLinks replaces the owned links of each record with its Links and stores its
// hash, marking it complete, all in one transaction.
func (s *Store) WriteLinks(ctx context.Context, recs []graph.Record) error {
	stmts := append(linkStmts(recs), bumpVersion)
	for i := range stmts {
		stmts[i].cypher = keepPlan + stmts[i].cypher
	}
	_, err := s.write(ctx, stmts...)
	return err
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
