package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the Prometheus series of the server.
type metrics struct {
	requests   *prometheus.CounterVec
	operations *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	names      *operationNames
}

func newMetrics(reg *prometheus.Registry, store any, maxNames int) *metrics {
	m := &metrics{
		names: newOperationNames(maxNames, "IntrospectionQuery"),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ewsi_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ewsi_graphql_operations_total", Help: "GraphQL operations by operation name and outcome.",
		}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "ewsi_graphql_duration_seconds", Help: "GraphQL operation latency by operation name.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
	}
	reg.MustRegister(m.requests, m.operations, m.latency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if rt, ok := store.(RoundTripper); ok {
		reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "ewsi_neo4j_round_trips_total", Help: "Queries sent to Neo4j.",
		}, func() float64 { return float64(rt.RoundTrips()) }))
	}
	return m
}

func (m *metrics) handler(reg *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}

// aroundOperations times each GraphQL operation under its label: its name
// while the set of names is not full, "anonymous" or "other" (operationNames).
func (m *metrics) aroundOperations(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	start := time.Now()
	name := labelAnonymous
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		n := oc.OperationName
		if n == "" && oc.Operation != nil {
			n = oc.Operation.Name // the document's name when the request gives none
		}
		name = m.names.label(n)
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		outcome := "ok"
		if resp != nil && len(resp.Errors) > 0 {
			outcome = "error"
		}
		m.operations.WithLabelValues(name, outcome).Inc()
		m.latency.WithLabelValues(name).Observe(time.Since(start).Seconds())
		return resp
	}
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Flush passes through to the underlying writer when it can flush.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// route maps a path to a bounded label.
func route(path string) string {
	switch path {
	case "/graphql", "/graphiql", "/healthz", "/readyz", "/metrics":
		return path
	}
	return "static"
}

// logRequests logs each request with log/slog and counts it.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(sw, r)
		s.metrics.requests.WithLabelValues(route(r.URL.Path), itoa(int64(sw.code))).Inc()
		level := slog.LevelDebug
		if r.URL.Path == "/graphql" || sw.code >= 500 {
			level = slog.LevelInfo
		}
		s.log.Log(r.Context(), level, "http", "method", r.Method, "path", r.URL.Path, "status", sw.code,
			"duration_ms", time.Since(start).Milliseconds())
	})
}
