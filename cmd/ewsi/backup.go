package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"ewsi/graph"
	"ewsi/graph/neo4j/embedded"
)

// backupCmd dumps the embedded store to a file: `ewsi backup FILE`.
func backupCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ewsi backup FILE\n\nWrites the embedded store (EWSI_DATA_DIR/neo4j) to FILE with neo4j-admin database dump.\nStop `ewsi serve` first: a store in use is refused.")
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	if err := embeddedOnly(cfg, "backup"); err != nil {
		return err
	}
	o := adminOptions(cfg)
	if err := embedded.Dump(ctx, o, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", o.DataDir, fs.Arg(0))
	return nil
}

// restoreCmd loads a dump into the embedded store: `ewsi restore [--force] FILE`.
func restoreCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	force := fs.Bool("force", false, "replace the store that EWSI_DATA_DIR/neo4j holds")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ewsi restore [--force] FILE\n\nLoads FILE, written by `ewsi backup`, into the embedded store (EWSI_DATA_DIR/neo4j) with neo4j-admin database load.\nStop `ewsi serve` first: a store in use is refused.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	if err := embeddedOnly(cfg, "restore"); err != nil {
		return err
	}
	o := adminOptions(cfg)
	if err := embedded.Load(ctx, o, fs.Arg(0), *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s into %s\n", fs.Arg(0), o.DataDir)
	return nil
}

// embeddedOnly refuses a backup or restore when NEO4J_URI names another Neo4j.
func embeddedOnly(cfg config, what string) error {
	if cfg.Neo4jURI != "" {
		return graph.Errorf(graph.EINVALID, "NEO4J_URI", "ewsi %s works on the embedded store; for the Neo4j at %s use its own neo4j-admin, or `ewsi export`", what, cfg.Neo4jURI)
	}
	return nil
}

func adminOptions(cfg config) embedded.Options {
	return embedded.Options{Jar: cfg.Neo4jJar, DataDir: filepath.Join(cfg.DataDir, "neo4j"),
		LogFile: filepath.Join(cfg.DataDir, "neo4j-launcher.log")}
}
