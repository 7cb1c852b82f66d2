package webmap_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ewsi/graph/neo4j/neo4jtest"
)

// TestBrowser runs the browser tests of the pages (webmap/test/*.test.mjs but the
// site-wide ones, playwright-core driving Debian's Chromium headless, with
// axe-core) against the real server and Neo4j that TestMain started, one file
// after the other (they change data that the next one may count). A missing
// Chromium fails the test: browser tests are part of `make test`, not optional.
// It runs before TestSite, not beside it: run side by side (with two site files
// at once), three Chromiums on two cores once left the keyboard journey's
// browser stuck for 22 minutes in a CI run, and every later test failed to open
// a tab. Each test has 30 minutes (--test-timeout; site-axe's matrix is one test of
// about 13), so a stuck one fails instead of hanging the run.
func TestBrowser(t *testing.T) {
	runNodeTests(t, 1, func(name string) bool { return !strings.HasPrefix(name, "site-") })
}

// TestSite runs the site-wide browser tests (webmap/test/site-*.test.mjs): axe on
// every page in three languages at two sizes, no English UI string in French or
// German, the keyboard journey across pages. Their reports go to
// test-artifacts/axe and test-artifacts/i18n. One file after the other.
func TestSite(t *testing.T) {
	runNodeTests(t, 1, func(name string) bool { return strings.HasPrefix(name, "site-") })
}

// runNodeTests runs the webmap/test/*.test.mjs files that keep says to keep, and
// whose name holds $EWSI_BROWSER_TESTS (e.g. EWSI_BROWSER_TESTS=maplibre while
// working on one), under node --test, files of them at once.
func runNodeTests(t *testing.T, files int, keep func(name string) bool) {
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
	all, _ := filepath.Glob(filepath.Join(root, "webmap", "test", "*"+os.Getenv("EWSI_BROWSER_TESTS")+"*.test.mjs"))
	var paths []string
	for _, f := range all {
		if keep(filepath.Base(f)) {
			paths = append(paths, f)
		}
	}
	if len(paths) == 0 {
		if os.Getenv("EWSI_BROWSER_TESTS") != "" {
			t.Skipf("no browser test of this group has %q in its name", os.Getenv("EWSI_BROWSER_TESTS"))
		}
		t.Fatal("no browser tests in webmap/test")
	}
	artifacts := filepath.Join(root, "test-artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{"--test", "--test-timeout=1800000", fmt.Sprintf("--test-concurrency=%d", files)}, paths...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "EWSI_URL="+baseURL, "CHROMIUM="+chromium, "EWSI_ARTIFACTS="+artifacts,
		"EWSI_EDITOR_TOKEN="+editorToken)
	cmd.Env = append(cmd.Env, testAccounts(t)...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("node --test (%s):\n%s", time.Since(start).Round(time.Millisecond), out)
	if err != nil {
		// the failures again, last, so that a CI log cut in its middle still shows them
		t.Fatalf("browser tests failed: %v\n%s", err, tapFailures(out, 40))
	}
}

// tapFailures returns each "not ok" line of node's TAP output with its YAML
// block (the error, the location), at most max lines of a block.
func tapFailures(out []byte, max int) string {
	var b strings.Builder
	lines := strings.Split(string(out), "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(strings.TrimSpace(lines[i]), "not ok ") {
			continue
		}
		fmt.Fprintf(&b, "%s\n", strings.TrimSpace(lines[i]))
		n := 0
		for j := i + 1; j < len(lines); j++ {
			l := strings.TrimSpace(lines[j])
			if l == "..." || strings.HasPrefix(l, "ok ") || strings.HasPrefix(l, "not ok ") || strings.HasPrefix(l, "# Subtest:") {
				break
			}
			if l == "---" {
				continue
			}
			if n++; n <= max {
				fmt.Fprintf(&b, "    %s\n", l)
			}
		}
	}
	if b.Len() == 0 {
		return "(no \"not ok\" line in the output: see the log above)"
	}
	return b.String()
}
