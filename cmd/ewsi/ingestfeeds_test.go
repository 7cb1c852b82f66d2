package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
)

func TestIngestICalendarFile(t *testing.T) {
	db.Reset(t)
	loadReference(t)
	root, _ := neo4jtest.RepoRoot()
	ics := filepath.Join(root, "ingest", "testdata", "events.ics")
	out, err := ewsi("ingest", ics).CombinedOutput()
	if err == nil {
		t.Fatalf("the two bad events should make the command fail:\n%s", out)
	}
	for _, want := range []string{
		ics + ":118: UID: is required",
		ics + `:124: DTSTART: "20041131" is not a date`,
		"created 4, updated 0, unchanged 0, rejected 2",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	rows, err := db.Store.Query(context.Background(), `MATCH (e:Event) WHERE e.place CONTAINS 'Księcia' RETURN e.title AS t`, nil)
	if err != nil || len(rows) != 1 || rows[0]["t"] != "Nieformalne posiedzenie ministrów sprawiedliwości i spraw wewnętrznych UE" {
		t.Errorf("the Warsaw event: %v %v", rows, err)
	}

	// a recurring event with no language: --lang gives it one, and a warning says what was loaded
	f := filepath.Join(t.TempDir(), "kurs.ics")
	os.WriteFile(f, []byte(strings.ReplaceAll("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:kurs-1\nDTSTAMP:20240101T000000Z\nDTSTART;TZID=Europe/Warsaw:20240506T180000\nRRULE:FREQ=WEEKLY;COUNT=4\nSUMMARY:Kurs języka polskiego\nEND:VEVENT\nEND:VCALENDAR\n", "\n", "\r\n")), 0o644)
	out, err = ewsi("ingest", f).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "names no language") {
		t.Errorf("without --lang: %v\n%s", err, out)
	}
	out, err = ewsi("ingest", "--lang", "pl", f).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "warning: "+f+":4: UID kurs-1 repeats (RRULE): only its first occurrence, on 2024-05-06, is loaded") ||
		!strings.Contains(string(out), "created 1,") {
		t.Errorf("with --lang: %v\n%s", err, out)
	}
	out, err = ewsi("ingest", "--lang", "xx", f).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--lang") {
		t.Errorf("a bad --lang: %v\n%s", err, out)
	}
	out, _ = ewsi("ingest", "--help").CombinedOutput()
	for _, want := range []string{".ics", ".atom", ".rss", ".xml", "RRULE", "--lang"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("--help does not mention %s:\n%s", want, out)
		}
	}
}
