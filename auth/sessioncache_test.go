package auth

import (
	"testing"
	"time"

	"ewsi/graph"
)

func TestSessionCache(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ann := &graph.Actor{PersonID: "person:ann", Roles: []graph.Role{graph.RoleMember, graph.RoleCoordinator}, Countries: []string{"FR"}, Session: "h1"}
	bob := &graph.Actor{PersonID: "person:bob", Roles: []graph.Role{graph.RoleMember}, Session: "h3"}
	t.Run("fresh, then expired", func(t *testing.T) {
		c := newSessionCache(2 * time.Second)
		c.put("h1", ann, t0)
		if a, ok := c.get("h1", t0.Add(1999*time.Millisecond)); !ok || a.PersonID != "person:ann" || !a.Has(graph.RoleCoordinator) {
			t.Fatalf("within the lifetime: %v %v", a, ok)
		}
		if _, ok := c.get("h1", t0.Add(2*time.Second)); ok {
			t.Fatal("answered from memory after its lifetime")
		}
	})
	t.Run("a copy: a caller's change does not reach the cache", func(t *testing.T) {
		c := newSessionCache(time.Minute)
		c.put("h1", ann, t0)
		a, _ := c.get("h1", t0)
		a.Roles[1] = graph.RoleAdmin
		a.Countries[0] = "DE"
		b, _ := c.get("h1", t0)
		if b.Has(graph.RoleAdmin) || b.Countries[0] != "FR" {
			t.Fatalf("the cached actor changed: %+v", b)
		}
	})
	t.Run("forget one session, then every session of a person", func(t *testing.T) {
		c := newSessionCache(time.Minute)
		c.put("h1", ann, t0)
		c.put("h2", ann, t0)
		c.put("h3", bob, t0)
		c.forget("h1")
		if _, ok := c.get("h1", t0); ok {
			t.Fatal("h1 still answered after forget")
		}
		if _, ok := c.get("h2", t0); !ok {
			t.Fatal("forget of h1 dropped h2")
		}
		c.forgetPerson("person:ann")
		if _, ok := c.get("h2", t0); ok {
			t.Fatal("ann's other session still answered after forgetPerson")
		}
		if _, ok := c.get("h3", t0); !ok {
			t.Fatal("forgetPerson of ann dropped bob's session")
		}
	})
	t.Run("off", func(t *testing.T) {
		c := newSessionCache(-1)
		c.put("h1", ann, t0)
		if _, ok := c.get("h1", t0); ok {
			t.Fatal("a cache switched off answered")
		}
	})
	t.Run("bounded", func(t *testing.T) {
		c := newSessionCache(time.Second)
		for i := range maxCachedSessions {
			c.put(string(rune(i))+"old", bob, t0)
		}
		c.put("new", ann, t0.Add(2*time.Second)) // the old ones have expired: they go
		if len(c.m) != 1 {
			t.Fatalf("%d entries after a put past the bound with every old entry expired", len(c.m))
		}
	})
}

func BenchmarkSessionCacheGet(b *testing.B) {
	c := newSessionCache(time.Minute)
	t0 := time.Now()
	c.put("h", &graph.Actor{PersonID: "person:ann", Roles: []graph.Role{graph.RoleMember}}, t0)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := c.get("h", t0); !ok {
			b.Fatal("miss")
		}
	}
}
