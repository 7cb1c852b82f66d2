package app

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
	"ewsi/webmap"
)

// caches are the caches derived from the graph that the server keeps: the map's
// cluster hierarchies and partner search's ranking projection. Every use of
// them by the app is in this file, so that their owners' packages can change
// how they are made and closed in one place.
type caches struct {
	store  *neo4j.Store
	log    *slog.Logger
	layers *webmap.Layers
}

func newCaches(st *neo4j.Store, log *slog.Logger) *caches {
	st.Ranking().OnBuild = func(p *rank.Projection, err error) {
		if err != nil {
			log.Warn("ranking: building the projection", "err", err)
			return
		}
		log.Info("ranking: projection built", "nodes", p.Len(), "took", p.BuildTime.Round(time.Millisecond), "bytes", p.Bytes())
	}
	return &caches{store: st, log: log, layers: webmap.LayersFor(st)}
}

// routes are the map's HTTP routes over the cluster cache.
func (c *caches) routes() map[string]http.Handler { return webmap.Routes(c.store) }

// warm builds the ranking projection and the unfiltered map, so that the first
// visitor does not wait for them. It returns when both builds have ended.
func (c *caches) warm(ctx context.Context) {
	if _, err := c.store.Ranking().Fresh(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("ranking: building the projection", "err", err)
	}
	// a build of the map cache cannot be cancelled yet (it runs detached under
	// its own time limit), so wait for it even after ctx ends: Close then joins it
	if err := c.layers.Warm(context.WithoutCancel(ctx)); err != nil && ctx.Err() == nil {
		c.log.Warn("map: warming the cluster cache", "err", err)
	}
}

// refresh rebuilds both after a write of the app's own (the demo load), so that
// no visitor is answered from the caches of the empty graph.
func (c *caches) refresh(ctx context.Context) error {
	c.layers.Recheck()
	if err := c.layers.Warm(ctx); err != nil {
		return err
	}
	_, err := c.store.Ranking().Fresh(ctx)
	return err
}

// close waits for a build of the ranking projection under way (it runs detached
// under its own time limit) to end, at most until ctx ends.
func (c *caches) close(ctx context.Context) {
	for c.store.Ranking().Building() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}
