package search

import (
	"fmt"
	"slices"
	"testing"

	"ewsi/graph"
)

// TestForms: a word's forms are the folded word and its English, French and
// German stems, once each; stop words have none.
func TestForms(t *testing.T) {
	st := newStemmer()
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"sprachkurse", []string{"sprachkurse", "sprachkurs"}},
		{"refugees", []string{"refugees", "refuge"}},
		{"integration", []string{"integration", "integr"}},
		{"2022", []string{"2022"}},
		{"the", nil}, {"des", nil}, {"und", nil},
	} {
		if got := st.forms(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("forms(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// textCorpus is a corpus whose texts test matching and scoring.
func textCorpus() *graph.SearchCorpus {
	e := func(id, label, text string) graph.SearchEntry {
		return graph.SearchEntry{Ref: id, ID: "news:" + id, Kind: graph.KindNews, Label: label, Text: text}
	}
	return &graph.SearchCorpus{Version: "v1", Entries: []graph.SearchEntry{
		e("koeln", "Sprachkurse in Köln", "Beratung für Frauen"),
		e("lyon", "Accueil des réfugiés", "à Lyon, avec des cours"),
		e("sport", "Young refugees and sport", "Football clubs integrating refugees"),
		e("clubs", "Club news", "A football club in Lyon"),
		e("title-refugee", "Refugee", ""),
		e("text-refugee", "Other", "one refugee"),
	}}
}

func matchIDs(x *Index, q string) []string {
	var out []string
	rows, release := x.textRows(Words(q))
	defer release()
	for _, r := range rows {
		out = append(out, r.e.id)
	}
	slices.Sort(out)
	return out
}

// TestTextMatch: every word of a query must match one form of a word of the
// label or the other texts; accents fold and stems meet.
func TestTextMatch(t *testing.T) {
	x := NewIndex(textCorpus())
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"Koln", []string{"news:koeln"}},
		{"Sprachkurs", []string{"news:koeln"}},
		{"beratung frauen", []string{"news:koeln"}},
		{"refugies lyon", []string{"news:lyon"}},
		{"refugee", []string{"news:sport", "news:text-refugee", "news:title-refugee"}},
		{"football lyon", []string{"news:clubs"}},
		{"clubs", []string{"news:clubs", "news:sport"}},
		{"integration refugee", []string{"news:sport"}},
		{"refugee xylograph", nil},
		{"the des und", nil},
		{"les réfugiés de Lyon", []string{"news:lyon"}},
		{"the refugees of Lyon", nil}, // English and French words do not meet
	} {
		t.Run(tc.q, func(t *testing.T) {
			if got := matchIDs(x, tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("match %q = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// TestTextScores: a word in the label scores more than in the other texts,
// and a rare word more than a common one.
func TestTextScores(t *testing.T) {
	x := NewIndex(textCorpus())
	score := func(q, id string) float64 {
		rows, release := x.textRows(Words(q))
		defer release()
		for _, r := range rows {
			if r.e.id == id {
				return r.score
			}
		}
		t.Fatalf("%q does not find %s", q, id)
		return 0
	}
	if a, b := score("refugee", "news:title-refugee"), score("refugee", "news:text-refugee"); a <= b {
		t.Errorf("refugee in the label scores %v, in the text %v", a, b)
	}
	if a, b := score("beratung", "news:koeln"), score("football", "news:clubs"); a <= b {
		t.Errorf("a word of one node scores %v, of two %v", a, b)
	}
}

// TestTextRowsInEntryOrder: the rows of a word come in entry order, once each,
// whatever the number of forms they match by.
func TestTextRowsInEntryOrder(t *testing.T) {
	var es []graph.SearchEntry
	for i := range 300 {
		text := "migrants"
		if i%3 == 1 {
			text = "migrant"
		} else if i%3 == 2 {
			text = "migrants migrant"
		}
		es = append(es, graph.SearchEntry{Ref: fmt.Sprint(i), ID: fmt.Sprintf("news:n%03d", i), Kind: graph.KindNews, Label: "News", Text: text})
	}
	x := NewIndex(&graph.SearchCorpus{Version: "v", Entries: es})
	hits := x.text.match([]string{"migrants"}, &scratch{})
	if len(hits) != 300 {
		t.Fatalf("%d hits, want 300", len(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].doc <= hits[i-1].doc {
			t.Fatalf("hit %d (%d) after %d", i, hits[i].doc, hits[i-1].doc)
		}
	}
}

func BenchmarkTextMatch(b *testing.B) {
	var es []graph.SearchEntry
	words := []string{"migrants", "refugees", "language", "courses", "women", "employment", "housing", "civic"}
	for i := range 200_000 {
		es = append(es, graph.SearchEntry{Ref: fmt.Sprint(i), ID: fmt.Sprintf("news:n%d", i), Kind: graph.KindNews,
			Label: words[i%8] + " " + words[i%5], Text: words[i%3] + " " + words[i%7] + " " + words[i%11%8]})
	}
	x := NewIndex(&graph.SearchCorpus{Version: "v", Entries: es})
	for _, q := range []string{"migrants", "language courses women"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, release := x.textRows(Words(q))
				release()
			}
		})
	}
}
