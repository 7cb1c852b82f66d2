package server_test

import (
	"strconv"
	"strings"
	"testing"
)

// TestSearchOverHTTP: find and suggest answer through the server (its store
// and its index); the misses report is refused to a visitor; too long a
// query is INVALID naming the argument; many finds in one request exceed the
// complexity limit while a few fit.
func TestSearchOverHTTP(t *testing.T) {
	d := mustData(t, post(t, `{
  find(query: "Krakow", first: 5) { totalCount edges { node { id } snippets { field parts { text match } } } facets { countries { value label count } } }
  suggest(prefix: "kr") { label node { id } }
}`, nil))
	if n := int(dig(d, "find", "totalCount").(float64)); n == 0 {
		t.Fatal("find Krakow: nothing")
	}
	found := false
	for _, e := range dig(d, "suggest").([]any) {
		found = found || e.(map[string]any)["node"].(map[string]any)["id"] == "organisation:caritas-krakow"
	}
	if !found {
		t.Errorf("suggest kr: %v, no Caritas Kraków", dig(d, "suggest"))
	}

	for _, c := range []struct{ name, query, code, where string }{
		{"visitor reads the misses", `{ searchMisses { totalCount } }`, "UNAUTHENTICATED", "Query.searchMisses"},
		{"too long a query", `{ find(query: "` + strings.Repeat("long ", 120) + `") { totalCount } }`, "INVALID", "query"},
		{"too long a prefix", `{ suggest(prefix: "` + strings.Repeat("p", 120) + `") { label } }`, "INVALID", "prefix"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := postFull(t, c.query, nil)
			if len(r.Errors) == 0 {
				t.Fatal("no error")
			}
			e := r.Errors[0]
			if e.Extensions["code"] != c.code || (c.where != "" && e.Extensions["where"] != c.where && !strings.Contains(e.Message, c.where)) {
				t.Errorf("%s %v, want %s at %s", e.Message, e.Extensions, c.code, c.where)
			}
		})
	}

	many := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < n; i++ {
			b.WriteString(" a" + strconv.Itoa(i) + ": " + strings.ReplaceAll(field, "%c", string(rune('a'+i%26))))
		}
		return b.String() + " }"
	}
	r := postFull(t, many(10, `find(query: "%c", first: 1) { totalCount }`), nil)
	if r.Data != nil || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("ten finds: %+v", r)
	}
	mustData(t, post(t, many(3, `find(query: "%cbc", first: 10) { totalCount edges { node { id } } }`), nil))
	mustData(t, post(t, many(20, `suggest(prefix: "%c") { label }`), nil))
}
