package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"ewsi/app"
)

// serve runs the server until ctx ends (a signal) or the server fails on its own.
func serve(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (EWSI_ADDR)")
	fs.IntVar(&cfg.DemoScale, "demo-scale", cfg.DemoScale, "demo content to load when the graph has none; 0 loads none (EWSI_DEMO_SCALE)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	m := &app.Main{Config: cfg.app(newLogger(cfg, stderr), stdout)}
	if err := m.Run(ctx); err != nil {
		return err
	}
	var err error
	select {
	case <-ctx.Done():
		fmt.Fprintln(stdout, "shutting down...")
	case err = <-m.Err():
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return err
}
