package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"ewsi/app"
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
	if err := app.GenerateDemo(ctx, cfg.ReferenceDir, *scale, *seed, dir); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo content written to %s\n", dir)
	return nil
}
