package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"ewsi/graph"
	"ewsi/ingest/eurostat"
)

const indicatorsUsage = `usage: ewsi indicators load --indicator SLUG [--where DIM=VALUE,...] [--sample | --source NAME] FILE

Loads the values of one common integration indicator (employment-rate, ...) from
a table Eurostat distributes: TSV (freq,unit,...,geo\TIME_PERIOD) or SDMX-CSV 1.0
or 2.0. --where keeps one series when the table holds several (citizen=NEU27_2020_FOR).
Observations are merged on indicator, country and year: loading again changes nothing.
--sample marks them as figures of a sample file, not Eurostat's.
`

func indicatorsCmd(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "load" {
		fmt.Fprint(stderr, indicatorsUsage)
		return errUsage
	}
	fs := flag.NewFlagSet("indicators load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ind := fs.String("indicator", "", "the indicator's slug or id (employment-rate)")
	where := fs.String("where", "", "the series to keep: DIM=VALUE,DIM=VALUE")
	sample := fs.Bool("sample", false, "the file is a sample with invented figures (source \"sample file\")")
	source := fs.String("source", "Eurostat", "the source named with each value")
	fs.Usage = func() { fmt.Fprint(stderr, indicatorsUsage); fs.PrintDefaults() }
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 || *ind == "" {
		fs.Usage()
		return errUsage
	}
	w, err := eurostat.ParseWhere(*where)
	if err != nil {
		return err
	}
	file := fs.Arg(0)
	f, err := os.Open(file)
	if err != nil {
		return graph.Errorf(graph.EINVALID, file, "%v", err)
	}
	defer f.Close()
	t, err := eurostat.Parse(file, f)
	if err != nil {
		return err
	}
	obs, sum, err := eurostat.Observations(t, eurostat.Select{Indicator: *ind, Where: w, Source: *source, Sample: *sample})
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	db, err := openDB(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	lctx, unbind := db.Bind(ctx)
	defer unbind()
	st, err := db.Store.WriteObservations(lctx, obs)
	if err = db.Explain(lctx, err); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s (%s, dataset %s): %s; created %d, updated %d, unchanged %d\n", file, t.Format, t.Dataset, sum, st.Created, st.Updated, st.Unchanged)
	return nil
}
