package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
	"ewsi/server"
	"ewsi/webmap"
	"ewsi/webmap/site"
)

// The names of the browser measures; the first markers' p50 kept its old name
// as an alias, so that the previous run that measured it is its baseline.
const (
	coldP50Name = "map: first markers, headless Chromium, cold, p50"
	oldP50Name  = "map: first markers on screen, headless Chromium, p50 of 10"
	coldP95Name = "map: first markers, headless Chromium, cold, p95"
	warmP50Name = "map: first markers, headless Chromium, warm, p50"
	warmP95Name = "map: first markers, headless Chromium, warm, p95"
	weightName  = "map page weight, transferred (compressed)"
	requestName = "map page requests"
)

// serveSite serves the loaded graph as `ewsi serve` does (the site's pages, the
// map and partner search), on a free port with the map's cache and the ranking
// projection warmed; stop shuts it down.
func serveSite(ctx context.Context, st *neo4j.Store) (addr string, stop func(), err error) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	web := filepath.Join("build", "web")
	pages, err := site.New(site.Config{WebDir: web, Demo: true, Log: log})
	if err != nil {
		return "", nil, err
	}
	layers := webmap.NewLayers(st)
	ranker := rank.NewRanker(st)
	routes := webmap.Routes(layers, webmap.RouteOptions{})
	maps.Copy(routes, pages.Handlers())
	srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: web, Extra: routes, NotFound: http.HandlerFunc(pages.NotFound),
		Map: layers, Partners: ranker}, st, log)
	if err := srv.Listen(); err != nil {
		layers.Close()
		return "", nil, err
	}
	go func() { _ = srv.Serve() }()
	stop = func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		layers.Close()
	}
	if err := layers.Warm(ctx); err != nil {
		stop()
		return "", nil, err
	}
	if _, err := ranker.Cache.Fresh(ctx); err != nil {
		stop()
		return "", nil, err
	}
	return "http://" + srv.Addr(), stop, nil
}

// markerTimes is what webmap/bench/firstmarkers.mjs prints.
type markerTimes struct {
	Cold, Warm struct {
		Rounds int     `json:"rounds"`
		P50    float64 `json:"p50Ms"`
		P95    float64 `json:"p95Ms"`
		Max    float64 `json:"maxMs"`
	}
	Weight struct {
		Bytes    float64            `json:"bytes"`
		Requests float64            `json:"requests"`
		ByType   map[string]float64 `json:"byType"`
	}
}

// browserBench measures the first markers on screen in headless Chromium with
// webmap/bench/firstmarkers.mjs, rounds times with an empty HTTP cache (cold)
// and again with the cache filled (warm), and the map page's weight on the
// wire. Issue 12's target: p50 under 1 s at scale 1. The baseline of each figure
// is the newest earlier results file that measured it.
func browserBench(ctx context.Context, st *neo4j.Store, o options, rep *Report) error {
	addr, stop, err := serveSite(ctx, st)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("bench: first markers in headless Chromium, %d rounds cold and warm, and the map page's weight\n", o.rounds)
	out, err := exec.CommandContext(ctx, "node", filepath.Join("webmap", "bench", "firstmarkers.mjs"), addr, strconv.Itoa(o.rounds)).Output()
	if err != nil {
		return fmt.Errorf("firstmarkers.mjs: %w", err)
	}
	var m markerTimes
	if err := json.Unmarshal(out, &m); err != nil {
		return fmt.Errorf("firstmarkers.mjs output: %w", err)
	}
	if m.Cold.Rounds == 0 || m.Weight.Bytes == 0 {
		return fmt.Errorf("firstmarkers.mjs measured nothing: %s", out)
	}
	add := func(name, unit string, v float64, target string, ok *bool, aliases ...string) {
		b, file := previous(o.out, o.scale, append([]string{name}, aliases...)...)
		rep.add(Result{Name: name, Unit: unit, Value: v, Baseline: b, BaseName: file, Target: target, Met: ok})
	}
	var target string
	var ok *bool
	if o.scale == 1 {
		target, ok = "< 1000 ms", met(m.Cold.P50 < 1000)
	}
	add(coldP50Name, "ms", m.Cold.P50, target, ok, oldP50Name)
	add(coldP95Name, "ms", m.Cold.P95, "", nil)
	add(warmP50Name, "ms", m.Warm.P50, "", nil)
	add(warmP95Name, "ms", m.Warm.P95, "", nil)
	add(weightName, "KB", m.Weight.Bytes/1000, "", nil)
	add(requestName, "requests", m.Weight.Requests, "", nil)
	fmt.Printf("bench: map page weight by type (KB):")
	for _, ty := range slices.Sorted(maps.Keys(m.Weight.ByType)) {
		fmt.Printf(" %s %.1f", ty, m.Weight.ByType[ty]/1000)
	}
	fmt.Println()
	return nil
}
