package demo

import (
	"reflect"
	"strings"
	"testing"
)

// placeholders are the keys every template may use.
var placeholders = []string{
	"topic", "place", "name", "benef", "label", "publisher", "year", "kind", "deadline", "coin",
	"n", "k", "vol", "pct", "before", "months", "hours", "nlang",
}

func fillAll(s string) string {
	var kv []string
	for _, p := range placeholders {
		kv = append(kv, p, "X")
	}
	return fill(s, kv...)
}

func TestTemplatesComplete(t *testing.T) {
	for l, tp := range templates {
		v := reflect.ValueOf(tp)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			var list []string
			switch f := v.Field(i).Interface().(type) {
			case string:
				list = []string{f}
			case []string:
				list = f
			}
			if len(list) == 0 {
				t.Errorf("%s.%s is empty", bankLangs[l], name)
			}
			for _, s := range list {
				if s == "" || strings.ContainsAny(fillAll(s), "{}") {
					t.Errorf("%s.%s: %q", bankLangs[l], name, s)
				}
			}
		}
	}
	tables := map[string][]words{"beneficiaries": beneficiaryTable, "eventKinds": eventKinds, "callLabels": callLabels,
		"programmes": {nationalProgramme, localProgramme}}
	for _, o := range orgTypes {
		tables["orgType "+o.Slug] = []words{o.Label, o.Name}
	}
	for _, d := range docTypes {
		tables["docType "+d.Slug] = []words{d.Label}
	}
	for name, rows := range tables {
		for _, row := range rows {
			for l, s := range row {
				if s == "" || strings.ContainsAny(fillAll(s), "{}") {
					t.Errorf("%s in %s: %q", name, bankLangs[l], s)
				}
			}
		}
	}
	for _, list := range [][]string{challengeSentences, howSentences, resultSentences, evaluationDone, evaluationPlanned, resourceSentences} {
		for _, s := range list {
			if strings.ContainsAny(fillAll(s), "{}") {
				t.Errorf("sentence %q", s)
			}
		}
	}
	for l := range nBankLangs {
		if len(firstNames[l]) == 0 || len(lastNames[l]) == 0 {
			t.Errorf("no names in %s", bankLangs[l])
		}
	}
}

func TestFill(t *testing.T) {
	cases := []struct{ tpl, want string }{
		{"{a} and {b}", "1 and 2"},
		{"{a}{a}", "11"},
		{"no braces", "no braces"},
		{"{unknown} stays", "{unknown} stays"},
		{"open { only", "open { only"},
	}
	for _, c := range cases {
		if got := fill(c.tpl, "a", "1", "b", "2"); got != c.want {
			t.Errorf("fill(%q) = %q, want %q", c.tpl, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"Stadt München – Integrationsbüro": "stadt-muenchen-integrationsbuero",
		"Office national de l'intégration": "office-national-de-l-integration",
		"Łódź":                             "lodz",
		"Αθήνα":                            "x",
		"O'Brien":                          "o-brien",
		strings.Repeat("ab ", 30):          "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab",
	}
	for in, want := range cases {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{"Job coaching": "job coaching", "EU funds": "EU funds", "": "", "é": "é"} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLocalName(t *testing.T) {
	rome := City{Name: "Rome", Country: "IT"}
	if localName(&rome, it) != "Roma" || localName(&rome, en) != "Rome" {
		t.Errorf("Rome: %s / %s", localName(&rome, it), localName(&rome, en))
	}
}
