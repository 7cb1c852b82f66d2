package resolvers_test

import (
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"ewsi/graph"
)

type reasonWords struct {
	Kind   string
	Via    []string
	Text   string // English, the default
	TextDE string
}

// germanNames returns the German names of themes, subthemes and principles by
// id, and the German labels of the kinds of organisation.
func germanNames(t *testing.T) (map[string]string, []string) {
	t.Helper()
	var resp struct {
		Themes []struct {
			ID, Name  string
			Subthemes []struct{ ID, Name string }
		}
		Principles []struct{ ID, Short string }
		Labels     []struct{ Enum, Label string }
	}
	newClient().MustPost(`{ themes { id name(lang: DE) subthemes { id name(lang: DE) } } principles { id short(lang: DE) }
		labels(lang: DE) { enum label } }`, &resp)
	names := map[string]string{}
	for _, th := range resp.Themes {
		names[th.ID] = th.Name
		for _, s := range th.Subthemes {
			names[s.ID] = s.Name
		}
	}
	for _, p := range resp.Principles {
		names[p.ID] = p.Short
	}
	var orgTypes []string
	for _, l := range resp.Labels {
		if l.Enum == "OrgType" {
			orgTypes = append(orgTypes, l.Label)
		}
	}
	return names, orgTypes
}

// checkGerman checks reasons worded in German: none is a bare key or the English
// wording, and a reason about a theme, subtheme or principle names it in German.
func checkGerman(t *testing.T, reasons []reasonWords, names map[string]string, orgTypes []string) (topics, types int) {
	t.Helper()
	for _, r := range reasons {
		t.Logf("%s: %q / %q", r.Kind, r.Text, r.TextDE)
		if r.TextDE == "" || strings.Contains(r.TextDE, "reason.") || r.TextDE == r.Text {
			t.Errorf("%s reason in German %q (English %q)", r.Kind, r.TextDE, r.Text)
		}
		switch r.Kind {
		case "THEME", "SUBTHEME", "PRINCIPLE":
			name, ok := names[r.Via[0]]
			if !ok || !strings.Contains(r.TextDE, name) {
				t.Errorf("%s reason %q does not name %s in German (%q)", r.Kind, r.TextDE, r.Via[0], name)
			}
			topics++
		case "TYPE":
			found := false
			for _, l := range orgTypes {
				found = found || strings.HasPrefix(r.TextDE, l+":")
			}
			if !found {
				t.Errorf("TYPE reason %q does not start with a German kind of organisation", r.TextDE)
			}
			types++
		}
	}
	return topics, types
}

// TestPartnerReasonsInGerman words the reasons of a partner search in German.
func TestPartnerReasonsInGerman(t *testing.T) {
	names, orgTypes := germanNames(t)
	var resp struct {
		FindPartners struct {
			Edges []struct {
				Node struct{ Reasons []reasonWords }
			}
		}
	}
	newClient().MustPost(`{ findPartners(input: {organisation: "organisation:ville-lyon"}, first: 20) {
		edges { node { reasons { kind via text textDE: text(lang: DE) } } } } }`, &resp)
	var all []reasonWords
	for _, e := range resp.FindPartners.Edges {
		all = append(all, e.Node.Reasons...)
	}
	topics, types := checkGerman(t, all, names, orgTypes)
	if topics == 0 || types == 0 {
		t.Errorf("%d reasons, %d about topics, %d about kinds: the search should give both", len(all), topics, types)
	}
}

// TestRelatedReasonsInGerman words the reasons of related content in German: the
// Lyon practices share the theme Social cohesion with 30 and more items, which
// takes the German plural.
func TestRelatedReasonsInGerman(t *testing.T) {
	names, orgTypes := germanNames(t)
	var resp struct {
		Related []struct{ Reasons []reasonWords }
	}
	newClient().MustPost(`{ related(id: "practice:lyon-00", first: 5) { reasons { kind via text textDE: text(lang: DE) } } }`, &resp)
	var all []reasonWords
	for _, it := range resp.Related {
		all = append(all, it.Reasons...)
	}
	checkGerman(t, all, names, orgTypes)
	want := "beide zum Thema " + names["theme:social-cohesion"] + " ("
	found := false
	for _, r := range all {
		if r.Kind == "THEME" && r.Via[0] == "theme:social-cohesion" {
			found = true
			if !strings.HasPrefix(r.TextDE, want) || !strings.HasSuffix(r.TextDE, " Einträge)") {
				t.Errorf("theme reason %q, want %q... Einträge)", r.TextDE, want)
			}
		}
	}
	if !found {
		t.Errorf("no reason about the shared theme among %+v", all)
	}
}

// TestGermanReasonsReadNamesAtOnce words the reasons of partner searches and of
// related content in German: the themes, subthemes, principles and countries
// they name are read at once for the response, whatever its size (one round trip
// per kind of node, as the store reads nodes), and none are read in English.
func TestGermanReasonsReadNamesAtOnce(t *testing.T) {
	c := newClient()
	type reasons = []struct {
		Via  []string
		Text string
	}
	for _, tc := range []struct {
		name, query string
		n           int
	}{
		{"partners", `query($n: Int, $lang: Lang) { findPartners(input: {organisation: "organisation:ville-lyon", themes: ["social-cohesion", "economic-participation", "active-citizenship"], principles: [1, 3, 4]}, first: $n) {
			edges { node { reasons { via text(lang: $lang) } } } } }`, 20},
		{"related", `query($n: Int, $lang: Lang) { related(id: "practice:lyon-00", first: $n) { reasons { via text(lang: $lang) } } }`, 25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trips := func(lang string) (int64, map[graph.Kind]bool) {
				before := db.Store.RoundTrips()
				var resp struct {
					FindPartners struct {
						Edges []struct{ Node struct{ Reasons reasons } }
					}
					Related []struct{ Reasons reasons }
				}
				if err := c.Post(tc.query, &resp, client.Var("n", tc.n), client.Var("lang", lang)); err != nil {
					t.Fatal(err)
				}
				all := resp.Related
				for _, e := range resp.FindPartners.Edges {
					all = append(all, struct{ Reasons reasons }{e.Node.Reasons})
				}
				kinds := map[graph.Kind]bool{}
				for _, it := range all {
					for _, r := range it.Reasons {
						for _, id := range r.Via {
							switch k, _ := graph.KindOfID(id); k {
							case graph.KindTheme, graph.KindSubtheme, graph.KindPrinciple, graph.KindCountry:
								kinds[k] = true
							}
						}
					}
				}
				return db.Store.RoundTrips() - before, kinds
			}
			en, _ := trips("EN")
			de, kinds := trips("DE")
			if len(kinds) == 0 {
				t.Fatal("the reasons name no theme, subtheme, principle or country")
			}
			if de != en+int64(len(kinds)) {
				t.Errorf("%d round trips in English, %d in German; want %d more (the kinds named: %v)", en, de, len(kinds), kinds)
			}
		})
	}
}
