package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

var _ graph.Requests = (*Store)(nil)

// requestFields projects a PartnerRequest r to its public facts. The contact,
// the manage-key hash and the input hash are never in it.
const requestFields = `r {.id, .createdAt, .updatedAt, .status, .lang, .demo, .title, .description, .closes,
  .outcome, .closedAt, types: coalesce(r.types, []), languages: coalesce(r.languages, []),
  organisation: head([(r)-[:POSTED_BY]->(o:Organisation) | o.id]),
  themes: [(r)-[:ABOUT]->(t:Theme) | t.id], subthemes: [(r)-[:ABOUT]->(t:Subtheme) | t.id],
  countries: [(r)-[:SEEKS_IN]->(c:Country) | c.iso2], funding: head([(r)-[:TARGETS]->(f:Funding) | f.id]),
  replies: COUNT { (r)<-[:ANSWERS]-(:PartnerReply) }}`

// effectiveStatus is the Cypher expression of a request r's status on $today.
const effectiveStatus = `CASE WHEN r.status = 'closed' THEN 'closed' WHEN r.closes < $today THEN 'expired' ELSE 'open' END`

// inTx runs fn in one managed write transaction (retried by the driver on
// transient errors); fn may run several queries and decide between them.
func (s *Store) inTx(ctx context.Context, fn func(run func(cypher string, params map[string]any) ([]map[string]any, error)) (any, error)) (any, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return fn(func(cypher string, params map[string]any) ([]map[string]any, error) {
			s.roundTrips.Add(1)
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			rows := make([]map[string]any, len(recs))
			for i, r := range recs {
				rows[i] = r.AsMap()
			}
			return rows, nil
		})
	}, neo4j.WithTxTimeout(s.cfg.QueryTimeout))
	var de *graph.Error
	if err != nil && !asDomain(err, &de) {
		return nil, translate(ctx, err)
	}
	return out, err
}

// asDomain reports whether err is a domain error (returned as it is).
func asDomain(err error, de **graph.Error) bool {
	if e, ok := err.(*graph.Error); ok {
		*de = e
		return true
	}
	if es, ok := err.(graph.Errors); ok && len(es) > 0 {
		*de = es[0]
		return true
	}
	return false
}

// inputHash fingerprints a normalised input, to tell a repeat from a reuse of an
// idempotency key for something else.
func inputHash(v any) string {
	b, _ := json.Marshal(v)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func neoDate(d graph.Date) dbtype.Date { return dbtype.Date(d.Time()) }

// PostRequest writes a request and its links in one transaction.
func (s *Store) PostRequest(ctx context.Context, in graph.RequestInput, idem string, today graph.Date) (*graph.PartnerRequest, string, bool, error) {
	if err := graph.CheckIdempotencyKey(idem); err != nil {
		return nil, "", false, err
	}
	if err := in.Validate(today); err != nil {
		return nil, "", false, err
	}
	key, err := graph.NewKey()
	if err != nil {
		return nil, "", false, err
	}
	hash, fp := graph.HashKey(key), inputHash(in)
	id := graph.IdempotentID(graph.RequestIDPrefix, idem)
	p := map[string]any{"id": id, "hash": hash, "fp": fp, "now": time.Now().UTC(), "today": neoDate(today),
		"org": in.Organisation, "themes": in.Themes, "subthemes": in.Subthemes, "countries": in.Countries,
		"funding": nullable(in.Funding), "props": map[string]any{
			"status": string(graph.RequestOpen), "lang": string(in.Lang), "demo": false, "title": in.Title,
			"description": in.Description, "types": in.Types, "languages": in.Languages, "closes": neoDate(in.Closes),
			"contactName": in.Contact.Name, "contactEmail": in.Contact.Email}}
	out, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		rows, err := run(`OPTIONAL MATCH (r:PartnerRequest {id: $id}) RETURN r.inputHash AS fp`, p)
		if err != nil {
			return nil, err
		}
		if old, ok := rows[0]["fp"].(string); ok {
			if old != fp {
				return nil, graph.Errorf(graph.ECONFLICT, "idempotencyKey", "already used for a different request; use a new key for a new request")
			}
			return false, nil
		}
		if err := s.checkRefs(run, p); err != nil {
			return nil, err
		}
		_, err = run(`
MERGE (r:PartnerRequest {id: $id})
ON CREATE SET r += $props, r.createdAt = $now, r.updatedAt = $now, r.manageKeyHash = $hash, r.inputHash = $fp
WITH r
MATCH (o:Organisation {id: $org}) MERGE (r)-[:POSTED_BY]->(o)
WITH r
CALL { WITH r UNWIND $themes AS tid MATCH (t:Theme {id: tid}) MERGE (r)-[:ABOUT]->(t) RETURN count(*) AS a }
CALL { WITH r UNWIND $subthemes AS tid MATCH (t:Subtheme {id: tid}) MERGE (r)-[:ABOUT]->(t) RETURN count(*) AS b }
CALL { WITH r UNWIND $countries AS c MATCH (x:Country {iso2: c}) MERGE (r)-[:SEEKS_IN]->(x) RETURN count(*) AS d }
CALL { WITH r OPTIONAL MATCH (f:Funding {id: $funding}) WITH r, f WHERE f IS NOT NULL MERGE (r)-[:TARGETS]->(f) RETURN count(*) AS e }
RETURN r.id AS id`, p)
		return true, err
	})
	if err != nil {
		return nil, "", false, err
	}
	created := out.(bool)
	req, err := s.Request(ctx, id, today)
	if err != nil {
		return nil, "", false, err
	}
	if !created {
		key = ""
	}
	return req, key, created, nil
}

