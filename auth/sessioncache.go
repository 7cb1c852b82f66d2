package auth

import (
	"sync"
	"time"

	"ewsi/graph"
)

// DefaultSessionCache is how long a server answers a session from memory
// before it asks Neo4j again (Config.SessionCache).
const DefaultSessionCache = 2 * time.Second

// maxCachedSessions bounds the cache; past it, expired entries go first, then
// the whole cache (it refills from Neo4j).
const maxCachedSessions = 20000

// sessionCache keeps the actor of a session cookie for a short time, so that a
// request of a logged-in person does not wait on Neo4j each time. Neo4j stays
// the record: the cache holds nothing a second server would need. What it
// costs: a session ended, or roles changed, through another server take effect
// here at most ttl later; on this server at once (forget, forgetPerson).
type sessionCache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]cachedSession
}

type cachedSession struct {
	actor graph.Actor
	until time.Time
}

func newSessionCache(ttl time.Duration) *sessionCache {
	return &sessionCache{ttl: ttl, m: map[string]cachedSession{}}
}

// get returns a copy of the cached actor of the session hash h, if fresh.
func (c *sessionCache) get(h string, now time.Time) (*graph.Actor, bool) {
	if c == nil || c.ttl <= 0 {
		return nil, false
	}
	c.mu.Lock()
	e, ok := c.m[h]
	c.mu.Unlock()
	if !ok || !now.Before(e.until) {
		return nil, false
	}
	a := e.actor
	a.Roles = append([]graph.Role(nil), e.actor.Roles...)
	a.Countries = append([]string(nil), e.actor.Countries...)
	return &a, true
}

// put remembers the actor of h until now+ttl.
func (c *sessionCache) put(h string, a *graph.Actor, now time.Time) {
	if c == nil || c.ttl <= 0 || a == nil {
		return
	}
	e := cachedSession{actor: *a, until: now.Add(c.ttl)}
	e.actor.Roles = append([]graph.Role(nil), a.Roles...)
	e.actor.Countries = append([]string(nil), a.Countries...)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedSessions {
		for k, v := range c.m {
			if !now.Before(v.until) {
				delete(c.m, k)
			}
		}
		if len(c.m) >= maxCachedSessions {
			clear(c.m)
		}
	}
	c.m[h] = e
}

// forget drops one session (it ended on this server).
func (c *sessionCache) forget(h string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	delete(c.m, h)
	c.mu.Unlock()
}

// forgetPerson drops every session of a person (logged out everywhere, roles
// changed, account deleted on this server).
func (c *sessionCache) forgetPerson(personID string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	for k, v := range c.m {
		if v.actor.PersonID == personID {
			delete(c.m, k)
		}
	}
	c.mu.Unlock()
}
