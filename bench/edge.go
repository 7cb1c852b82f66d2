package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/server"
	"ewsi/webmap"
)

// edgeClients is the number of concurrent clients of the edge measure.
const edgeClients = 8

// edgeRequest is one request of the mixed read workload.
type edgeRequest struct {
	name   string
	method string
	path   string
	body   string
}

// edgeWorkload mixes the README's read queries, GeoJSON pages and vector tiles
// over Europe.
func edgeWorkload() []edgeRequest {
	q := func(name, query string) edgeRequest {
		b, _ := jsonBody(query)
		return edgeRequest{name: name, method: http.MethodPost, path: "/graphql", body: b}
	}
	reqs := []edgeRequest{
		q("graphql: themes, principles, countries, practices", `{ themes { name(lang: FR) subthemes { name(lang: FR) } }
		  principles { number short text } countries(eu: true) { iso2 eurostat name(lang: DE) }
		  practices(first: 5) { totalCount edges { node { title demo implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } } }`),
		q("graphql: filtered practices", `{ practices(filter: {countries: ["DE", "AT"]}, orderBy: {field: DATE, direction: DESC}, first: 20) {
		  totalCount pageInfo { hasNextPage endCursor } edges { node { id title lang summaryEn startDate stage country { name } themes { name } } } } }`),
		{name: "geojson: practices in a box", method: http.MethodGet, path: "/ogc/collections/practices/items?bbox=2,45,12,52&limit=100"},
		{name: "geojson: practices, second page", method: http.MethodGet, path: "/ogc/collections/practices/items?limit=100&offset=100"},
	}
	// tiles of zoom 5 over central Europe
	for _, xy := range [][2]int{{16, 10}, {17, 10}, {16, 11}, {17, 11}} {
		reqs = append(reqs, edgeRequest{name: "tile", method: http.MethodGet, path: fmt.Sprintf("/tiles/all/5/%d/%d.mvt", xy[0], xy[1])})
	}
	return reqs
}

func jsonBody(query string) (string, error) {
	b, err := json.Marshal(map[string]string{"query": query})
	return string(b), err
}

// edgeRun is what one configuration of the server measured.
type edgeRun struct {
	p95, perSecond  float64
	bytesPerRequest float64
	limited         int64
}

// edgeWarm is the untimed load on both servers before timing (Neo4j compiles
// a query shape's hot paths while it serves it); edgeRounds rounds of
// edgeRound each then alternate between the two servers, so that both see the
// same machine however its load drifts.
const (
	edgeWarm   = 30 * time.Second
	edgeRound  = 5 * time.Second
	edgeRounds = 3
)

// edgeBench serves the loaded graph with the map's routes, and runs the mixed
// read workload from 8 clients (each its own address, through a trusted proxy
// header) against the server without the edge middleware (no rate limits, no
// compression) and with it (rate limits with rates high enough that nothing is
// refused, so that their cost is measured, not their refusals; clients ask for
// gzip); then it reads the process's resident memory.
func edgeBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	layers := webmap.NewLayers(st)
	defer layers.Close()
	if err := layers.Warm(ctx); err != nil {
		return err
	}
	reqs := edgeWorkload()
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	open := server.Rate{PerSecond: 1e9, Burst: 1 << 30}
	targets := []*edgeTarget{
		{name: "without rate limits and compression", edge: server.Edge{RateLimit: server.RateLimit{Off: true}, NoCompression: true}},
		{name: "with rate limits and compression", gzip: true, edge: server.Edge{RateLimit: server.RateLimit{GraphQL: open, HTTP: open, Write: open, Key: open},
			ClientIP: server.ClientIP{Header: "X-Forwarded-For", Trusted: loopback}}},
	}
	for _, t := range targets {
		stop, err := t.start(ctx, st, layers, reqs)
		if err != nil {
			return err
		}
		defer stop()
	}
	fmt.Printf("bench: edge, mixed reads from %d clients: %s of warm-up on each server\n", edgeClients, edgeWarm/2)
	for _, t := range targets {
		if _, err := throughput(ctx, edgeClients, edgeWarm/2, t.call); err != nil {
			return err
		}
	}
	for round := range edgeRounds {
		for i := range targets {
			t := targets[(i+round)%len(targets)] // alternate which goes first
			t.timed.Store(true)
			n, err := throughput(ctx, edgeClients, edgeRound, t.call)
			t.timed.Store(false)
			if err != nil {
				return err
			}
			t.calls += n * edgeRound.Seconds()
		}
	}
	before, after := targets[0].result(), targets[1].result()
	rep.add(Result{Name: "edge: mixed reads, 8 clients, p95, with limits+gzip", Unit: "ms", Value: after.p95,
		Baseline: before.p95, BaseName: "without limits, no gzip"})
	rep.add(Result{Name: "edge: mixed reads, 8 clients, with limits+gzip", Unit: "req/s", Value: after.perSecond,
		Baseline: before.perSecond, BaseName: "without limits, no gzip"})
	rep.add(Result{Name: "edge: mixed reads, bytes per response", Unit: "B", Value: after.bytesPerRequest,
		Baseline: before.bytesPerRequest, BaseName: "uncompressed"})
	rep.add(Result{Name: "edge: requests refused (429) in the run", Unit: "requests", Value: float64(after.limited + before.limited),
		Target: "0", Met: met(after.limited == 0 && before.limited == 0)})
	if rss, err := residentMB(); err == nil {
		rep.add(Result{Name: "edge: bench process RSS after the runs (Go side, not Neo4j)", Unit: "MB", Value: rss})
	} else {
		fmt.Println("bench: edge: no resident memory:", err)
	}
	return nil
}

