package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// RestartPolicy bounds the restarts of an embedded Neo4j that died.
type RestartPolicy struct {
	Max     int           // restarts allowed within Window; default 3; negative: none
	Window  time.Duration // default 10 minutes
	Backoff time.Duration // wait before the first restart, doubled for each further one in Window; default 1s
}

func (p *RestartPolicy) defaults() {
	if p.Max == 0 {
		p.Max = 3
	}
	if p.Window == 0 {
		p.Window = 10 * time.Minute
	}
	if p.Backoff == 0 {
		p.Backoff = time.Second
	}
}

// watcher watches the embedded Neo4j: when it dies it marks the health down (so
// requests fail fast with UNAVAILABLE), restarts it within the policy's bounds
// and marks it up again; past the bounds it gives up with an error, which ends
// the server.
type watcher struct {
	db     *DB
	health *health
	policy RestartPolicy
	log    *slog.Logger
}

// run watches until ctx ends (nil) or it gives up (the error says why).
func (w *watcher) run(ctx context.Context) error {
	var restarts []time.Time
	for {
		srv := w.db.Embedded()
		select {
		case <-ctx.Done():
			return nil
		case <-srv.Done():
		}
		died := srv.Died()
		if died == nil { // stopped by Close
			return nil
		}
		w.health.setDown(died.Error())
		w.log.Error("neo4j died", "err", died)
		now := time.Now()
		kept := restarts[:0]
		for _, t := range restarts {
			if now.Sub(t) < w.policy.Window {
				kept = append(kept, t)
			}
		}
		restarts = kept
		if w.policy.Max < 0 || len(restarts) >= w.policy.Max {
			err := fmt.Errorf("%w; it was restarted %d times in the last %s, giving up", died, len(restarts), w.policy.Window)
			w.health.setFailed(err.Error())
			return err
		}
		wait := w.policy.Backoff << len(restarts)
		restarts = append(restarts, now)
		w.log.Warn("neo4j: restarting", "in", wait, "attempt", len(restarts), "of", w.policy.Max)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		if err := w.db.restart(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			w.log.Error("neo4j: restart failed", "err", err)
			if w.db.Embedded() == srv { // it did not start: the loop counts it and tries again
				continue
			}
			// it runs but the migrations did not end: serve anyway, readiness
			// and each request then tell what fails
		}
		w.log.Info("neo4j: restarted", "pid", w.db.Embedded().Pid())
		w.health.setUp()
	}
}
