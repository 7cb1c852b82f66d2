package resolvers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/vektah/gqlparser/v2/ast"

	"ewsi/graph"
	"ewsi/ingest/reference"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
)

type label struct {
	Enum, Value, Label, Lang string
}

func labelsIn(t *testing.T, lang string) map[string]label {
	t.Helper()
	var resp struct{ Labels []label }
	if err := newClient().Post(`query($lang: Lang) { labels(lang: $lang) { enum value label lang } }`, &resp, client.Var("lang", lang)); err != nil {
		t.Fatalf("labels(lang: %s): %v", lang, err)
	}
	out := map[string]label{}
	for _, l := range resp.Labels {
		out[l.Enum+"."+l.Value] = l
	}
	if len(out) != len(resp.Labels) {
		t.Errorf("labels(lang: %s) gives a value twice", lang)
	}
	return out
}

// closedStrings are string fields with a closed set of values that have labels
// like enums, with the values the graph accepts.
func closedStrings() map[string][]string {
	return map[string][]string{
		"PracticeStage":  graph.PracticeStages(),
		"AuthorityLevel": graph.AuthorityLevels(),
		"MilestoneKind":  reference.MilestoneKinds(),
		"IndicatorArea":  reference.IndicatorAreas(),
	}
}

// TestLabelsCoverEveryEnum reads every enum of the parsed schema and
// checks that each value has a label in English, French and German, in that
// language, and that no label names a value the schema does not have.
func TestLabelsCoverEveryEnum(t *testing.T) {
	want := map[string]bool{}
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &resolvers.Resolver{}}).Schema()
	for _, ty := range schema.Types {
		if ty.Kind != ast.Enum || ty.BuiltIn || strings.HasPrefix(ty.Name, "__") {
			continue
		}
		for _, v := range ty.EnumValues {
			want[ty.Name+"."+v.Name] = true
		}
	}
	for enum, values := range closedStrings() {
		for _, v := range values {
			want[graph.LabelKey(enum, v)] = true
		}
	}
	if !want["OrgType.CIVIL_SOCIETY"] || !want["ReasonKind.LOOKING"] || !want["PracticeStage.ONGOING"] || len(want) < 100 {
		t.Fatalf("read %d enum values from the schema, which lacks some known ones", len(want))
	}
	en := labelsIn(t, "EN")
	for _, lang := range []string{"EN", "FR", "DE"} {
		got := labelsIn(t, lang)
		for key := range want {
			l, ok := got[key]
			switch {
			case !ok:
				t.Errorf("%s has no label in %s", key, lang)
			case l.Lang != lang || strings.TrimSpace(l.Label) == "":
				t.Errorf("%s in %s: %+v", key, lang, l)
			}
		}
		for key := range got {
			if !want[key] {
				t.Errorf("the label %s (%s) is of no enum value of the schema", key, lang)
			}
		}
		if lang != "EN" {
			same := 0
			for key, l := range got {
				if l.Label == en[key].Label {
					same++
				}
			}
			// a few words are the same in both (Organisation, Forum, Date), most are not
			if same > len(got)/5 {
				t.Errorf("%d of %d labels in %s are the English ones", same, len(got), lang)
			}
		}
	}
}

// TestLabelsFallBackToEnglish asks for Italian, which has no labels: every label
// is the English one, marked EN.
func TestLabelsFallBackToEnglish(t *testing.T) {
	en, it := labelsIn(t, "EN"), labelsIn(t, "IT")
	if len(it) != len(en) {
		t.Fatalf("%d Italian labels, %d English", len(it), len(en))
	}
	for key, l := range it {
		if l.Lang != "EN" || l.Label != en[key].Label {
			t.Errorf("%s in Italian: %+v, want the English %q with lang EN", key, l, en[key].Label)
		}
	}
	var resp struct{ Labels []label }
	newClient().MustPost(`{ labels { enum value label lang } }`, &resp)
	if len(resp.Labels) != len(en) || resp.Labels[0].Lang != "EN" {
		t.Errorf("labels without lang: %d, first %+v; want the English ones", len(resp.Labels), resp.Labels[0])
	}
}

