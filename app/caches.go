package app

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
	"ewsi/search"
	"ewsi/webmap"
)

// caches are the caches derived from the graph that the server keeps: the map's
// cluster hierarchies (webmap.Layers), partner search's ranking projection
// (rank.Ranker) and the search index (search.Engine). They are made here, handed to the server, and closed by Close.
type caches struct {
	log    *slog.Logger
	ranker *rank.Ranker
	layers *webmap.Layers
	search *search.Engine
	routes map[string]http.Handler
}

func newCaches(st *neo4j.Store, log *slog.Logger, trustForwarded bool, referenceDir string) *caches {
	ranker := rank.NewRanker(st)
	ranker.Cache.OnBuild = func(p *rank.Projection, err error) {
		if err != nil {
			log.Warn("ranking: building the projection", "err", err)
			return
		}
		log.Info("ranking: projection built", "nodes", p.Len(), "took", p.BuildTime.Round(time.Millisecond), "bytes", p.Bytes())
	}
	engine := search.New(st)
	engine.Cache.OnBuild = func(x *search.Index, err error) {
		if err != nil {
			log.Warn("search: building the index", "err", err)
			return
		}
		log.Info("search: index built", "nodes", x.Len(), "took", x.BuildTime.Round(time.Millisecond))
	}
	engine.Misses.Log = log
	layers := webmap.NewLayers(st)
	// the cities of the reference data name the map's clusters
	if places, err := webmap.LoadGazetteer(referenceDir); err != nil {
		log.Warn("map: clusters will have no place names", "err", err)
	} else {
		layers.Options.Places = places
	}
	return &caches{log: log, ranker: ranker, layers: layers, search: engine,
		routes: webmap.Routes(layers, webmap.RouteOptions{TrustForwarded: trustForwarded})}
}

// warm builds the ranking projection and the unfiltered map, so that the first
// visitor does not wait for them. It returns when both builds have ended or
// ctx ends (Close cancels it, and the map's builds with it).
func (c *caches) warm(ctx context.Context) {
	if _, err := c.ranker.Cache.Fresh(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("ranking: building the projection", "err", err)
	}
	if err := c.layers.Warm(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("map: warming the cluster cache", "err", err)
	}
	if _, err := c.search.Cache.Fresh(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("search: building the index", "err", err)
	}
}

// refresh rebuilds both after a write of the app's own (the demo load), so that
// no visitor is answered from the caches of the empty graph.
func (c *caches) refresh(ctx context.Context) error {
	c.layers.Recheck()
	if err := c.layers.Warm(ctx); err != nil {
		return err
	}
	if _, err := c.ranker.Cache.Fresh(ctx); err != nil {
		return err
	}
	_, err := c.search.Cache.Fresh(ctx)
	return err
}

// close cancels the map's builds under way and waits for them, then waits for
// a build of the ranking projection under way (it runs detached under its own
// time limit) to end, at most until ctx ends.
func (c *caches) close(ctx context.Context) {
	c.layers.Close()
	done := make(chan struct{})
	go func() { c.search.Close(); close(done) }()
	defer func() {
		select {
		case <-done:
		case <-ctx.Done():
		}
	}()
	for c.ranker.Cache.Building() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}
