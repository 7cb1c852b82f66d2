package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ewsi/server"
)

// serverWith starts a second server over the test's Neo4j with other limits.
func serverWith(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(server.New(cfg, db.Store, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	t.Cleanup(s.Close)
	return s
}

func postTo(t *testing.T, base, query, operationName string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "operationName": operationName})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestResponseSizeIsCapped: a response over the limit is replaced by a coded error.
func TestResponseSizeIsCapped(t *testing.T) {
	s := serverWith(t, server.Config{MaxResponseBytes: 2000})
	status, small := postTo(t, s.URL, "{ principles { number } }", "")
	if status != 200 || !strings.Contains(small, `"number":11`) {
		t.Fatalf("a small response: %d %.300s", status, small)
	}
	status, big := postTo(t, s.URL, "{ __schema { types { name description } } }", "")
	_, full := postTo(t, api.URL, "{ __schema { types { name description } } }", "")
	if len(full) <= 2000 {
		t.Fatalf("the types take %d bytes: the test needs more than the limit", len(full))
	}
	if status != 200 || len(big) > 2000 || firstCode(t, big) != "RESPONSE_TOO_LARGE" || !strings.Contains(big, "2000 bytes") {
		t.Errorf("a %d-byte response over a limit of 2000: %d %.300s", len(full), status, big)
	}
}

// TestOperationLabelsAreBounded: client-chosen operation names become at most
// the configured number of /metrics labels, then "other".
func TestOperationLabelsAreBounded(t *testing.T) {
	s := serverWith(t, server.Config{MaxOperationLabels: 5})
	postTo(t, s.URL, "query Named { __typename }", "") // named in the document only
	for i := 0; i < 150; i++ {
		name := "Op" + itoa(i)
		if status, body := postTo(t, s.URL, "query "+name+" { __typename }", name); status != 200 || !strings.Contains(body, "Query") {
			t.Fatalf("%s: %d %s", name, status, body)
		}
	}
	postTo(t, s.URL, "{ __typename }", "")
	resp, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	labels := map[string]bool{}
	for _, m := range regexp.MustCompile(`ewsi_graphql_operations_total\{operation="([^"]*)"`).FindAllStringSubmatch(string(b), -1) {
		labels[m[1]] = true
	}
	// IntrospectionQuery is known from the start: four more names fit, then "other"
	want := map[string]bool{"Named": true, "Op0": true, "Op1": true, "Op2": true, "other": true, "anonymous": true}
	if len(labels) != len(want) {
		t.Errorf("operation labels %v, want %v", labels, want)
	}
	for l := range want {
		if !labels[l] {
			t.Errorf("no label %q among %v", l, labels)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
