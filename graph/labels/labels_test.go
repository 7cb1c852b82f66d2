package labels

import (
	"strings"
	"testing"
	"testing/fstest"

	"ewsi/graph"
)

func mustEmbedded(t *testing.T) *Catalog {
	t.Helper()
	c, err := Embedded()
	if err != nil {
		t.Fatalf("the message files built in do not load: %v", err)
	}
	return c
}

func TestEmbeddedLanguages(t *testing.T) {
	got := mustEmbedded(t).Langs()
	if strings.Join(langStrings(got), ",") != "de,en,fr" {
		t.Errorf("languages %v, want de, en, fr", got)
	}
}

func langStrings(ls []graph.Lang) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

// TestLoadRejects checks that a broken message file is refused with its file and key named.
func TestLoadRejects(t *testing.T) {
	const (
		enEnums = `{"OrgType.BUSINESS": "Business", "OrgType.FOUNDATION": "Foundation"}`
		frEnums = `{"OrgType.BUSINESS": "Entreprise", "OrgType.FOUNDATION": "Fondation"}`
		enMsgs  = `{"reason.partner.practices": {"one": "has {n} practice", "other": "has {n} practices"}, "reason.partner.looking": "is looking"}`
		frMsgs  = `{"reason.partner.practices": {"one": "a {n} pratique", "other": "a {n} pratiques"}, "reason.partner.looking": "cherche"}`
	)
	files := func(en, fr, enM, frM string) fstest.MapFS {
		m := fstest.MapFS{}
		for name, s := range map[string]string{"enums/en.json": en, "enums/fr.json": fr, "reasons/en.json": enM, "reasons/fr.json": frM} {
			if s != "" {
				m[name] = &fstest.MapFile{Data: []byte(s)}
			}
		}
		return m
	}
	if _, err := Load(files(enEnums, frEnums, enMsgs, frMsgs)); err != nil {
		t.Fatalf("the good files are refused: %v", err)
	}
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want []string // in the error
	}{
		{"label missing in French", files(enEnums, `{"OrgType.BUSINESS": "Entreprise"}`, enMsgs, frMsgs), []string{"enums/fr.json", "OrgType.FOUNDATION", "missing"}},
		{"label only in French", files(enEnums, `{"OrgType.BUSINESS": "Entreprise", "OrgType.FOUNDATION": "Fondation", "OrgType.SHOP": "Boutique"}`, enMsgs, frMsgs), []string{"enums/fr.json", "OrgType.SHOP", "not in the English file"}},
		{"key not Enum.VALUE", files(`{"OrgType.business": "Business"}`, `{"OrgType.business": "Entreprise"}`, enMsgs, frMsgs), []string{"enums/en.json:1", "OrgType.business"}},
		{"blank label", files(enEnums, `{"OrgType.BUSINESS": " ", "OrgType.FOUNDATION": "Fondation"}`, enMsgs, frMsgs), []string{"enums/fr.json:1", "OrgType.BUSINESS", "blank"}},
		{"label twice", files(`{"OrgType.BUSINESS": "Business",`+"\n"+`"OrgType.BUSINESS": "Firm"}`, frEnums, enMsgs, frMsgs), []string{"enums/en.json:2", "twice"}},
		{"plural without one", files(enEnums, frEnums, enMsgs, `{"reason.partner.practices": {"other": "a {n} pratiques"}, "reason.partner.looking": "cherche"}`), []string{"reasons/fr.json", "reason.partner.practices", "one and other"}},
		{"unknown plural category", files(enEnums, frEnums, enMsgs, `{"reason.partner.practices": {"one": "a {n} pratique", "other": "a {n} pratiques", "several": "x"}, "reason.partner.looking": "cherche"}`), []string{"reasons/fr.json", "several"}},
		{"placeholder renamed", files(enEnums, frEnums, enMsgs, `{"reason.partner.practices": {"one": "a {count} pratique", "other": "a {count} pratiques"}, "reason.partner.looking": "cherche"}`), []string{"reasons/fr.json", "reason.partner.practices", "placeholders"}},
		{"message missing in French", files(enEnums, frEnums, enMsgs, `{"reason.partner.practices": {"one": "a {n} pratique", "other": "a {n} pratiques"}}`), []string{"reasons/fr.json", "reason.partner.looking", "missing"}},
		{"no English", files("", frEnums, "", frMsgs), []string{"enums/en.json"}},
		{"malformed", files(enEnums, `{"OrgType.BUSINESS" "Entreprise"}`, enMsgs, frMsgs), []string{"enums/fr.json", "malformed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.fsys)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("code %v, want EINVALID", graph.ErrorCode(err))
			}
		})
	}
}

