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
		{name: "geojson: practices in a box", method: http.MethodGet, path: "/collections/practices/items?bbox=2,45,12,52&limit=100"},
		{name: "geojson: practices, second page", method: http.MethodGet, path: "/collections/practices/items?limit=100&offset=100"},
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

// edgeBench serves the loaded graph with the map's routes, and runs the mixed
// read workload from 8 clients (each its own address, through a trusted proxy
// header) against the server without the edge middleware (no rate limits, no
// compression) and with it (rate limits with rates high enough that nothing is
// refused, so that their cost is measured, not their refusals; clients ask for
// gzip); then it reads the process's resident memory.
func edgeBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	if err := webmap.LayersFor(st).Warm(ctx); err != nil {
		return err
	}
	reqs := edgeWorkload()
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	open := server.Rate{PerSecond: 1e9, Burst: 1 << 30}
	configs := []struct {
		name string
		edge server.Edge
		gzip bool
	}{
		{"without rate limits and compression", server.Edge{RateLimit: server.RateLimit{Off: true}, NoCompression: true}, false},
		{"with rate limits and compression", server.Edge{RateLimit: server.RateLimit{GraphQL: open, HTTP: open, Write: open, Key: open},
			ClientIP: server.ClientIP{Header: "X-Forwarded-For", Trusted: loopback}}, true},
	}
	var runs []edgeRun
	for _, c := range configs {
		fmt.Println("bench: edge, mixed reads from 8 clients,", c.name)
		r, err := edgeMeasure(ctx, st, c.edge, c.gzip, reqs, 5*time.Second, 15*time.Second)
		if err != nil {
			return err
		}
		runs = append(runs, r)
	}
	before, after := runs[0], runs[1]
	rep.add(Result{Name: "edge: mixed reads, 8 clients, p95, with limits+gzip", Unit: "ms", Value: after.p95,
		Baseline: before.p95, BaseName: "without limits, no gzip"})
	rep.add(Result{Name: "edge: mixed reads, 8 clients, with limits+gzip", Unit: "req/s", Value: after.perSecond,
		Baseline: before.perSecond, BaseName: "without limits, no gzip"})
	rep.add(Result{Name: "edge: mixed reads, bytes per response", Unit: "B", Value: after.bytesPerRequest,
		Baseline: before.bytesPerRequest, BaseName: "uncompressed"})
	rep.add(Result{Name: "edge: requests refused (429) in the run", Unit: "requests", Value: float64(after.limited),
		Target: "0", Met: met(after.limited == 0 && before.limited == 0)})
	if rss, err := residentMB(); err == nil {
		rep.add(Result{Name: "edge: bench process RSS after the runs (Go side, not Neo4j)", Unit: "MB", Value: rss})
	} else {
		fmt.Println("bench: edge: no resident memory:", err)
	}
	return nil
}

// edgeMeasure runs the workload against a fresh server: warm for warm, then
// timed for d.
func edgeMeasure(ctx context.Context, st *neo4j.Store, edge server.Edge, gz bool, reqs []edgeRequest, warm, d time.Duration) (edgeRun, error) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: filepath.Join("build", "web"), Extra: webmap.Routes(st), Edge: edge}, st, log)
	if err := srv.Listen(); err != nil {
		return edgeRun{}, err
	}
	go func() { _ = srv.Serve() }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	base := "http://" + srv.Addr()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * edgeClients, DisableCompression: true}}
	var bytesIn, limited atomic.Int64
	var mu sync.Mutex
	var lat latencies
	timed := atomic.Bool{}
	call := func(i int) error {
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
		if gz {
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
			limited.Add(1)
		} else if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
			return fmt.Errorf("%s: status %d: %.200s", r.name, resp.StatusCode, raw)
		}
		if timed.Load() {
			bytesIn.Add(int64(len(raw)))
			mu.Lock()
			lat = append(lat, took)
			mu.Unlock()
		}
		return nil
	}
	if _, err := throughput(ctx, edgeClients, warm, call); err != nil {
		return edgeRun{}, err
	}
	timed.Store(true)
	perSecond, err := throughput(ctx, edgeClients, d, call)
	if err != nil {
		return edgeRun{}, err
	}
	return edgeRun{p95: lat.quantile(0.95), perSecond: perSecond,
		bytesPerRequest: float64(bytesIn.Load()) / float64(max(len(lat), 1)), limited: limited.Load()}, nil
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
