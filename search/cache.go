package search

import (
	"context"
	"sync"
	"time"
)

// VersionCheckEvery is how often a Cache asks the store whether the graph changed.
const VersionCheckEvery = time.Second

// BuildTimeout bounds one build of the index.
const BuildTimeout = 10 * time.Minute

// Cache keeps the index of the graph, stale while it revalidates, as the
// ranking projection's cache does (graph/rank.Cache): when the graph version
// changes (checked at most once per CheckEvery) a new index is built in the
// background, one build at a time, while the previous one keeps answering.
type Cache struct {
	// Load reads the graph and builds an index tagged with the version read first.
	Load func(ctx context.Context) (*Index, error)
	// Version returns the graph's current version token.
	Version func(ctx context.Context) (string, error)
	// CheckEvery defaults to VersionCheckEvery.
	CheckEvery time.Duration
	// OnBuild, when set, hears of every build that ends, with its error.
	OnBuild func(x *Index, err error)

	mu       sync.Mutex
	cur      *Index
	latest   string
	checked  time.Time
	failed   time.Time
	building chan struct{}
	lastErr  error
	wg       sync.WaitGroup
}

func (c *Cache) every() time.Duration {
	if c.CheckEvery > 0 {
		return c.CheckEvery
	}
	return VersionCheckEvery
}

// Get returns the index to answer from, which may be stale, or nil when none
// was built yet; when the graph changed since it was read, it starts a rebuild.
func (c *Cache) Get(ctx context.Context) *Index {
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

// Latest returns the graph version last seen.
func (c *Cache) Latest() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.latest
}

// Fresh returns an index of the graph's current version, waiting for the
// build under way or starting one.
func (c *Cache) Fresh(ctx context.Context) (*Index, error) {
	for {
		v, err := c.Version(ctx)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.latest, c.checked = v, time.Now()
		if c.cur != nil && c.cur.Version == v {
			x := c.cur
			c.mu.Unlock()
			return x, nil
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

// Ready returns the index, waiting for the first build when none is built yet.
func (c *Cache) Ready(ctx context.Context) (*Index, error) {
	if x := c.Get(ctx); x != nil {
		return x, nil
	}
	return c.Fresh(ctx)
}

// Wait waits for the build under way, if any, to end.
func (c *Cache) Wait() { c.wg.Wait() }

func (c *Cache) startLocked() chan struct{} {
	if c.building != nil {
		return c.building
	}
	done := make(chan struct{})
	c.building = done
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
		defer cancel()
		x, err := c.Load(ctx)
		c.mu.Lock()
		c.lastErr = err
		if err == nil {
			c.cur = x
			c.failed = time.Time{}
		} else {
			c.failed = time.Now()
		}
		c.building = nil
		c.mu.Unlock()
		close(done)
		if c.OnBuild != nil {
			c.OnBuild(x, err)
		}
	}()
	return done
}
