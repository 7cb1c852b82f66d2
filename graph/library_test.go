package graph

import "testing"

func TestELIOfCELEX(t *testing.T) {
	for _, c := range []struct{ celex, eli, err string }{
		{"32003L0086", "http://data.europa.eu/eli/dir/2003/86/oj", ""},
		{"32024L1233", "http://data.europa.eu/eli/dir/2024/1233/oj", ""},
		{"32024R1347", "http://data.europa.eu/eli/reg/2024/1347/oj", ""},
		{"32011D0833", "http://data.europa.eu/eli/dec/2011/833/oj", ""},
		{"3203L0086", "", "not a CELEX number"},
		{"52022PC0655", "", "not a CELEX number of sector 3"},
		{"32003X0086", "", "no ELI type"},
		{"32003L0000", "", "number 0000"},
	} {
		t.Run(c.celex, func(t *testing.T) {
			got, err := ELIOfCELEX(c.celex)
			if c.err == "" {
				if err != nil || got != c.eli {
					t.Fatalf("got %q, %v; want %q", got, err, c.eli)
				}
				if CheckELI(got) != nil || CheckCELEX(c.celex) != nil {
					t.Fatalf("%s or %s refused", c.celex, got)
				}
				return
			}
			if err == nil || !contains(err.Error(), c.err) {
				t.Fatalf("got %q, %v; want an error saying %q", got, err, c.err)
			}
		})
	}
}

func TestCheckELI(t *testing.T) {
	for _, s := range []string{"https://data.europa.eu/eli/dir/2003/86/oj", "http://data.europa.eu/eli/dir/2003/086/oj",
		"http://data.europa.eu/eli/dir/2003/86", "http://data.europa.eu/eli/law/2003/86/oj", "data.europa.eu/eli/dir/2003/86/oj"} {
		if CheckELI(s) == nil {
			t.Errorf("%s accepted", s)
		}
	}
}

func TestDocumentValidateCELEXAndELI(t *testing.T) {
	d := &Document{Meta: Meta{ID: "document:x"}, Title: "x", Type: DocLegislation, Lang: "en", CELEX: "2003L86", ELI: "http://eur-lex.europa.eu/x"}
	errs := ErrorList(d.Validate())
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Where] = true
	}
	if !fields["celex"] || !fields["eli"] || len(errs) != 2 {
		t.Fatalf("errors %v, want one for celex and one for eli", errs)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
