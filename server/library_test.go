package server_test

import (
	"testing"
)

// TestLibraryOverHTTP: the library answers with its facets and the same total as
// the documents list for the same filter; a document of no country has EU
// scope; bad filters and arguments get INVALID naming the field.
func TestLibraryOverHTTP(t *testing.T) {
	d := mustData(t, post(t, `{
  library(filter: { types: [POLICY_PAPER] }, first: 5) {
    totalCount
    facets { types { value count } scopes { value count } years { value count } }
    edges { node { id docType scope real principles { number } titleIn(lang: FR) } }
  }
  documents(filter: { types: ["policy_paper"] }) { totalCount }
}`, nil))
	total := int(dig(d, "library", "totalCount").(float64))
	if want := int(dig(d, "documents", "totalCount").(float64)); total != want || total == 0 {
		t.Fatalf("library counts %d policy papers, documents %d", total, want)
	}
	node := dig(d, "library", "edges", 0, "node").(map[string]any)
	if node["id"] != "document:agenda-2011" || node["docType"] != "POLICY_PAPER" || node["scope"] != "EU" || node["real"] != true || node["titleIn"] != nil {
		t.Errorf("the fixture's policy paper: %v", node)
	}
	types := dig(d, "library", "facets", "types").([]any)
	found := false
	for _, x := range types {
		c := x.(map[string]any)
		if c["value"] == "policy_paper" {
			found = int(c["count"].(float64)) == total
		}
	}
	if !found {
		t.Errorf("the type facet %v does not count the %d policy papers", types, total)
	}

	for _, c := range []struct{ query, where string }{
		{`{ library(filter: { years: [2010, 2012] }) { totalCount } }`, "filter.years"},
		{`{ library(filter: { years: [1066] }) { totalCount } }`, "filter.years"},
		{`{ library(filter: { scopes: ["EUROPE"] }) { totalCount } }`, "filter.countries"},
		{`{ library(filter: { principles: [12] }) { totalCount } }`, "filter.principles"},
		{`{ library(first: 101) { totalCount } }`, "first"},
		{`{ webLinks(types: ["blog"]) { id } }`, "types"},
		{`{ dossiers(first: -1) { totalCount } }`, "first"},
	} {
		r := postFull(t, c.query, nil)
		if len(r.Errors) == 0 {
			t.Errorf("%s: no error", c.query)
			continue
		}
		e := r.Errors[0]
		if e.Extensions["code"] != "INVALID" || e.Extensions["where"] != c.where {
			t.Errorf("%s: %s %v, want INVALID at %s", c.query, e.Message, e.Extensions, c.where)
		}
	}
}
