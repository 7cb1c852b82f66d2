package webmap_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"ewsi/graph/neo4j/neo4jtest"
)

// TestBrowser runs the browser tests (webmap/test/*.test.mjs, playwright-core
// driving Debian's Chromium headless, with axe-core) against the real server and
// Neo4j that TestMain started. A missing Chromium fails the test: browser tests
// are part of `make test`, not optional.
func TestBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed, and the map's browser tests need it: run `apt-get install -y chromium` (CI's .ci/run does)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is not installed; the browser tests run under node --test")
	}
	root, _ := neo4jtest.RepoRoot()
	if _, err := os.Stat(filepath.Join(root, "node_modules", "playwright-core")); err != nil {
		t.Fatalf("node_modules/playwright-core is missing: run `npm ci` (make does)")
	}
	if _, err := os.Stat(filepath.Join(root, "build", "web", "index.html")); err != nil {
		t.Fatalf("build/web/index.html is missing: run `make` (it builds the browser app)")
	}
	// EWSI_BROWSER_TESTS=maplibre runs only the files whose name holds it (while working on one)
	files, _ := filepath.Glob(filepath.Join(root, "webmap", "test", "*"+os.Getenv("EWSI_BROWSER_TESTS")+"*.test.mjs"))
	if len(files) == 0 {
		t.Fatal("no browser tests in webmap/test")
	}
	artifacts := filepath.Join(root, "test-artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{"--test", "--test-concurrency=1"}, files...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "EWSI_URL="+baseURL, "CHROMIUM="+chromium, "EWSI_ARTIFACTS="+artifacts,
		"EWSI_EDITOR_TOKEN="+editorToken)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("node --test (%s):\n%s", time.Since(start).Round(time.Millisecond), out)
	if err != nil {
		t.Fatalf("browser tests failed: %v", err)
	}
}
