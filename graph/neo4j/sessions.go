package neo4j

import (
	"context"
	"time"

	"ewsi/graph"
)

// Sessions and API tokens are nodes holding only the SHA-256 of their secret,
// so that any server behind the load balancer checks them. Their actor is read
// in one query; the "last seen" time is written only when older than
// touchEvery, so that most requests read and do not write.

// CreateSession stores a session.
func (s *Store) CreateSession(ctx context.Context, ss graph.Session) error {
	_, err := s.write(ctx, stmt{`MATCH (p:Person {id: $pid}) WHERE ` + live + `
CREATE (x:Session {idHash: $h, personId: p.id, created: $created, lastSeen: $created, expires: $expires})`,
		map[string]any{"pid": ss.PersonID, "h": ss.IDHash, "created": ss.Created.UTC(), "expires": ss.Expires.UTC()}})
	return err
}

const actorFields = `p.id AS id, coalesce(p.roles, []) AS roles, coalesce(p.countries, []) AS countries`

// SessionActor returns the actor of a live session, nil when unknown or expired.
func (s *Store) SessionActor(ctx context.Context, idHash string, now time.Time, touchEvery time.Duration) (*graph.Actor, error) {
	recs, err := s.read(ctx, `MATCH (x:Session {idHash: $h}) WHERE x.expires > $now
MATCH (p:Person {id: x.personId}) WHERE `+live+`
RETURN `+actorFields+`, x.lastSeen < $stale AS stale`,
		map[string]any{"h": idHash, "now": now.UTC(), "stale": now.Add(-touchEvery).UTC()})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	m := recs[0].AsMap()
	if stale, _ := m["stale"].(bool); stale {
		if _, err := s.write(ctx, stmt{`MATCH (x:Session {idHash: $h}) SET x.lastSeen = $now`,
			map[string]any{"h": idHash, "now": now.UTC()}}); err != nil {
			return nil, err
		}
	}
	return actorOf(m, graph.ScopeAll), nil
}

// actorOf builds an actor from actorFields: every live account is a member.
func actorOf(m map[string]any, scope graph.Scope) *graph.Actor {
	a := &graph.Actor{PersonID: str(m["id"]), Roles: []graph.Role{graph.RoleMember}, Countries: strs(m["countries"]), Scope: scope}
	for _, r := range strs(m["roles"]) {
		if role := graph.Role(r); role.Valid() && role != graph.RoleMember && role != graph.RoleVisitor {
			a.Roles = append(a.Roles, role)
		}
	}
	return a
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	_, err := s.write(ctx, stmt{`MATCH (x:Session {idHash: $h}) DELETE x`, map[string]any{"h": idHash}})
	return err
}

// DeleteSessions ends every session of a person.
func (s *Store) DeleteSessions(ctx context.Context, personID string) error {
	_, err := s.write(ctx, stmt{`MATCH (x:Session {personId: $pid}) DELETE x`, map[string]any{"pid": personID}})
	return err
}

// CreateAPIToken stores a token and the hash of its secret.
func (s *Store) CreateAPIToken(ctx context.Context, t graph.APIToken, hash string) error {
	recs, err := s.write(ctx, stmt{`MATCH (p:Person {id: $pid}) WHERE ` + live + `
CREATE (k:ApiToken {id: $id, hash: $hash, personId: p.id, name: $name, scope: $scope, prefix: $prefix, createdAt: $now})
RETURN k.id AS id`,
		map[string]any{"pid": t.PersonID, "id": t.ID, "hash": hash, "name": t.Name, "scope": string(t.Scope), "prefix": t.Prefix, "now": t.CreatedAt.UTC()}})
	if err != nil {
		return err
	}
	if len(recs[0]) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "person", "no such account")
	}
	return nil
}

// APITokens lists a person's tokens, newest first.
func (s *Store) APITokens(ctx context.Context, personID string) ([]*graph.APIToken, error) {
	recs, err := s.read(ctx, `MATCH (k:ApiToken {personId: $pid})
RETURN k {.id, .personId, .name, .scope, .prefix, .createdAt, .lastUsed} AS k ORDER BY k.createdAt DESC, k.id LIMIT 100`,
		map[string]any{"pid": personID})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.APIToken, 0, len(recs))
	for _, r := range recs {
		m, _ := r.AsMap()["k"].(map[string]any)
		t := &graph.APIToken{ID: str(m["id"]), PersonID: str(m["personId"]), Name: str(m["name"]), Scope: graph.Scope(str(m["scope"])), Prefix: str(m["prefix"])}
		t.CreatedAt, _ = m["createdAt"].(time.Time)
		if lu, ok := m["lastUsed"].(time.Time); ok {
			t.LastUsed = &lu
		}
		out = append(out, t)
	}
	return out, nil
}

