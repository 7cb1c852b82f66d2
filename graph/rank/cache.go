package rank

import (
	"context"
	"sync"
	"time"
)

// VersionCheckEvery is how often a Cache asks the store whether the graph changed.
const VersionCheckEvery = time.Second

// BuildTimeout bounds one build of a projection.
const BuildTimeout = 10 * time.Minute

// Cache keeps the projection of the graph, stale while it revalidates: when the
// graph version changes (checked at most once per CheckEvery) a new projection
// is built in the background, one build at a time, while the previous one keeps
// answering. It is safe for concurrent use.
type Cache struct {
	// Load reads the graph and builds a projection tagged with the version it
	// read before anything else.
	Load func(ctx context.Context) (*Projection, error)
	// Version returns the graph's current version token.
	Version func(ctx context.Context) (string, error)
	// CheckEvery defaults to VersionCheckEvery.
	CheckEvery time.Duration
	// OnBuild, when set, hears of every build that ends, with its error.
	OnBuild func(p *Projection, err error)

	mu       sync.Mutex
	cur      *Projection
	latest   string
	checked  time.Time
	failed   time.Time
	building chan struct{} // closed when the build under way ends; nil when none
	lastErr  error
}

func (c *Cache) every() time.Duration {
	if c.CheckEvery > 0 {
		return c.CheckEvery
	}
	return VersionCheckEvery
}

// Get returns the projection to answer from, which may be stale, or nil when
// none was built yet. When the graph changed since the projection was read it
// starts a rebuild in the background.
func (c *Cache) Get(ctx context.Context) *Projection {
	c.mu.Lock()
	due := time.Since(c.checked) >= c.every()
	if due {
		c.checked = time.Now()
	}
	c.mu.Unlock()
	if due {
		v, err := c.Version(ctx)
		c.mu.Lock()
		if err == nil {
			c.latest = v
		} else {
			c.checked = time.Time{}
		}
		c.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if (c.cur == nil || c.cur.Version != c.latest) && time.Since(c.failed) >= c.every() {
		c.startLocked()
	}
	return c.cur
}

// Fresh returns a projection of the graph's current version, waiting for the
// build under way or starting one when needed.
func (c *Cache) Fresh(ctx context.Context) (*Projection, error) {
	for {
		v, err := c.Version(ctx)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.latest, c.checked = v, time.Now()
		if c.cur != nil && c.cur.Version == v {
			p := c.cur
			c.mu.Unlock()
			return p, nil
		}
		ch := c.startLocked()
		c.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		c.mu.Lock()
		err = c.lastErr
		c.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
}

// Building reports whether a build is under way.
func (c *Cache) Building() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.building != nil
}

// startLocked starts a build unless one is under way, and returns the channel
// closed when the build ends. c.mu is held.
func (c *Cache) startLocked() chan struct{} {
	if c.building != nil {
		return c.building
	}
	done := make(chan struct{})
	c.building = done
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
		defer cancel()
		p, err := c.Load(ctx)
		c.mu.Lock()
		c.lastErr = err
		if err == nil {
			c.cur = p
			c.failed = time.Time{}
		} else {
			c.failed = time.Now()
		}
		c.building = nil
		c.mu.Unlock()
		close(done)
		if c.OnBuild != nil {
			c.OnBuild(p, err)
		}
	}()
	return done
}
