package demotest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
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

// baseURL is the address of the served API, e.g. http://127.0.0.1:41234.
var baseURL string

// ready is the line serve prints once the demo content is loaded and its caches built.
const ready = "demo content is on the map and in partner search"

// TestMain starts a real Neo4j and, against it, `ewsi serve` as `make run` does
// (demo scale 1, seed 1), and waits until the demo content is in.
func TestMain(m *testing.M) {
	db, err := neo4jtest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "demotest:", err)
		os.Exit(2)
	}
	stop, err := serve(db.Server.URI)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demotest:", err)
		db.Close()
		os.Exit(2)
	}
	code := m.Run()
	stop()
	db.Close()
	os.Exit(code)
}

// serve builds ewsi and runs `ewsi serve` on uri from the repository root, and
// returns once the demo content is loaded; stop interrupts it and waits.
func serve(uri string) (stop func(), err error) {
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "ewsi-demotest-")
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, "ewsi")
	build := exec.Command("go", "build", "-o", bin, "./cmd/ewsi")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	port, err := embedded.FreePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(bin, "serve")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NEO4J_URI="+uri, "EWSI_ADDR="+addr, "EWSI_DATA_DIR="+filepath.Join(dir, "data"),
		"EWSI_DEMO_SCALE=1", "EWSI_LOG_LEVEL=warn", "EWSI_EDITOR_TOKEN=")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop = func() {
		_ = cmd.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		_ = os.RemoveAll(dir)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(15 * time.Minute)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				stop()
				return nil, fmt.Errorf("ewsi serve ended before the demo content was in:\n%s", logs.String())
			}
			if strings.Contains(l, ready) {
				go func() { // keep draining
					for range lines {
					}
				}()
				baseURL = "http://" + addr
				return stop, nil
			}
		case <-timeout:
			stop()
			return nil, fmt.Errorf("no %q after 15 minutes:\n%s", ready, logs.String())
		}
	}
}

// gqlResult is a GraphQL response.
type gqlResult struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	size int
}

// post sends one GraphQL request and decodes the answer.
func post(t *testing.T, body map[string]any) gqlResult {
	t.Helper()
	b, _ := json.Marshal(body)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/graphql", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out gqlResult
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d: %.300s", resp.StatusCode, raw)
	}
	out.size = len(raw)
	return out
}