// checkRefs checks that the organisation, topics, countries and funding a
// request names exist; errors name the field.
func (s *Store) checkRefs(run func(string, map[string]any) ([]map[string]any, error), p map[string]any) error {
	rows, err := run(`
RETURN EXISTS { MATCH (:Organisation {id: $org}) } AS org,
  [t IN $themes WHERE NOT EXISTS { MATCH (:Theme {id: t}) }] AS themes,
  [t IN $subthemes WHERE NOT EXISTS { MATCH (:Subtheme {id: t}) }] AS subthemes,
  [c IN $countries WHERE NOT EXISTS { MATCH (:Country {iso2: c}) }] AS countries,
  $funding IS NULL OR EXISTS { MATCH (:Funding {id: $funding}) } AS funding`, p)
	if err != nil {
		return err
	}
	m := rows[0]
	var errs graph.Errors
	if m["org"] != true {
		errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input.organisation", "no organisation %q", p["org"]))
	}
	for _, f := range []string{"themes", "subthemes", "countries"} {
		if miss := strs(m[f]); len(miss) > 0 {
			errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input."+f, "unknown: %v", miss))
		}
	}
	if m["funding"] != true {
		errs = append(errs, graph.Errorf(graph.ENOTFOUND, "input.funding", "no funding %q", p["funding"]))
	}
	return errs.Err()
}

// Request returns one request's public facts.
func (s *Store) Request(ctx context.Context, id string, today graph.Date) (*graph.PartnerRequest, error) {
	recs, err := s.read(ctx, `MATCH (r:PartnerRequest {id: $id}) RETURN `+requestFields+` AS req, `+effectiveStatus+` AS status`,
		map[string]any{"id": id, "today": neoDate(today)})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no partner request %q", id)
	}
	m := recs[0].AsMap()
	return decodeRequest(m["req"], m["status"]), nil
}

// Board lists the requests that match f.
func (s *Store) Board(ctx context.Context, f graph.BoardFilter, o graph.BoardOrder, w graph.Window, today graph.Date) ([]*graph.PartnerRequest, int, error) {
	if err := f.Normalize(); err != nil {
		return nil, 0, err
	}
	order := "r.createdAt DESC, r.id"
	if o == graph.BoardClosingSoon {
		order = "r.closes, r.id"
	}
	status := make([]string, len(f.Status))
	for i, st := range f.Status {
		status[i] = string(st)
	}
	var demo any
	if f.Demo != nil {
		demo = *f.Demo
	}
	recs, err := s.read(ctx, `
MATCH (r:PartnerRequest)
WHERE `+effectiveStatus+` IN $status
  AND ($demo IS NULL OR coalesce(r.demo, false) = $demo)
  AND (size($types) = 0 OR size(coalesce(r.types, [])) = 0 OR any(t IN r.types WHERE t IN $types))
  AND (size($countries) = 0 OR NOT EXISTS { (r)-[:SEEKS_IN]->() }
       OR EXISTS { (r)-[:SEEKS_IN]->(c:Country) WHERE c.iso2 IN $countries })
  AND (size($themes) = 0 OR EXISTS { (r)-[:ABOUT]->(t) WHERE t.id IN $themes }
       OR EXISTS { (r)-[:ABOUT]->(:Subtheme)-[:PART_OF]->(t:Theme) WHERE t.id IN $themes })
WITH r ORDER BY `+order+`
WITH collect(r) AS rs
CALL { WITH rs UNWIND rs[$offset..$end] AS r RETURN collect([`+requestFields+`, `+effectiveStatus+`]) AS page }
RETURN size(rs) AS total, page`,
		map[string]any{"status": status, "demo": demo, "types": f.Types, "countries": f.Countries, "themes": f.Themes,
			"today": neoDate(today), "offset": w.Offset, "end": w.Offset + w.Limit})
	if err != nil {
		return nil, 0, err
	}
	m := recs[0].AsMap()
	page, _ := m["page"].([]any)
	out := make([]*graph.PartnerRequest, 0, len(page))
	for _, x := range page {
		pair := x.([]any)
		out = append(out, decodeRequest(pair[0], pair[1]))
	}
	return out, int(m["total"].(int64)), nil
}

// decodeRequest reads a requestFields projection and its effective status.
func decodeRequest(v, status any) *graph.PartnerRequest {
	m, _ := v.(map[string]any)
	r := &graph.PartnerRequest{ID: str(m["id"]), Lang: graph.Lang(str(m["lang"])), Demo: m["demo"] == true,
		Title: str(m["title"]), Description: str(m["description"]), Outcome: str(m["outcome"]),
		Organisation: str(m["organisation"]), Themes: strs(m["themes"]), Subthemes: strs(m["subthemes"]),
		Countries: strs(m["countries"]), Languages: strs(m["languages"]), Funding: str(m["funding"]),
		Status: graph.RequestStatus(str(status))}
	r.CreatedAt, _ = m["createdAt"].(time.Time)
	r.UpdatedAt, _ = m["updatedAt"].(time.Time)
	if t, ok := m["closedAt"].(time.Time); ok {
		r.ClosedAt = &t
	}
	if d, ok := m["closes"].(dbtype.Date); ok {
		r.Closes = graph.DateOf(d.Time())
	}
	for _, t := range strs(m["types"]) {
		r.Types = append(r.Types, graph.OrgType(t))
	}
	if n, ok := m["replies"].(int64); ok {
		r.ReplyCount = int(n)
	}
	return r
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// forbidden is the error of a wrong capability key.
func forbidden(arg, what string) error {
	return graph.Errorf(graph.EFORBIDDEN, arg, "this key does not open %s", what)
}
