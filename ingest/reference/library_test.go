package reference

import (
	"os"
	"strings"
	"testing"

	"ewsi/graph"
)

// The real EU acts with their numbers as the Official Journal and EUR-Lex give them.
var wantActs = []struct{ celex, eli, date, titleEn, titleFr, titleDe string }{
	{"32000L0043", "http://data.europa.eu/eli/dir/2000/43/oj", "2000-06-29", "Council Directive 2000/43/EC of 29 June 2000", "Directive 2000/43/CE du Conseil du 29 juin 2000", "Richtlinie 2000/43/EG des Rates vom 29. Juni 2000"},
	{"32000L0078", "http://data.europa.eu/eli/dir/2000/78/oj", "2000-11-27", "Council Directive 2000/78/EC of 27 November 2000", "Directive 2000/78/CE du Conseil du 27 novembre 2000", "Richtlinie 2000/78/EG des Rates vom 27. November 2000"},
	{"32003L0086", "http://data.europa.eu/eli/dir/2003/86/oj", "2003-09-22", "Council Directive 2003/86/EC of 22 September 2003 on the right to family reunification", "Directive 2003/86/CE du Conseil du 22 septembre 2003 relative au droit au regroupement familial", "Richtlinie 2003/86/EG des Rates vom 22. September 2003 betreffend das Recht auf Familienzusammenführung"},
	{"32003L0109", "http://data.europa.eu/eli/dir/2003/109/oj", "2003-11-25", "Council Directive 2003/109/EC of 25 November 2003", "Directive 2003/109/CE du Conseil du 25 novembre 2003", "Richtlinie 2003/109/EG des Rates vom 25. November 2003"},
	{"32009L0050", "http://data.europa.eu/eli/dir/2009/50/oj", "2009-05-25", "Council Directive 2009/50/EC of 25 May 2009", "Directive 2009/50/CE du Conseil du 25 mai 2009", "Richtlinie 2009/50/EG des Rates vom 25. Mai 2009"},
	{"32011L0098", "http://data.europa.eu/eli/dir/2011/98/oj", "2011-12-13", "Directive 2011/98/EU of the European Parliament and of the Council of 13 December 2011", "Directive 2011/98/UE du Parlement européen et du Conseil du 13 décembre 2011", "Richtlinie 2011/98/EU des Europäischen Parlaments und des Rates vom 13. Dezember 2011"},
	{"32021L1883", "http://data.europa.eu/eli/dir/2021/1883/oj", "2021-10-20", "Directive (EU) 2021/1883 of the European Parliament and of the Council of 20 October 2021", "Directive (UE) 2021/1883 du Parlement européen et du Conseil du 20 octobre 2021", "Richtlinie (EU) 2021/1883 des Europäischen Parlaments und des Rates vom 20. Oktober 2021"},
	{"32024L1233", "http://data.europa.eu/eli/dir/2024/1233/oj", "2024-04-24", "Directive (EU) 2024/1233 of the European Parliament and of the Council of 24 April 2024", "Directive (UE) 2024/1233 du Parlement européen et du Conseil du 24 avril 2024", "Richtlinie (EU) 2024/1233 des Europäischen Parlaments und des Rates vom 24. April 2024"},
}

func TestLibraryEULawActs(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*graph.Document
	for _, r := range lib.Records {
		if d, ok := r.Node.(*graph.Document); ok {
			docs = append(docs, d)
			for _, l := range r.Links {
				if l.Type == graph.RelIn {
					t.Errorf("%s: an EU act IN %s, want EU scope (no country)", d.ID, l.To)
				}
			}
			if err := d.Validate(); err != nil {
				t.Errorf("%s: %v", d.ID, err)
			}
		}
	}
	if len(docs) != len(wantActs) {
		t.Fatalf("%d acts, want %d", len(docs), len(wantActs))
	}
	for i, w := range wantActs { // in date order
		d := docs[i]
		if d.CELEX != w.celex || d.ELI != w.eli || d.Date.String() != w.date {
			t.Errorf("act %d: %s %s %s, want %s %s %s", i, d.CELEX, d.ELI, d.Date, w.celex, w.eli, w.date)
		}
		if !strings.HasPrefix(d.Title, w.titleEn) || !strings.HasPrefix(d.TitleFr, w.titleFr) || !strings.HasPrefix(d.TitleDe, w.titleDe) {
			t.Errorf("%s: titles %q / %q / %q", w.celex, d.Title, d.TitleFr, d.TitleDe)
		}
		if d.Demo || d.Status != graph.StatusPublished || d.Type != graph.DocLegislation || d.Lang != "en" || d.Publisher == "" {
			t.Errorf("%s: demo %v status %s type %s lang %s publisher %q", w.celex, d.Demo, d.Status, d.Type, d.Lang, d.Publisher)
		}
	}
}

func TestLibraryLinksAndDossiers(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	refs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range append(refs, lib.Records...) {
		ids[r.Node.NodeID()] = true
	}
	links, dossiers := 0, 0
	for _, r := range lib.Records {
		switch n := r.Node.(type) {
		case *graph.WebLink:
			links++
			if err := n.Validate(); err != nil || n.DescriptionFr == "" || n.DescriptionDe == "" {
				t.Errorf("%s: %v", n.ID, err)
			}
		case *graph.Dossier:
			dossiers++
		}
	}
	if links < 10 || dossiers != 2 {
		t.Errorf("%d links, %d dossiers", links, dossiers)
	}
	for _, l := range lib.Links {
		if !ids[l.Node] || !ids[l.Dossier] {
			t.Errorf("dossier link %s -> %s: an end is not in the reference data", l.Dossier, l.Node)
		}
	}
}

func TestParseEULawErrorsNameLineAndField(t *testing.T) {
	data, err := os.ReadFile("testdata/bad/eu-law.json")
	if err != nil {
		t.Fatal(err)
	}
	themes := map[string]bool{"social-cohesion": true}
	principles := map[int]bool{1: true}
	_, err = ParseEULaw("eu-law.json", data, themes, principles)
	if err == nil {
		t.Fatal("a bad file parsed")
	}
	got := map[string]bool{} // "file:line: field name"
	for _, e := range graph.ErrorList(err) {
		if e.Code != graph.EINVALID {
			t.Errorf("%v: code %s", e, e.Code)
		}
		field, _, _ := strings.Cut(e.Message, ":")
		got[e.Where+": "+field] = true
	}
	for _, want := range []string{
		"eu-law.json:14: field celex",
		"eu-law.json:26: field eli",
		"eu-law.json:26: field date",
		"eu-law.json:26: field titleDe",
		"eu-law.json:26: field themes[0]",
		"eu-law.json:26: field principles[0]",
		"eu-law.json:38: field eli",
	} {
		if !got[want] {
			t.Errorf("no error %q in %v", want, got)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d errors, want 7 (the first act is good): %v", len(got), got)
	}
}
