package neo4j

import (
	"context"
	"fmt"

	"ewsi/graph"
)

// CreditOf returns who contributed node id, with their name and id only when
// they share their details (a former member never does).
func (s *Store) CreditOf(ctx context.Context, id string) (*graph.Credit, error) {
	m, err := s.CreditsOf(ctx, []string{id})
	return m[id], err
}

// CreditsOf returns the credits of the nodes ids that were contributed, by id,
// in one query per kind (each through its label's id index).
func (s *Store) CreditsOf(ctx context.Context, ids []string) (map[string]*graph.Credit, error) {
	byKind := map[graph.Kind][]string{}
	for _, id := range ids {
		if k, ok := graph.KindOfID(id); ok {
			byKind[k] = append(byKind[k], id)
		}
	}
	out := make(map[string]*graph.Credit, len(ids))
	for k, ids := range byKind {
		recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s)-[:CONTRIBUTED_BY]->(p:Person) WHERE n.id IN $ids
WITH n, p, coalesce(p.former, false) AS former
WITH n, p, former, coalesce(p.shareDetails, false) AND NOT former AS shared
ORDER BY shared DESC
WITH n, head(collect({id: CASE WHEN shared THEN p.id ELSE '' END, name: CASE WHEN shared THEN p.name ELSE '' END,
  shared: shared, former: former})) AS c
RETURN n.id AS node, c`, k), map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			node, _ := r.Get("node")
			cm, _ := r.Get("c")
			m, _ := cm.(map[string]any)
			c := &graph.Credit{}
			if shared, _ := m["shared"].(bool); shared {
				c.PersonID, _ = m["id"].(string)
				name, _ := m["name"].(string)
				c.Name = &name
			}
			c.FormerMember, _ = m["former"].(bool)
			out[node.(string)] = c
		}
	}
	return out, nil
}

var _ graph.Credits = (*Store)(nil)
