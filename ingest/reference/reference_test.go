package reference

import (
	"strconv"
	"strings"
	"testing"

	"ewsi/graph"
)

func mustRecords(t *testing.T) []graph.Record {
	t.Helper()
	recs, err := Records()
	if err != nil {
		t.Fatalf("Records: %v", err)
	}
	return recs
}

func byKind(recs []graph.Record) map[graph.Kind][]graph.Record {
	m := map[graph.Kind][]graph.Record{}
	for _, r := range recs {
		m[r.Node.NodeKind()] = append(m[r.Node.NodeKind()], r)
	}
	return m
}

func TestRecordsCountsAndIDs(t *testing.T) {
	recs := mustRecords(t)
	k := byKind(recs)
	want := map[graph.Kind]int{graph.KindTheme: 6, graph.KindPrinciple: PrincipleCount}
	for kind, n := range want {
		if got := len(k[kind]); got != n {
			t.Errorf("%s: %d records, want %d", kind, got, n)
		}
	}
	for _, kind := range []graph.Kind{graph.KindSubtheme, graph.KindMilestone, graph.KindIndicator} {
		if len(k[kind]) == 0 {
			t.Errorf("no %s records", kind)
		}
	}
	if len(k) != 5 {
		t.Errorf("records of %d kinds, want 5: %v", len(k), k)
	}

	ids := map[string]bool{}
	for _, r := range recs {
		id := r.Node.NodeID()
		if ids[id] {
			t.Errorf("duplicate id %s", id)
		}
		ids[id] = true
		if kind, ok := graph.KindOfID(id); !ok || kind != r.Node.NodeKind() {
			t.Errorf("id %s does not carry the prefix of %s", id, r.Node.NodeKind())
		}
		if !strings.HasPrefix(r.Source, "reference:") || !strings.HasSuffix(r.Source, ".json") {
			t.Errorf("%s: source %q", id, r.Source)
		}
	}
	for _, r := range recs {
		meta := metaOf(t, r.Node)
		if meta.Status != graph.StatusPublished || meta.Demo {
			t.Errorf("%s: status %q demo %v, want published and not demo", meta.ID, meta.Status, meta.Demo)
		}
		for _, l := range r.Links {
			if !ids[l.To] {
				t.Errorf("%s: %s link to %s, which is not among the records", meta.ID, l.Type, l.To)
			}
		}
	}
}

func metaOf(t *testing.T, n graph.Node) graph.Meta {
	t.Helper()
	switch v := n.(type) {
	case *graph.Theme:
		return v.Meta
	case *graph.Subtheme:
		return v.Meta
	case *graph.Principle:
		return v.Meta
	case *graph.Milestone:
		return v.Meta
	case *graph.Indicator:
		return v.Meta
	}
	t.Fatalf("unexpected node %T", n)
	return graph.Meta{}
}

func TestThemesAndSubthemes(t *testing.T) {
	k := byKind(mustRecords(t))
	for i, r := range k[graph.KindTheme] {
		th := r.Node.(*graph.Theme)
		if th.Order != i+1 || th.ID != graph.ID(graph.KindTheme, th.Slug) {
			t.Errorf("theme %d: order %d id %s", i+1, th.Order, th.ID)
		}
		if th.NameEn == "" || th.NameFr == "" || th.NameDe == "" {
			t.Errorf("%s: a name is missing: %q %q %q", th.ID, th.NameEn, th.NameFr, th.NameDe)
		}
	}
	for _, r := range k[graph.KindSubtheme] {
		s := r.Node.(*graph.Subtheme)
		if s.NameEn == "" || s.NameFr == "" || s.NameDe == "" {
			t.Errorf("%s: a name is missing", s.ID)
		}
		if len(r.Links) != 1 || r.Links[0].Type != graph.RelPartOf || !strings.HasPrefix(r.Links[0].To, "theme:") {
			t.Errorf("%s: links %v, want one PART_OF a theme", s.ID, r.Links)
		}
	}
}

func TestPrinciplesNumbered(t *testing.T) {
	k := byKind(mustRecords(t))
	for i, r := range k[graph.KindPrinciple] {
		p := r.Node.(*graph.Principle)
		if p.Number != i+1 || p.ID != "principle:"+strconv.Itoa(i+1) || p.ShortEn == "" || p.TextEn == "" || p.ShortFr == "" || p.ShortDe == "" || p.TextFr == "" || p.TextDe == "" {
			t.Errorf("principle %d: %+v", i+1, p)
		}
	}
}

func TestMilestoneChain(t *testing.T) {
	k := byKind(mustRecords(t))
	ms := k[graph.KindMilestone]
	byID := map[string]graph.Record{}
	pointed := map[string]bool{}
	for _, r := range ms {
		byID[r.Node.NodeID()] = r
		for _, l := range r.Links {
			if l.Type == graph.RelNext {
				if pointed[l.To] {
					t.Errorf("two milestones are NEXT to %s", l.To)
				}
				pointed[l.To] = true
			}
		}
	}
	var first string
	for id := range byID {
		if !pointed[id] {
			if first != "" {
				t.Fatalf("the chain has two heads: %s and %s", first, id)
			}
			first = id
		}
	}
	var prev *graph.Date
	visited := 0
	for id := first; id != ""; {
		r, ok := byID[id]
		if !ok {
			t.Fatalf("NEXT leads to %s, not a milestone", id)
		}
		visited++
		if visited > len(ms) {
			t.Fatal("the NEXT chain loops")
		}
		m := r.Node.(*graph.Milestone)
		if m.Date == nil {
			t.Fatalf("%s has no date", id)
		}
		if prev != nil && m.Date.Before(*prev) {
			t.Errorf("%s (%s) follows a later milestone (%s)", id, m.Date, prev)
		}
		prev = m.Date
		id = ""
		for _, l := range r.Links {
			if l.Type == graph.RelNext {
				id = l.To
			}
		}
	}
	if visited != len(ms) {
		t.Errorf("the NEXT chain visits %d of %d milestones", visited, len(ms))
	}
}

