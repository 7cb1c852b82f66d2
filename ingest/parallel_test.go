package ingest_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// bigFile writes n news records as JSON Lines, with a comment every 100 lines
// and a malformed line at bad; it returns the path.
func bigFile(t *testing.T, n, bad int) string {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= n; i++ {
		switch {
		case i%100 == 0:
			b.WriteString("# a comment\n")
		case i == bad:
			b.WriteString("{\"type\": \"news\", \n")
		default:
			fmt.Fprintf(&b, `{"type":"news","id":"n-%d","title":"News %d","lang":"en","date":"2024-01-01"}`+"\n", i, i)
		}
	}
	path := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestScanKeepsFileOrderAcrossChunks(t *testing.T) {
	const n, bad = 2000, 1234
	src, err := ingest.Open(bigFile(t, n, bad))
	if err != nil {
		t.Fatal(err)
	}
	last, records, failed := 0, 0, 0
	err = src.Scan(func(line int, rec *graph.Record, perr error) error {
		if line <= last {
			t.Fatalf("line %d after line %d", line, last)
		}
		last = line
		switch {
		case perr != nil:
			failed++
			if line != bad || !strings.Contains(perr.Error(), fmt.Sprintf("big.jsonl:%d", bad)) {
				t.Errorf("error at line %d: %v", line, perr)
			}
		case rec.Node.NodeID() != fmt.Sprintf("news:n-%d", line):
			t.Errorf("line %d holds %s", line, rec.Node.NodeID())
		default:
			records++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := n - n/100 - 1; records != want || failed != 1 || last != n-1 {
		t.Errorf("%d records, %d errors, last line %d; want %d, 1, %d", records, failed, last, want, n-1)
	}
}

func TestScanStopsAtTheCallersError(t *testing.T) {
	src, err := ingest.Open(bigFile(t, 5000, 0))
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("enough")
	seen := 0
	err = src.Scan(func(line int, _ *graph.Record, _ error) error {
		seen++
		if seen == 300 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 300 {
		t.Errorf("scan returned %v after %d records; want the caller's error after 300", err, seen)
	}
}
