package neo4j

import (
	"context"
	"time"

	"ewsi/graph"
)

var _ graph.Accounts = (*Store)(nil)

// accountSchema are the constraints and indexes of accounts: one account per
// (lower-cased) email, and sessions, API tokens, one-time tokens and throttles
// found by the hash of their secret or by their key.
var accountSchema = []string{
	"CREATE CONSTRAINT person_email IF NOT EXISTS FOR (n:Person) REQUIRE n.email IS UNIQUE",
	"CREATE CONSTRAINT session_idhash IF NOT EXISTS FOR (n:Session) REQUIRE n.idHash IS UNIQUE",
	"CREATE INDEX session_personid IF NOT EXISTS FOR (n:Session) ON (n.personId)",
	"CREATE CONSTRAINT apitoken_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE",
	"CREATE CONSTRAINT apitoken_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE",
	"CREATE INDEX apitoken_personid IF NOT EXISTS FOR (n:ApiToken) ON (n.personId)",
	"CREATE CONSTRAINT onetimetoken_hash IF NOT EXISTS FOR (n:OneTimeToken) REQUIRE n.hash IS UNIQUE",
	"CREATE INDEX onetimetoken_personid IF NOT EXISTS FOR (n:OneTimeToken) ON (n.personId)",
	"CREATE CONSTRAINT throttle_key IF NOT EXISTS FOR (n:Throttle) REQUIRE n.key IS UNIQUE",
}

// accountFields projects a Person p to an Account.
const accountFields = `p {.id, .name, .email, .emailConfirmed, .pendingEmail, .lang, .shareDetails, .createdAt,
  languages: coalesce(p.languages, []), roles: coalesce(p.roles, []), countries: coalesce(p.countries, []),
  themes: [(p)-[:ABOUT]->(t:Theme) | t.id]}`

// live is the condition of an account that may log in and act.
const live = "coalesce(p.emailConfirmed, false) AND NOT coalesce(p.former, false)"

// CreateAccount writes an unconfirmed account and its confirmation token.
func (s *Store) CreateAccount(ctx context.Context, a graph.NewAccount, confirm graph.OneTimeToken, now time.Time) (bool, error) {
	p := map[string]any{"id": a.ID, "email": a.Email, "now": now.UTC(), "themes": nonNil(a.ThemeIDs), "org": a.Organisation,
		"props": map[string]any{"name": a.Name, "email": a.Email, "passwordHash": a.PasswordHash, "emailConfirmed": false,
			"languages": nonNil(a.Languages), "lang": string(a.Lang), "shareDetails": a.ShareDetails,
			"roles": []string{}, "countries": []string{}, "demo": false},
		"token": tokenProps(confirm)}
	out, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		rows, err := run(`OPTIONAL MATCH (p:Person) WHERE p.email = $email OR p.id = $id RETURN count(p) AS n`, p)
		if err != nil {
			return nil, err
		}
		if n, _ := rows[0]["n"].(int64); n > 0 {
			return false, nil
		}
		_, err = run(`
CREATE (p:Person {id: $id}) SET p += $props, p.createdAt = $now, p.updatedAt = $now
WITH p
CALL { WITH p UNWIND $themes AS tid MATCH (t:Theme {id: tid}) MERGE (p)-[:ABOUT]->(t) RETURN count(*) AS a }
CALL { WITH p OPTIONAL MATCH (o:Organisation {id: $org}) WITH p, o WHERE o IS NOT NULL
       MERGE (p)-[r:REQUESTS_MEMBERSHIP]->(o) ON CREATE SET r.claim = false, r.since = $now RETURN count(*) AS b }
CREATE (k:OneTimeToken) SET k = $token
RETURN p.id AS id`, p)
		return true, err
	})
	if err != nil {
		return false, err
	}
	return out.(bool), nil
}

