package ingest_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
)

var db *neo4jtest.DB

func TestMain(m *testing.M) { neo4jtest.Main(m, &db) }

// reset empties the graph and loads the embedded reference data and a few countries.
func reset(t *testing.T) {
	t.Helper()
	db.Reset(t)
	if err := db.Load(); err != nil {
		t.Fatalf("reference: %v", err)
	}
}

func load(t *testing.T, files ...string) ingest.Summary {
	t.Helper()
	var srcs []ingest.Source
	for _, f := range files {
		s, err := ingest.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, s)
	}
	sum, err := (&ingest.Loader{W: db.Store, Batch: 2}).Load(context.Background(), srcs...)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestLoadThenReloadChangesNothing(t *testing.T) {
	reset(t)
	first := load(t, "testdata/good.jsonl")
	if first.Created != 3 || first.Rejected != 0 {
		t.Fatalf("first: %s %v", first, first.Errors)
	}
	rows, err := db.Store.Query(context.Background(), `
MATCH (p:Practice {id: 'practice:p-1'})
RETURN [(o)-[:IMPLEMENTS]->(p) | o.id] AS impl, [(o)-[:PARTNER_IN]->(p) | o.id] AS partners,
       [(p)-[:APPLIES]->(c) | c.number] AS cbp, [(p)-[:IN]->(c) | c.iso2] AS country`, nil)
	if err != nil || len(rows) != 1 {
		t.Fatalf("practice not stored: %v %v", rows, err)
	}
	r := rows[0]
	if !same(r["impl"], "organisation:org-a") || !same(r["partners"], "organisation:org-b") || !same(r["country"], "NL") {
		t.Errorf("links: %v", r)
	}
	second := load(t, "testdata/good.jsonl")
	if second.Unchanged != 3 || second.Created+second.Updated != 0 {
		t.Errorf("second run changed something: %s", second)
	}
}

func same(v any, want ...string) bool {
	list, _ := v.([]any)
	var got []string
	for _, x := range list {
		got = append(got, x.(string))
	}
	sort.Strings(got)
	sort.Strings(want)
	return strings.Join(got, ",") == strings.Join(want, ",")
}

func TestBadRecordsAreRejectedWithPlace(t *testing.T) {
	reset(t)
	before, _ := db.Store.Query(context.Background(), "MATCH (n) RETURN count(n) AS c", nil)
	sum := load(t, "testdata/bad.jsonl")
	want := []string{
		"testdata/bad.jsonl:2: malformed JSON",
		"testdata/bad.jsonl:3: title: is required",
		"testdata/bad.jsonl:4: themes: unknown theme \"astrology\"",
		"testdata/bad.jsonl:5: startDate: \"2021-02-30\" is not a date",
		"testdata/bad.jsonl:6: lat: 123.4 is out of range",
		"testdata/bad.jsonl:7: implementers: unknown organisation \"bad-lat\"",
		"testdata/bad.jsonl:8: type: \"spaceship\" is not one of",
		"testdata/bad.jsonl:9: id: \"organisation:ok-1\" is already defined at testdata/bad.jsonl:1",
		"testdata/bad.jsonl:10: colour: is not a field of a news record",
	}
	var got []string
	for _, e := range sum.Errors {
		got = append(got, graph.ErrorMessageFull(e))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error starting %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if sum.Rejected != len(want) || sum.Created != 1 {
		t.Errorf("summary %s, want %d rejected and the one good record created", sum, len(want))
	}
	after, _ := db.Store.Query(context.Background(), "MATCH (n) RETURN count(n) AS c", nil)
	if after[0]["c"].(int64) != before[0]["c"].(int64)+1 {
		t.Errorf("nodes %v -> %v: a rejected record left something behind", before[0]["c"], after[0]["c"])
	}
}

func TestCSV(t *testing.T) {
	reset(t)
	load(t, "testdata/bad.jsonl") // defines organisation:ok-1
	sum := load(t, "testdata/good.csv")
	if sum.Created != 1 || sum.Rejected != 1 {
		t.Fatalf("csv: %s %v", sum, sum.Errors)
	}
	if msg := graph.ErrorMessageFull(sum.Errors[0]); !strings.HasPrefix(msg, "testdata/good.csv:3: budget: \"not-a-number\" is not a number") {
		t.Errorf("csv error: %s", msg)
	}
	rows, _ := db.Store.Query(context.Background(), "MATCH (p:Practice {id: 'practice:csv-1'})-[:ABOUT]->(t:Theme) RETURN count(t) AS c, p.budget AS b", nil)
	if rows[0]["c"].(int64) != 2 || rows[0]["b"].(float64) != 12000 {
		t.Errorf("csv row: %v", rows[0])
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := ingest.Open("testdata/nothing.xml"); err == nil || !strings.Contains(err.Error(), "testdata/nothing.xml") {
		t.Errorf("want an error naming the file, got %v", err)
	}
}

func TestDuplicateIDsAreBlamedOnTheirOwnErrorsFirst(t *testing.T) {
	reset(t)
	dir := t.TempDir()
	file := dir + "/dup.jsonl"
	p := func(id, impl string) string {
		return `{"type":"practice","id":"` + id + `","title":"T","lang":"en","summary":"S","country":"DE","themes":["social-cohesion"],"implementers":["` + impl + `"]}` + "\n"
	}
	org := `{"type":"organisation","id":"real","name":"Real","orgType":"academia","country":"DE"}` + "\n"
	content := org + p("x", "nobody") + p("x", "nobody-else") + p("y", "real") + p("y", "ghost") + p("z", "phantom") + p("z", "real")
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := load(t, file)
	var got []string
	for _, e := range sum.Errors {
		got = append(got, strings.TrimPrefix(graph.ErrorMessageFull(e), dir+"/"))
	}
	want := []string{
		`dup.jsonl:2: implementers: unknown organisation "nobody"`,
		`dup.jsonl:3: implementers: unknown organisation "nobody-else"`,
		`dup.jsonl:5: implementers: unknown organisation "ghost"`,
		`dup.jsonl:6: implementers: unknown organisation "phantom"`,
		`dup.jsonl:7: id: "practice:z" is already defined at ` + file + `:6, which is rejected too`,
	}
	if len(got) != len(want) {
		t.Fatalf("rejections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("rejection %d: %q, want it to start with %q", i, got[i], want[i])
		}
	}
	if !strings.Contains(got[2], `already defined at `+file+`:4`) {
		t.Errorf("the duplicate with its own error does not also say it is a duplicate: %q", got[2])
	}
	if sum.Created != 2 {
		t.Errorf("created %d, want the organisation and practice y", sum.Created)
	}
}
