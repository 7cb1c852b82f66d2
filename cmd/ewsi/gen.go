package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ewsi/graph"
	"ewsi/ingest/demo"
)

func genCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scale := fs.Int("scale", 1, "size: 1 is about the size of the real EWSI, N multiplies it")
	seed := fs.Int64("seed", 1, "random seed; the same scale and seed give the same files")
	out := fs.String("out", "", "output folder (default data/demo/scale-N-seed-S)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(cfg.DataDir, "demo", fmt.Sprintf("scale-%d-seed-%d", *scale, *seed))
	}
	if err := generate(ctx, cfg, *scale, *seed, dir); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo content written to %s\n", dir)
	return nil
}

// generate writes demo content for scale and seed into dir, on the real cities
// and countries of the reference data.
func generate(ctx context.Context, cfg config, scale int, seed int64, dir string) error {
	var cities []demo.City
	var countries []demo.Country
	if err := readJSON(filepath.Join(cfg.ReferenceDir, "cities.json"), &cities); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(cfg.ReferenceDir, "countries.json"), &countries); err != nil {
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
