package neo4j

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// Membership: (Person)-[:MEMBER_OF {role: 'member'|'admin', since}]->(Organisation)
// once approved; (Person)-[:REQUESTS_MEMBERSHIP {claim, since}]->(Organisation)
// while pending, so that Organisation.people lists members only.

const membershipRows = `
CALL { WITH p MATCH (p)-[r:MEMBER_OF]->(o:Organisation)
       RETURN o.id AS org, coalesce(r.role, 'member') AS status, coalesce(r.claim, false) AS claim, r.since AS since
       UNION
       WITH p MATCH (p)-[r:REQUESTS_MEMBERSHIP]->(o:Organisation)
       RETURN o.id AS org, 'pending' AS status, coalesce(r.claim, false) AS claim, r.since AS since }`

func decodeMembership(m map[string]any, personID string) *graph.Membership {
	ms := &graph.Membership{OrganisationID: str(m["org"]), PersonID: personID, Status: graph.MembershipStatus(str(m["status"]))}
	if pid := str(m["person"]); pid != "" {
		ms.PersonID = pid
	}
	ms.Claim, _ = m["claim"].(bool)
	ms.Since, _ = m["since"].(time.Time)
	return ms
}

// Memberships lists a person's organisations, pending requests included.
func (s *Store) Memberships(ctx context.Context, personID string) ([]*graph.Membership, error) {
	recs, err := s.read(ctx, `MATCH (p:Person {id: $pid})`+membershipRows+`
RETURN org, status, claim, since ORDER BY since, org LIMIT 100`, map[string]any{"pid": personID})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Membership, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeMembership(r.AsMap(), personID))
	}
	return out, nil
}

// Membership returns one person's membership of an organisation, nil for none.
func (s *Store) Membership(ctx context.Context, orgID, personID string) (*graph.Membership, error) {
	recs, err := s.read(ctx, `MATCH (p:Person {id: $pid})`+membershipRows+`
WITH org, status, claim, since WHERE org = $org RETURN org, status, claim, since`,
		map[string]any{"pid": personID, "org": orgID})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return decodeMembership(recs[0].AsMap(), personID), nil
}

// RegisterOrganisation writes a new organisation, published, with the person as
// its admin. The same person registering the same name in the same country
// again gets the first one back.
func (s *Store) RegisterOrganisation(ctx context.Context, personID string, o *graph.Organisation, country string, themes []string, now time.Time) (*graph.Membership, error) {
	props := encode(o)
	delete(props, "id")
	p := map[string]any{"pid": personID, "id": o.ID, "props": props, "country": country, "themes": nonNil(themes),
		"name": strings.ToLower(o.Name), "now": now.UTC()}
	out, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		rows, err := run(`OPTIONAL MATCH (c:Country {iso2: $country})
OPTIONAL MATCH (p:Person {id: $pid})-[:MEMBER_OF {role: 'admin'}]->(o:Organisation)-[:IN]->(c) WHERE toLower(o.name) = $name
RETURN c IS NOT NULL AS country, head(collect(o.id)) AS existing`, p)
		if err != nil {
			return nil, err
		}
		if ok, _ := rows[0]["country"].(bool); !ok {
			return nil, graph.Errorf(graph.EINVALID, "input.country", "%q is not a country of the graph (ISO 3166-1 alpha-2, e.g. FR)", country)
		}
		if id := str(rows[0]["existing"]); id != "" {
			return id, nil
		}
		_, err = run(`MATCH (p:Person {id: $pid}), (c:Country {iso2: $country})
CREATE (o:Organisation {id: $id}) SET o += $props, o.createdAt = $now, o.updatedAt = $now, o.registeredBy = p.id
MERGE (o)-[:IN]->(c)
MERGE (p)-[r:MEMBER_OF]->(o) SET r.role = 'admin', r.since = $now, r.claim = false
WITH o CALL { WITH o UNWIND $themes AS tid MATCH (t:Theme {id: tid}) MERGE (o)-[:ABOUT]->(t) RETURN count(*) AS a }
RETURN o.id AS id`, p)
		return o.ID, err
	})
	if err != nil {
		return nil, err
	}
	return &graph.Membership{OrganisationID: out.(string), PersonID: personID, Status: graph.MemberAdmin, Since: now}, nil
}

