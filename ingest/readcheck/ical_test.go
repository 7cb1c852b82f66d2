package readcheck

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/ingest"
)

// readFixture scans a file of ../testdata by its name.
func readFixture(t *testing.T, name string) (map[string]*graph.Record, []string, ingest.Source) {
	t.Helper()
	src, err := ingest.Open("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	recs := map[string]*graph.Record{}
	var errs []string
	if err := src.Scan(func(line int, rec *graph.Record, err error) error {
		if err != nil {
			errs = append(errs, graph.ErrorMessageFull(err))
			return nil
		}
		recs[rec.Node.NodeID()] = rec
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs, errs, src
}

func TestICalDump(t *testing.T) {
	recs, errs, src := readFixture(t, "events.ics")
	for id, r := range recs {
		b, _ := json.Marshal(r.Node)
		t.Logf("%s %s %v", id, b, r.Links)
	}
	t.Logf("errors: %q warnings %q", errs, ingest.Warnings(src))
	_ = os.Stderr
	_ = strings.Contains
	_ = time.Now
}

func TestFeedDump(t *testing.T) {
	for _, f := range []string{"news.atom", "news.rss"} {
		recs, errs, _ := readFixture(t, f)
		for id, r := range recs {
			b, _ := json.Marshal(r.Node)
			t.Logf("%s %s %v", id, b, r.Links)
		}
		t.Logf("errors: %q", errs)
	}
}
