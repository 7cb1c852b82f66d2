package readcheck

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"ewsi/graph"
	"ewsi/ingest"
)

// The fuzz targets check the readers' promise on any input: they never panic,
// and every rejection names its file and line (and is an *Error, never a bare Go
// error). Seeds are in testdata/fuzz/<target>; `make fuzz-smoke` runs each
// target for a few seconds.

// checkScan scans data as a file named name and checks every rejection.
func checkScan(t *testing.T, name string, data []byte) {
	src, err := ingest.OpenBytes(name, data)
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	fatal := src.Scan(func(line int, rec *graph.Record, err error) error {
		if line <= last {
			t.Errorf("line %d after line %d", line, last)
		}
		last = line
		at := name + ":" + strconv.Itoa(line)
		if err != nil {
			checkPlaced(t, at, err)
			return nil
		}
		if rec == nil || rec.Node == nil {
			t.Fatalf("%s: no record and no error", at)
		}
		if rec.Source != at {
			t.Errorf("record from %s says it comes from %s", at, rec.Source)
		}
		checkRecord(t, rec)
		return nil
	})
	if fatal != nil {
		checkPlaced(t, name+":", fatal)
	}
}

// checkPlaced checks that every member of err is an *Error placed at prefix.
func checkPlaced(t *testing.T, prefix string, err error) {
	t.Helper()
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Fatalf("%s: not an INVALID error: %T %v", prefix, err, err)
	}
	for _, e := range graph.ErrorList(err) {
		if e.Where != prefix && !strings.HasPrefix(e.Where, prefix+":") && !(strings.HasSuffix(prefix, ":") && strings.HasPrefix(e.Where, prefix)) {
			t.Fatalf("error %q is not placed at %s", e.Error(), prefix)
		}
		if e.Message == "" {
			t.Fatalf("error at %s has no message", e.Where)
		}
	}
}

// checkRecord checks what an accepted record holds: a well-formed id and valid
// UTF-8 everywhere (invalid bytes are rejected, never replaced in silence).
func checkRecord(t *testing.T, rec *graph.Record) {
	t.Helper()
	if _, ok := graph.KindOfID(rec.Node.NodeID()); !ok {
		t.Fatalf("%s: accepted id %q is not kind:local", rec.Source, rec.Node.NodeID())
	}
	if err := rec.Validate(); err != nil {
		t.Fatalf("%s: accepted record has bad links: %v", rec.Source, err)
	}
	for _, l := range rec.Links {
		if !utf8.ValidString(l.To) {
			t.Fatalf("%s: link to %q is not UTF-8", rec.Source, l.To)
		}
	}
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"type":"organisation","id":"o1","name":"One","orgType":"academia","country":"DE"}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkScan(t, "fuzz.jsonl", data) })
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(csvHead + "organisation,o1,One,academia,DE,52.5,13.4\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkScan(t, "fuzz.csv", data) })
}

func FuzzRecord(f *testing.F) {
	f.Add([]byte(`{"type":"practice","id":"p1","title":"T","lang":"fr","summary":"S","country":"FR","themes":["education-culture"],"implementers":["authority:lyon"],"lat":45.7,"lon":4.8}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		const at = "fuzz.jsonl:7"
		rec, err := ingest.Parse(at, line)
		if err != nil {
			if rec != nil {
				t.Fatalf("both a record and an error: %v", err)
			}
			checkPlaced(t, at, err)
			return
		}
		if rec.Source != at {
			t.Errorf("record says it comes from %s", rec.Source)
		}
		checkRecord(t, rec)
	})
}
