package neo4j

import (
	"context"
	"fmt"
	"slices"

	"ewsi/graph"
)

var _ graph.DemoRequestWriter = (*Store)(nil)

// DemoPool reads demo organisations with their topics, and the demo funding calls.
func (s *Store) DemoPool(ctx context.Context, limit int) (graph.DemoPool, error) {
	recs, err := s.read(ctx, `
CALL {
  MATCH (o:Organisation) WHERE o.demo = true AND EXISTS { (o)-[:ABOUT]->(:Theme) }
  WITH o ORDER BY o.id LIMIT $limit
  RETURN collect({id: o.id, type: o.type, languages: coalesce(o.languages, []),
    country: head([(o)-[:IN]->(c:Country) | c.iso2]),
    themes: [(o)-[:ABOUT]->(t:Theme) | t.id], subthemes: [(o)-[:ABOUT]->(t:Subtheme) | t.id]}) AS orgs
}
CALL {
  MATCH (f:Funding) WHERE f.demo = true
  WITH f ORDER BY f.id
  RETURN collect(f.id) AS fundings
}
RETURN orgs, fundings`, map[string]any{"limit": limit})
	if err != nil {
		return graph.DemoPool{}, err
	}
	m := recs[0].AsMap()
	pool := graph.DemoPool{Fundings: strs(m["fundings"])}
	for _, x := range m["orgs"].([]any) {
		o := x.(map[string]any)
		d := graph.DemoOrg{ID: str(o["id"]), Type: graph.OrgType(str(o["type"])), Country: str(o["country"]),
			Languages: strs(o["languages"]), Themes: strs(o["themes"]), Subthemes: strs(o["subthemes"])}
		slices.Sort(d.Themes)
		slices.Sort(d.Subthemes)
		pool.Orgs = append(pool.Orgs, d)
	}
	return pool, nil
}

// CountRequests counts the partner requests.
func (s *Store) CountRequests(ctx context.Context) (int, error) {
	recs, err := s.read(ctx, "MATCH (r:PartnerRequest) RETURN count(r) AS c", nil)
	if err != nil {
		return 0, err
	}
	c, _ := recs[0].Get("c")
	return int(c.(int64)), nil
}

// WriteDemoRequests merges generated requests and replies in one transaction.
func (s *Store) WriteDemoRequests(ctx context.Context, reqs []graph.DemoRequest) error {
	rows := make([]map[string]any, 0, len(reqs))
	var replies []map[string]any
	for i, d := range reqs {
		r := d.Request
		if err := r.Validate(); err != nil {
			return graph.Errorf(graph.EINVALID, fmt.Sprintf("reqs[%d]", i), "%s: %v", r.ID, err)
		}
		for _, rep := range d.Replies {
			if err := rep.Reply.Validate(); err != nil {
				return graph.Errorf(graph.EINVALID, fmt.Sprintf("reqs[%d]", i), "%s: %v", rep.Reply.ID, err)
			}
		}
		props := map[string]any{"status": string(r.Status), "lang": string(r.Lang), "demo": true, "title": r.Title,
			"description": r.Description, "types": r.Types, "languages": r.Languages, "closes": neoDate(r.Closes),
			"outcome": nullable(r.Outcome), "contactName": d.Contact.Name, "contactEmail": d.Contact.Email,
			"createdAt": r.CreatedAt, "updatedAt": r.UpdatedAt}
		if r.ClosedAt != nil {
			props["closedAt"] = *r.ClosedAt
		}
		types := make([]string, len(r.Types))
		for i, t := range r.Types {
			types[i] = string(t)
		}
		props["types"] = types
		rows = append(rows, map[string]any{"id": r.ID, "props": props, "org": r.Organisation, "topics": append(append([]string{}, r.Themes...), r.Subthemes...),
			"countries": r.Countries, "funding": nullable(r.Funding)})
		for _, dr := range d.Replies {
			p := dr.Reply
			replies = append(replies, map[string]any{"id": p.ID, "req": r.ID, "org": p.Organisation, "slot": r.ID + "|" + p.Organisation,
				"props": map[string]any{"status": string(p.Status), "lang": string(p.Lang), "demo": true, "fit": p.Fit, "offer": p.Offer,
					"message": nullable(p.Message), "contactName": dr.Contact.Name, "contactEmail": dr.Contact.Email,
					"createdAt": p.CreatedAt, "updatedAt": p.UpdatedAt}})
		}
	}
	_, err := s.write(ctx, stmt{cypher: mergeRequestsCypher, params: map[string]any{"rows": rows}}, stmt{cypher: `
UNWIND $replies AS q
MATCH (r:PartnerRequest {id: q.req}), (o:Organisation {id: q.org})
MERGE (p:PartnerReply {id: q.id})
SET p += q.props, p.slot = q.slot
MERGE (p)-[:ANSWERS]->(r)
MERGE (p)-[:FROM]->(o)
RETURN count(*) AS n`, params: map[string]any{"replies": replies}})
	return err
}

// mergeRequestsCypher writes partner requests whole, with their links, from
// $rows of {id, props, org, topics (theme or subtheme ids), countries (ISO
// codes), funding}: the demo requests and a restore of exported ones.
const mergeRequestsCypher = `
UNWIND $rows AS q
MERGE (r:PartnerRequest {id: q.id})
SET r += q.props
WITH r, q
CALL { WITH r, q MATCH (o:Organisation {id: q.org}) MERGE (r)-[:POSTED_BY]->(o) RETURN count(*) AS a }
CALL { WITH r, q UNWIND q.topics AS tid MATCH (t) WHERE (t:Theme OR t:Subtheme) AND t.id = tid MERGE (r)-[:ABOUT]->(t) RETURN count(*) AS b }
CALL { WITH r, q UNWIND q.countries AS c MATCH (x:Country {iso2: c}) MERGE (r)-[:SEEKS_IN]->(x) RETURN count(*) AS d }
CALL { WITH r, q OPTIONAL MATCH (f:Funding {id: q.funding}) WITH r, f WHERE f IS NOT NULL MERGE (r)-[:TARGETS]->(f) RETURN count(*) AS e }
RETURN count(*) AS n`
