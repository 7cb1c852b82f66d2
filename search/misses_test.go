package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"ewsi/graph"
)

type missesResp struct {
	SearchMisses struct {
		TotalCount int `json:"totalCount"`
		Edges      []struct {
			Node struct {
				Query  string   `json:"query"`
				Count  int      `json:"count"`
				LastAt string   `json:"lastAt"`
				Langs  []string `json:"langs"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"searchMisses"`
}

// TestMissesRecorded: a search that finds nothing is recorded once per
// normalised query, its count going up with each search, with the languages
// of the pages; a search that finds something is not recorded.
func TestMissesRecorded(t *testing.T) {
	c := newClient()
	countOf := func(q string) (int, []string) {
		var r missesResp
		c.MustPost(`{ searchMisses(first: 100) { totalCount edges { node { query count lastAt langs } } } }`, &r)
		for _, e := range r.SearchMisses.Edges {
			if e.Node.Query == q {
				return e.Node.Count, e.Node.Langs
			}
		}
		return 0, nil
	}
	for i, tc := range []struct{ typed, lang string }{
		{"Xylophon Quärtz", "EN"}, {"xylophon  quartz!", "FR"}, {"XYLOPHON quartz", "FR"},
	} {
		if n := find(t, c, tc.typed, map[string]any{"lang": tc.lang}).Find.TotalCount; n != 0 {
			t.Fatalf("%q finds %d", tc.typed, n)
		}
		engine.Misses.Wait()
		n, langs := countOf("xylophon quartz")
		if n != i+1 {
			t.Errorf("after %d searches the count is %d", i+1, n)
		}
		if i == 2 && fmt.Sprint(langs) != "[en fr]" {
			t.Errorf("langs %v, want [en fr]", langs)
		}
	}
	find(t, c, "zephyr", nil)
	engine.Misses.Wait()
	if n, _ := countOf("zephyr"); n != 0 {
		t.Errorf("a search that found something is recorded %d times", n)
	}
}

// TestMissesBounded: the report keeps at most max distinct queries, dropping
// the least frequent (any earlier test's too); recording the same batch
// twice adds, not duplicates.
func TestMissesBounded(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var batch []graph.SearchMiss
	for i := 0; i < 6; i++ {
		batch = append(batch, graph.SearchMiss{Query: fmt.Sprintf("bounded %d", i), Count: i + 1, LastAt: at, Langs: []string{"en"}})
	}
	const max = 3 // the other tests' misses count less than the three kept
	for range 2 {
		if err := db.Store.RecordSearchMisses(ctx, batch, max); err != nil {
			t.Fatal(err)
		}
	}
	got, total, err := db.Store.SearchMisses(ctx, graph.Window{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if total != max {
		t.Fatalf("%d misses kept, want %d: %v", total, max, got)
	}
	counts := map[string]int{}
	for _, m := range got {
		counts[m.Query] = m.Count
	}
	for i := 0; i < 6; i++ {
		q := fmt.Sprintf("bounded %d", i)
		want := 0
		if i >= 3 {
			want = 2 * (i + 1)
		}
		if counts[q] != want {
			t.Errorf("%q counts %d, want %d", q, counts[q], want)
		}
	}
}
