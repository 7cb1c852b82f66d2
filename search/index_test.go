package search

import (
	"fmt"
	"testing"

	"ewsi/graph"
)

// TestFold: accents and the letters that do not decompose fold as the
// full-text indexes' ASCII folding does.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Kraków": "krakow", "Łódź": "lodz", "Straße": "strasse", "Ærø": "aero", "ÉCOLE": "ecole"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSameStem: inflections of one word match, different words do not.
func TestSameStem(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"refugies", "refugie", true}, {"sprachkurse", "sprachkurs", true}, {"integrating", "integration", true},
		{"clubs", "club", true}, {"migrant", "migration", false}, {"form", "former", false}, {"sport", "spot", false},
	} {
		if got := sameStem(tc.a, tc.b); got != tc.want {
			t.Errorf("sameStem(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// TestSuggestBeyondCappedLists: a one-letter prefix whose posting list is
// capped still finds a node of a rare kind past the cap, by scanning.
func TestSuggestBeyondCappedLists(t *testing.T) {
	var es []graph.SearchEntry
	for i := range shortPostingCap + 50 {
		es = append(es, graph.SearchEntry{Ref: fmt.Sprint(i), ID: fmt.Sprintf("organisation:a-%d", i), Kind: graph.KindOrganisation, Label: fmt.Sprintf("Alpha %d", i)})
	}
	es = append(es, graph.SearchEntry{Ref: "n", ID: "news:avocado", Kind: graph.KindNews, Label: "Avocado news"})
	x := NewIndex(&graph.SearchCorpus{Version: "v", Entries: es})
	if !x.capped["a"] {
		t.Fatal("the list of a is not capped")
	}
	got := x.Suggest("a", []graph.Kind{graph.KindNews}, 5)
	if len(got) != 1 || got[0].ID != "news:avocado" {
		t.Errorf("suggest a for news: %+v", got)
	}
	if got := x.Suggest("a", nil, 3); len(got) != 3 || got[0].Kind != graph.KindOrganisation {
		t.Errorf("suggest a: %+v", got)
	}
}

// TestNormalize: misses are recorded folded, one space between words, at
// most maxMissLen bytes of whole words.
func TestNormalize(t *testing.T) {
	long := ""
	for range 60 {
		long += "word "
	}
	for in, want := range map[string]string{"  Xylophon   Quärtz!! ": "xylophon quartz", "?!": "", long: long[:maxMissLen-1]} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