func tokenProps(t graph.OneTimeToken) map[string]any {
	return map[string]any{"hash": t.Hash, "purpose": t.Purpose, "personId": t.PersonID, "expires": t.Expires.UTC(), "data": t.Data}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// AddOneTimeToken stores a mailed link's token hash.
func (s *Store) AddOneTimeToken(ctx context.Context, t graph.OneTimeToken) error {
	_, err := s.write(ctx, stmt{`MERGE (k:OneTimeToken {hash: $t.hash}) SET k = $t`, map[string]any{"t": tokenProps(t)}})
	return err
}

// UseOneTimeToken deletes the token and returns it; NOT_FOUND when unknown,
// used or expired (an expired one is deleted too).
func (s *Store) UseOneTimeToken(ctx context.Context, purpose, hash string, now time.Time) (*graph.OneTimeToken, error) {
	recs, err := s.write(ctx, stmt{`
MATCH (k:OneTimeToken {hash: $hash}) WHERE k.purpose = $purpose
WITH k, k {.*} AS t
DELETE k
RETURN t`, map[string]any{"hash": hash, "purpose": purpose}})
	if err != nil {
		return nil, err
	}
	if len(recs[0]) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "token", "this link is not valid: it was used already or mistyped; ask for a new one")
	}
	m, _ := recs[0][0].AsMap()["t"].(map[string]any)
	t := &graph.OneTimeToken{Hash: str(m["hash"]), Purpose: str(m["purpose"]), PersonID: str(m["personId"]), Data: str(m["data"])}
	t.Expires, _ = m["expires"].(time.Time)
	if !t.Expires.After(now) {
		return nil, graph.Errorf(graph.ENOTFOUND, "token", "this link has expired; ask for a new one")
	}
	return t, nil
}

// ConfirmEmail marks a person's email as confirmed.
func (s *Store) ConfirmEmail(ctx context.Context, personID string, now time.Time) error {
	return s.personWrite(ctx, personID, `SET p.emailConfirmed = true, p.updatedAt = $now`, map[string]any{"now": now.UTC()})
}

// personWrite runs set on the (non-former) person, NOT_FOUND when there is none.
func (s *Store) personWrite(ctx context.Context, personID, set string, params map[string]any) error {
	params["pid"] = personID
	recs, err := s.write(ctx, stmt{`MATCH (p:Person {id: $pid}) WHERE NOT coalesce(p.former, false) ` + set + ` RETURN p.id AS id`, params})
	if err != nil {
		return err
	}
	if len(recs[0]) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "person", "no such account")
	}
	return nil
}

// SetEmail sets a confirmed new address.
func (s *Store) SetEmail(ctx context.Context, personID, email string, now time.Time) error {
	_, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		p := map[string]any{"pid": personID, "email": email, "now": now.UTC()}
		rows, err := run(`MATCH (p:Person {email: $email}) WHERE p.id <> $pid RETURN count(p) AS n`, p)
		if err != nil {
			return nil, err
		}
		if n, _ := rows[0]["n"].(int64); n > 0 {
			return nil, graph.Errorf(graph.ECONFLICT, "newEmail", "this address cannot be used; choose another")
		}
		rows, err = run(`MATCH (p:Person {id: $pid}) WHERE NOT coalesce(p.former, false)
SET p.email = $email, p.pendingEmail = null, p.emailConfirmed = true, p.updatedAt = $now RETURN p.id AS id`, p)
		if err == nil && len(rows) == 0 {
			err = graph.Errorf(graph.ENOTFOUND, "person", "no such account")
		}
		return nil, err
	})
	return err
}

// SetPendingEmail notes the address waiting for its confirmation.
func (s *Store) SetPendingEmail(ctx context.Context, personID, email string) error {
	return s.personWrite(ctx, personID, `SET p.pendingEmail = $email`, map[string]any{"email": email})
}

// SetPassword sets a new hash and ends every session of the person.
func (s *Store) SetPassword(ctx context.Context, personID, hash string, now time.Time) error {
	return s.personWrite(ctx, personID, `SET p.passwordHash = $hash, p.updatedAt = $now
WITH p CALL { WITH p MATCH (x:Session {personId: p.id}) DELETE x RETURN count(*) AS n }`,
		map[string]any{"hash": hash, "now": now.UTC()})
}

// SetPasswordHash replaces the hash of the same password, sessions kept.
func (s *Store) SetPasswordHash(ctx context.Context, personID, hash string) error {
	return s.personWrite(ctx, personID, `SET p.passwordHash = $hash`, map[string]any{"hash": hash})
}