// edgeTarget is one server of the edge measure and what its timed calls saw.
type edgeTarget struct {
	name  string
	edge  server.Edge
	gzip  bool
	call  func(i int) error
	timed atomic.Bool

	mu             sync.Mutex
	lat            latencies
	bytes, limited atomic.Int64
	calls          float64 // timed calls, over edgeRounds rounds
}

func (t *edgeTarget) result() edgeRun {
	return edgeRun{p95: t.lat.quantile(0.95), perSecond: t.calls / (edgeRounds * edgeRound.Seconds()),
		bytesPerRequest: float64(t.bytes.Load()) / float64(max(len(t.lat), 1)), limited: t.limited.Load()}
}

// start serves the graph with the target's edge and sets its call; stop shuts
// the server down.
func (t *edgeTarget) start(ctx context.Context, st *neo4j.Store, layers *webmap.Layers, reqs []edgeRequest) (stop func(), err error) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: filepath.Join("build", "web"), Extra: webmap.Routes(layers, webmap.RouteOptions{}), Map: layers, Edge: t.edge}, st, log)
	if err := srv.Listen(); err != nil {
		return nil, err
	}
	go func() { _ = srv.Serve() }()
	stop = func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}
	base := "http://" + srv.Addr()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * edgeClients, DisableCompression: true}}
	t.call = func(i int) error {
		// throughput gives worker w the calls w, w+8, w+16...: each worker is
		// one client, and goes through the whole mix
		r := reqs[(i/edgeClients)%len(reqs)]
		req, err := http.NewRequestWithContext(ctx, r.method, base+r.path, strings.NewReader(r.body))
		if err != nil {
			return err
		}
		if r.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		if t.gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		req.Header.Set("X-Forwarded-For", "198.51.100."+strconv.Itoa(i%edgeClients+1))
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return fmt.Errorf("%s: %w", r.name, err)
			}
			if _, err := io.Copy(io.Discard, zr); err != nil {
				return fmt.Errorf("%s: %w", r.name, err)
			}
		}
		took := time.Since(start)
		if resp.StatusCode == http.StatusTooManyRequests {
			t.limited.Add(1)
		} else if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
			return fmt.Errorf("%s: status %d: %.200s", r.name, resp.StatusCode, raw)
		}
		if t.timed.Load() {
			t.bytes.Add(int64(len(raw)))
			t.mu.Lock()
			t.lat = append(t.lat, took)
			t.mu.Unlock()
		}
		return nil
	}
	return stop, nil
}

// residentMB reads this process's resident set (VmRSS) in MB.
func residentMB() (float64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/self/status")
}

// engineOnly is the edge of the engine's own measures (queries, floor): no rate
// limits (their clients share one address and would be refused) and no
// compression, so that they compare the engine with raw Cypher as before; the
// edge row measures what the two cost.
func engineOnly() server.Edge {
	return server.Edge{RateLimit: server.RateLimit{Off: true}, NoCompression: true}
}
