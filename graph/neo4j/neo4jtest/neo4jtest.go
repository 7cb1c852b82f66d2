// Package neo4jtest starts a real embedded Neo4j for tests: its own store in a
// temporary folder and a free port, so tests run beside `make run`.
package neo4jtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/embedded"
	"ewsi/graph/rank"
	"ewsi/ingest"
	"ewsi/ingest/reference"
)

// RepoRoot returns the folder holding go.mod, searching up from the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// DB is a started Neo4j with a migrated store.
type DB struct {
	Server *embedded.Server
	Store  *neo4j.Store
	// Ranker ranks partners and related content over the projection of Store,
	// as the server does; Load builds its projection.
	Ranker *rank.Ranker
	dir    string
}

// Start launches the embedded Neo4j and opens a migrated store on it.
func Start() (*DB, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "ewsi-neo4jtest-")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	var logw *os.File
	if os.Getenv("EWSI_TEST_NEO4J_LOG") != "" {
		logw = os.Stderr
	}
	opts := embedded.Options{
		Jar: filepath.Join(root, "neo4j", "target", "ewsi-neo4j.jar"), DataDir: filepath.Join(dir, "neo4j"),
		PageCache: "256m", TxMemory: "1g", Heap: "1g",
	}
	if logw != nil {
		opts.Log = logw
	}
	srv, err := embedded.Start(ctx, opts)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	st, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI})
	if err == nil {
		err = st.Migrate(ctx)
	}
	if err != nil {
		srv.Stop()
		os.RemoveAll(dir)
		return nil, err
	}
	return &DB{Server: srv, Store: st, Ranker: rank.NewRanker(st), dir: dir}, nil
}

// Close closes the store, stops Neo4j and removes its folder.
func (d *DB) Close() {
	_ = d.Store.Close(context.Background())
	_ = d.Server.Stop()
	_ = os.RemoveAll(d.dir)
}

// Reset deletes every node and relationship (the schema stays).
func (d *DB) Reset(t testing.TB) {
	t.Helper()
	if err := d.Store.DeleteAll(context.Background()); err != nil {
		t.Fatalf("reset: %v", err)
	}
}

// Main runs a package's tests with a started Neo4j in *db, for TestMain; each
// setup function runs first, in order, and a failing one stops the tests.
func Main(m *testing.M, db **DB, setup ...func(*DB) error) {
	d, err := Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "neo4jtest:", err)
		os.Exit(2)
	}
	*db = d
	for _, s := range setup {
		if err := s(d); err != nil {
			fmt.Fprintln(os.Stderr, "neo4jtest: setup:", err)
			d.Close()
			os.Exit(2)
		}
	}
	code := m.Run()
	d.Close()
	os.Exit(code)
}

// Load loads the reference data (the embedded themes, principles, framework and
// indicators, and the countries that `make` extracts into build/reference), then
// srcs, and fails if any record is rejected.
func (d *DB) Load(srcs ...ingest.Source) error {
	root, err := RepoRoot()
	if err != nil {
		return err
	}
	recs, err := reference.Records()
	if err != nil {
		return err
	}
	countries, err := reference.Countries(filepath.Join(root, "build", "reference"))
	if err != nil {
		return fmt.Errorf("%w (run `make` first: it builds the reference data)", err)
	}
	all := append([]ingest.Source{ingest.Records{Label: "countries", Recs: countries},
		ingest.Records{Label: "framework", Recs: recs}}, srcs...)
	sum, err := (&ingest.Loader{W: d.Store}).Load(context.Background(), all...)
	if err != nil {
		return err
	}
	if sum.Rejected > 0 {
		return fmt.Errorf("%d records rejected: %v", sum.Rejected, sum.Errors)
	}
	// partner search and related content rank over a projection of what was loaded
	_, err = d.Ranker.Cache.Fresh(context.Background())
	return err
}
