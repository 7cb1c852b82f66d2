package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"ewsi/graph/neo4j/embedded"
	"ewsi/graph/neo4j/neo4jtest"
)

// TestIngestSaysItsNeo4jDied kills -9 the embedded Neo4j that `ewsi ingest`
// started for itself, in the middle of the load: the command must end saying
// that its Neo4j died and where its log is, not with a driver's "connection
// refused" after its retries.
func TestIngestSaysItsNeo4jDied(t *testing.T) {
	files := writeContent(t, 20000)
	data := t.TempDir()
	port, err := embedded.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	root, _ := neo4jtest.RepoRoot()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"ingest", "--reference", "--batch", "200", "--progress-every-batch"}, files...)...)
	cmd.Dir = root
	cmd.Env = append(withoutNeo4jURI(os.Environ()), "EWSI_DATA_DIR="+data, fmt.Sprintf("EWSI_NEO4J_PORT=%d", port),
		"EWSI_NEO4J_HEAP=512m", "EWSI_NEO4J_PAGECACHE=64m", "EWSI_LOG_LEVEL=warn")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	killed := false
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		out.WriteString(line + "\n")
		if !killed && strings.HasPrefix(line, "nodes: ") {
			pid := javaOf(t, filepath.Join(data, "neo4j"))
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Fatalf("kill -9 %d: %v", pid, err)
			}
			killed = true
		}
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("the load never reported progress; stderr:\n%s", out.String())
	}
	if err == nil {
		t.Fatalf("ingest succeeded although its Neo4j was killed; stderr:\n%s", out.String())
	}
	last := lastLine(out.String())
	if !strings.Contains(last, "died") || !strings.Contains(last, "neo4j-launcher.log") {
		t.Errorf("the last line should say the embedded Neo4j died and name its log file, got %q", last)
	}
	t.Logf("the last line: %s", last)
	if strings.Contains(strings.ToLower(last), "connection refused") {
		t.Errorf("the last line blames the connection instead of the dead Neo4j: %q", last)
	}
}

func withoutNeo4jURI(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "NEO4J_URI=") {
			out = append(out, e)
		}
	}
	return out
}

// javaOf finds the launcher serving the store dir among this machine's processes.
func javaOf(t *testing.T, dir string) int {
	t.Helper()
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		for i := 0; i+1 < len(args); i++ {
			if args[i] == "--data" && args[i+1] == dir {
				var pid int
				fmt.Sscanf(filepath.Base(filepath.Dir(p)), "%d", &pid)
				return pid
			}
		}
	}
	t.Fatalf("no launcher process with --data %s", dir)
	return 0
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
