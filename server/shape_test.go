package server_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestIntrospection: the standard introspection query of graphql-js 16 (the one
// GraphiQL, codegen tools and Rover send; 15 levels deep) passes the depth
// limit, with its options too, while introspection stays bounded.
func TestIntrospection(t *testing.T) {
	for _, file := range []string{"introspection.graphql", "introspection-all.graphql"} {
		q, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		d := mustData(t, post(t, string(q), nil))
		if dig(d, "__schema", "queryType", "name") != "Query" || dig(d, "__schema", "mutationType", "name") != "Mutation" {
			t.Errorf("%s: root types %v", file, dig(d, "__schema", "queryType"))
		}
		names := map[string]bool{}
		for _, ty := range dig(d, "__schema", "types").([]any) {
			names[dig(ty, "name").(string)] = true
		}
		for _, want := range []string{"Practice", "Organisation", "PartnerRequest", "__Schema"} {
			if !names[want] {
				t.Errorf("%s: no type %s among %d", file, want, len(names))
			}
		}
	}
	ofType := "name"
	for i := 0; i < 25; i++ {
		ofType = "ofType { " + ofType + " }"
	}
	nested := `{ __type(name: "Query") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }`
	for _, c := range []struct{ name, query, code string }{
		{"ofType 25 deep", `{ __type(name: "Query") { fields { type { ` + ofType + ` } } } }`, "QUERY_TOO_DEEP"},
		{"fields nested 4 times", nested, "GRAPHQL_VALIDATION_FAILED"}, // gqlparser's MaxIntrospectionDepth
	} {
		r := post(t, c.query, nil)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != c.code {
			t.Errorf("%s: %+v, want %s", c.name, r.Errors, c.code)
		}
	}
}

// TestCostlyShapesAreRefusedBeforeValidation: documents whose validation is
// quadratic (many fields of one name in one selection set, merged or through
// fragments) or whose fragments expand exponentially get a coded answer.
func TestCostlyShapesAreRefusedBeforeValidation(t *testing.T) {
	var expand strings.Builder // each fragment spreads the next one twice: 2^30 fields
	expand.WriteString("{ themes { ...F0 } }\n")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&expand, "fragment F%d on Theme { subthemes { theme { ...F%d } } theme2: subthemes { theme { ...F%d } } }\n", i, i+1, i+1)
	}
	expand.WriteString("fragment F30 on Theme { id }\n")
	var spread strings.Builder // 50 fragments of 20 fields spread into one set
	spread.WriteString("{ themes { ")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&spread, "...G%d ", i)
	}
	spread.WriteString("} }\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&spread, "fragment G%d on Theme { %s }\n", i, strings.Repeat("slug ", 20))
	}
	cases := []struct{ name, query, code, mention string }{
		{"4,900 copies of one field", "{ themes { " + strings.Repeat("slug ", 4900) + "} }", "TOO_MANY_FIELDS", "themes has 4900 fields"},
		{"4,900 copies at the root", "{ " + strings.Repeat("__typename ", 4900) + "}", "TOO_MANY_FIELDS", "operation has 4900 fields"},
		{"conflicting arguments, 12 KB", "{ themes { " + strings.Repeat("name(lang: FR) name(lang: DE) ", 400) + "} }", "TOO_MANY_FIELDS", "themes"},
		{"70 copies of a field of 60 fields", "{ " + strings.Repeat("themes { "+strings.Repeat("slug ", 60)+"} ", 70) + "}", "TOO_MANY_FIELDS", "themes has 4200 fields"},
		{"fields through fragments", spread.String(), "TOO_MANY_FIELDS", "1000 fields"},
		{"fragments expanding 2^30 times", expand.String(), "TOO_MANY_FIELDS", "once its fragments are expanded"},
		{"26 copies of one field", "{ themes { " + strings.Repeat("slug ", 26) + "} }", "TOO_MANY_FIELDS", "slug is selected 26 times"},
		{"unused fragment of 4,900 fields", "{ __typename } fragment U on Theme { " + strings.Repeat("slug ", 4900) + "}", "TOO_MANY_FIELDS", "fragment U"},
		{"fragment spread within itself", "{ themes { ...C } } fragment C on Theme { subthemes { theme { ...C } } }", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, c.query, nil)
			if len(r.Errors) == 0 {
				t.Fatalf("no error (data %.200v)", r.Data)
			}
			e := r.Errors[0]
			code, _ := e.Extensions["code"].(string)
			if code == "" || (c.code != "" && code != c.code) || !strings.Contains(e.Message, c.mention) {
				t.Errorf("got %q %v, want code %q mentioning %q", e.Message, e.Extensions, c.code, c.mention)
			}
			if len(r.Errors) > 101 {
				t.Errorf("%d errors", len(r.Errors))
			}
		})
	}
	// within the limit, the same shapes run
	d := mustData(t, post(t, "{ themes { "+strings.Repeat("slug ", 25)+"} }", nil))
	if len(dig(d, "themes").([]any)) != 6 {
		t.Errorf("25 copies of a field: %v", d)
	}
	// the node page's query: some 130 distinct fields in one set, through inline
	// fragments on many types; their check is linear, so they pass
	src, err := filepath.Abs(filepath.Join("..", "webmap", "app", "node", "query.js"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("node", "--input-type=module", "-e",
		"const m = await import("+strconv.Quote("file://"+src)+"); process.stdout.write(m.NODE)").Output()
	if err != nil {
		t.Fatalf("reading the node page's query: %v", err)
	}
	if r := post(t, string(out), map[string]any{"id": "theme:employment", "lang": "EN"}); len(r.Errors) > 0 {
		t.Errorf("the node page's query: %v", r.Errors[0])
	}
}

// TestErrorsAreCapped: a response keeps the first 100 errors and says how many
// more it dropped.
func TestErrorsAreCapped(t *testing.T) {
	// 13 name(lang: FR) and 12 name(lang: DE): each of one kind conflicts with each of the other, 156 errors
	r := post(t, "{ themes { "+strings.Repeat("name(lang: FR) ", 13)+strings.Repeat("name(lang: DE) ", 12)+"} }", nil)
	if len(r.Errors) != 101 {
		t.Fatalf("%d errors, want 100 and one saying more were dropped", len(r.Errors))
	}
	last := r.Errors[100]
	if last.Extensions["code"] != "TOO_MANY_ERRORS" || !strings.Contains(last.Message, "more errors were dropped") {
		t.Errorf("last error: %+v", last)
	}
	for _, e := range r.Errors[:100] {
		if e.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("kept error: %+v", e)
			break
		}
	}
}
