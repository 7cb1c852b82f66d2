package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/webmap"
)

// TestMapBench runs runMapBench over the test graph so that it keeps working; with
// EWSI_MAPBENCH_POINTS=100000 it loads that many generated points first (slow)
// and writes the figures to test-artifacts/mapbench.json, plus the points for
// webmap/bench/supercluster.mjs.
var db *neo4jtest.DB

// TestMain starts a real Neo4j with the reference data and 500 generated points.
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		return d.Load(ingest.Records{Label: "bench points", Recs: pointRecords(benchPoints(500, 2))})
	})
}

// pointRecords turns generated points into practice records.
func pointRecords(pts []graph.MapPoint) []graph.Record {
	recs := make([]graph.Record, 0, len(pts))
	for _, p := range pts {
		loc := p.Location
		recs = append(recs, graph.Record{Node: &graph.Practice{Meta: graph.Meta{ID: p.ID, Status: graph.StatusPublished, Demo: true},
			Title: p.Name, Lang: "en", Summary: "bench", Location: &loc},
			Links: []graph.Link{{Type: graph.RelAbout, To: p.Themes[0]}}, Source: "bench"})
	}
	return recs
}

func TestMapBench(t *testing.T) {
	ctx := context.Background()
	n, _ := strconv.Atoi(os.Getenv("EWSI_MAPBENCH_POINTS"))
	var pts []graph.MapPoint
	if n > 0 {
		pts = benchPoints(n, 1)
		recs := pointRecords(pts)
		t0 := time.Now()
		for i := 0; i < len(recs); i += 5000 {
			batch := recs[i:min(len(recs), i+5000)]
			if _, err := db.Store.WriteNodes(ctx, batch); err != nil {
				t.Fatal(err)
			}
			if err := db.Store.WriteLinks(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("loaded %d points in %s", n, time.Since(t0).Round(time.Second))
	}
	all, err := db.Store.MapPoints(ctx, webmap.World, graph.MapFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rounds := 20
	if n > 0 {
		rounds = 200
	}
	touch := func(ctx context.Context) error {
		rec := touchRecord(time.Now().Nanosecond())
		_, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec})
		return err
	}
	res, err := runMapBench(ctx, db.Store, all, rounds, touch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Points != len(all) || len(res.Zooms) != len(mapZooms) || res.Zooms[0].EndToEnd.N != rounds {
		t.Errorf("results: %+v", res)
	}
	if !res.AfterStale || res.RefreshMs < res.AfterWrite {
		t.Errorf("after a write the map should answer stale at once and fresh later: %+v", res)
	}
	out, _ := json.MarshalIndent(res, "", "  ")
	t.Logf("%s", out)
	if n > 0 {
		root, _ := neo4jtest.RepoRoot()
		dir := filepath.Join(root, "test-artifacts")
		_ = os.MkdirAll(dir, 0o755)
		_ = os.WriteFile(filepath.Join(dir, "mapbench.json"), out, 0o644)
		coords := make([][2]float64, len(all))
		for i, p := range all {
			coords[i] = [2]float64{p.Location[0], p.Location[1]}
		}
		b, _ := json.Marshal(coords)
		_ = os.WriteFile(filepath.Join(dir, "mapbench-points.json"), b, 0o644)
	}
}
