package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"ewsi/graph"
	"ewsi/ingest"
)

// exportCmd writes the graph in the ingest format: `ewsi export [--out FILE]`.
func exportCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write to this file (.jsonl) instead of standard output")
	kinds := fs.String("kinds", "", "comma-separated record types to export (default: all): "+strings.Join(append(ingest.RecordTypes(), "requests", "links"), ", "))
	country := fs.String("country", "", "only content in this country (ISO or Eurostat code); people, requests and links are left out")
	private := fs.Bool("include-private", false, "include private data: people with their emails and password hashes, and the contacts of partner requests and replies (an operator's backup)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ewsi export [--out FILE] [--kinds LIST] [--country CC] [--include-private]\n\nWrites the graph as JSON Lines that `ewsi ingest --reference FILE` loads into an empty store.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	ex := &ingest.Exporter{Private: *private}
	if *country != "" {
		iso, ok := graph.CountryCode(*country)
		if !ok {
			return graph.Errorf(graph.EINVALID, "--country", "%q is not a two-letter country code", *country)
		}
		ex.Filter.Country, ex.NoRequests, ex.NoLinks = iso, true, true
	}
	if *kinds != "" {
		if err := exportKinds(ex, *kinds); err != nil {
			return err
		}
	}
	w := stdout
	if *out != "" {
		if !strings.HasSuffix(strings.ToLower(*out), ".jsonl") {
			return graph.Errorf(graph.EINVALID, "--out", "%q: name the file .jsonl, the format ingest reads", *out)
		}
		f, err := os.Create(*out)
		if err != nil {
			return graph.Errorf(graph.EINVALID, "--out", "cannot write: %v", err)
		}
		defer f.Close()
		w = f
	}
	log := newLogger(cfg, stderr)
	db, err := openDB(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	ex.B = db.Store
	sum, err := ex.Export(ctx, w)
	if err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && f != os.Stdout {
		if err := f.Sync(); err != nil {
			return err
		}
	}
	fmt.Fprintln(stderr, sum)
	return nil
}

// exportKinds sets the exporter's kinds from a list of record types, where
// "requests" stands for partner requests with their replies and "links" for
// editors' links and dismissals.
func exportKinds(ex *ingest.Exporter, list string) error {
	types := map[string]graph.Kind{}
	for _, t := range ingest.RecordTypes() {
		k, _ := ingest.KindOfType(t)
		types[t] = k
	}
	ex.NoRequests, ex.NoLinks = true, true
	for _, t := range strings.Split(list, ",") {
		t = strings.TrimSpace(t)
		switch t {
		case "requests":
			ex.NoRequests = false
			continue
		case "links":
			ex.NoLinks = false
			continue
		}
		k, ok := types[t]
		if !ok {
			return graph.Errorf(graph.EINVALID, "--kinds", "%q is not one of %s, requests, links", t, strings.Join(ingest.RecordTypes(), ", "))
		}
		ex.Filter.Kinds = append(ex.Filter.Kinds, k)
	}
	ex.NoContent = len(ex.Filter.Kinds) == 0
	return nil
}
