package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// stored returns the stored properties of every node of label, by title,
// with the themes each is about.
func stored(t *testing.T, label string) map[string]map[string]any {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), `
MATCH (n:`+label+`)
RETURN n {.*, themes: [(n)-[:ABOUT]->(t:Theme) | t.slug]} AS n`, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for _, r := range rows {
		n := r["n"].(map[string]any)
		out[n["title"].(string)] = n
	}
	return out
}

// withoutStamps is n without the times the store sets.
func withoutStamps(n map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range n {
		if k != "createdAt" && k != "updatedAt" {
			out[k] = v
		}
	}
	return out
}

func messages(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, graph.ErrorMessageFull(e))
	}
	return out
}

// hasPrefix reports whether one of list starts with want.
func hasPrefix(list []string, want string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, want) {
			return true
		}
	}
	return false
}

func utc(t *testing.T, v any) string {
	t.Helper()
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case nil:
		return ""
	}
	t.Fatalf("not a datetime: %T %v", v, v)
	return ""
}

func day(v any) string {
	if d, ok := v.(dbtype.Date); ok {
		return d.Time().Format("2006-01-02")
	}
	return ""
}

const (
	warsawTitle = "Nieformalne posiedzenie ministrów sprawiedliwości i spraw wewnętrznych UE"
	eifTitle    = "9th meeting of the European Integration Forum"
	vichyTitle  = "Conférence ministérielle européenne sur l'intégration"
	zaragoza    = "Fourth Ministerial Conference on Integration"
)