// RequestMembership asks to join an organisation; a claim asks to become the
// admin of one that has none. A member asking again gets the membership back.
func (s *Store) RequestMembership(ctx context.Context, personID, orgID string, claim bool, now time.Time) (*graph.Membership, error) {
	p := map[string]any{"pid": personID, "org": orgID, "claim": claim, "now": now.UTC()}
	_, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		rows, err := run(`OPTIONAL MATCH (o:Organisation {id: $org}) WHERE coalesce(o.status, 'published') = 'published'
OPTIONAL MATCH (p:Person {id: $pid})-[m:MEMBER_OF]->(o)
RETURN o IS NOT NULL AS found, m IS NOT NULL AS member, m.role AS role,
       EXISTS { (:Person)-[:MEMBER_OF {role: 'admin'}]->(o) } AS hasAdmin`, p)
		if err != nil {
			return nil, err
		}
		row := rows[0]
		if ok, _ := row["found"].(bool); !ok {
			return nil, graph.Errorf(graph.ENOTFOUND, "id", "no organisation %q", orgID)
		}
		member, _ := row["member"].(bool)
		hasAdmin, _ := row["hasAdmin"].(bool)
		switch {
		case member && (!claim || str(row["role"]) == "admin"):
			return nil, nil
		case claim && hasAdmin:
			return nil, graph.Errorf(graph.ECONFLICT, "id", "this organisation has admins already; ask them to let you join")
		}
		_, err = run(`MATCH (p:Person {id: $pid}), (o:Organisation {id: $org})
MERGE (p)-[r:REQUESTS_MEMBERSHIP]->(o) ON CREATE SET r.since = $now
SET r.claim = coalesce(r.claim, false) OR $claim`, p)
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.Membership(ctx, orgID, personID)
}

// ApproveMembership turns a pending request into membership; confirming a claim
// (claim true) needs a claim and makes the person admin.
func (s *Store) ApproveMembership(ctx context.Context, orgID, personID string, claim bool, now time.Time) (*graph.Membership, error) {
	recs, err := s.write(ctx, stmt{`
MATCH (p:Person {id: $pid})-[r:REQUESTS_MEMBERSHIP]->(o:Organisation {id: $org})
WHERE NOT $claim OR r.claim
WITH p, o, r, r.claim AS wasClaim DELETE r
MERGE (p)-[m:MEMBER_OF]->(o)
SET m.role = CASE WHEN $claim OR m.role = 'admin' THEN 'admin' ELSE 'member' END, m.since = coalesce(m.since, $now), m.claim = wasClaim
RETURN o.id AS id`, map[string]any{"pid": personID, "org": orgID, "claim": claim, "now": now.UTC()}})
	if err != nil {
		return nil, err
	}
	if len(recs[0]) == 0 {
		if m, err := s.Membership(ctx, orgID, personID); err != nil || (m != nil && m.Status != graph.MemberPending && (!claim || m.Status == graph.MemberAdmin)) {
			return m, err // approved already
		}
		what := "request to join"
		if claim {
			what = "claim"
		}
		return nil, graph.Errorf(graph.ENOTFOUND, "person", "no pending %s of %q for %q", what, personID, orgID)
	}
	return s.Membership(ctx, orgID, personID)
}

// OrgAdmins returns the accounts of an organisation's admins.
func (s *Store) OrgAdmins(ctx context.Context, orgID string) ([]*graph.Account, error) {
	recs, err := s.read(ctx, `MATCH (p:Person)-[:MEMBER_OF {role: 'admin'}]->(:Organisation {id: $org}) WHERE `+live+`
RETURN `+accountFields+` AS a ORDER BY p.id LIMIT 20`, map[string]any{"org": orgID})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Account, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeAccount(r.AsMap()["a"]))
	}
	return out, nil
}

// MemberRequests lists the pending requests of an organisation, oldest first.
func (s *Store) MemberRequests(ctx context.Context, orgID string, claims bool, first int) ([]*graph.Membership, error) {
	return s.requests(ctx, `MATCH (p:Person)-[r:REQUESTS_MEMBERSHIP]->(o:Organisation {id: $org}) WHERE `+live,
		map[string]any{"org": orgID, "first": first})
}

// Claims lists the pending claims of every organisation, oldest first.
func (s *Store) Claims(ctx context.Context, first int) ([]*graph.Membership, error) {
	return s.requests(ctx, `MATCH (p:Person)-[r:REQUESTS_MEMBERSHIP {claim: true}]->(o:Organisation) WHERE `+live,
		map[string]any{"first": first})
}

func (s *Store) requests(ctx context.Context, match string, params map[string]any) ([]*graph.Membership, error) {
	recs, err := s.read(ctx, match+`
RETURN o.id AS org, p.id AS person, 'pending' AS status, coalesce(r.claim, false) AS claim, r.since AS since
ORDER BY since, person LIMIT $first`, params)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Membership, 0, len(recs))
	for _, r := range recs {
		out = append(out, decodeMembership(r.AsMap(), ""))
	}
	return out, nil
}

// SetRoles replaces a person's roles and countries.
func (s *Store) SetRoles(ctx context.Context, personID string, roles []graph.Role, countries []string, now time.Time) error {
	rs := make([]string, 0, len(roles))
	for _, r := range roles {
		rs = append(rs, string(r))
	}
	return s.personWrite(ctx, personID, `SET p.roles = $roles, p.countries = $countries, p.updatedAt = $now`,
		map[string]any{"roles": rs, "countries": nonNil(countries), "now": now.UTC()})
}

