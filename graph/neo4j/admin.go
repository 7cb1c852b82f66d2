package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DeleteAll removes every node and relationship except the migration marker, in
// batches of its own transactions. It is for tests and for `ewsi reset`.
func (s *Store) DeleteAll(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	s.roundTrips.Add(1)
	res, err := sess.Run(ctx, `
MATCH (n) WHERE NOT n:Migration
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return translate(ctx, err)
	}
	return nil
}

// Count returns how many nodes of the label have the given property value, or all
// of the label when prop is empty; tests compare API answers against it, and Bulk
// weighs the content already stored.
func (s *Store) Count(ctx context.Context, label string, where string, params map[string]any) (int, error) {
	q := "MATCH (n:" + label + ") "
	if where != "" {
		q += "WHERE " + where + " "
	}
	recs, err := s.read(ctx, q+"RETURN count(n) AS c", params)
	if err != nil {
		return 0, err
	}
	c, _ := recs[0].Get("c")
	return int(c.(int64)), nil
}

// Query runs a read query and returns its rows as maps. It exists for tests and
// benchmarks that compare the store's answers with plain Cypher; application code
// uses the typed methods.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		out = append(out, r.AsMap())
	}
	return out, nil
}
