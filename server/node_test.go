package server_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
)

// nodeScript runs a node script of the repo against the test's server and
// returns its output; a missing node or node_modules fails the test.
func nodeScript(t *testing.T, env []string, args ...string) (string, error) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: the GraphQL over HTTP audit and the GraphiQL test run under node")
	}
	root, _ := neo4jtest.RepoRoot()
	if _, err := os.Stat(filepath.Join(root, "node_modules", "graphql-http")); err != nil {
		t.Fatal("node_modules/graphql-http is missing: run `npm ci` (make does)")
	}
	cmd := exec.Command(node, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("node %v:\n%s", args, out)
	return string(out), err
}

// TestGraphQLOverHTTPAudit runs graphql-http's audit suite of the GraphQL over
// HTTP spec: every MUST and SHOULD passes.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	out, err := nodeScript(t, nil, filepath.Join("server", "test", "audit.mjs"), api.URL+"/graphql")
	if err != nil {
		t.Errorf("the audit failed: %v", err)
	}
	for _, level := range []string{"MUST", "SHOULD"} {
		m := regexp.MustCompile(level + `: (\d+)/(\d+) passed`).FindStringSubmatch(out)
		if m == nil || m[1] != m[2] || m[2] == "0" {
			t.Errorf("%s audits: %v", level, m)
		}
	}
	if !regexp.MustCompile(`(?m)^failures: 0$`).MatchString(out) {
		t.Error("the audit reports failures")
	}
}

// TestGraphiQLInBrowser loads /graphiql in Debian's Chromium (playwright-core)
// under a CSP without 'unsafe-inline' scripts and opens the docs.
func TestGraphiQLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed, and the GraphiQL test needs it: run `apt-get install -y chromium`")
	}
	root, _ := neo4jtest.RepoRoot()
	if _, err := os.Stat(filepath.Join(root, "build", "web", "vendor", "graphiql", "graphiql.min.js")); err != nil {
		t.Fatal("build/web/vendor/graphiql is missing: run `make` (it builds the browser app)")
	}
	artifacts := filepath.Join(root, "test-artifacts")
	env := []string{"EWSI_URL=" + api.URL, "CHROMIUM=" + chromium, "EWSI_ARTIFACTS=" + artifacts}
	if _, err := nodeScript(t, env, "--test", filepath.Join("server", "test", "graphiql.test.mjs")); err != nil {
		t.Errorf("the GraphiQL browser test failed: %v", err)
	}
}