func TestICalendarLoadsWithTextTimesAndBadEntries(t *testing.T) {
	reset(t)
	sum := load(t, "testdata/events.ics")
	errs := messages(sum.Errors)
	if sum.Created != 4 || sum.Rejected != 2 {
		t.Fatalf("summary %s, want 4 created and 2 rejected: %q", sum, errs)
	}
	for _, want := range []string{
		"testdata/events.ics:118: UID: is required",
		`testdata/events.ics:124: DTSTART: "20041131" is not a date (YYYYMMDD) (UID ministerial-conference-groningen-2004@ewsi.test)`,
	} {
		if !hasPrefix(errs, want) {
			t.Errorf("no rejection %q in %q", want, errs)
		}
	}
	ev := stored(t, "Event")
	if len(ev) != 4 {
		t.Fatalf("events stored: %d %v", len(ev), ev)
	}
	w := ev[warsawTitle] // its title and description are folded, one fold inside the ł of Główne
	if w == nil {
		t.Fatalf("the Polish title is not stored whole; titles: %v", keys(ev))
	}
	wantSummary := "Spotkanie w ramach polskiej prezydencji w Radzie UE.\nTematy obrad: migracja, integracja; ochrona granic zewnętrznych.\nGłówne źródła informacji: strona prezydencji, także komunikaty ministerstw; żółta ścieżka prowadzi do sali obrad."
	checks := []struct{ name, got, want string }{
		{"summary (unfolded, unescaped, Polish letters)", w["summary"].(string), wantSummary},
		{"place", w["place"].(string), "PGE Narodowy, al. Księcia J. Poniatowskiego 1, Warszawa"},
		{"lang", w["lang"].(string), "pl"},
		{"url", w["url"].(string), "https://polish-presidency.consilium.europa.eu/"},
		{"Warsaw startsAt (CET, UTC+1)", utc(t, w["startsAt"]), "2025-01-30T08:00:00Z"},
		{"Warsaw endsAt", utc(t, w["endsAt"]), "2025-01-31T14:30:00Z"},
		{"Warsaw start", day(w["start"]), "2025-01-30"},
		{"Warsaw end", day(w["end"]), "2025-01-31"},
		{"Brussels startsAt (CEST, UTC+2)", utc(t, ev[eifTitle]["startsAt"]), "2013-06-05T07:30:00Z"},
		{"Brussels endsAt", utc(t, ev[eifTitle]["endsAt"]), "2013-06-06T11:00:00Z"},
		{"Vichy startsAt (TZID from its VTIMEZONE only)", utc(t, ev[vichyTitle]["startsAt"]), "2008-11-03T13:00:00Z"},
		{"Vichy lang", ev[vichyTitle]["lang"].(string), "fr"},
		{"all-day start", day(ev[zaragoza]["start"]), "2010-04-15"},
		{"all-day end (DTEND is the day after)", day(ev[zaragoza]["end"]), "2010-04-16"},
		{"all-day has no time", utc(t, ev[zaragoza]["startsAt"]), ""},
		{"calendar language for an event with none", ev[zaragoza]["lang"].(string), "en"},
		{"themes from CATEGORIES", strings.Join(toStrings(w["themes"]), ","), "active-citizenship"},
		{"themes matched in any case", strings.Join(toStrings(ev[eifTitle]["themes"]), ","), "active-citizenship"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	if p, ok := w["location"].(dbtype.Point2D); !ok || p.Y != 52.2395 || p.X != 21.0458 {
		t.Errorf("GEO: location %v", w["location"])
	}
	if id := w["id"].(string); !strings.HasPrefix(id, "event:ics-") {
		t.Errorf("id %q", id)
	}
	// the store reads the instants back into the event (as the API serves them)
	nodes, err := db.Store.Nodes(context.Background(), []string{w["id"].(string), ev[zaragoza]["id"].(string)})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := nodes[w["id"].(string)].(*graph.Event); !ok || e.StartsAt == nil || e.EndsAt == nil ||
		e.StartsAt.Format(time.RFC3339) != "2025-01-30T08:00:00Z" || e.EndsAt.Format(time.RFC3339) != "2025-01-31T14:30:00Z" {
		t.Errorf("the Warsaw event read back: %+v", nodes[w["id"].(string)])
	}
	if e, ok := nodes[ev[zaragoza]["id"].(string)].(*graph.Event); !ok || e.StartsAt != nil || e.EndsAt != nil {
		t.Errorf("the all-day event read back: %+v", nodes[ev[zaragoza]["id"].(string)])
	}

	// the same file again changes nothing
	again := load(t, "testdata/events.ics")
	if again.Unchanged != 4 || again.Created+again.Updated != 0 || again.Rejected != 2 {
		t.Errorf("second load: %s", again)
	}
	ev2 := stored(t, "Event")
	if len(ev2) != len(ev) {
		t.Fatalf("second load: %d events, was %d", len(ev2), len(ev))
	}
	for title, n := range ev {
		a, b := withoutStamps(n), withoutStamps(ev2[title])
		if len(a) != len(b) {
			t.Errorf("%s: properties %v became %v", title, a, b)
		}
		for k := range a {
			if !same2(a[k], b[k]) {
				t.Errorf("%s.%s: %v became %v", title, k, a[k], b[k])
			}
		}
	}

	// a new SEQUENCE with a changed title updates that event, by its UID
	data, err := os.ReadFile("testdata/events.ics")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "SUMMARY;LANGUAGE=en:9th meeting of the European Integration Forum",
		"SEQUENCE:1\r\nLAST-MODIFIED:20130601T080000Z\r\nSUMMARY;LANGUAGE=en:Ninth meeting of the European Integration Forum", 1)
	file := filepath.Join(t.TempDir(), "events.ics")
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	third := load(t, file)
	if third.Updated != 1 || third.Unchanged != 3 || third.Created != 0 {
		t.Errorf("changed feed: %s, want 1 updated and 3 unchanged", third)
	}
	ev3 := stored(t, "Event")
	if len(ev3) != 4 || ev3["Ninth meeting of the European Integration Forum"] == nil || ev3[eifTitle] != nil {
		t.Errorf("after the change: %v", keys(ev3))
	}
	if ev3["Ninth meeting of the European Integration Forum"]["id"] != ev[eifTitle]["id"] {
		t.Errorf("the changed event got another id")
	}

	// the search finds the events, accents folded
	for _, q := range []string{"zrodla sciezka", "Warszawa", "Vichy", "Zaragoza"} {
		hits, _, err := db.Store.Search(context.Background(), q, []graph.Kind{graph.KindEvent}, false, graph.Window{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
}

func keys(m map[string]map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// same2 compares two stored values.
func same2(a, b any) bool {
	if la, ok := a.([]any); ok {
		lb, ok := b.([]any)
		if !ok || len(la) != len(lb) {
			return false
		}
		for i := range la {
			if !same2(la[i], lb[i]) {
				return false
			}
		}
		return true
	}
	if ta, ok := a.(time.Time); ok {
		tb, ok := b.(time.Time)
		return ok && ta.Equal(tb)
	}
	return a == b
}
