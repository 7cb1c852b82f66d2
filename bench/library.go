package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/server"
)

// The library's list page: library(filter:) with its facets, through GraphQL
// over HTTP, as the page asks it, from 8 clients at once.

// libraryFilters are the filters the clients take in turn: none, and one of each
// facet as a visitor ticks it.
var libraryFilters = []map[string]any{
	{},
	{"types": []string{"REPORT"}},
	{"themes": []string{"social-cohesion"}},
	{"scopes": []string{"EU"}},
	{"scopes": []string{"DE"}, "themes": []string{"economic-participation"}},
	{"years": []int{2020}},
	{"langs": []string{"fr"}},
	{"principles": []int{3}, "types": []string{"POLICY_PAPER", "RESEARCH"}},
}

const libraryQuery = `query($f: DocumentFilter) { library(filter: $f, first: 20) {
  totalCount
  facets { types { value count } themes { value count } principles { value count } scopes { value count } langs { value count } years { value count } }
  edges { node { id title lang docType date scope real celex eli publisher publishedBy { name } } } } }`

// libraryClients is how many clients ask at once.
const libraryClients = 8

func libraryBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	res, err := runLibraryBench(ctx, st, libraryClients, 20*time.Second)
	if err != nil {
		return err
	}
	rep.add(Result{Name: fmt.Sprintf("library: page with facets, %d clients, p50", libraryClients), Unit: "ms", Value: res.P50})
	rep.add(Result{Name: fmt.Sprintf("library: page with facets, %d clients, p95", libraryClients), Unit: "ms", Value: res.P95,
		Target: "<= 100 ms", Met: met(res.P95 <= 100)})
	rep.add(Result{Name: "library: pages served", Unit: "req/s", Value: res.PerSecond})
	return nil
}

// libraryResult is what one run measured.
type libraryResult struct {
	Calls           int
	P50, P95        float64
	PerSecond       float64
	TotalUnfiltered int
}

// runLibraryBench warms each filter's query shape, then lets clients ask the
// library page in turn over the filters for d, and returns the latencies.
func runLibraryBench(ctx context.Context, st *neo4j.Store, clients int, d time.Duration) (libraryResult, error) {
	var out libraryResult
	api := httptest.NewServer(server.New(server.Config{Edge: engineOnly()}, st, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	defer api.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * clients}}
	for _, f := range libraryFilters { // Neo4j plans each shape once
		data, err := postGraphQL(client, api.URL, libraryQuery, map[string]any{"f": f})
		if err != nil {
			return out, err
		}
		if len(f) == 0 {
			lib, _ := data["library"].(map[string]any)
			n, _ := lib["totalCount"].(float64)
			out.TotalUnfiltered = int(n)
		}
	}
	var mu sync.Mutex
	var lat latencies
	calls, err := throughput(ctx, clients, d, func(i int) error {
		t0 := time.Now()
		_, err := postGraphQL(client, api.URL, libraryQuery, map[string]any{"f": libraryFilters[i%len(libraryFilters)]})
		took := time.Since(t0)
		mu.Lock()
		lat = append(lat, took)
		mu.Unlock()
		return err
	})
	if err != nil {
		return out, err
	}
	out.Calls, out.PerSecond = len(lat), calls
	out.P50, out.P95 = lat.quantile(.5), lat.quantile(.95)
	return out, nil
}
