package demo

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"ewsi/graph"
)

// TestThemeTableMatchesReference keeps themeTable in step with the reference
// data of ingest/reference.
func TestThemeTableMatchesReference(t *testing.T) {
	b, err := os.ReadFile("../reference/data/themes.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref []struct {
		Slug      string `json:"slug"`
		Subthemes []struct {
			Slug string `json:"slug"`
		} `json:"subthemes"`
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, th := range themeTable {
		got = append(got, th.Slug+":")
		got = append(got, th.Subthemes...)
	}
	for _, th := range ref {
		want = append(want, th.Slug+":")
		for _, s := range th.Subthemes {
			want = append(want, s.Slug)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("themeTable differs from themes.json:\n got %v\nwant %v", got, want)
	}
}

func TestEverySubthemeHasATopic(t *testing.T) {
	n := 0
	for _, th := range themeTable {
		for _, s := range th.Subthemes {
			n++
			for l, p := range topicTable[s] {
				if p == "" {
					t.Errorf("subtheme %s has no topic in %s", s, bankLangs[l])
				}
			}
		}
	}
	if n != len(topicTable) {
		t.Errorf("%d subthemes, %d topics", n, len(topicTable))
	}
}

func TestTopicsOf(t *testing.T) {
	r := newRNG(1, 99)
	for range 2000 {
		themes, subs, main := topicsOf(r, 3)
		if len(themes) < 1 || len(themes) > 3 || len(subs) < len(themes) || len(subs) > 3 {
			t.Fatalf("themes %v subthemes %v", themes, subs)
		}
		if !slices.Contains(subs, main) {
			t.Fatalf("main %s not in %v", main, subs)
		}
		order := func(slug string) int {
			return slices.IndexFunc(themeTable, func(d themeDef) bool { return d.Slug == slug })
		}
		if !slices.IsSortedFunc(themes, func(a, b string) int { return order(a) - order(b) }) {
			t.Fatalf("themes %v out of table order", themes)
		}
		if len(slices.Compact(slices.Sorted(slices.Values(subs)))) != len(subs) {
			t.Fatalf("repeated subtheme in %v", subs)
		}
	}
}

func TestEnumsMatchGraph(t *testing.T) {
	var ot, dt []string
	for _, o := range orgTypes {
		ot = append(ot, o.Slug)
	}
	for _, d := range docTypes {
		dt = append(dt, d.Slug)
	}
	if !slices.Equal(ot, graph.OrgTypes()) {
		t.Errorf("orgTypes %v, graph has %v", ot, graph.OrgTypes())
	}
	if !slices.Equal(dt, graph.DocTypes()) {
		t.Errorf("docTypes %v, graph has %v", dt, graph.DocTypes())
	}
	for _, l := range bankLangs {
		if !graph.Lang(l).Valid() {
			t.Errorf("bank language %s", l)
		}
	}
}
