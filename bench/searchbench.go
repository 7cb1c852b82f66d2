package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/search"
	"ewsi/server"
)

// The one search (issue 15) through GraphQL over HTTP from 8 clients at once:
// the type-ahead from one to three letters, over the server's index (suggest)
// and over the full-text indexes as before (search(prefix: true)); and find
// with one word, several words, and facets selected, every find asking for its
// facets and snippets, over the words of the server's index (the page's nodes
// kept per graph version, and read each time) and, as while it rebuilds, over
// Neo4j's full-text indexes. There the hits of a query are not
// cached between calls (the engine's hit cache is off), so every find runs
// its full-text query.

// searchClients is how many clients ask at once.
const searchClients = 8

// Targets of issue 15, in milliseconds at p95.
const (
	typeAheadTarget = 50
	findTarget      = 100
)

var (
	// typeAheadPrefixes are what a visitor types, one to three letters.
	typeAheadPrefixes = []string{"m", "mi", "mig", "r", "re", "ref", "v", "vo", "vol", "p", "pa", "par", "n", "na", "nat",
		"c", "ci", "civ", "l", "la", "lan", "e", "em", "emp", "b", "be", "ber", "s", "so", "sup", "a", "ac", "acc", "w", "wo", "wom"}
	oneWord   = []string{"migrants", "refugees", "volunteering", "naturalisation", "participation", "consultation", "language", "employment", "Einbürgerung", "réfugiés"}
	multiWord = []string{"migrant voices politics", "civic participation newcomers", "volunteering refugees", "residence work permits",
		"accompagnement naturalisation", "Beratung Aufenthalts", "language courses women", "voix des migrants"}
	facetFilters = []map[string]any{
		{"countries": []string{"DE"}}, {"kinds": []string{"PRACTICE", "DOCUMENT"}}, {"years": []int{2022}},
		{"langs": []string{"fr"}}, {"themes": []string{"social-cohesion"}}, {"countries": []string{"FR", "BE"}, "kinds": []string{"NEWS"}},
	}
)

const (
	suggestQuery = `query($p: String!) { suggest(prefix: $p, first: 8) { label parts { text match } node { id } } }`
	oldPrefix    = `query($p: String!) { search(query: $p, prefix: true, first: 8) { totalCount edges { node { id ... on Organisation { name } ... on Practice { title } } } } }`
	findBench    = `query($q: String!, $f: SearchFilter) { find(query: $q, filter: $f, first: 20) {
  totalCount
  edges { score node { id } snippets { field parts { text match } } }
  facets { kinds { value label count } themes { value label count } countries { value label count } langs { value label count } years { value label count } }
  suggestions } }`
)

// searchScenario is one measured shape of request.
type searchScenario struct {
	name, query string
	target      float64
	vars        func(i int) map[string]any
	store       bool // find over Neo4j's full-text indexes
	noNodes     bool // the page's nodes read each time, none kept
}

func searchScenarios() []searchScenario {
	return []searchScenario{
		{name: "type-ahead 1-3 letters, in-server index (suggest)", query: suggestQuery, target: typeAheadTarget, vars: prefixVars},
		{name: "type-ahead 1-3 letters, full-text prefix (search)", query: oldPrefix, target: typeAheadTarget, vars: prefixVars},
		{name: "find, one word, facets", query: findBench, target: findTarget, vars: oneWordVars},
		{name: "find, several words, facets", query: findBench, target: findTarget, vars: multiWordVars},
		{name: "find, one word, facets selected", query: findBench, target: findTarget, vars: facetVars},
		{name: "find, one word, facets, page nodes read each time", query: findBench, target: findTarget, vars: oneWordVars, noNodes: true},
		{name: "find, several words, facets, page nodes read each time", query: findBench, target: findTarget, vars: multiWordVars, noNodes: true},
		{name: "find over Neo4j full-text, one word, facets", query: findBench, target: findTarget, vars: oneWordVars, store: true},
		{name: "find over Neo4j full-text, several words, facets", query: findBench, target: findTarget, vars: multiWordVars, store: true},
		{name: "find over Neo4j full-text, one word, facets selected", query: findBench, target: findTarget, vars: facetVars, store: true},
	}
}

func prefixVars(i int) map[string]any {
	return map[string]any{"p": typeAheadPrefixes[i%len(typeAheadPrefixes)]}
}
func oneWordVars(i int) map[string]any   { return map[string]any{"q": oneWord[i%len(oneWord)]} }
func multiWordVars(i int) map[string]any { return map[string]any{"q": multiWord[i%len(multiWord)]} }
func facetVars(i int) map[string]any {
	return map[string]any{"q": oneWord[i%len(oneWord)], "f": facetFilters[(i/len(oneWord))%len(facetFilters)]}
}

// searchResult is what one scenario measured.
type searchResult struct {
	Name      string
	Calls     int
	P50, P95  float64
	PerSecond float64
	// GoCPU and DBCPU are the CPU time per call, in milliseconds, of this
	// process (server and clients) and of Neo4j (0 when its process is unknown).
	GoCPU, DBCPU float64
}

