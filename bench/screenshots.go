package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"ewsi/graph/neo4j"
)

// screenshots serves the loaded graph (the demo dataset, as a visitor of a fresh
// `make run` sees it) and saves every page of the site, with its main states, in
// English, French and German at desktop and phone size as PNGs into dir, with an
// index.html listing them (webmap/bench/screenshots.mjs). `make screenshots`
// runs it; dir is not committed.
func screenshots(ctx context.Context, st *neo4j.Store, dir string) error {
	addr, stop, err := serveSite(ctx, st)
	if err != nil {
		return err
	}
	defer stop()
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	fmt.Println("bench: screenshots of every page into", dir)
	cmd := exec.CommandContext(ctx, "node", filepath.Join("webmap", "bench", "screenshots.mjs"), abs)
	cmd.Env = append(os.Environ(), "EWSI_URL="+addr)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("screenshots.mjs: %w", err)
	}
	return nil
}
