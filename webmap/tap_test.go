package webmap_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTAPFailures reads a node --test report with one failing test among
// passing ones (testdata/tap-one-failure.txt, the shape node 20 prints) and
// keeps the failing test's line and error, and nothing of the passing ones.
func TestTAPFailures(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("testdata", "tap-one-failure.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := tapFailures(out, 40)
	for _, want := range []string{"not ok 2 - the search box goes to the search page", "error: 'expected /search'", "location: 'webmap/test/site-keyboard.test.mjs:78:5'"} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary lacks %q:\n%s", want, got)
		}
	}
	for _, not := range []string{"ok 1 -", "ok 3 -", "duration_ms: 10"} {
		if strings.Contains(got, not) && !strings.Contains(got, "not "+not) {
			t.Errorf("the summary holds %q of a passing test:\n%s", not, got)
		}
	}
	if got := tapFailures([]byte("TAP version 13\nok 1 - fine\n"), 40); !strings.Contains(got, "no \"not ok\" line") {
		t.Errorf("an output with no failure gives %q", got)
	}
	if got := tapFailures(out, 1); strings.Count(got, "\n    ") > 1 {
		t.Errorf("max 1 kept more than one line of the block:\n%s", got)
	}
}
