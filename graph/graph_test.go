package graph

import (
	"strings"
	"testing"
)

func TestPageWindow(t *testing.T) {
	n := func(i int) *int { return &i }
	s := func(v string) *string { return &v }
	cases := []struct {
		args          PageArgs
		total         int
		offset, limit int
		prev, next    bool
	}{
		{PageArgs{}, 50, 0, DefaultPageSize, false, true},
		{PageArgs{First: n(10)}, 5, 0, 5, false, false},
		{PageArgs{First: n(10), After: s(Cursor(9))}, 25, 10, 10, true, true},
		{PageArgs{Last: n(3)}, 10, 7, 3, true, false},
		{PageArgs{Last: n(3), Before: s(Cursor(5))}, 10, 2, 3, true, true},
		{PageArgs{First: n(0)}, 10, 0, 0, false, true},
	}
	for i, c := range cases {
		w, prev, next := c.args.Window(c.total)
		if w.Offset != c.offset || w.Limit != c.limit || prev != c.prev || next != c.next {
			t.Errorf("case %d: got %+v prev %v next %v", i, w, prev, next)
		}
	}
	if err := (PageArgs{First: n(101)}).Validate(MaxPageSize); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "first") {
		t.Errorf("first > max: %v", err)
	}
	if err := (PageArgs{After: s("garbage")}).Validate(MaxPageSize); err == nil || !strings.HasPrefix(err.Error(), "after:") {
		t.Errorf("bad cursor: %v", err)
	}
}

func TestFilterNormalize(t *testing.T) {
	f := Filter{Themes: []string{"Social-Cohesion"}, Countries: []string{"el", "uk", "fr"}, Langs: []string{"DE"}, Types: []string{"civil society"}}
	if err := f.Normalize("filter"); err != nil {
		t.Fatal(err)
	}
	if f.Themes[0] != "theme:social-cohesion" || strings.Join(f.Countries, ",") != "GR,GB,FR" || f.Langs[0] != "de" || f.Types[0] != "civil_society" {
		t.Errorf("normalized: %+v", f)
	}
	bad := Filter{Countries: []string{"France"}, Principles: []int{0}, Langs: []string{"xx"}}
	err := bad.Normalize("filter")
	for _, want := range []string{"filter.countries", "filter.principles", "filter.langs"} {
		if err == nil || !strings.Contains(ErrorMessageFull(err), want) {
			t.Errorf("want an error naming %s, got %v", want, err)
		}
	}
}

func TestDatesAndIDs(t *testing.T) {
	if _, err := ParseDate("2023-02-29"); err == nil {
		t.Error("2023-02-29 accepted")
	}
	d, err := ParseDate("2024-02-29")
	if err != nil || d.String() != "2024-02-29" {
		t.Errorf("leap day: %v %v", d, err)
	}
	if k, ok := KindOfID("practice:12"); !ok || k != KindPractice {
		t.Errorf("KindOfID: %v %v", k, ok)
	}
	if _, ok := KindOfID("nope:12"); ok {
		t.Error("unknown prefix accepted")
	}
	if ID(KindTheme, "theme:x") != "theme:x" || ID(KindTheme, "x") != "theme:x" {
		t.Error("ID does not add the prefix once")
	}
}

func TestValidatePractice(t *testing.T) {
	p := &Practice{Meta: Meta{ID: "practice:1"}, Title: "T", Summary: "S", Lang: "fr"}
	if err := p.Validate(); err != nil {
		t.Fatalf("valid practice: %v", err)
	}
	s, _ := ParseDate("2020-01-01")
	e, _ := ParseDate("2019-01-01")
	bad := &Practice{Meta: Meta{ID: "organisation:1"}, Lang: "xx", StartDate: &s, EndDate: &e, Budget: -1, Website: "ftp://x"}
	msg := ErrorMessageFull(bad.Validate())
	for _, want := range []string{"id:", "title: is required", "summary: is required", "lang:", "endDate:", "budget:", "website:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in %s", want, msg)
		}
	}
}