func searchBench(ctx context.Context, st *neo4j.Store, rep *Report, d time.Duration, neo4jPid int, only string) error {
	scenarios := searchScenarios()
	if only != "" {
		re, err := regexp.Compile(only)
		if err != nil {
			return fmt.Errorf("-searchonly: %w", err)
		}
		scenarios = slices.DeleteFunc(scenarios, func(sc searchScenario) bool { return !re.MatchString(sc.name) })
	}
	res, ix, err := runSearchBench(ctx, st, scenarios, searchClients, d, neo4jPid)
	if err != nil {
		return err
	}
	rep.add(Result{Name: fmt.Sprintf("search: index of %d nodes built", ix.nodes), Unit: "ms", Value: ix.build})
	rep.add(Result{Name: fmt.Sprintf("search: index of %d nodes, heap", ix.nodes), Unit: "MiB", Value: ix.heap})
	for i, r := range res {
		target := scenarios[i].target
		rep.add(Result{Name: fmt.Sprintf("search: %s, %d clients, p50", r.Name, searchClients), Unit: "ms", Value: r.P50})
		rep.add(Result{Name: fmt.Sprintf("search: %s, %d clients, p95", r.Name, searchClients), Unit: "ms", Value: r.P95,
			Target: fmt.Sprintf("<= %.0f ms", target), Met: met(r.P95 <= target)})
		rep.add(Result{Name: fmt.Sprintf("search: %s", r.Name), Unit: "req/s", Value: r.PerSecond})
		rep.add(Result{Name: fmt.Sprintf("search: %s, CPU per call in the server and clients", r.Name), Unit: "ms", Value: r.GoCPU})
		rep.add(Result{Name: fmt.Sprintf("search: %s, CPU per call in Neo4j", r.Name), Unit: "ms", Value: r.DBCPU})
	}
	return nil
}

// indexFigures are the search index's build time (ms), the heap it holds
// (MiB, after a collection) and its number of nodes.
type indexFigures struct {
	build, heap float64
	nodes       int
}

// runSearchBench builds the search index, then runs each scenario: one pass
// over its variants to warm Neo4j's plans, then clients asking in turn for d.
// It returns each scenario's figures and the index's.
func runSearchBench(ctx context.Context, st *neo4j.Store, scenarios []searchScenario, clients int, d time.Duration, neo4jPid int) ([]searchResult, indexFigures, error) {
	var fig indexFigures
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	eng := search.New(st)
	defer eng.Close()
	t0 := time.Now()
	x, err := eng.Cache.Fresh(ctx)
	if err != nil {
		return nil, fig, err
	}
	fig.build, fig.nodes = float64(time.Since(t0).Microseconds())/1000, x.Len()
	runtime.GC()
	runtime.ReadMemStats(&after)
	fig.heap = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
	fromStore := search.New(st)
	fromStore.FullTextFromStore()
	fromStore.CacheHits(0)
	defer fromStore.Close()
	logs := slog.New(slog.NewTextHandler(io.Discard, nil))
	api := httptest.NewServer(server.New(server.Config{Edge: engineOnly(), Search: eng}, st, logs).Handler())
	defer api.Close()
	storeAPI := httptest.NewServer(server.New(server.Config{Edge: engineOnly(), Search: fromStore}, st, logs).Handler())
	defer storeAPI.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * clients}}
	var out []searchResult
	for _, sc := range scenarios {
		url := api.URL
		if sc.store {
			// its index is built when first needed, so the heap of the scenarios
			// before holds one index, as a server's does
			if _, err := fromStore.Cache.Fresh(ctx); err != nil {
				return nil, fig, err
			}
			url = storeAPI.URL
		}
		if sc.noNodes { // between scenarios nothing is asked: the engine may change
			eng.CacheNodes(0)
		} else {
			eng.CacheNodes(search.NodeCacheSize)
		}
		for i := 0; i < 60; i++ { // Neo4j plans each shape once
			if _, err := postGraphQL(client, url, sc.query, sc.vars(i)); err != nil {
				return nil, fig, fmt.Errorf("%s: %w", sc.name, err)
			}
		}
		runtime.GC() // each scenario starts from a collected heap, not with the garbage of a build
		var mu sync.Mutex
		var lat latencies
		goCPU, dbCPU := cpuClock{}, cpuClock{neo4jPid}
		go0, db0 := goCPU.used(), dbCPU.used()
		perSec, err := throughput(ctx, clients, d, func(i int) error {
			t0 := time.Now()
			_, err := postGraphQL(client, url, sc.query, sc.vars(i))
			took := time.Since(t0)
			mu.Lock()
			lat = append(lat, took)
			mu.Unlock()
			return err
		})
		if err != nil {
			return nil, fig, fmt.Errorf("%s: %w", sc.name, err)
		}
		r := searchResult{Name: sc.name, Calls: len(lat), P50: lat.quantile(.5), P95: lat.quantile(.95), PerSecond: perSec}
		if len(lat) > 0 {
			r.GoCPU = float64((goCPU.used() - go0).Microseconds()) / 1000 / float64(len(lat))
			if neo4jPid > 0 {
				r.DBCPU = float64((dbCPU.used() - db0).Microseconds()) / 1000 / float64(len(lat))
			}
		}
		fmt.Printf("bench: search: %-52s p50 %7.1f ms  p95 %7.1f ms  %7.1f req/s  CPU/call: Go %.1f ms, Neo4j %.1f ms\n", sc.name, r.P50, r.P95, r.PerSecond, r.GoCPU, r.DBCPU)
		out = append(out, r)
	}
	return out, fig, nil
}
