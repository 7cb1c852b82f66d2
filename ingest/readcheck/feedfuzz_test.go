package readcheck

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// checkFeedScan is checkScan for the feed formats: a record or rejection is
// placed at its line, or, in a feed whose entries share lines, at its number
// ("fuzz.atom: entry 3"). Nothing panics, lines grow, and what is accepted is
// well-formed and free of markup.
func checkFeedScan(t *testing.T, name string, data []byte) {
	src, err := ingest.OpenBytes(name, data)
	if err != nil {
		checkPlaced(t, name, err) // an .xml that is no feed
		return
	}
	last := 0
	fatal := src.Scan(func(line int, rec *graph.Record, err error) error {
		if line <= last {
			t.Errorf("line %d after line %d", line, last)
		}
		last = line
		at := name + ":" + strconv.Itoa(line)
		if err != nil {
			if !strings.HasPrefix(graph.ErrorMessageFull(err), name+": entry "+strconv.Itoa(line)+": ") {
				checkPlaced(t, at, err)
			}
			return nil
		}
		if rec == nil || rec.Node == nil {
			t.Fatalf("%s: no record and no error", at)
		}
		checkRecord(t, rec)
		var text []string
		switch n := rec.Node.(type) {
		case *graph.News:
			text = []string{n.Title, n.Summary, n.Source}
		case *graph.Event:
			text = []string{n.Title, n.Summary, n.Place}
		}
		for _, s := range text {
			if strings.Contains(strings.ToLower(s), "<script") {
				t.Fatalf("%s: markup accepted: %q", at, s)
			}
		}
		return nil
	})
	if fatal != nil {
		checkPlaced(t, name, fatal)
	}
}

func seed(f *testing.F, file string) {
	data, err := os.ReadFile("../testdata/" + file)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
}

func FuzzICalendar(f *testing.F) {
	seed(f, "events.ics")
	f.Add([]byte(vcal(vevent("r1", "DTSTART;TZID=Europe/Warsaw:20240506T180000", "RRULE:FREQ=WEEKLY;COUNT=10", "SUMMARY;LANGUAGE=pl:Kurs"))))
	f.Fuzz(func(t *testing.T, data []byte) { checkFeedScan(t, "fuzz.ics", data) })
}

func FuzzAtom(f *testing.F) {
	seed(f, "news.atom")
	f.Fuzz(func(t *testing.T, data []byte) { checkFeedScan(t, "fuzz.atom", data) })
}

func FuzzRSS(f *testing.F) {
	seed(f, "news.rss")
	f.Fuzz(func(t *testing.T, data []byte) { checkFeedScan(t, "fuzz.xml", data) })
}
