package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"ewsi/app"
	"ewsi/graph"
	"ewsi/ingest"
)

func ingestCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ref := fs.Bool("reference", false, "also load the reference data (themes, principles, countries, framework, indicators)")
	batch := fs.Int("batch", 1000, "records per transaction")
	writers := fs.Int("writers", 2, "transactions in flight at once")
	maxErrors := fs.Int("max-errors", 100, "how many rejected records to print")
	every := fs.Bool("progress-every-batch", false, "when not on a terminal, print a progress line after every batch")
	lang := fs.String("lang", "", "language (ISO 639-1, such as pl) of the feed entries that name none")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: ewsi ingest [--reference] [--batch N] [--writers N] [--lang CODE] FILE...

The format of each FILE comes from its extension:
  .jsonl .ndjson .json  JSON Lines, one record a line (see README.md for the fields)
  .csv                  CSV with a header naming the same fields
  .ics                  iCalendar (RFC 5545): each VEVENT becomes an event, its id from its UID
  .atom .rss            Atom or RSS news feeds: each entry or item becomes a news item
  .xml                  Atom or RSS, told apart by the root element (<feed>, <rss>)
A recurring event (RRULE) is loaded as its first occurrence, with a warning.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 && !*ref {
		fs.Usage()
		return errUsage
	}
	var srcs []ingest.Source
	if *ref {
		r, err := app.ReferenceSources(cfg.ReferenceDir)
		if err != nil {
			return err
		}
		srcs = append(srcs, r...)
	}
	opts := ingest.Options{}
	if *lang != "" {
		l, err := graph.ParseLang(*lang)
		if err != nil {
			return graph.Errorf(graph.EINVALID, "--lang", "%s", graph.ErrorMessage(err))
		}
		opts.Lang = l
	}
	for _, f := range fs.Args() {
		s, err := ingest.OpenWith(f, opts)
		if err != nil {
			return err
		}
		srcs = append(srcs, s)
	}
	log := newLogger(cfg, stderr)
	db, err := openDB(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	// the load ends at once, saying so, when its own embedded Neo4j dies
	lctx, unbind := db.Bind(ctx)
	defer unbind()
	start := time.Now()
	pp := &ingest.ProgressPrinter{W: stderr, TTY: isTerminal(os.Stderr), Every: *every}
	sum, err := (&ingest.Loader{W: db.Store, Batch: *batch, Writers: *writers, Progress: pp.Print}).Load(lctx, srcs...)
	err = db.Explain(lctx, err)
	for i, e := range sum.Errors {
		if i == *maxErrors {
			fmt.Fprintf(stderr, "... and %d more rejected records\n", len(sum.Errors)-i)
			break
		}
		fmt.Fprintln(stderr, graph.ErrorMessageFull(e))
	}
	for _, s := range srcs {
		for _, w := range ingest.Warnings(s) {
			fmt.Fprintln(stderr, "warning: "+w)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s in %s (check %s, nodes %s, links %s, indexes %s)\n", sum, time.Since(start).Round(time.Millisecond),
		sum.Check.Round(time.Millisecond), sum.Nodes.Round(time.Millisecond), sum.Links.Round(time.Millisecond), sum.Index.Round(time.Millisecond))
	if sum.Rejected > 0 {
		return graph.Errorf(graph.EINVALID, "", "%d records rejected", sum.Rejected)
	}
	return nil
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