func TestLabelFallsBackToEnglish(t *testing.T) {
	c := mustEmbedded(t)
	for _, tc := range []struct {
		lang     graph.Lang
		want     string
		wantLang graph.Lang
	}{
		{graph.LangEN, "Foundation", graph.LangEN},
		{graph.LangFR, "Fondation", graph.LangFR},
		{graph.LangDE, "Stiftung", graph.LangDE},
		{"it", "Foundation", graph.LangEN},
	} {
		s, l, ok := c.Label(tc.lang, "OrgType.FOUNDATION")
		if !ok || s != tc.want || l != tc.wantLang {
			t.Errorf("%s: got %q in %s (%v), want %q in %s", tc.lang, s, l, ok, tc.want, tc.wantLang)
		}
	}
	for _, l := range c.Labels("it") {
		if l.Lang != graph.LangEN {
			t.Fatalf("Italian label %+v is not marked English", l)
		}
	}
}

// TestFormat words messages of the files built in: plural forms by CLDR rules
// (French "one" takes 0 too), numbers in the language's format, labels and
// nodes named in the language, nested messages, the English fallback.
func TestFormat(t *testing.T) {
	c := mustEmbedded(t)
	practices := func(n int) graph.Message { return graph.Msg("reason.partner.practices", graph.IntArg("n", n)) }
	germanNames := func(id string) (string, bool) {
		if id == "theme:social-cohesion" {
			return "Sozialer Zusammenhalt", true
		}
		return "", false
	}
	for _, tc := range []struct {
		name  string
		lang  graph.Lang
		m     graph.Message
		names Names
		want  string
	}{
		{"en one", graph.LangEN, practices(1), nil, "has 1 practice on these topics"},
		{"en zero is other", graph.LangEN, practices(0), nil, "has 0 practices on these topics"},
		{"fr zero is one", graph.LangFR, practices(0), nil, "a 0 pratique sur ces sujets"},
		{"fr other", graph.LangFR, practices(3), nil, "a 3 pratiques sur ces sujets"},
		{"de one", graph.LangDE, practices(1), nil, "hat 1 Praxisbeispiel zu diesen Themen"},
		{"de thousands", graph.LangDE, practices(1406), nil, "hat 1.406 Praxisbeispiele zu diesen Themen"},
		{"en thousands", graph.LangEN, practices(1406), nil, "has 1,406 practices on these topics"},
		{"languages in French", graph.LangFR, graph.Msg("reason.partner.languages", graph.LabelsArg("languages", "Lang.FR", "Lang.DE")), nil, "parle français, allemand"},
		{"node named in German", graph.LangDE, graph.Msg("reason.partner.topic.Theme", graph.NodeArg("name", "theme:social-cohesion", "Social Cohesion"), graph.MsgArg("items", graph.Msg("reason.items", graph.IntArg("n", 1)))), germanNames, "arbeitet zum Thema Sozialer Zusammenhalt (1 Eintrag insgesamt)"},
		{"node without a name keeps its own", graph.LangDE, graph.Msg("reason.related.place", graph.NodeArg("name", "region:x", "Rhône-Alpes")), germanNames, "beide in Rhône-Alpes"},
		{"Italian is English", "it", practices(2), nil, "has 2 practices on these topics"},
		{"unknown key", graph.LangFR, graph.Msg("reason.nothing"), nil, "reason.nothing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Format(tc.lang, tc.m, tc.names); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	joined := c.Join(graph.LangFR, []graph.Message{graph.Msg("reason.related.editorLink"), graph.Msg("reason.related.direct")}, nil)
	if joined != "relié par la rédaction\u00a0; lien direct" {
		t.Errorf("joined %q", joined)
	}
}
