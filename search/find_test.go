package search_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"ewsi/graph"
	"ewsi/search"
)

type part struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

type facetCount struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type findResp struct {
	Find struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool    `json:"hasNextPage"`
			EndCursor   *string `json:"endCursor"`
		} `json:"pageInfo"`
		Edges []struct {
			Cursor string  `json:"cursor"`
			Score  float64 `json:"score"`
			Node   struct {
				ID    string `json:"id"`
				Date  string `json:"date"`
				Start string `json:"start"`
			} `json:"node"`
			Snippets []struct {
				Field string `json:"field"`
				Parts []part `json:"parts"`
			} `json:"snippets"`
		} `json:"edges"`
		Facets struct {
			Kinds     []facetCount `json:"kinds"`
			Themes    []facetCount `json:"themes"`
			Countries []facetCount `json:"countries"`
			Langs     []facetCount `json:"langs"`
			Years     []facetCount `json:"years"`
		} `json:"facets"`
		Suggestions []string `json:"suggestions"`
	} `json:"find"`
}

const findQuery = `query($q: String!, $f: SearchFilter, $o: SearchOrder, $lang: Lang, $first: Int, $after: String) {
  find(query: $q, filter: $f, orderBy: $o, lang: $lang, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score
      node { id ... on News { date } ... on Event { start } }
      snippets { field parts { text match } } }
    facets { kinds { value label count } themes { value label count } countries { value label count }
             langs { value label count } years { value label count } }
    suggestions
  }
}`

func find(t *testing.T, c *client.Client, q string, vars map[string]any) findResp {
	t.Helper()
	var r findResp
	opts := []client.Option{client.Var("q", q)}
	for k, v := range vars {
		opts = append(opts, client.Var(k, v))
	}
	if err := c.Post(findQuery, &r, opts...); err != nil {
		t.Fatalf("find %q %v: %v", q, vars, err)
	}
	return r
}

