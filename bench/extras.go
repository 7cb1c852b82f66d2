package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
	"ewsi/webmap"
)

// The benchmarks of the map and of partner search and related content, run after
// the core ones on the same loaded graph.

func mapBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	points, err := st.MapPoints(ctx, webmap.World, graph.MapFilter{})
	if err != nil {
		return err
	}
	fmt.Printf("bench: map over %d points\n", len(points))
	n := 0
	touch := func(ctx context.Context) error {
		n++
		rec := touchRecord(n)
		_, err := st.Write(ctx, []graph.Record{rec}, []graph.Record{rec})
		return err
	}
	res, err := runMapBench(ctx, st, points, 200, touch)
	if err != nil {
		return err
	}
	// supercluster over the same points, in Node
	tmp, err := os.MkdirTemp("", "ewsi-mapbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	coords := make([][2]float64, len(points))
	for i, p := range points {
		coords[i] = [2]float64{p.Location[0], p.Location[1]}
	}
	b, _ := json.Marshal(coords)
	file := filepath.Join(tmp, "points.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, "node", filepath.Join("webmap", "bench", "supercluster.mjs"), file, "200").Output()
	if err != nil {
		return fmt.Errorf("supercluster: %w", err)
	}
	var sc struct {
		BuildMs float64 `json:"buildMs"`
		Zooms   []struct {
			Zoom int     `json:"zoom"`
			P50  float64 `json:"p50Ms"`
			P95  float64 `json:"p95Ms"`
		} `json:"zooms"`
	}
	if err := json.Unmarshal(out, &sc); err != nil {
		return fmt.Errorf("supercluster output: %w", err)
	}
	rep.add(Result{Name: fmt.Sprintf("map: cluster build, %d points", len(points)), Unit: "ms", Value: res.BuildMs,
		Baseline: sc.BuildMs, BaseName: "supercluster (Node)", Target: "<= 1x", Met: met(res.BuildMs <= sc.BuildMs)})
	rep.add(Result{Name: "map: first viewport of an empty cache", Unit: "ms", Value: res.ColdFirstMs, Baseline: res.FetchMs, BaseName: "reading every point"})
	rep.add(Result{Name: "map: first viewport after a write", Unit: "ms", Value: res.AfterWrite, Target: "<= 50 ms", Met: met(res.AfterWrite <= 50 && res.AfterStale)})
	rep.add(Result{Name: "map: from a write to a fresh map", Unit: "ms", Value: res.RefreshMs})
	for _, z := range res.Zooms {
		var scz float64
		for _, s := range sc.Zooms {
			if s.Zoom == z.Zoom {
				scz = s.P95
			}
		}
		rep.add(Result{Name: fmt.Sprintf("map z%d: mapLayer p95", z.Zoom), Unit: "ms", Value: z.EndToEnd.P95,
			Baseline: z.RawCypher.P95, BaseName: "raw point.withinBBox p95", Target: "<= 50 ms", Met: met(z.EndToEnd.P95 <= 50)})
		rep.add(Result{Name: fmt.Sprintf("map z%d: cluster query p95", z.Zoom), Unit: "ms", Value: z.Cluster.P95,
			Baseline: scz, BaseName: "supercluster getClusters p95", Target: "<= 1x", Met: met(z.Cluster.P95 <= scz || z.Cluster.P95 < 0.01)})
	}
	return nil
}

func partnerBench(ctx context.Context, st *neo4j.Store, queries int, rep *Report) error {
	// the projection both rankings walk: its build time and the heap it holds
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ranker := rank.NewRanker(st)
	proj, err := ranker.Cache.Fresh(ctx)
	if err != nil {
		return fmt.Errorf("projection: %w", err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heapMB := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / (1 << 20)
	fmt.Printf("bench: projection of %d nodes built in %s, heap +%.0f MB (estimate %.0f MB)\n",
		proj.Len(), proj.BuildTime.Round(time.Millisecond), heapMB, float64(proj.Bytes())/(1<<20))
	rep.add(Result{Name: fmt.Sprintf("ranking projection build, %d nodes", proj.Len()), Unit: "s", Value: proj.BuildTime.Seconds()})
	rep.add(Result{Name: "ranking projection heap", Unit: "MB", Value: heapMB})
	for _, b := range []struct {
		name   string
		fn     func(context.Context, *neo4j.Store, graph.Partners, int, int) (BenchResult, error)
		target time.Duration
	}{{"partner search", PartnerBench, 100 * time.Millisecond}, {"related content", RelatedBench, 50 * time.Millisecond}} {
		res, err := b.fn(ctx, st, ranker, queries, 4)
		if err != nil {
			return fmt.Errorf("%s: %w", b.name, err)
		}
		fmt.Println("bench:", res)
		if res.Mismatch != "" {
			fmt.Println("bench: first difference:", res.Mismatch)
		}
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		rep.add(Result{Name: b.name + " p50", Unit: "ms", Value: ms(res.Fast.P50), Baseline: ms(res.Baseline.P50), BaseName: "plain Cypher ranking p50"})
		rep.add(Result{Name: b.name + " p95", Unit: "ms", Value: ms(res.Fast.P95), Baseline: ms(res.Baseline.P95), BaseName: "plain Cypher ranking p95",
			Target: fmt.Sprintf("<= %d ms", b.target.Milliseconds()), Met: met(res.Fast.P95 <= b.target)})
		rep.add(Result{Name: b.name + " throughput", Unit: "req/s", Value: res.Fast.ReqPerSec, Baseline: res.Baseline.ReqPerSec, BaseName: "plain Cypher, 4 clients"})
		rep.add(Result{Name: b.name + ": same first page as baseline", Unit: "queries", Value: float64(res.Agree), Baseline: float64(res.Compared), BaseName: "queries the baseline answered in time"})
	}
	return nil
}
