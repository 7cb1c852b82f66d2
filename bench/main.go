// Command bench measures EWSI Graph in one run against the baselines its issues
// name, and writes bench/results/<name>-<time>.json with a table on stdout. It
// starts its own embedded Neo4j in a temporary folder on a free port, generates
// the demo dataset at the chosen scale and loads it; it is run by `make bench`,
// never by `make test`.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/embedded"
)

// Result is one measured figure against its baseline.
type Result struct {
	Name     string  `json:"name"`
	Unit     string  `json:"unit"`
	Value    float64 `json:"value"`
	Baseline float64 `json:"baseline,omitempty"`
	BaseName string  `json:"baselineName,omitempty"`
	Ratio    float64 `json:"ratio,omitempty"`
	Target   string  `json:"target,omitempty"`
	Met      *bool   `json:"met,omitempty"`
}

// Report is what a run writes.
type Report struct {
	Started time.Time         `json:"started"`
	Scale   int               `json:"scale"`
	Machine map[string]string `json:"machine"`
	Results []Result          `json:"results"`
}

func main() {
	scale := flag.Int("scale", 10, "demo scale to load")
	iters := flag.Int("iters", 300, "timed iterations per query")
	warm := flag.Duration("warmup", 30*time.Second, "how long each pair of queries runs before it is timed")
	out := flag.String("out", filepath.Join("bench", "results"), "where to write the results")
	keep := flag.String("data", "", "keep the Neo4j store here (reused when it already holds the scale); default a temporary folder")
	heap := flag.String("heap", "4g", "heap of the benchmark's Neo4j")
	pageCache := flag.String("pagecache", "4g", "page cache of the benchmark's Neo4j")
	queries := flag.Int("queries", 100, "queries of each partner-search and related-content measure")
	txMemory := flag.String("txmemory", "3g", "memory all transactions of the benchmark's Neo4j may take (below the heap)")
	cpuProfile := flag.String("cpuprofile", "", "write the bench process's CPU profile here (the loader, the GraphQL server and the clients)")
	only := flag.String("only", "", "run only these parts, comma-separated: load, ingest, queries, map, browser, edge, accounts, library, contributions, calendar, partners, search, screenshots (default all but screenshots)")
	shots := flag.String("screenshots", filepath.Join("test-artifacts", "screenshots"), "where -only screenshots writes the PNGs and their index.html")
	rounds := flag.Int("rounds", 10, "rounds of the browser's first-markers measure, each cold and warm")
	searchFor := flag.Duration("searchfor", 20*time.Second, "how long each search scenario runs")
	searchOnly := flag.String("searchonly", "", "run only the search scenarios whose names match this regular expression (default all)")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := options{scale: *scale, iters: *iters, warm: *warm, out: *out, keep: *keep, heap: *heap, pageCache: *pageCache, txMemory: *txMemory, queries: *queries, rounds: *rounds, searchFor: *searchFor, searchOnly: *searchOnly, shots: *shots, parts: parts(*only)}
	if err := run(ctx, o); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	scale, iters, queries     int
	rounds                    int           // of the browser measure
	warm                      time.Duration // warm-up of each timed pair of queries
	searchFor                 time.Duration // of each search scenario
	out, keep, shots          string
	heap, pageCache, txMemory string
	parts                     map[string]bool // nil: every part
	neo4jPid                  int             // the benchmark's Neo4j, for its CPU time
	searchOnly                string          // a regular expression of the search scenarios to run
}

// parts parses -only.
func parts(only string) map[string]bool {
	if only == "" {
		return nil
	}
	out := map[string]bool{}
	for _, p := range strings.Split(only, ",") {
		out[strings.TrimSpace(p)] = true
	}
	return out
}

// does reports whether the run includes part.
// screenshots is no measure: it runs only when -only names it.
func (o options) does(part string) bool {
	if part == "screenshots" {
		return o.parts["screenshots"]
	}
	return o.parts == nil || o.parts[part]
}

func run(ctx context.Context, o options) error {
	scale, iters, outDir := o.scale, o.iters, o.out
	rep := &Report{Started: time.Now().UTC(), Scale: scale, Machine: machine()}
	dir := o.keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "ewsi-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	fmt.Printf("bench: scale %d, store %s\n", scale, dir)
	srv, err := embedded.Start(ctx, embedded.Options{Jar: filepath.Join("neo4j", "target", "ewsi-neo4j.jar"),
		DataDir: filepath.Join(dir, "neo4j"), Heap: o.heap, PageCache: o.pageCache, TxMemory: o.txMemory})
	if err != nil {
		return err
	}
	defer srv.Stop()
	o.neo4jPid = srv.Pid()
	st, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI, QueryTimeout: 5 * time.Minute})
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	rep.Machine["neo4jHeap"], rep.Machine["neo4jPageCache"] = o.heap, o.pageCache
	if err := benchIngest(ctx, st, o, dir, rep); err != nil {
		return err
	}
	if o.does("queries") {
		if err := benchQueries(ctx, st, timing{iters: iters, warm: o.warm}, rep); err != nil {
			return err
		}
	}
	for _, extra := range []struct {
		part string
		fn   func(context.Context, *neo4j.Store, *Report) error
	}{{"map", mapBench}, {"browser", func(ctx context.Context, st *neo4j.Store, rep *Report) error {
		return browserBench(ctx, st, o, rep)
	}}, {"edge", edgeBench}, {"library", libraryBench}, {"contributions", contribBench}, {"calendar", calendarBench}, {"accounts", func(ctx context.Context, st *neo4j.Store, rep *Report) error {
		return accountsBench(ctx, st, timing{iters: iters, warm: o.warm}, rep)
	}}, {"partners", func(ctx context.Context, st *neo4j.Store, rep *Report) error {
		return partnerBench(ctx, st, o.queries, rep)
	}}, {"search", func(ctx context.Context, st *neo4j.Store, rep *Report) error {
		return searchBench(ctx, st, rep, o.searchFor, o.neo4jPid, o.searchOnly)
	}}, {"screenshots", func(ctx context.Context, st *neo4j.Store, _ *Report) error {
		return screenshots(ctx, st, o.shots)
	}}} {
		if !o.does(extra.part) {
			continue
		}
		if err := extra.fn(ctx, st, rep); err != nil {
			return err
		}
	}
	if len(o.parts) == 1 && o.parts["screenshots"] {
		return nil // no measure to write
	}
	printTable(rep)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(outDir, fmt.Sprintf("bench-scale%d-%s.json", scale, rep.Started.Format("20060102T150405Z")))
	b, _ := json.MarshalIndent(rep, "", "  ")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	fmt.Println("bench: results written to", path)
	return nil
}

func (r *Report) add(res Result) {
	if res.Baseline != 0 {
		res.Ratio = res.Value / res.Baseline
	}
	r.Results = append(r.Results, res)
}

func met(ok bool) *bool { return &ok }

func printTable(r *Report) {
	fmt.Printf("\n%-56s %12s %12s %-26s %8s %-16s %s\n", "measure", "value", "baseline", "baseline is", "ratio", "target", "met")
	for _, x := range r.Results {
		base, ratio, ok := "", "", ""
		if x.Baseline != 0 {
			base = fmt.Sprintf("%.2f", x.Baseline)
			ratio = fmt.Sprintf("%.2fx", x.Ratio)
		}
		if x.Met != nil {
			ok = map[bool]string{true: "yes", false: "NO"}[*x.Met]
		}
		fmt.Printf("%-56s %12.2f %12s %-26s %8s %-16s %s\n", x.Name+" ("+x.Unit+")", x.Value, base, x.BaseName, ratio, x.Target, ok)
	}
}