// Directory lists the people who share their details, by name.
func (s *Store) Directory(ctx context.Context, f graph.DirectoryFilter, first, offset int) ([]*graph.Person, int, error) {
	recs, err := s.read(ctx, `
MATCH (p:Person) WHERE p.shareDetails = true AND NOT coalesce(p.former, false)
  AND (coalesce(p.emailConfirmed, false) OR coalesce(p.demo, false))
  AND ($countries IS NULL OR EXISTS { (p)-[:MEMBER_OF]->(:Organisation)-[:IN]->(c:Country) WHERE c.iso2 IN $countries })
  AND ($themes IS NULL OR EXISTS { (p)-[:ABOUT]->(t:Theme) WHERE t.id IN $themes })
  AND ($langs IS NULL OR any(l IN coalesce(p.languages, []) WHERE l IN $langs))
WITH p ORDER BY toLower(p.name), p.id
WITH collect(p) AS found
RETURN size(found) AS total,
  [x IN found[$offset..$offset + $first] | x {.id, .name, .languages, .roles, .shareDetails, .demo, .createdAt, .updatedAt}] AS items`,
		map[string]any{"countries": listParam(f.Countries), "themes": listParam(f.Themes), "langs": listParam(f.Languages),
			"first": first, "offset": offset})
	if err != nil {
		return nil, 0, err
	}
	m := recs[0].AsMap()
	total, _ := m["total"].(int64)
	items, _ := m["items"].([]any)
	out := make([]*graph.Person, 0, len(items))
	for _, it := range items {
		n, err := decode(graph.KindPerson, it.(map[string]any))
		if err != nil {
			return nil, 0, err
		}
		out = append(out, n.(*graph.Person))
	}
	return out, int(total), nil
}

func listParam(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return l
}

// PersonData returns everything held about a person: the account's properties
// (never the password hash), sessions and API tokens (never their hashes), the
// contributions with their fields and revisions, and every relationship of the
// person with the node at its other end.
func (s *Store) PersonData(ctx context.Context, personID string) (map[string]any, error) {
	recs, err := s.read(ctx, `MATCH (p:Person {id: $pid}) WHERE NOT coalesce(p.former, false)
WITH p, [k IN keys(p) WHERE k <> 'passwordHash'] AS ks
RETURN {
  sessions: COLLECT { MATCH (x:Session {personId: p.id}) RETURN x {.created, .lastSeen, .expires} },
  apiTokens: COLLECT { MATCH (k:ApiToken {personId: p.id}) RETURN k {.id, .name, .scope, .prefix, .createdAt, .lastUsed} },
  contributions: COLLECT { MATCH (p)-[:SUBMITTED]->(c:Contribution) RETURN c {.*, revisions:
    COLLECT { MATCH (c)-[:HAS_REVISION]->(r:ContributionRevision) RETURN r {.number, .at, .changes} ORDER BY r.number },
    reviews: COLLECT { MATCH (:Person)-[v:REVIEWED]->(c) RETURN v {.at, .decision, .criteria, .reason} ORDER BY v.at } } },
  relationships: [(p)-[r]-(n) | {type: type(r), outgoing: startNode(r) = p, node: n.id, label: head(labels(n)), properties: properties(r)}]
} AS data, [k IN ks | [k, p[k]]] AS props`, map[string]any{"pid": personID})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no account %q", personID)
	}
	m := recs[0].AsMap()
	data, _ := m["data"].(map[string]any)
	account := map[string]any{}
	for _, kv := range m["props"].([]any) {
		pair := kv.([]any)
		account[pair[0].(string)] = pair[1]
	}
	data["account"] = account
	return jsonable(data).(map[string]any), nil
}

// jsonable turns Neo4j values into values encoding/json writes plainly.
func jsonable(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonable(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonable(e)
		}
		return out
	case dbtype.Date:
		return graph.DateOf(x.Time()).String()
	case dbtype.Point2D:
		return map[string]float64{"lon": x.X, "lat": x.Y}
	case dbtype.Duration:
		return x.String()
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	}
	return v
}

// DeleteAccount leaves a tombstone: the Person keeps its id (so that published
// content still points at it) and former = true; its name, email, password hash
// and every other detail go, with its sessions, tokens, memberships and themes,
// the mails to its address (sent or not) and its contributions that are not
// published (with their revisions).
func (s *Store) DeleteAccount(ctx context.Context, personID string, now time.Time) error {
	return s.personWrite(ctx, personID, `
CALL { WITH p MATCH (x:Session {personId: p.id}) DELETE x RETURN count(*) AS a }
CALL { WITH p MATCH (x:ApiToken {personId: p.id}) DELETE x RETURN count(*) AS b }
CALL { WITH p MATCH (x:OneTimeToken {personId: p.id}) DELETE x RETURN count(*) AS c }
CALL { WITH p MATCH (p)-[r:MEMBER_OF|REQUESTS_MEMBERSHIP|ABOUT]->() DELETE r RETURN count(*) AS d }
CALL { WITH p MATCH (x:Mail {to: p.email}) DELETE x RETURN count(*) AS e }
CALL { WITH p MATCH (p)-[:SUBMITTED]->(x:Contribution) WHERE x.state <> 'published'
  OPTIONAL MATCH (x)-[:HAS_REVISION]->(r:ContributionRevision) DETACH DELETE r, x RETURN count(*) AS f }
SET p = {id: p.id, former: true, name: '', shareDetails: false, demo: false, createdAt: p.createdAt, updatedAt: $now, deletedAt: $now}`,
		map[string]any{"now": now.UTC()})
}
