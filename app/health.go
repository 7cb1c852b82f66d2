package app

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"ewsi/graph"
)

// The states of the store as the server sees it.
const (
	stateUp     = iota // Neo4j runs (or is remote): requests go through
	stateDown          // the embedded Neo4j died and is being restarted
	stateFailed        // it died too often; the server is ending
)

// health is the cheap flag the watcher sets and the HTTP edge reads on every
// request, so that no request waits for a Neo4j that is known to be gone.
type health struct {
	mu     sync.RWMutex
	state  int
	reason string
	// gone is cancelled when Neo4j goes down, which ends the requests under
	// way with UNAVAILABLE instead of leaving them to the driver's retries
	gone   context.Context
	cancel context.CancelCauseFunc
}

func (h *health) set(state int, reason string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state, h.reason = state, reason
	if h.gone == nil {
		h.gone, h.cancel = context.WithCancelCause(context.Background())
	}
	switch {
	case state != stateUp:
		h.cancel(graph.Errorf(graph.EUNAVAIL, "", "the database went down during the request; try again in a minute"))
	case h.gone.Err() != nil:
		h.gone, h.cancel = context.WithCancelCause(context.Background())
	}
}

// upContext is the context that ends when Neo4j goes down; setUp must have
// been called once.
func (h *health) upContext() context.Context {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.gone
}

func (h *health) setUp()                  { h.set(stateUp, "") }
func (h *health) setDown(reason string)   { h.set(stateDown, reason) }
func (h *health) setFailed(reason string) { h.set(stateFailed, reason) }

func (h *health) get() (int, string) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.state, h.reason
}

// gate answers at once, without reaching the store, while Neo4j is down:
// GraphQL with 503 and a JSON body whose extensions.code is UNAVAILABLE, the
// map's routes (/ogc, /tiles) with 503 and problem details, /readyz with 503. /healthz stays 200 while
// the process can still restart Neo4j, and says 503 once it gave up. Everything
// else (the browser app, GraphiQL, metrics) is served as usual.
func (h *health) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state, reason := h.get()
		if state == stateUp {
			ctx, cancel := context.WithCancelCause(r.Context())
			up := h.upContext()
			stop := context.AfterFunc(up, func() { cancel(context.Cause(up)) })
			next.ServeHTTP(w, r.WithContext(ctx))
			stop()
			cancel(nil)
			return
		}
		p := r.URL.Path
		switch {
		case p == "/healthz":
			if state == stateFailed {
				writeText(w, http.StatusServiceUnavailable, "failing: "+reason)
				return
			}
			next.ServeHTTP(w, r)
		case p == "/readyz":
			writeText(w, http.StatusServiceUnavailable, "not ready: "+reason)
		case p == "/graphql" || strings.HasPrefix(p, "/ogc") || strings.HasPrefix(p, "/collections") || strings.HasPrefix(p, "/tiles/"):
			msg := "the database is down and being restarted; try again in a minute"
			if state == stateFailed {
				msg = "the database is down"
			}
			w.Header().Set("Retry-After", "30")
			if p == "/graphql" {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusServiceUnavailable)
				_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
					"message": msg, "extensions": map[string]any{"code": graph.EUNAVAIL}}}})
				return
			}
			// the map's routes answer their errors as problem details (RFC 7807)
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": "Service Unavailable",
				"status": http.StatusServiceUnavailable, "detail": msg, "code": graph.EUNAVAIL})
		default:
			next.ServeHTTP(w, r)
		}
	})
}

func writeText(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(msg + "\n"))
}
