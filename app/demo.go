package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/ingest"
	"ewsi/ingest/demo"
)

// Demo is the bootstrap of demo content: on a graph with no content it
// generates the demo dataset and loads it, then the demo partner requests, then
// has the caches rebuilt. It honours its context: an interrupted load (Close
// during it) leaves a marker file, and the next start loads again (ingest is
// idempotent), so the load is always completed.
type Demo struct {
	Store        *neo4j.Store
	Scale        int    // demo scale; 300 partner requests per unit
	DataDir      string // generated files go to DataDir/demo/scale-N-seed-1
	ReferenceDir string // cities.json and countries.json
	Out          io.Writer
	Log          *slog.Logger
	// Refresh rebuilds the caches after the load, so that no visitor is answered
	// from those of the empty graph.
	Refresh func(ctx context.Context) error
}

func (d *Demo) dir() string {
	return filepath.Join(d.DataDir, "demo", fmt.Sprintf("scale-%d-seed-1", d.Scale))
}

// incomplete marks a load that began and has not ended.
func (d *Demo) incomplete() string { return d.dir() + ".incomplete" }

// Run loads the demo content when the graph has none (or when a previous load
// was interrupted), and the demo partner requests when there are none. Errors
// are logged; an interruption by ctx is not an error.
func (d *Demo) Run(ctx context.Context) {
	if err := d.run(ctx); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(d.Out, "demo content: interrupted; the next start completes it")
			return
		}
		d.Log.Error("demo content", "err", err)
	}
}

func (d *Demo) run(ctx context.Context) error {
	_, total, err := d.Store.List(ctx, graph.KindPractice, graph.Filter{}, graph.Order{}, graph.Window{})
	if err != nil {
		return fmt.Errorf("cannot count practices: %w", err)
	}
	_, statErr := os.Stat(d.incomplete())
	if total > 0 && errors.Is(statErr, os.ErrNotExist) {
		return d.loadRequests(ctx)
	}
	dir := d.dir()
	if total > 0 {
		fmt.Fprintf(d.Out, "completing the demo content that an earlier start began to load (scale %d)...\n", d.Scale)
	} else {
		fmt.Fprintf(d.Out, "the graph has no content: generating demo content (scale %d) into %s...\n", d.Scale, dir)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(d.incomplete(), []byte("a demo load began and has not ended\n"), 0o644); err != nil {
		return err
	}
	if err := GenerateDemo(ctx, d.ReferenceDir, d.Scale, 1, dir); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	srcs, err := demoSources(dir)
	if err != nil {
		return err
	}
	start := time.Now()
	pp := &ingest.ProgressPrinter{W: d.Out}
	sum, err := (&ingest.Loader{W: d.Store, Progress: pp.Print}).Load(ctx, srcs...)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(d.Out, "demo content loaded in %s: %s\n", time.Since(start).Round(time.Second), sum)
	if err := d.loadRequests(ctx); err != nil {
		return err
	}
	if err := os.Remove(d.incomplete()); err != nil {
		return err
	}
	if d.Refresh != nil {
		if err := d.Refresh(ctx); err != nil {
			return fmt.Errorf("rebuilding the caches: %w", err)
		}
	}
	fmt.Fprintln(d.Out, "demo content is on the map and in partner search")
	return nil
}

// loadRequests adds demo partner requests (300 per unit of scale) when the
// graph has demo organisations and no partner request.
func (d *Demo) loadRequests(ctx context.Context) error {
	n, err := demo.LoadPartnerRequests(ctx, d.Store, 1, 300*d.Scale, graph.Today())
	if err != nil {
		return fmt.Errorf("demo partner requests: %w", err)
	}
	if n > 0 {
		fmt.Fprintf(d.Out, "demo partner requests loaded: %d\n", n)
	}
	return d.loadCalendar(ctx)
}

func demoSources(dir string) ([]ingest.Source, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no .jsonl files in %s", dir)
	}
	var srcs []ingest.Source
	for _, f := range files {
		s, err := ingest.Open(f)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s)
	}
	return srcs, nil
}

// GenerateDemo writes demo content for scale and seed into dir, on the real
// cities and countries of the reference data in referenceDir.
func GenerateDemo(ctx context.Context, referenceDir string, scale int, seed int64, dir string) error {
	var cities []demo.City
	var countries []demo.Country
	if err := readJSON(filepath.Join(referenceDir, "cities.json"), &cities); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(referenceDir, "countries.json"), &countries); err != nil {
		return err
	}
	_, err := demo.Generate(ctx, demo.Options{Scale: scale, Seed: seed, Out: dir, Cities: cities, Countries: demoCountries(countries)})
	return err
}

// demoCountries keeps the countries whose integration work the site covers: the
// EU, the EEA and Switzerland, the United Kingdom, and the candidate countries.
func demoCountries(all []demo.Country) []demo.Country {
	keep := map[string]bool{"IS": true, "LI": true, "NO": true, "CH": true, "GB": true,
		"AL": true, "BA": true, "GE": true, "MD": true, "ME": true, "MK": true, "RS": true, "TR": true, "UA": true, "XK": true}
	var out []demo.Country
	for _, c := range all {
		if c.EU || keep[c.ISO2] {
			out = append(out, c)
		}
	}
	return out
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return graph.Errorf(graph.EINVALID, path, "cannot read (build the reference data with `make`): %v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return graph.Errorf(graph.EINVALID, path, "%v", err)
	}
	return nil
}