// TestPrinciplesInThreeLanguages checks the short title and text of every
// principle in French and German: given, different from the English and from each
// other, and English by default and for a language without them.
func TestPrinciplesInThreeLanguages(t *testing.T) {
	var resp struct {
		Principles []struct {
			Number                               int
			Short, ShortEN, ShortFR, ShortDE     string
			Text, TextEN, TextFR, TextDE, TextIT string
		}
	}
	newClient().MustPost(`{ principles { number short shortEN: short(lang: EN) shortFR: short(lang: FR) shortDE: short(lang: DE)
		text textEN: text(lang: EN) textFR: text(lang: FR) textDE: text(lang: DE) textIT: text(lang: IT) } }`, &resp)
	if len(resp.Principles) != reference.PrincipleCount {
		t.Fatalf("%d principles", len(resp.Principles))
	}
	for _, p := range resp.Principles {
		shorts := []string{p.ShortEN, p.ShortFR, p.ShortDE}
		texts := []string{p.TextEN, p.TextFR, p.TextDE}
		if slices.Contains(shorts, "") || slices.Contains(texts, "") {
			t.Errorf("principle %d lacks a language: %+v", p.Number, p)
			continue
		}
		if p.ShortFR == p.ShortEN || p.ShortDE == p.ShortEN || p.ShortFR == p.ShortDE {
			t.Errorf("principle %d: short titles %q not translated", p.Number, shorts)
		}
		if p.TextFR == p.TextEN || p.TextDE == p.TextEN || p.TextFR == p.TextDE {
			t.Errorf("principle %d: texts not translated", p.Number)
		}
		if p.Short != p.ShortEN || p.Text != p.TextEN || p.TextIT != p.TextEN {
			t.Errorf("principle %d: the default and Italian are not the English", p.Number)
		}
	}
}

// TestFrameworkInThreeLanguages checks the milestones' titles and summaries and
// the indicators' names and descriptions in French and German: given, translated,
// and English by default and for a language without them.
func TestFrameworkInThreeLanguages(t *testing.T) {
	var resp struct {
		Milestones []struct {
			ID                               string
			Title, TitleFR, TitleDE, TitleIT string
			Summary, SummaryFR, SummaryDE    string
		}
		Indicators []struct {
			ID                                        string
			Name, NameFR, NameDE                      string
			Description, DescriptionFR, DescriptionDE *string
			DescriptionIT                             *string
		}
	}
	newClient().MustPost(`{
		milestones { id title titleFR: title(lang: FR) titleDE: title(lang: DE) titleIT: title(lang: IT)
			summary summaryFR: summary(lang: FR) summaryDE: summary(lang: DE) }
		indicators { id name nameFR: name(lang: FR) nameDE: name(lang: DE)
			description descriptionFR: description(lang: FR) descriptionDE: description(lang: DE) descriptionIT: description(lang: IT) } }`, &resp)
	if len(resp.Milestones) < 10 || len(resp.Indicators) < 10 {
		t.Fatalf("%d milestones, %d indicators", len(resp.Milestones), len(resp.Indicators))
	}
	translated := func(id, what, en, fr, de string) {
		if en == "" || fr == "" || de == "" || fr == en || de == en || fr == de {
			t.Errorf("%s %s: %q / %q / %q", id, what, en, fr, de)
		}
	}
	for _, m := range resp.Milestones {
		translated(m.ID, "title", m.Title, m.TitleFR, m.TitleDE)
		translated(m.ID, "summary", m.Summary, m.SummaryFR, m.SummaryDE)
		if m.TitleIT != m.Title {
			t.Errorf("%s: the Italian title %q is not the English", m.ID, m.TitleIT)
		}
	}
	for _, i := range resp.Indicators {
		translated(i.ID, "name", i.Name, i.NameFR, i.NameDE)
		if i.Description == nil || i.DescriptionFR == nil || i.DescriptionDE == nil || i.DescriptionIT == nil {
			t.Errorf("%s lacks a description", i.ID)
			continue
		}
		translated(i.ID, "description", *i.Description, *i.DescriptionFR, *i.DescriptionDE)
		if *i.DescriptionIT != *i.Description {
			t.Errorf("%s: the Italian description is not the English", i.ID)
		}
	}
}
