package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/embedded"
)

// DBConfig says which Neo4j to use: the one at URI, or, when URI is empty, an
// embedded one started with its store under DataDir.
type DBConfig struct {
	URI, User, Password, Database string // NEO4J_URI and its credentials

	DataDir   string // the embedded store is DataDir/neo4j, its log DataDir/neo4j-launcher.log
	Port      int    // Bolt port of the embedded Neo4j; 0 picks a free one, kept across restarts
	Jar       string // the launcher
	Heap      string
	PageCache string

	QueryTimeout time.Duration // of every read transaction
}

// DB is an open, migrated store and, when it started one, the embedded Neo4j
// under it, which it can restart.
type DB struct {
	Store *neo4j.Store

	log  *slog.Logger
	out  io.Writer
	opts embedded.Options // how the embedded Neo4j is (re)started

	mu  sync.Mutex
	srv *embedded.Server // nil with a NEO4J_URI
}

// OpenDB connects to cfg.URI, or starts the embedded Neo4j when it is empty,
// and runs the migrations. Close stops what it started.
func OpenDB(ctx context.Context, cfg DBConfig, log *slog.Logger, out io.Writer) (*DB, error) {
	d := &DB{log: log, out: out}
	uri := cfg.URI
	if uri == "" {
		if cfg.Port == 0 {
			p, err := embedded.FreePort()
			if err != nil {
				return nil, err
			}
			cfg.Port = p
		}
		d.opts = embedded.Options{Jar: cfg.Jar, DataDir: filepath.Join(cfg.DataDir, "neo4j"), Port: cfg.Port,
			Heap: cfg.Heap, PageCache: cfg.PageCache, TxMemory: "2g", LogFile: filepath.Join(cfg.DataDir, "neo4j-launcher.log")}
		fmt.Fprintf(out, "starting the embedded Neo4j (store %s, Bolt 127.0.0.1:%d)...\n", d.opts.DataDir, cfg.Port)
		srv, err := embedded.Start(ctx, d.opts)
		if err != nil {
			return nil, err
		}
		d.srv = srv
		uri = srv.URI
	}
	octx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	st, err := neo4j.Open(octx, neo4j.Config{URI: uri, User: cfg.User, Password: cfg.Password,
		Database: cfg.Database, QueryTimeout: cfg.QueryTimeout})
	if err == nil {
		log.Info("neo4j connected", "uri", uri)
		d.Store = st
		err = st.Migrate(ctx)
	}
	if err != nil {
		err = d.explain(err)
		_ = d.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the store, then stops the embedded Neo4j (which closes its log).
func (d *DB) Close() error {
	var errs []error
	if d.Store != nil {
		errs = append(errs, d.Store.Close(context.Background()))
	}
	if srv := d.Embedded(); srv != nil {
		fmt.Fprintln(d.out, "stopping the embedded Neo4j...")
		errs = append(errs, srv.Stop())
	}
	return errors.Join(errs...)
}

// Embedded is the embedded Neo4j running now, nil with a NEO4J_URI.
func (d *DB) Embedded() *embedded.Server {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.srv
}

// Bind returns a context that ends when ctx does or when the embedded Neo4j
// dies; in the second case context.Cause tells how it died. Stop it with the
// returned function. A command with no restart of its own (ingest) runs under it,
// so that its Neo4j's death ends it at once with the reason, rather than after
// the driver's retries with "connection refused".
func (d *DB) Bind(ctx context.Context) (context.Context, context.CancelFunc) {
	cctx, cancel := context.WithCancelCause(ctx)
	srv := d.Embedded()
	if srv == nil {
		return cctx, func() { cancel(nil) }
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-srv.Done():
			if err := srv.Died(); err != nil {
				cancel(err)
			}
		case <-stop:
		case <-cctx.Done():
		}
	}()
	return cctx, func() {
		close(stop)
		<-done
		cancel(nil)
	}
}

// Explain returns the reason the embedded Neo4j died when it did (err is then
// only its consequence), and err otherwise.
func (d *DB) Explain(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var died *embedded.DiedError
	if cause := context.Cause(ctx); errors.As(cause, &died) {
		return cause
	}
	return d.explain(err)
}

func (d *DB) explain(err error) error {
	if srv := d.Embedded(); srv != nil {
		if died := srv.Died(); died != nil {
			return died
		}
	}
	return err
}

// restart starts the embedded Neo4j again on the same store and port, and runs
// the migrations (idempotent) once it answers.
func (d *DB) restart(ctx context.Context) error {
	srv, err := embedded.Start(ctx, d.opts)
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.srv = srv
	d.mu.Unlock()
	mctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for {
		if err = d.Store.Migrate(mctx); err == nil || mctx.Err() != nil {
			return err
		}
		select { // the driver's pool still holds connections to the dead one
		case <-mctx.Done():
			return err
		case <-time.After(250 * time.Millisecond):
		}
	}
}
