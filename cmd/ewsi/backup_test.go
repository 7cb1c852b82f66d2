package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"ewsi/graph/neo4j/embedded"
	"ewsi/graph/neo4j/neo4jtest"
)

// ewsiOwn runs the binary with its own embedded Neo4j on the store in dataDir.
func ewsiOwn(t *testing.T, dataDir string, args ...string) *exec.Cmd {
	t.Helper()
	root, _ := neo4jtest.RepoRoot()
	port, err := embedded.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "EWSI_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "EWSI_DATA_DIR="+dataDir, "EWSI_NEO4J_PORT="+strconv.Itoa(port), "EWSI_NEO4J_HEAP=512m",
		"EWSI_NEO4J_PAGECACHE=64m", "EWSI_LOG_LEVEL=warn")
	return cmd
}

// exportBody is an export without its first line, which says when it was made.
func exportBody(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(b), "\n")
	return body
}

func TestBackupThenRestoreGivesTheSameStore(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	extra := filepath.Join(dir, "extra.jsonl")
	if err := os.WriteFile(extra, []byte(exportExtra), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(data string, args ...string) string {
		t.Helper()
		out, err := ewsiOwn(t, data, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("ewsi %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run(a, "ingest", "--reference", extra)
	run(a, "export", "--include-private", "--out", filepath.Join(dir, "a.jsonl"))
	dump := filepath.Join(dir, "store.dump")
	run(a, "backup", dump)
	if fi, err := os.Stat(dump); err != nil || fi.Size() == 0 {
		t.Fatalf("no dump written: %v", err)
	}
	run(b, "restore", dump)
	run(b, "export", "--include-private", "--out", filepath.Join(dir, "b.jsonl"))
	ea, eb := exportBody(t, filepath.Join(dir, "a.jsonl")), exportBody(t, filepath.Join(dir, "b.jsonl"))
	if !strings.Contains(ea, `"id":"practice:pr-x"`) {
		t.Fatalf("the first store's export lacks the content loaded:\n%s", ea)
	}
	if ea != eb {
		t.Errorf("the restored store exports differently:\n%s", lineDiff("\n"+ea, "\n"+eb))
	}
	// a restore over a store asks for --force
	out, err := ewsiOwn(t, b, "restore", dump).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--force") {
		t.Errorf("restore over an existing store: %v\n%s", err, out)
	}
	run(b, "restore", "--force", dump)
	// a store in use is refused, saying so
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	root, _ := neo4jtest.RepoRoot()
	srv, err := embedded.Start(ctx, embedded.Options{Jar: filepath.Join(root, "neo4j", "target", "ewsi-neo4j.jar"),
		DataDir: filepath.Join(a, "neo4j"), Heap: "512m", PageCache: "64m"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	out, err = ewsiOwn(t, a, "backup", filepath.Join(dir, "busy.dump")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "in use") {
		t.Errorf("backup of a store in use: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "busy.dump")); err == nil {
		t.Error("a refused backup left a file behind")
	}
}
