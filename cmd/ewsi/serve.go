package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/graph/rank"
	"ewsi/ingest"
	"ewsi/ingest/demo"
	"ewsi/server"
	"ewsi/webmap"
)

func serve(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (EWSI_ADDR)")
	fs.IntVar(&cfg.DemoScale, "demo-scale", cfg.DemoScale, "demo content to load when the graph has none; 0 loads none (EWSI_DEMO_SCALE)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	log := newLogger(cfg, stderr)
	st, closeStore, err := openStore(ctx, cfg, log, stdout)
	if err != nil {
		return err
	}
	defer closeStore()
	refs, err := referenceSources(cfg)
	if err != nil {
		return err
	}
	sum, err := (&ingest.Loader{W: st}).Load(ctx, refs...)
	if err != nil {
		return fmt.Errorf("loading reference data: %w", err)
	}
	if sum.Rejected > 0 {
		return fmt.Errorf("reference data has %d bad records, first: %v", sum.Rejected, sum.Errors[0])
	}
	log.Info("reference data", "summary", sum.String())

	ranker := rank.NewRanker(st) // partner search and related content over a cached projection
	ranker.Cache.OnBuild = func(p *rank.Projection, err error) {
		if err != nil {
			log.Warn("ranking: building the projection", "err", err)
			return
		}
		log.Info("ranking: projection built", "nodes", p.Len(), "took", p.BuildTime.Round(time.Millisecond), "bytes", p.Bytes())
	}
	layers := webmap.NewLayers(st)
	defer layers.Close() // cancels the cluster builds under way and waits for them, before the store closes
	srv := server.New(server.Config{Addr: cfg.Addr, WebDir: cfg.WebDir, QueryTimeout: cfg.QueryTimeout,
		AllowedOrigins: cfg.CORSOrigins, Extra: webmap.Routes(layers, webmap.RouteOptions{TrustForwarded: cfg.TrustForwarded}),
		EditorToken: cfg.EditorToken, Map: layers, Partners: ranker, Edge: cfg.Edge}, st, log)
	if err := srv.Listen(); err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
	go func() { _, _ = ranker.Cache.Fresh(ctx) }() // partner search and related content; OnBuild logs
	go func() {
		if err := layers.Warm(ctx); err != nil {
			log.Warn("map: warming the cluster cache", "err", err)
		}
	}()
	fmt.Fprintf(stdout, "EWSI Graph is up: http://%s/ (GraphiQL: http://%s/graphiql)\n", srv.Addr(), srv.Addr())
	if cfg.DemoScale > 0 {
		go loadDemoIfEmpty(ctx, cfg, st, ranker.Cache, layers, log, stdout)
	}
	select {
	case <-ctx.Done():
		fmt.Fprintln(stdout, "shutting down...")
	case err := <-errc:
		return err
	}
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// loadDemoIfEmpty generates and loads demo content when the graph has no content.
func loadDemoIfEmpty(ctx context.Context, cfg config, st *neo4j.Store, ranking *rank.Cache, layers *webmap.Layers, log *slog.Logger, out io.Writer) {
	_, total, err := st.List(ctx, graph.KindPractice, graph.Filter{}, graph.Order{}, graph.Window{})
	if err != nil {
		log.Error("demo content: cannot count practices", "err", err)
		return
	}
	if total > 0 {
		loadDemoRequests(ctx, cfg, st, log, out)
		return
	}
	dir := filepath.Join(cfg.DataDir, "demo", fmt.Sprintf("scale-%d-seed-1", cfg.DemoScale))
	fmt.Fprintf(out, "the graph has no content: generating demo content (scale %d) into %s...\n", cfg.DemoScale, dir)
	if err := generate(ctx, cfg, cfg.DemoScale, 1, dir); err != nil {
		log.Error("demo content: generate", "err", err)
		return
	}
	srcs, err := demoSources(dir)
	if err != nil {
		log.Error("demo content", "err", err)
		return
	}
	start := time.Now()
	pp := &ingest.ProgressPrinter{W: out}
	sum, err := (&ingest.Loader{W: st, Progress: pp.Print}).Load(ctx, srcs...)
	if err != nil {
		log.Error("demo content: load", "err", err)
		return
	}
	fmt.Fprintf(out, "demo content loaded in %s: %s\n", time.Since(start).Round(time.Second), sum)
	loadDemoRequests(ctx, cfg, st, log, out)
	// rebuild the caches now, so that no visitor is answered from those of the empty graph
	layers.Recheck()
	if err := layers.Warm(ctx); err != nil {
		log.Warn("map: rebuilding the cluster cache", "err", err)
	}
	if _, err := ranking.Fresh(ctx); err != nil {
		log.Warn("ranking: rebuilding the projection", "err", err)
		return
	}
	fmt.Fprintln(out, "demo content is on the map and in partner search")
}

// loadDemoRequests adds demo partner requests (300 per unit of scale) when the
// graph has demo organisations and no partner request.
func loadDemoRequests(ctx context.Context, cfg config, st *neo4j.Store, log *slog.Logger, out io.Writer) {
	n, err := demo.LoadPartnerRequests(ctx, st, 1, 300*cfg.DemoScale, graph.Today())
	if err != nil {
		log.Error("demo partner requests", "err", err)
		return
	}
	if n > 0 {
		fmt.Fprintf(out, "demo partner requests loaded: %d\n", n)
	}
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
