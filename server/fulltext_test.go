package server_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fuzzSeeds reads the queries of the seed corpus of graph.FuzzFullTextQuery.
func fuzzSeeds(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "graph", "testdata", "fuzz", "FuzzFullTextQuery", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			if lit, ok := strings.CutPrefix(sc.Text(), "string("); ok {
				q, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				if !seen[q] {
					seen[q] = true
					out = append(out, q)
				}
			}
		}
		fh.Close()
	}
	return out
}

// TestFullTextNastyQueriesAreAnsweredOrInvalid runs every seed of the fuzz corpus
// through the real full-text indexes, as a search (with and without prefix) and as
// a list filter: each gets results or INVALID naming the argument, never INTERNAL.
func TestFullTextNastyQueriesAreAnsweredOrInvalid(t *testing.T) {
	const q = `query($q: String!) {
	  plain: search(query: $q, first: 3) { totalCount edges { node { id } } }
	  prefix: search(query: $q, prefix: true, first: 3) { totalCount }
	  practices(filter: {query: $q}, first: 3) { totalCount }
	  organisations(filter: {query: $q}, first: 3) { totalCount } }`
	for _, seed := range fuzzSeeds(t) {
		t.Run(strconv.Quote(seed), func(t *testing.T) {
			r := postFull(t, q, map[string]any{"q": seed})
			for _, e := range r.Errors {
				where, _ := e.Extensions["where"].(string)
				if e.Extensions["code"] != "INVALID" || (where != "query" && where != "filter.query") {
					t.Errorf("error %+v", e)
				}
			}
			blank := strings.TrimSpace(seed) == ""
			for _, field := range []string{"plain", "prefix", "practices", "organisations"} {
				if r.Data != nil && r.Data[field] == nil && blank && (field == "practices" || field == "organisations") {
					t.Errorf("a blank query does not filter a list, but %s is null: %+v", field, r.Errors)
				}
			}
		})
	}
	// words still match, and a prefix of three letters is expanded
	d := mustData(t, post(t, `{ a: search(query: "Krakow") { totalCount } b: search(query: "Carit", prefix: true) { totalCount }
	  c: practices(filter: {query: "parents"}) { totalCount } d: search(query: "AND \"Caritas\"") { totalCount } }`, nil))
	for _, k := range []string{"a", "b", "c"} {
		if dig(d, k, "totalCount").(float64) < 1 {
			t.Errorf("%s: %v", k, d)
		}
	}
}

// TestShortPrefixIsNotExpanded: a prefix search for one or two letters matches
// whole words only (it would otherwise expand into every indexed word they begin).
func TestShortPrefixIsNotExpanded(t *testing.T) {
	d := mustData(t, post(t, `{ one: search(query: "C", prefix: true) { totalCount } two: search(query: "Ca", prefix: true) { totalCount }
	  three: search(query: "Car", prefix: true) { totalCount edges { node { id } } } }`, nil))
	if dig(d, "one", "totalCount") != 0.0 || dig(d, "two", "totalCount") != 0.0 {
		t.Errorf("short prefixes were expanded: %v", d)
	}
	if dig(d, "three", "totalCount").(float64) < 1 {
		t.Errorf("Car* found nothing: %v", d)
	}
}

// TestManyFullTextQueriesAreRejectedByCost: thirty aliased one-letter prefix
// searches (which kept Neo4j busy for the whole timeout) are refused by the
// complexity limit before anything runs, as are ten list filters by words; a few
// searches still run.
func TestManyFullTextQueriesAreRejectedByCost(t *testing.T) {
	many := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < n; i++ {
			b.WriteString(" a" + strconv.Itoa(i) + ": " + strings.ReplaceAll(field, "%c", string(rune('a'+i%26))))
		}
		return b.String() + " }"
	}
	for _, q := range []string{
		many(30, `search(query: "%c", prefix: true, first: 1) { totalCount }`),
		many(10, `practices(filter: {query: "%c"}, first: 1) { totalCount }`),
	} {
		r := postFull(t, q, nil)
		if r.Data != nil || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("%.60s...: %+v", q, r)
		}
	}
	mustData(t, post(t, many(3, `search(query: "%cbc", prefix: true, first: 10) { totalCount edges { node { id } } }`), nil))
}
