package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"ewsi/graph/neo4j/neo4jtest"
)

var db *neo4jtest.DB

// bin is the ewsi binary built for these tests.
var bin string

func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(*neo4jtest.DB) error {
		dir, err := os.MkdirTemp("", "ewsi-bin-")
		if err != nil {
			return err
		}
		bin = filepath.Join(dir, "ewsi")
		out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
		if err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
		return nil
	})
}

// ewsi runs the binary against the test database from the repository root.
func ewsi(args ...string) *exec.Cmd {
	root, _ := neo4jtest.RepoRoot()
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NEO4J_URI="+db.Server.URI, "EWSI_LOG_LEVEL=warn")
	return cmd
}

// writeContent writes n organisations and n practices linked to them, in two files.
func writeContent(t *testing.T, n int) []string {
	dir := t.TempDir()
	orgs, _ := os.Create(filepath.Join(dir, "orgs.jsonl"))
	prac, _ := os.Create(filepath.Join(dir, "practices.jsonl"))
	themes := []string{"social-cohesion", "economic-participation", "education-culture"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(orgs, `{"type":"organisation","id":"o%d","name":"Organisation %d","orgType":"civil_society","country":"%s","lat":%.3f,"lon":%.3f,"demo":true}`+"\n",
			i, i, []string{"FR", "DE", "IT", "PL"}[i%4], 40+float64(i%100)/10, float64(i%150)/10)
		fmt.Fprintf(prac, `{"type":"practice","id":"p%d","title":"Practice %d","lang":"en","summary":"Summary %d","country":"FR","themes":["%s"],"principles":[%d],"implementers":["o%d"],"partners":["o%d","o%d"],"startDate":"2020-01-%02d","demo":true}`+"\n",
			i, i, i, themes[i%3], 1+i%11, i, (i+1)%n, (i*7+3)%n, 1+i%28)
	}
	orgs.Close()
	prac.Close()
	return []string{orgs.Name(), prac.Name()}
}

// fingerprint hashes every content node's properties (timestamps aside) and every relationship.
func fingerprint(t *testing.T) string {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), `
MATCH (n) WHERE n:Organisation OR n:Practice
WITH n ORDER BY n.id
RETURN n.id AS id, [k IN keys(n) WHERE NOT k IN ['createdAt', 'updatedAt'] | k + '=' + toString(n[k])] AS props,
       [(n)-[r]->(m) | type(r) + '>' + m.id] AS rels`, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, r := range rows {
		var parts []string
		for _, k := range []string{"props", "rels"} {
			for _, x := range r[k].([]any) {
				parts = append(parts, x.(string))
			}
		}
		sort.Strings(parts)
		fmt.Fprintln(h, r["id"], strings.Join(parts, "|"))
	}
	return fmt.Sprintf("%d nodes %s", len(rows), hex.EncodeToString(h.Sum(nil))[:16])
}

// loadReference loads the reference data with the binary.
func loadReference(t *testing.T) {
	if out, err := ewsi("ingest", "--reference").CombinedOutput(); err != nil {
		t.Fatalf("ingest --reference: %v\n%s", err, out)
	}
}

// killDuring starts an ingest and kills it (SIGKILL) at the given progress line.
func killDuring(t *testing.T, files []string, pass string, after int) {
	t.Helper()
	cmd := ewsi(append([]string{"ingest", "--batch", "50", "--progress-every-batch"}, files...)...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	seen := 0
	killed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), pass+":") {
			if seen++; seen == after {
				_ = cmd.Process.Kill()
				killed = true
				break
			}
		}
	}
	_ = cmd.Wait()
	if !killed {
		t.Fatalf("the ingest ended before %d %s batches: make the input larger", after, pass)
	}
}

func TestKilledIngestConvergesToACleanRun(t *testing.T) {
	files := writeContent(t, 1500)
	db.Reset(t)
	loadReference(t)
	start := time.Now()
	if out, err := ewsi(append([]string{"ingest"}, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	clean := fingerprint(t)
	t.Logf("clean run in %s: %s", time.Since(start), clean)
	if !strings.HasPrefix(clean, "3000 nodes") {
		t.Fatalf("clean run stored %s, want 3000 nodes", clean)
	}
	for _, kill := range []struct {
		pass  string
		after int
	}{{"nodes", 5}, {"nodes", 40}} {
		db.Reset(t)
		loadReference(t)
		killDuring(t, files, kill.pass, kill.after)
		partial := fingerprint(t)
		out, err := ewsi(append([]string{"ingest"}, files...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("run after kill: %v\n%s", err, out)
		}
		if got := fingerprint(t); got != clean {
			t.Errorf("killed during %s (graph then %s), run again: %s, want %s", kill.pass, partial, got, clean)
		}
		if partial == clean {
			t.Errorf("the kill during %s came too late to test anything", kill.pass)
		}
		again, err := ewsi(append([]string{"ingest"}, files...)...).Output()
		if err != nil || !strings.Contains(string(again), "created 0, updated 0, unchanged 3000, rejected 0") {
			t.Errorf("a further run should change nothing: %s %v", again, err)
		}
	}
}

func TestIngestExplainsBadInput(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(f, []byte(`{"type":"practice","id":"x","title":"T","lang":"en","summary":"s","country":"FR","themes":["nope"]}`+"\n"), 0o644)
	out, err := ewsi("ingest", f).CombinedOutput()
	if err == nil {
		t.Fatal("a rejected record should make the command fail")
	}
	if !strings.Contains(string(out), f+`:1: themes: unknown theme "nope"`) || !strings.Contains(string(out), "rejected 1") {
		t.Errorf("output does not explain: %s", out)
	}
	out, err = ewsi("ingest", filepath.Join(dir, "missing.jsonl")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "missing.jsonl") {
		t.Errorf("missing file: %v %s", err, out)
	}
}
