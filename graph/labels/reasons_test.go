package labels_test

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/labels"
	"ewsi/graph/rank"
)

// everyReason makes a reason of every kind the ranking gives, each wording of it.
func everyReason() []graph.Reason {
	km := 12.4
	p := &graph.PartnerProfile{
		SelfType:  graph.OrgLocalAuthority,
		Languages: []string{"fr", "de"},
		Near:      &orb.Point{4.83, 45.76},
		RadiusKm:  50,
		Topics: map[string]graph.Topic{
			"theme:social-cohesion":          {ID: "theme:social-cohesion", Kind: graph.KindTheme, Name: "Social Cohesion", Degree: 40, Weight: 1},
			"subtheme:language-competencies": {ID: "subtheme:language-competencies", Kind: graph.KindSubtheme, Name: "Language competencies", Degree: 1, Weight: 2},
			"principle:4":                    {ID: "principle:4", Kind: graph.KindPrinciple, Name: "Language, history and institutions", Degree: 0, Weight: 0.5},
		},
	}
	c := &graph.PartnerCandidate{ID: "organisation:x", Type: graph.OrgCivilSociety, Languages: []string{"fr", "de"}, Looking: true,
		DistanceKm: &km, Topics: []string{"theme:social-cohesion", "subtheme:language-competencies", "principle:4"},
		Practices: 3, Collaborators: []graph.Collaborator{{ID: "organisation:y", Name: "Integra Berlin", Degree: 5}}}
	out := graph.ExplainPartner(p, c)
	asked := *p
	asked.Types = []string{string(graph.OrgCivilSociety)}
	out = append(out, graph.ExplainPartner(&asked, c)...)
	for _, k := range []graph.Kind{graph.KindTheme, graph.KindSubtheme, graph.KindPrinciple, graph.KindCountry,
		graph.KindRegion, graph.KindOrganisation, graph.KindLocalAuthority, graph.KindFunding, graph.KindDocument} {
		out = append(out, rank.Connector{ID: "x:1", Name: "Name", Kind: k, Degree: 3, Weight: 1}.Reason())
	}
	out = append(out, rank.DirectReason("x:1"))
	bonus, reasons := map[string]float64{}, map[string]graph.Reason{"x:1": rank.DirectReason("x:1")}
	rank.AddLink(bonus, reasons, rank.EditorLink{ID: "x:1", Note: "same city"})
	rank.AddLink(bonus, reasons, rank.EditorLink{ID: "x:2"})
	return append(out, reasons["x:1"], reasons["x:2"])
}

// TestEveryReasonHasWords words every reason the ranking gives in English,
// French and German: no message key is missing (Format would return the key),
// no placeholder is left, and French and German differ from English.
func TestEveryReasonHasWords(t *testing.T) {
	c, err := labels.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[graph.ReasonKind]bool{}
	for _, r := range everyReason() {
		kinds[r.Kind] = true
		en := c.Join(graph.LangEN, r.Says, nil)
		for _, lang := range []graph.Lang{graph.LangEN, graph.LangFR, graph.LangDE} {
			s := c.Join(lang, r.Says, nil)
			if s == "" || strings.Contains(s, "reason.") || strings.ContainsAny(s, "{}") {
				t.Errorf("%s reason in %s: %q", r.Kind, lang, s)
			}
			if lang != graph.LangEN && s == en {
				t.Errorf("%s reason in %s is the English %q", r.Kind, lang, s)
			}
		}
	}
	if len(kinds) != 14 {
		t.Errorf("made reasons of %d kinds, want all 14: %v", len(kinds), kinds)
	}
}
