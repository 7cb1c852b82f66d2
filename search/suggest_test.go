package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"ewsi/graph"
	"ewsi/ingest"
	"ewsi/search"
)

type suggestResp struct {
	Suggest []struct {
		Label string `json:"label"`
		Parts []part `json:"parts"`
		Node  struct {
			ID string `json:"id"`
		} `json:"node"`
	} `json:"suggest"`
}

func suggest(t *testing.T, c *client.Client, prefix string, kinds []string, first int) suggestResp {
	t.Helper()
	var r suggestResp
	err := c.Post(`query($p: String!, $k: [ContentKind!], $n: Int) { suggest(prefix: $p, kinds: $k, first: $n) { label parts { text match } node { id } } }`,
		&r, client.Var("p", prefix), client.Var("k", kinds), client.Var("n", first))
	if err != nil {
		t.Fatalf("suggest %q: %v", prefix, err)
	}
	return r
}

// TestSuggest: one, two and three letters propose the labels with a word
// that begins with them (accents folded), best-ranked kinds first; the parts
// mark exactly the beginnings typed; kinds narrow.
func TestSuggest(t *testing.T) {
	c := newClient()
	for _, tc := range []struct {
		name, prefix string
		kinds        []string
		want         string // an id among the proposals
		first        string // the first proposal's id, when the rank is known
	}{
		{"one letter", "k", nil, "practice:koeln-sprache", "organisation:caritas-krakow"},
		{"two letters, folded", "kö", nil, "practice:koeln-sprache", ""},
		{"two letters, plain", "ko", nil, "practice:koeln-sprache", "practice:koeln-sprache"},
		{"three letters", "ref", nil, "practice:lyon-accueil", "practice:lyon-accueil"},
		{"two words", "zeph fest", []string{"EVENT"}, "event:zephyr-005", "event:zephyr-005"},
		{"a kind", "z", []string{"EVENT"}, "event:zephyr-011", ""},
		{"a long prefix", "caritas krak", nil, "organisation:caritas-krakow", "organisation:caritas-krakow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := suggest(t, c, tc.prefix, tc.kinds, 20)
			var got []string
			for _, s := range r.Suggest {
				got = append(got, s.Node.ID)
				var b strings.Builder
				for _, p := range s.Parts {
					b.WriteString(p.Text)
					if p.Match {
						folded := search.Fold(p.Text)
						ok := false
						for _, w := range search.Words(tc.prefix) {
							ok = ok || folded == w || strings.HasPrefix(folded, w) && len(folded) <= len(w)+1
						}
						if !ok {
							t.Errorf("%q: marked %q, not a word's beginning typed", s.Label, p.Text)
						}
					}
				}
				if b.String() != s.Label {
					t.Errorf("parts %v do not make the label %q", s.Parts, s.Label)
				}
				for _, w := range search.Words(tc.prefix) {
					if !slices.ContainsFunc(search.Words(s.Label), func(x string) bool { return strings.HasPrefix(x, w) }) {
						t.Errorf("%q has no word beginning with %q", s.Label, w)
					}
				}
				if len(tc.kinds) > 0 && !strings.HasPrefix(s.Node.ID, "event:") {
					t.Errorf("%s is not an event", s.Node.ID)
				}
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("suggest %q: %v, want %s among them", tc.prefix, got, tc.want)
			}
			if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
				t.Errorf("suggest %q: %v, want %s first", tc.prefix, got, tc.first)
			}
		})
	}
	t.Run("first bounds", func(t *testing.T) {
		if n := len(suggest(t, c, "z", nil, 3).Suggest); n != 3 {
			t.Errorf("first 3 gave %d", n)
		}
	})
}

// TestSuggestSeesNewNodes: a node written after the index was built is
// proposed once the index is rebuilt on the graph's change, without restart.
func TestSuggestSeesNewNodes(t *testing.T) {
	c := newClient()
	if got := suggest(t, c, "quok", nil, 5).Suggest; len(got) != 0 {
		t.Fatalf("before the write: %v", got)
	}
	rec := graph.Record{Node: &graph.Organisation{Meta: meta("organisation:quokka-welcome"), Name: "Quokka Welcome Centre", Type: graph.OrgCivilSociety, Lang: "en"},
		Links: in("PL"), Source: "new:1"}
	if _, err := (&ingest.Loader{W: db.Store}).Load(context.Background(), ingest.Records{Label: "new", Recs: []graph.Record{rec}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := suggest(t, c, "quok", nil, 5).Suggest
		if len(got) == 1 && got[0].Node.ID == "organisation:quokka-welcome" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new organisation is not proposed after 30 s: %v", got)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