// RevokeAPIToken deletes a token of the person.
func (s *Store) RevokeAPIToken(ctx context.Context, personID, id string) error {
	recs, err := s.write(ctx, stmt{`MATCH (k:ApiToken {id: $id}) WHERE k.personId = $pid DELETE k RETURN $id AS id`,
		map[string]any{"pid": personID, "id": id}})
	if err != nil {
		return err
	}
	if len(recs[0]) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "id", "you have no API token %q", id)
	}
	return nil
}

// TokenActor returns the actor of an API token, nil when unknown.
func (s *Store) TokenActor(ctx context.Context, hash string, now time.Time, touchEvery time.Duration) (*graph.Actor, error) {
	recs, err := s.read(ctx, `MATCH (k:ApiToken {hash: $h})
MATCH (p:Person {id: k.personId}) WHERE `+live+`
RETURN `+actorFields+`, k.scope AS scope, coalesce(k.lastUsed < $stale, true) AS stale`,
		map[string]any{"h": hash, "stale": now.Add(-touchEvery).UTC()})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	m := recs[0].AsMap()
	if stale, _ := m["stale"].(bool); stale {
		if _, err := s.write(ctx, stmt{`MATCH (k:ApiToken {hash: $h}) SET k.lastUsed = $now`,
			map[string]any{"h": hash, "now": now.UTC()}}); err != nil {
			return nil, err
		}
	}
	return actorOf(m, graph.Scope(str(m["scope"]))), nil
}

// Throttled returns the latest lock among keys, zero when none is locked.
func (s *Store) Throttled(ctx context.Context, keys []string, now time.Time) (time.Time, error) {
	recs, err := s.read(ctx, `MATCH (t:Throttle) WHERE t.key IN $keys AND t.lockedUntil > $now RETURN max(t.lockedUntil) AS until`,
		map[string]any{"keys": keys, "now": now.UTC()})
	if err != nil || len(recs) == 0 {
		return time.Time{}, err
	}
	until, _ := recs[0].AsMap()["until"].(time.Time)
	return until, nil
}

// ThrottleHit records an attempt under each key: the count restarts after a
// quiet Window; from Limit attempts on, the key locks for Base doubling with
// each further attempt, up to Max.
func (s *Store) ThrottleHit(ctx context.Context, keys []string, now time.Time, r graph.ThrottleRule) (time.Time, error) {
	recs, err := s.write(ctx, stmt{`
UNWIND $keys AS key
MERGE (t:Throttle {key: key})
WITH t, CASE WHEN t.last IS NULL OR t.last < $quiet THEN 1 ELSE t.count + 1 END AS c
WITH t, c, CASE WHEN c >= $limit THEN $base * (2.0 ^ (c - $limit)) ELSE 0 END AS ms
SET t.count = c, t.last = $now,
    t.lockedUntil = CASE WHEN ms > 0 THEN $now + duration({milliseconds: toInteger(CASE WHEN ms > $max THEN $max ELSE ms END)})
                         ELSE t.lockedUntil END
RETURN max(t.lockedUntil) AS until`,
		map[string]any{"keys": keys, "now": now.UTC(), "quiet": now.Add(-r.Window).UTC(), "limit": r.Limit,
			"base": r.Base.Milliseconds(), "max": r.Max.Milliseconds()}})
	if err != nil || len(recs[0]) == 0 {
		return time.Time{}, err
	}
	until, _ := recs[0][0].AsMap()["until"].(time.Time)
	if !until.After(now) {
		return time.Time{}, nil
	}
	return until, nil
}

// ThrottleClear forgets the attempts under keys (after a successful login).
func (s *Store) ThrottleClear(ctx context.Context, keys []string) error {
	_, err := s.write(ctx, stmt{`MATCH (t:Throttle) WHERE t.key IN $keys DELETE t`, map[string]any{"keys": keys}})
	return err
}