func TestMilestoneFacts(t *testing.T) {
	k := byKind(mustRecords(t))
	dates := map[string]string{}
	for _, r := range k[graph.KindMilestone] {
		m := r.Node.(*graph.Milestone)
		dates[m.ID] = m.Date.String()
		if len(r.Links) == 0 || r.Links[0].Type != graph.RelAbout {
			t.Errorf("%s is about no theme", m.ID)
		}
	}
	for id, want := range map[string]string{
		"milestone:common-basic-principles-2004": "2004-11-19",
		"milestone:integration-forum-2009":       "2009-04-20",
		"milestone:ewsi-launch-2009":             "2009-04-20",
		"milestone:cbp-ten-years-on-2014":        "2014-06-05",
		"milestone:action-plan-2016":             "2016-06-07",
	} {
		if dates[id] != want {
			t.Errorf("%s: date %q, want %s", id, dates[id], want)
		}
	}
}

func TestIndicatorAreas(t *testing.T) {
	k := byKind(mustRecords(t))
	perArea := map[string]int{}
	for _, r := range k[graph.KindIndicator] {
		ind := r.Node.(*graph.Indicator)
		perArea[ind.Area]++
		if len(r.Links) != 1 || r.Links[0].Type != graph.RelMeasures {
			t.Errorf("%s: links %v, want one MEASURES", ind.ID, r.Links)
		}
	}
	// The Zaragoza declaration: 3 employment, 4 education, 4 social inclusion, 3 active citizenship.
	want := map[string]int{"employment": 3, "education": 4, "social_inclusion": 4, "active_citizenship": 3}
	for area, n := range want {
		if perArea[area] != n {
			t.Errorf("area %s: %d indicators, want %d", area, perArea[area], n)
		}
	}
}

// TestValidation feeds broken variants of the embedded files to build and checks
// each error names the file, the line and the field.
func TestValidation(t *testing.T) {
	load := func(name string) string {
		b, err := readData(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	themes, principles := load(themesFile), load(principlesFile)
	dropLast := func(s string) string { // principles.json without principle 11
		cut := strings.Index(s, `{"number": 11`)
		return s[:strings.LastIndex(s[:cut], ",")] + "\n]\n"
	}
	milestones, indicators := load(milestonesFile), load(indicatorsFile)
	cases := []struct {
		name                 string
		th, pr, ms, in       string
		wantFile, wantDetail string
	}{
		{"theme without German name", strings.Replace(themes, `"nameDe": "Aktive Bürgerschaft"`, `"nameDe": ""`, 1), principles, milestones, indicators, "themes.json:2", "nameDe"},
		{"unknown field", strings.Replace(themes, `"nameEn": "Active Citizenship"`, `"name_en": "Active Citizenship"`, 1), principles, milestones, indicators, "themes.json:2", "name_en"},
		{"principle numbered 12", themes, strings.Replace(principles, `"number": 11`, `"number": 12`, 1), milestones, indicators, "principles.json", "number"},
		{"ten principles", themes, dropLast(principles), milestones, indicators, "principles.json", "10 principles"},
		{"milestone with unknown theme", themes, principles, strings.Replace(milestones, `"themes": ["tools-techniques"]`, `"themes": ["tools"]`, 1), indicators, "milestones.json:", "themes[0]"},
		{"milestone with unknown principle", themes, principles, strings.Replace(milestones, `"principles": [11]`, `"principles": [12]`, 1), indicators, "milestones.json:", "principles[0]"},
		{"impossible date", themes, principles, strings.Replace(milestones, `"2016-06-07"`, `"2016-02-30"`, 1), indicators, "milestones.json:", "date"},
		{"unknown kind", themes, principles, strings.Replace(milestones, `"kind": "website"`, `"kind": "portal"`, 1), indicators, "milestones.json:", "kind"},
		{"indicator of unknown theme", themes, principles, milestones, strings.Replace(indicators, `"theme": "social-cohesion"`, `"theme": "cohesion"`, 1), "indicators.json:", "theme"},
		{"principle without French text", themes, strings.Replace(principles, `"shortFr": "Un processus à double sens"`, `"shortFr": " "`, 1), milestones, indicators, "principles.json:2", "shortFr"},
		{"principle without German text", themes, strings.Replace(principles, `"shortDe": "Ein wechselseitiger Prozess",`, ``, 1), milestones, indicators, "principles.json:2", "shortDe"},
		{"milestone without German summary", themes, principles, strings.Replace(milestones, `"summaryDe": "Unter niederländischem`, `"summary_de": "Unter niederländischem`, 1), indicators, "milestones.json:2", "summary_de"},
		{"indicator without French name", themes, principles, milestones, strings.Replace(indicators, `"nameFr": "Taux d'emploi"`, `"nameFr": ""`, 1), "indicators.json:2", "nameFr"},
		{"malformed JSON", themes, principles, milestones, strings.Replace(indicators, `"unit": "%"`, `"unit" "%"`, 1), "indicators.json:2", "malformed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := build([]byte(c.th), []byte(c.pr), []byte(c.ms), []byte(c.in))
			if err == nil {
				t.Fatal("no error")
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("code %s, want %s", graph.ErrorCode(err), graph.EINVALID)
			}
			if msg := err.Error(); !strings.Contains(msg, c.wantFile) || !strings.Contains(msg, c.wantDetail) {
				t.Errorf("error %q does not name %q and %q", msg, c.wantFile, c.wantDetail)
			}
		})
	}
}
