package graph

import (
	"strings"
	"testing"
)

func TestDiffSheets(t *testing.T) {
	a := &SheetRevision{Number: 1, Sections: map[string]string{"strategy": "France adopted a strategy in 2018.", "laws": "Same text."}}
	b := &SheetRevision{Number: 2, Sections: map[string]string{"strategy": "France adopted a strategy in 2018 and revised it in 2025.", "laws": "Same text.", "funding": "New."}}
	d := DiffSheets(a, b)
	got := map[string]string{}
	for _, s := range d.Sections {
		var parts []string
		for _, op := range s.Ops {
			parts = append(parts, op.Op+"("+op.Text+")")
		}
		got[s.Key] = strings.Join(parts, " ")
		if s.Changed != (s.Key == "strategy" || s.Key == "funding") {
			t.Errorf("%s changed=%v", s.Key, s.Changed)
		}
	}
	for key, want := range map[string]string{
		"strategy":   "EQUAL(France adopted a strategy in ) DELETE(2018.) INSERT(2018 and revised it in 2025.)",
		"laws":       "EQUAL(Same text.)",
		"funding":    "INSERT(New.)",
		"evaluation": "",
	} {
		if got[key] != want {
			t.Errorf("%s: got %s, want %s", key, got[key], want)
		}
	}
}

func TestMonth(t *testing.T) {
	for _, c := range []struct{ in, first, last string }{
		{"2028-02", "2028-02-01", "2028-02-29"}, {"2026-12", "2026-12-01", "2026-12-31"}, {"2026-04", "2026-04-01", "2026-04-30"},
	} {
		m, err := ParseMonth("month", c.in)
		if err != nil || m.First().String() != c.first || m.Last().String() != c.last || m.String() != c.in {
			t.Errorf("%s: %v %v %v", c.in, m.First(), m.Last(), err)
		}
	}
	for _, bad := range []string{"2026-13", "2026-3", "march", "1800-01"} {
		if _, err := ParseMonth("month", bad); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "month:") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
