package neo4j_test

import (
	"context"
	"testing"
	"time"

	"ewsi/graph"
)

func newAccount(t *testing.T, id, email string, now time.Time) {
	t.Helper()
	created, err := db.Store.CreateAccount(context.Background(), graph.NewAccount{ID: id, Name: "N " + id, Email: email, PasswordHash: "$argon2id$x", Lang: "fr"},
		graph.OneTimeToken{Hash: "confirm-" + id, Purpose: graph.TokenConfirm, PersonID: id, Expires: now.Add(time.Hour)}, now)
	if err != nil || !created {
		t.Fatalf("create %s: %v %v", id, created, err)
	}
}

func TestAccountsStore(t *testing.T) {
	ctx, s := context.Background(), db.Store
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	newAccount(t, "person:store-a", "a@store.test", now)
	t.Run("one account per address", func(t *testing.T) {
		created, err := s.CreateAccount(ctx, graph.NewAccount{ID: "person:store-a2", Name: "Again", Email: "a@store.test", PasswordHash: "h"},
			graph.OneTimeToken{Hash: "confirm-a2", Purpose: graph.TokenConfirm, PersonID: "person:store-a2", Expires: now.Add(time.Hour)}, now)
		if err != nil || created {
			t.Fatalf("second account for one address: %v %v", created, err)
		}
		if n := countRows(t, "MATCH (k:OneTimeToken {hash: 'confirm-a2'}) RETURN count(k) AS c"); n != 0 {
			t.Errorf("a token was stored for the refused account")
		}
	})
	t.Run("one-time tokens", func(t *testing.T) {
		cases := []struct {
			name, purpose, hash string
			at                  time.Time
			code                string
		}{
			{"wrong purpose", graph.TokenReset, "confirm-person:store-a", now, graph.ENOTFOUND},
			{"expired", graph.TokenConfirm, "confirm-person:store-a", now.Add(2 * time.Hour), graph.ENOTFOUND},
			{"spent by the expired try", graph.TokenConfirm, "confirm-person:store-a", now, graph.ENOTFOUND},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.UseOneTimeToken(ctx, c.purpose, c.hash, c.at)
				if graph.ErrorCode(err) != c.code {
					t.Errorf("got %v, want %s", err, c.code)
				}
			})
		}
		if err := s.AddOneTimeToken(ctx, graph.OneTimeToken{Hash: "reset-a", Purpose: graph.TokenReset, PersonID: "person:store-a", Expires: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		tok, err := s.UseOneTimeToken(ctx, graph.TokenReset, "reset-a", now)
		if err != nil || tok.PersonID != "person:store-a" {
			t.Fatalf("use: %+v %v", tok, err)
		}
		if _, err := s.UseOneTimeToken(ctx, graph.TokenReset, "reset-a", now); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("a token used twice: %v", err)
		}
	})
	t.Run("sessions", func(t *testing.T) {
		if err := s.CreateSession(ctx, graph.Session{IDHash: "sess-unconfirmed", PersonID: "person:store-a", Created: now, Expires: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, "MATCH (x:Session {idHash: 'sess-unconfirmed'}) RETURN count(x) AS c"); n != 0 {
			t.Errorf("a session was opened for an unconfirmed account")
		}
		if err := s.ConfirmEmail(ctx, "person:store-a", now); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRoles(ctx, "person:store-a", []graph.Role{graph.RoleCoordinator, "bogus"}, []string{"FR"}, now); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSession(ctx, graph.Session{IDHash: "sess-a", PersonID: "person:store-a", Created: now, Expires: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		a, err := s.SessionActor(ctx, "sess-a", now.Add(30*time.Minute), 5*time.Minute)
		if err != nil || a == nil || a.PersonID != "person:store-a" || !a.Has(graph.RoleMember) || !a.Coordinates("FR") || a.Has("bogus") {
			t.Fatalf("actor: %+v %v", a, err)
		}
		if n := countRows(t, "MATCH (x:Session {idHash: 'sess-a'}) WHERE x.lastSeen > x.created RETURN count(x) AS c"); n != 1 {
			t.Errorf("last seen not noted after half an hour")
		}
		if a, err := s.SessionActor(ctx, "sess-a", now.Add(2*time.Hour), 5*time.Minute); err != nil || a != nil {
			t.Errorf("an expired session: %+v %v", a, err)
		}
		if err := s.CreateSession(ctx, graph.Session{IDHash: "sess-a-later", PersonID: "person:store-a", Created: now.Add(2 * time.Hour), Expires: now.Add(3 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, "MATCH (x:Session {personId: 'person:store-a'}) RETURN count(x) AS c"); n != 1 {
			t.Errorf("%d sessions after a new login, want the expired one forgotten", n)
		}
		if err := s.SetPassword(ctx, "person:store-a", "$argon2id$new", now); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, "MATCH (x:Session {personId: 'person:store-a'}) RETURN count(x) AS c"); n != 0 {
			t.Errorf("%d sessions left after a new password", n)
		}
	})
	t.Run("email change", func(t *testing.T) {
		newAccount(t, "person:store-b", "b@store.test", now)
		if err := s.SetEmail(ctx, "person:store-a", "b@store.test", now); graph.ErrorCode(err) != graph.ECONFLICT {
			t.Errorf("taking another's address: %v", err)
		}
		if err := s.SetEmail(ctx, "person:store-a", "a2@store.test", now); err != nil {
			t.Fatal(err)
		}
		if c, err := s.CredentialsByEmail(ctx, "a2@store.test"); err != nil || c == nil || c.PersonID != "person:store-a" {
			t.Errorf("credentials by the new address: %+v %v", c, err)
		}
	})
	t.Run("tombstone", func(t *testing.T) {
		if err := s.DeleteAccount(ctx, "person:store-b", now); err != nil {
			t.Fatal(err)
		}
		if c, err := s.CredentialsByEmail(ctx, "b@store.test"); err != nil || c != nil {
			t.Errorf("credentials after deleting: %+v %v", c, err)
		}
		if n := countRows(t, "MATCH (p:Person {id: 'person:store-b'}) WHERE p.former AND p.email IS NULL AND p.passwordHash IS NULL AND p.name = '' RETURN count(p) AS c"); n != 1 {
			t.Errorf("no tombstone")
		}
		if err := s.DeleteAccount(ctx, "person:store-b", now); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("deleting twice: %v", err)
		}
	})
}

func TestThrottleBackoff(t *testing.T) {
	ctx, s := context.Background(), db.Store
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rule := graph.ThrottleRule{Limit: 3, Window: time.Hour, Base: time.Minute, Max: 4 * time.Minute}
	keys := []string{"test:backoff"}
	cases := []struct {
		at   time.Duration // after now
		lock time.Duration // locked for, from the attempt (0: not locked)
	}{
		{0, 0}, {time.Second, 0},
		{2 * time.Second, time.Minute},     // the third attempt locks for Base
		{3 * time.Second, 2 * time.Minute}, // then doubles
		{4 * time.Second, 4 * time.Minute},
		{5 * time.Second, 4 * time.Minute}, // up to Max
		{2 * time.Hour, 0},                 // a quiet Window starts the count again
	}
	for i, c := range cases {
		at := now.Add(c.at)
		until, err := s.ThrottleHit(ctx, keys, at, rule)
		if err != nil {
			t.Fatal(err)
		}
		want := time.Time{}
		if c.lock > 0 {
			want = at.Add(c.lock)
		}
		if !until.Equal(want) {
			t.Errorf("attempt %d: locked until %v, want %v", i+1, until, want)
		}
	}
	if until, err := s.Throttled(ctx, keys, now.Add(2*time.Hour)); err != nil || !until.IsZero() {
		t.Errorf("throttled after the quiet hour: %v %v", until, err)
	}
	if until, err := s.Throttled(ctx, keys, now.Add(6*time.Second)); err != nil || !until.Equal(now.Add(5*time.Second+4*time.Minute)) {
		t.Errorf("throttled during the lock: %v %v", until, err)
	}
	if _, err := s.ThrottleHit(ctx, []string{"test:later"}, now.Add(30*time.Hour), rule); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, "MATCH (t:Throttle {key: 'test:backoff'}) RETURN count(t) AS c"); n != 0 {
		t.Errorf("a throttle quiet for a day is still stored")
	}
	if err := s.ThrottleClear(ctx, []string{"test:later"}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, "MATCH (t:Throttle {key: 'test:later'}) RETURN count(t) AS c"); n != 0 {
		t.Errorf("cleared throttle still stored")
	}
}
