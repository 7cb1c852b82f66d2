package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"ewsi/graph"
)

// synthetic is an index of n entries over 12 themes and 40 countries, and the
// full-text hits of a word found in a third of them (the shape of "migrants"
// at scale 10: 152,764 hits among 505,000 nodes), scores at random.
func synthetic(n int) (*Index, []graph.ScoredRef) {
	rng := rand.New(rand.NewPCG(1, 2))
	c := &graph.SearchCorpus{Version: "v"}
	for i := range 12 {
		c.Themes = append(c.Themes, graph.SearchName{Key: fmt.Sprintf("theme:%d", i), En: fmt.Sprint("Theme ", i)})
	}
	for i := range 40 {
		c.Countries = append(c.Countries, graph.SearchName{Key: fmt.Sprintf("C%c", 'A'+i%26) + fmt.Sprint(i/26), En: fmt.Sprint("Country ", i)})
	}
	kinds := graph.ContentKinds()
	langs := []string{"en", "fr", "de", "pl", "it"}
	var hits []graph.ScoredRef
	for i := range n {
		d := graph.Date{Year: 2000 + rng.IntN(26), Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)}
		e := graph.SearchEntry{Ref: fmt.Sprintf("4:db:%d", i), ID: fmt.Sprintf("practice:%07d", i), Kind: kinds[rng.IntN(len(kinds))],
			Label: fmt.Sprint("entry ", i), Themes: []string{c.Themes[rng.IntN(12)].Key, c.Themes[rng.IntN(12)].Key},
			Countries: []string{c.Countries[rng.IntN(40)].Key}, Lang: langs[rng.IntN(len(langs))], Date: &d}
		c.Entries = append(c.Entries, e)
		if i%3 == 0 {
			hits = append(hits, graph.ScoredRef{Ref: e.Ref, Score: rng.Float64()})
		}
	}
	return NewIndex(c), hits
}

// BenchmarkRankOneWord is the part of Find that runs in the server once the
// full-text hits are read: join them with the index, count the facets, order
// them and take the first page.
func BenchmarkRankOneWord(b *testing.B) {
	x, hits := synthetic(150_000)
	for _, o := range []Order{Relevance, Newest} {
		b.Run(fmt.Sprint("order", o), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rows, _ := x.join(hits)
				page, total, _ := x.rank(rows, Filter{}, o, graph.LangEN, graph.Window{Limit: 20})
				if total != len(hits) || len(page) != 20 {
					b.Fatalf("total %d, page %d", total, len(page))
				}
			}
		})
	}
}

// TestPageRowsAgreesWithASort: the window that pageRows keeps is the one of a
// whole sort, for first and later pages, in every order, however many rows.
func TestPageRowsAgreesWithASort(t *testing.T) {
	x, hits := synthetic(3000)
	for _, o := range []Order{Relevance, Newest, Oldest} {
		for _, w := range []graph.Window{{Limit: 20}, {Offset: 20, Limit: 20}, {Offset: 37, Limit: 5}, {Limit: 400}, {Offset: 990, Limit: 20}, {Offset: 5000, Limit: 20}} {
			for _, n := range []int{0, 1, 25, len(hits)} {
				rows, _ := x.join(hits[:n])
				want := slices.Clone(rows)
				slices.SortFunc(want, rowOrder(o))
				want = want[min(w.Offset, n):min(n, w.Offset+w.Limit)]
				got := pageRows(rows, o, w)
				if len(got) != len(want) {
					t.Fatalf("order %d, window %+v, %d rows: %d rows, want %d", o, w, n, len(got), len(want))
				}
				for i := range got {
					if got[i].e.id != want[i].e.id {
						t.Fatalf("order %d, window %+v, %d rows: row %d is %s, want %s", o, w, n, i, got[i].e.id, want[i].e.id)
					}
				}
			}
		}
	}
}

// BenchmarkFacets counts the facets of the rows of a word found in a third of
// 150,000 nodes, with nothing selected and with a country and a theme.
func BenchmarkFacets(b *testing.B) {
	x, hits := synthetic(150_000)
	rows0, _ := x.join(hits)
	rows := make([]row, len(rows0))
	for name, f := range map[string]Filter{"none": {}, "selected": {Countries: []string{"CA0"}, Themes: []string{"theme:3"}}} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				copy(rows, rows0)
				x.facets(rows, x.selection(f), graph.LangEN)
			}
		})
	}
}