func ids(r findResp) []string {
	var out []string
	for _, e := range r.Find.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

// TestFindFoldsAndStems: accents fold and English, French and German words
// find their inflected forms, in any kind; the hits are exactly the nodes
// that have the words.
func TestFindFoldsAndStems(t *testing.T) {
	c := newClient()
	for _, tc := range []struct {
		name, q string
		want    []string
	}{
		{"accent folded in the query", "Koln", []string{"practice:koeln-sprache"}},
		{"accent folded in the text", "krakow", []string{"organisation:caritas-krakow", "practice:mentoring"}},
		{"accent in query and text", "réfugiés Lyon", []string{"practice:lyon-accueil"}},
		{"accent left out", "refugies lyon", []string{"practice:lyon-accueil"}},
		{"English stem", "integrate refugee", []string{"document:young-refugees-sport"}},
		{"German stem", "Sprachkurs", []string{"practice:koeln-sprache"}},
		{"every word must match", "refugees football", []string{"document:young-refugees-sport"}},
		{"a word no node has", "refugees xylograph", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(find(t, c, tc.q, map[string]any{"first": 100}))
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("find %q: %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// wantFacets counts the zephyr items' facet values, each under every other
// facet's selection in sel, from the items themselves.
func wantFacets(sel map[string][]string) map[string]map[string]int {
	out := map[string]map[string]int{"kinds": {}, "themes": {}, "countries": {}, "langs": {}, "years": {}}
	for _, it := range zephyrItems() {
		vals := map[string]string{"kinds": it.kind, "countries": it.country, "langs": it.lang,
			"years": strconv.Itoa(it.year), "themes": ""}
		if it.theme != "" {
			vals["themes"] = "theme:" + it.theme
		}
		for facet, v := range vals {
			ok := v != ""
			for other, want := range sel {
				if other != facet && len(want) > 0 && !slices.Contains(want, vals[other]) {
					ok = false
				}
			}
			if ok {
				out[facet][v]++
			}
		}
	}
	return out
}

func asMap(cs []facetCount) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Value] = c.Count
	}
	return m
}

// TestFindFacets: the facets of a search count the whole result set, each
// facet under the other facets' selections (a selected country's facet still
// lists the other countries); every count equals the total of a find
// filtered by that value; labels are in the language asked.
func TestFindFacets(t *testing.T) {
	c := newClient()
	for _, tc := range []struct {
		name string
		sel  map[string][]string
	}{
		{"no selection", nil},
		{"one country", map[string][]string{"countries": {"FR"}}},
		{"country and language", map[string][]string{"countries": {"DE", "PL"}, "langs": {"fr"}}},
		{"kind and theme", map[string][]string{"kinds": {"NEWS"}, "themes": {"theme:education-culture"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := map[string]any{}
			for k, v := range tc.sel {
				f[k] = v
			}
			r := find(t, c, zephyr, map[string]any{"f": f, "first": 1})
			want := wantFacets(tc.sel)
			got := map[string]map[string]int{"kinds": asMap(r.Find.Facets.Kinds), "themes": asMap(r.Find.Facets.Themes),
				"countries": asMap(r.Find.Facets.Countries), "langs": asMap(r.Find.Facets.Langs), "years": asMap(r.Find.Facets.Years)}
			for facet := range want {
				if fmt.Sprint(got[facet]) != fmt.Sprint(want[facet]) {
					t.Errorf("%s: %v, want %v", facet, got[facet], want[facet])
				}
			}
			if len(tc.sel["countries"]) == 1 && len(got["countries"]) < 2 {
				t.Errorf("a selected country's facet lists %v only", got["countries"])
			}
			// each count is the total of the search narrowed by its value too
			for facet, counts := range got {
				for v, n := range counts {
					f2 := map[string]any{}
					for k, x := range f {
						f2[k] = x
					}
					if facet == "years" {
						y, _ := strconv.Atoi(v)
						f2[facet] = []int{y}
					} else {
						f2[facet] = []string{v}
					}
					if total := find(t, c, zephyr, map[string]any{"f": f2, "first": 0}).Find.TotalCount; total != n {
						t.Errorf("%s %s counts %d, the filtered find %d", facet, v, n, total)
					}
				}
			}
		})
	}
	t.Run("labels in the language asked", func(t *testing.T) {
		r := find(t, c, zephyr, map[string]any{"lang": "DE", "first": 0})
		labels := map[string]string{}
		for _, fc := range append(append(r.Find.Facets.Kinds, r.Find.Facets.Countries...), r.Find.Facets.Langs...) {
			labels[fc.Value] = fc.Label
		}
		for v, want := range map[string]string{"NEWS": "Nachricht", "DE": "Deutschland", "fr": "Französisch"} {
			if labels[v] != want {
				t.Errorf("label of %s in German: %q, want %q", v, labels[v], want)
			}
		}
	})
}

// TestFindSnippets: the snippets mark exactly the words that match the
// query's (folded, stemmed) and no other.
func TestFindSnippets(t *testing.T) {
	c := newClient()
	for _, tc := range []struct {
		name, q, id string
		marked      []string // the marked texts of the best snippet, in order
	}{
		{"title words", "refugees sport", "document:young-refugees-sport", []string{"refugees", "sport"}},
		{"stemmed and folded", "refugie accueil", "practice:lyon-accueil", []string{"Accueil", "réfugiés"}},
		{"German", "sprachkurs koln", "practice:koeln-sprache", []string{"Sprachkurse", "Köln"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := find(t, c, tc.q, nil)
			if len(r.Find.Edges) != 1 || r.Find.Edges[0].Node.ID != tc.id {
				t.Fatalf("find %q: %v", tc.q, ids(r))
			}
			sn := r.Find.Edges[0].Snippets
			if len(sn) == 0 || len(sn) > 2 {
				t.Fatalf("%d snippets", len(sn))
			}
			var marked []string
			for _, p := range sn[0].Parts {
				if p.Match {
					marked = append(marked, p.Text)
				}
			}
			if !slices.Equal(marked, tc.marked) {
				t.Errorf("best snippet (%s) marks %q, want %q", sn[0].Field, marked, tc.marked)
			}
			m := search.NewMatcher(tc.q)
			for _, s := range sn {
				for _, p := range s.Parts {
					for _, w := range search.Tokens(p.Text) {
						if _, ok := m.Match(w.Word); ok != p.Match {
							t.Errorf("%s: %q in part %+v: match %v", s.Field, p.Text[w.Start:w.End], p, ok)
						}
					}
				}
			}
		})
	}
}

// TestFindOrderAndPaging: NEWEST and OLDEST order by date (ties on id);
// pages of any size walk the whole result set, beyond 100 items, with no
// duplicate and no gap.
func TestFindOrderAndPaging(t *testing.T) {
	c := newClient()
	dateOf := func(e struct {
		ID    string `json:"id"`
		Date  string `json:"date"`
		Start string `json:"start"`
	}) string {
		return e.Date + e.Start
	}
	for _, o := range []string{"NEWEST", "OLDEST"} {
		t.Run(o, func(t *testing.T) {
			r := find(t, c, zephyr, map[string]any{"o": o, "first": 100})
			for i := 1; i < len(r.Find.Edges); i++ {
				a, b := r.Find.Edges[i-1].Node, r.Find.Edges[i].Node
				da, db := dateOf(a), dateOf(b)
				if da == "" || db == "" {
					t.Fatalf("%s or %s has no date", a.ID, b.ID)
				}
				if (o == "NEWEST" && da < db) || (o == "OLDEST" && da > db) || (da == db && a.ID > b.ID) {
					t.Errorf("%s: %s (%s) before %s (%s)", o, a.ID, da, b.ID, db)
				}
			}
		})
	}
	for _, size := range []int{37, 100} {
		for _, o := range []string{"RELEVANCE", "NEWEST"} {
			t.Run(fmt.Sprintf("pages of %d by %s", size, o), func(t *testing.T) {
				seen := map[string]bool{}
				var after any
				total := -1
				for pages := 0; pages < 20; pages++ {
					r := find(t, c, zephyr, map[string]any{"o": o, "first": size, "after": after})
					total = r.Find.TotalCount
					for _, id := range ids(r) {
						if seen[id] {
							t.Fatalf("%s twice", id)
						}
						seen[id] = true
					}
					if !r.Find.PageInfo.HasNextPage {
						break
					}
					after = *r.Find.PageInfo.EndCursor
				}
				if total != len(zephyrItems()) || len(seen) != total {
					t.Errorf("walked %d of %d, want %d", len(seen), total, len(zephyrItems()))
				}
			})
		}
	}
}

// TestFindSuggestions: a misspelt word that finds nothing suggests the word
// that does; a search that finds something suggests nothing.
func TestFindSuggestions(t *testing.T) {
	c := newClient()
	for _, tc := range []struct{ q, want string }{
		{"zephir", "zephyr"},
		{"zephyr festivel", "zephyr festival"},
		{"integraton", "integration"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			r := find(t, c, tc.q, nil)
			if r.Find.TotalCount != 0 {
				t.Fatalf("%q finds %d", tc.q, r.Find.TotalCount)
			}
			if len(r.Find.Suggestions) == 0 || r.Find.Suggestions[0] != tc.want || len(r.Find.Suggestions) > 5 {
				t.Errorf("suggestions for %q: %q, want %q first", tc.q, r.Find.Suggestions, tc.want)
			}
			for _, s := range r.Find.Suggestions {
				if n := find(t, c, s, nil).Find.TotalCount; n == 0 {
					t.Errorf("suggestion %q finds nothing", s)
				}
			}
		})
	}
	if s := find(t, c, zephyr, nil).Find.Suggestions; len(s) != 0 {
		t.Errorf("a search that finds something suggests %q", s)
	}
}

// TestFindBadInput: each bad argument is INVALID naming it.
func TestFindBadInput(t *testing.T) {
	c := newClient()
	for _, tc := range []struct{ name, q, where string }{
		{"no word", `{ find(query: "?!") { totalCount } }`, "query"},
		{"too long", fmt.Sprintf(`{ find(query: %q) { totalCount } }`, strings.Repeat("word ", 101)), "query"},
		{"first", `{ find(query: "zephyr", first: 101) { totalCount } }`, "first"},
		{"cursor", `{ find(query: "zephyr", after: "nope") { totalCount } }`, "after"},
		{"year", `{ find(query: "zephyr", filter: {years: [12]}) { totalCount } }`, "filter.years"},
		{"country", `{ find(query: "zephyr", filter: {countries: ["France"]}) { totalCount } }`, "filter.countries"},
		{"language", `{ find(query: "zephyr", filter: {langs: ["xx"]}) { totalCount } }`, "filter.langs"},
		{"prefix", fmt.Sprintf(`{ suggest(prefix: %q) { label } }`, strings.Repeat("a", 101)), "prefix"},
		{"blank prefix", `{ suggest(prefix: " -") { label } }`, "prefix"},
		{"suggest first", `{ suggest(prefix: "ze", first: 21) { label } }`, "first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := errorsOf(t, c, tc.q)
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			if !strings.Contains(errs[0].Message, tc.where) {
				t.Errorf("%s: %q does not name %s", tc.q, errs[0].Message, tc.where)
			}
		})
	}
}

// TestFindFromIndexAgreesWithTheStore: find served from the words kept in the
// server finds the same nodes as find served from the store's full-text
// indexes (which it does while the server's index is being rebuilt), but
// where their stemmers differ: the index's are Snowball's (Porter for
// English), the store's are Lucene's lighter French and German ones.
func TestFindFromIndexAgreesWithTheStore(t *testing.T) {
	fromStore := search.New(db.Store)
	fromStore.FullTextFromStore()
	defer fromStore.Close()
	c, s := newClient(), newClientOf(fromStore)
	for _, tc := range []struct {
		q            string
		more, missed []string // found only from the index, only from the store
	}{
		{q: "Koln"}, {q: "krakow"}, {q: "réfugiés Lyon"}, {q: "integrate refugee"}, {q: "Sprachkurs"},
		{q: "refugees football"}, {q: "zephyr"}, {q: "zephyr festival"}, {q: "bulletin"}, {q: "network"},
		{q: "parents"}, {q: "français"}, {q: "Berlin"}, {q: "Beratung Frauen"}, {q: "agenda integration"},
		{q: "Mentorzy"}, {q: "pracę"}, {q: "refugees xylograph"},
		// French Snowball stems Integra as it stems integration
		{q: "integration", more: []string{"organisation:integra-berlin"}},
		// Lucene's French or German light stemmer meets refugies and refugees
		{q: "refugies", missed: []string{"document:young-refugees-sport"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			vars := map[string]any{"first": 100, "o": "NEWEST", "f": map[string]any{"kinds": []string{"PRACTICE", "DOCUMENT", "ORGANISATION", "EVENT", "FUNDING", "LOCAL_AUTHORITY"}}}
			if strings.HasPrefix(tc.q, "zephyr") { // more than a page of news
				vars["f"] = nil
			}
			got, want := find(t, c, tc.q, vars), find(t, s, tc.q, vars)
			a, b := ids(got), ids(want)
			b = slices.DeleteFunc(b, func(id string) bool { return slices.Contains(tc.missed, id) })
			a = slices.DeleteFunc(a, func(id string) bool { return slices.Contains(tc.more, id) })
			if !slices.Equal(a, b) || got.Find.TotalCount-len(tc.more) != want.Find.TotalCount-len(tc.missed) {
				t.Errorf("find %q: from the index %d %v, from the store %d %v", tc.q, got.Find.TotalCount, ids(got), want.Find.TotalCount, ids(want))
			}
		})
	}
}

// TestFindAWordJustPublished: a node written after the index was built is
// found at once, with its facets, though the index does not hold it yet; an
// edit of a node on a page is shown at once, though the page's nodes are kept.
func TestFindAWordJustPublished(t *testing.T) {
	ctx := context.Background()
	rec := graph.Record{Node: &graph.News{Meta: meta("news:axolotl-census"), Title: "Axolotl census in Lyon", Lang: "fr",
		Date: date(2024, 2, 3), Summary: "Counting the axolotls."}, Links: in("FR"), Source: "t:axolotl"}
	if _, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec}); err != nil {
		t.Fatal(err)
	}
	if err := db.Store.Settle(ctx); err != nil { // Neo4j's full-text indexes have the word
		t.Fatal(err)
	}
	r := find(t, newClient(), "axolotls", map[string]any{"first": 10})
	if got := ids(r); !slices.Equal(got, []string{"news:axolotl-census"}) || r.Find.TotalCount != 1 {
		t.Fatalf("find axolotls: %d %v, want news:axolotl-census", r.Find.TotalCount, got)
	}
	if got := asMap(r.Find.Facets.Countries); got["FR"] != 1 || len(got) != 1 {
		t.Errorf("countries %v, want FR: 1", got)
	}

	// from the index, rebuilt: the page's node is kept; an edit is shown at once
	// (the page is read from the store while the index is older), then from
	// the index rebuilt again
	title := func() string {
		t.Helper()
		r := find(t, newClient(), "axolotls", map[string]any{"first": 10})
		for _, e := range r.Find.Edges {
			for _, sn := range e.Snippets {
				if sn.Field == "title" {
					var b strings.Builder
					for _, p := range sn.Parts {
						b.WriteString(p.Text)
					}
					return b.String()
				}
			}
		}
		t.Fatalf("no title snippet: %+v", r)
		return ""
	}
	if _, err := engine.Cache.Fresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != "Axolotl census in Lyon" {
		t.Fatalf("title %q", got)
	}
	rec.Node.(*graph.News).Title = "Axolotl census in Lyon, revised"
	if _, err := db.Store.Write(ctx, []graph.Record{rec}, []graph.Record{rec}); err != nil {
		t.Fatal(err)
	}
	if err := db.Store.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != "Axolotl census in Lyon, revised" {
		t.Errorf("after the edit: title %q", got)
	}
	if _, err := engine.Cache.Fresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != "Axolotl census in Lyon, revised" {
		t.Errorf("after the edit, from the index rebuilt: title %q", got)
	}
}
