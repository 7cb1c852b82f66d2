package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/embedded"
	"ewsi/ingest"
	"ewsi/ingest/reference"
)

// openStore connects to NEO4J_URI, or starts the embedded Neo4j when it is unset,
// and runs the migrations. close stops what it started.
func openStore(ctx context.Context, cfg config, log *slog.Logger, out io.Writer) (st *neo4j.Store, closeFn func(), err error) {
	uri := cfg.Neo4jURI
	var srv *embedded.Server
	if uri == "" {
		dir := filepath.Join(cfg.DataDir, "neo4j")
		fmt.Fprintf(out, "starting the embedded Neo4j (store %s, Bolt 127.0.0.1:%d)...\n", dir, cfg.Neo4jPort)
		srv, err = embedded.Start(ctx, embedded.Options{Jar: cfg.Neo4jJar, DataDir: dir, Port: cfg.Neo4jPort,
			Heap: cfg.Neo4jHeap, PageCache: cfg.Neo4jPageCache, TxMemory: "2g", Log: neo4jLog(cfg)})
		if err != nil {
			return nil, nil, err
		}
		uri = srv.URI
	}
	octx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	st, err = neo4j.Open(octx, neo4j.Config{URI: uri, User: cfg.Neo4jUser, Password: cfg.Neo4jPassword,
		Database: cfg.Neo4jDatabase, QueryTimeout: cfg.QueryTimeout})
	if err == nil {
		log.Info("neo4j connected", "uri", uri)
		err = st.Migrate(ctx)
	}
	if err != nil {
		if st != nil {
			_ = st.Close(context.Background())
		}
		if srv != nil {
			_ = srv.Stop()
		}
		return nil, nil, err
	}
	return st, func() {
		_ = st.Close(context.Background())
		if srv != nil {
			fmt.Fprintln(out, "stopping the embedded Neo4j...")
			_ = srv.Stop()
		}
	}, nil
}

// neo4jLog is where the launcher's own output goes: a log file in the data folder.
func neo4jLog(cfg config) io.Writer {
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return io.Discard
	}
	f, err := os.OpenFile(filepath.Join(cfg.DataDir, "neo4j-launcher.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return io.Discard
	}
	return f
}

// referenceSources are the reference data: embedded themes, principles,
// framework and indicators, and the countries extracted from npm packages.
func referenceSources(cfg config) ([]ingest.Source, error) {
	recs, err := reference.Records()
	if err != nil {
		return nil, err
	}
	countries, err := reference.Countries(cfg.ReferenceDir)
	if err != nil {
		return nil, fmt.Errorf("%w (build the reference data with `make`)", err)
	}
	return []ingest.Source{
		ingest.Records{Label: "reference:countries", Recs: countries},
		ingest.Records{Label: "reference:framework", Recs: recs},
	}, nil
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
