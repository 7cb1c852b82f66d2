package neo4j

import (
	"context"

	"ewsi/graph"
)

// CreditOf returns who contributed node id, with their name and id only when
// they share their details (a former member never does).
func (s *Store) CreditOf(ctx context.Context, id string) (*graph.Credit, error) {
	recs, err := s.read(ctx, `
MATCH (n {id: $id})-[:CONTRIBUTED_BY]->(p:Person)
WITH p, coalesce(p.former, false) AS former
WITH p, former, coalesce(p.shareDetails, false) AND NOT former AS shared
RETURN CASE WHEN shared THEN p.id ELSE '' END AS id, CASE WHEN shared THEN p.name ELSE '' END AS name,
  shared, former
ORDER BY shared DESC LIMIT 1`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	m := recs[0].AsMap()
	c := &graph.Credit{}
	if shared, _ := m["shared"].(bool); shared {
		c.PersonID, _ = m["id"].(string)
		name, _ := m["name"].(string)
		c.Name = &name
	}
	c.FormerMember, _ = m["former"].(bool)
	return c, nil
}

var _ graph.Credits = (*Store)(nil)
