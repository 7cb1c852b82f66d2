package app

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
)

// cancelAt is a writer that cancels once the load's progress lines say that
// pct percent of the nodes are written.
type cancelAt struct {
	mu     sync.Mutex
	pct    int
	cancel context.CancelFunc
	buf    bytes.Buffer
}

func (c *cancelAt) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	for _, l := range strings.Split(c.buf.String(), "\n") {
		var done, total int
		if _, err := fmt.Sscanf(l, "nodes: %d/%d", &done, &total); err == nil && total > 0 && done*100 >= c.pct*total {
			c.cancel()
		}
	}
	return len(p), nil
}

// TestDemoLoadInterruptedThenCompleted cancels the demo bootstrap in the
// middle of its load (as Close does), then runs it again, as the next start
// does: the second run completes the load, although the graph already has
// some content, and adds the demo partner requests.
func TestDemoLoadInterruptedThenCompleted(t *testing.T) {
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	dataDir := t.TempDir()
	log := slog.New(slog.DiscardHandler)
	db, err := OpenDB(ctx, DBConfig{DataDir: dataDir, Jar: filepath.Join(root, "neo4j", "target", "ewsi-neo4j.jar"),
		Heap: "1g", PageCache: "128m"}, log, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	refDir := filepath.Join(root, "build", "reference")
	if _, err := loadReference(ctx, db.Store, refDir); err != nil {
		t.Fatal(err)
	}
	refreshed := 0
	d := &Demo{Store: db.Store, Scale: 1, DataDir: dataDir, ReferenceDir: refDir, Log: log,
		Refresh: func(context.Context) error { refreshed++; return nil }}

	// first start: interrupted when 60% of the nodes are written (the
	// practices come before that, the documents, news and events after)
	runCtx, stop := context.WithCancel(ctx)
	out := &cancelAt{pct: 60, cancel: stop}
	d.Out = out
	d.Run(runCtx)
	stop()
	if !strings.Contains(out.buf.String(), "interrupted") {
		t.Fatalf("the first run was not interrupted; it printed:\n%s", out.buf.String())
	}
	want := recordsIn(t, d.dir())
	if got := practices(t, db); got == 0 {
		t.Fatal("the interrupted run loaded no practice; the test needs some content in the graph")
	}
	if got := demoNodes(t, db); got >= want {
		t.Fatalf("the interrupted run loaded all %d records; the test did not interrupt it", got)
	}
	if refreshed != 0 {
		t.Error("the caches were refreshed after an interrupted load")
	}

	// next start: completes it
	var out2 bytes.Buffer
	d.Out = &out2
	d.Run(ctx)
	if got := demoNodes(t, db); got != want {
		t.Errorf("after the second run: %d demo nodes, want the %d records generated; it printed:\n%s", got, want, out2.String())
	}
	if n, err := db.Store.CountRequests(ctx); err != nil || n == 0 {
		t.Errorf("demo partner requests after the second run: %d, %v", n, err)
	}
	if refreshed != 1 {
		t.Errorf("caches refreshed %d times after the completed load, want 1", refreshed)
	}
	if _, err := os.Stat(d.incomplete()); !os.IsNotExist(err) {
		t.Errorf("the marker of an incomplete load is still there: %v", err)
	}
}

func practices(t *testing.T, db *DB) int {
	t.Helper()
	_, n, err := db.Store.List(context.Background(), graph.KindPractice, graph.Filter{}, graph.Order{}, graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// demoNodes counts the demo content (partner requests, replies and country sheet revisions aside).
func demoNodes(t *testing.T, db *DB) int {
	t.Helper()
	rows, err := db.Store.Query(context.Background(),
		`MATCH (n) WHERE n.demo = true AND NOT n:PartnerRequest AND NOT n:PartnerReply AND NOT n:SheetRevision RETURN count(n) AS n`, nil)
	if err != nil {
		t.Fatal(err)
	}
	return int(rows[0]["n"].(int64))
}

// recordsIn counts the records of the generated files.
func recordsIn(t *testing.T, dir string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), `{"type":`) {
				n++
			}
		}
		fh.Close()
	}
	if n == 0 {
		t.Fatalf("no record in the files of %s", dir)
	}
	return n
}