const credentialsFields = `RETURN p.id AS id, p.passwordHash AS hash, coalesce(p.emailConfirmed, false) AS confirmed, p.lang AS lang, p.name AS name`

// CredentialsByEmail returns what login checks, nil for an unknown email.
func (s *Store) CredentialsByEmail(ctx context.Context, email string) (*graph.Credentials, error) {
	return s.credentials(ctx, `MATCH (p:Person {email: $v}) WHERE NOT coalesce(p.former, false) `+credentialsFields, email)
}

// CredentialsByID returns what a password check needs, nil for an unknown person.
func (s *Store) CredentialsByID(ctx context.Context, personID string) (*graph.Credentials, error) {
	return s.credentials(ctx, `MATCH (p:Person {id: $v}) WHERE NOT coalesce(p.former, false) `+credentialsFields, personID)
}

func (s *Store) credentials(ctx context.Context, cypher, v string) (*graph.Credentials, error) {
	recs, err := s.read(ctx, cypher, map[string]any{"v": v})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	m := recs[0].AsMap()
	if str(m["hash"]) == "" {
		return nil, nil
	}
	c := &graph.Credentials{PersonID: str(m["id"]), PasswordHash: str(m["hash"]), Name: str(m["name"]), Lang: graph.Lang(str(m["lang"]))}
	c.Confirmed, _ = m["confirmed"].(bool)
	return c, nil
}

// Account returns a person's account, NOT_FOUND when there is none.
func (s *Store) Account(ctx context.Context, personID string) (*graph.Account, error) {
	recs, err := s.read(ctx, `MATCH (p:Person {id: $id}) WHERE NOT coalesce(p.former, false) AND p.email IS NOT NULL RETURN `+accountFields+` AS a`,
		map[string]any{"id": personID})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no account %q", personID)
	}
	return decodeAccount(recs[0].AsMap()["a"]), nil
}

func decodeAccount(v any) *graph.Account {
	m, _ := v.(map[string]any)
	a := &graph.Account{ID: str(m["id"]), Name: str(m["name"]), Email: str(m["email"]), Lang: graph.Lang(str(m["lang"])),
		Languages: strs(m["languages"]), ThemeIDs: strs(m["themes"]), Countries: strs(m["countries"])}
	a.EmailConfirmed, _ = m["emailConfirmed"].(bool)
	a.ShareDetails, _ = m["shareDetails"].(bool)
	a.CreatedAt, _ = m["createdAt"].(time.Time)
	if pe := str(m["pendingEmail"]); pe != "" {
		a.PendingEmail = &pe
	}
	if a.Lang == "" {
		a.Lang = graph.LangEN
	}
	for _, r := range strs(m["roles"]) {
		a.Roles = append(a.Roles, graph.Role(r))
	}
	return a
}

// UpdateProfile changes the fields of p that are set.
func (s *Store) UpdateProfile(ctx context.Context, personID string, pp graph.ProfilePatch, now time.Time) error {
	set := map[string]any{}
	if pp.Name != nil {
		set["name"] = *pp.Name
	}
	if pp.Languages != nil {
		set["languages"] = pp.Languages
	}
	if pp.Lang != nil {
		set["lang"] = string(*pp.Lang)
	}
	if pp.ShareDetails != nil {
		set["shareDetails"] = *pp.ShareDetails
	}
	return s.personWrite(ctx, personID, `SET p += $set, p.updatedAt = $now
WITH p CALL { WITH p WITH p WHERE $themes IS NOT NULL
  OPTIONAL MATCH (p)-[r:ABOUT]->(:Theme) DELETE r RETURN count(*) AS a }
CALL { WITH p UNWIND coalesce($themes, []) AS tid MATCH (t:Theme {id: tid}) MERGE (p)-[:ABOUT]->(t) RETURN count(*) AS b }`,
		map[string]any{"set": set, "now": now.UTC(), "themes": themesParam(pp.ThemeIDs)})
}

func themesParam(ids []string) any {
	if ids == nil {
		return nil
	}
	return ids
}
