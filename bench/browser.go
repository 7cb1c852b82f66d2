package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"path/filepath"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/server"
	"ewsi/webmap"
)

// browserBench serves the loaded graph as `ewsi serve` does (on a free port, the
// map's cache warmed) and measures the first markers on screen in headless
// Chromium with webmap/bench/firstmarkers.mjs. The target is 2 s.
func browserBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	layers := webmap.NewLayers(st)
	defer layers.Close()
	srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: filepath.Join("build", "web"),
		Extra: webmap.Routes(layers, webmap.RouteOptions{}), Map: layers}, st, log)
	if err := srv.Listen(); err != nil {
		return err
	}
	go func() { _ = srv.Serve() }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := layers.Warm(ctx); err != nil {
		return err
	}
	fmt.Println("bench: first markers in headless Chromium")
	out, err := exec.CommandContext(ctx, "node", filepath.Join("webmap", "bench", "firstmarkers.mjs"), "http://"+srv.Addr(), "10").Output()
	if err != nil {
		return fmt.Errorf("firstmarkers.mjs: %w", err)
	}
	var res struct {
		P50   float64 `json:"p50Ms"`
		Max   float64 `json:"maxMs"`
		First float64 `json:"firstMs"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return fmt.Errorf("firstmarkers.mjs output: %w", err)
	}
	rep.add(Result{Name: "map: first markers on screen, headless Chromium, p50 of 10", Unit: "ms", Value: res.P50, Target: "<= 2000 ms", Met: met(res.P50 <= 2000)})
	rep.add(Result{Name: "map: first markers on screen, slowest of 10", Unit: "ms", Value: res.Max, Target: "<= 2000 ms", Met: met(res.Max <= 2000)})
	return nil
}
