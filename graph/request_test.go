package graph

import (
	"strings"
	"testing"
)

func validRequestInput(today Date) RequestInput {
	return RequestInput{Organisation: "organisation:a", Title: "Language cafés", Description: "Language cafés for parents at schools, with partners.",
		Lang: "en", Themes: []string{"Education-Culture"}, Countries: []string{"EL"}, Types: []string{"CIVIL_SOCIETY"}, Languages: []string{"FR"},
		Closes: DateOf(today.Time().AddDate(0, 0, 10)), Contact: Contact{Name: "P", Email: "p@example.org"}}
}

func TestRequestInputValidate(t *testing.T) {
	today, _ := ParseDate("2026-06-15")
	in := validRequestInput(today)
	if err := in.Validate(today); err != nil {
		t.Fatal(err)
	}
	if in.Themes[0] != "theme:education-culture" || in.Countries[0] != "GR" || in.Types[0] != "civil_society" || in.Languages[0] != "fr" {
		t.Errorf("not normalised: %+v", in)
	}
	for _, c := range []struct {
		name   string
		change func(*RequestInput)
		want   string
	}{
		{"past", func(i *RequestInput) { i.Closes, _ = ParseDate("2020-01-01") }, "input.closes: must be after today, got 2020-01-01"},
		{"today", func(i *RequestInput) { i.Closes = today }, "input.closes: must be after today"},
		{"beyond a year", func(i *RequestInput) { i.Closes = DateOf(today.Time().AddDate(1, 0, 1)) }, "input.closes: must be within a year"},
		{"email", func(i *RequestInput) { i.Contact.Email = "Paul <p@example.org>" }, "input.contact.email"},
		{"no topic", func(i *RequestInput) { i.Themes = nil }, "input.themes"},
		{"kind", func(i *RequestInput) { i.Types = []string{"pirates"} }, "input.types"},
		{"language", func(i *RequestInput) { i.Languages = []string{"xx"} }, "input.languages"},
		{"organisation", func(i *RequestInput) { i.Organisation = "practice:1" }, "input.organisation"},
		{"funding", func(i *RequestInput) { i.Funding = "event:1" }, "input.funding"},
		{"short description", func(i *RequestInput) { i.Description = "short" }, "input.description"},
	} {
		in := validRequestInput(today)
		c.change(&in)
		err := in.Validate(today)
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessageFull(err), c.want) {
			t.Errorf("%s: %v, want INVALID with %q", c.name, err, c.want)
		}
	}
}

func TestKeys(t *testing.T) {
	k1, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	k2, _ := NewKey()
	if len(k1) != 43 || k1 == k2 {
		t.Fatalf("keys %q %q", k1, k2)
	}
	h := HashKey(k1)
	if !KeyMatches(k1, h) || KeyMatches(k2, h) || KeyMatches("", h) || KeyMatches(k1, "") || strings.Contains(h, k1) {
		t.Error("key matching")
	}
	if IdempotentID(RequestIDPrefix, "abc12345") != IdempotentID(RequestIDPrefix, "abc12345") ||
		IdempotentID(RequestIDPrefix, "abc12345") == IdempotentID(RequestIDPrefix, "abc12346") ||
		IdempotentID(RequestIDPrefix, "abc12345")[len(RequestIDPrefix):] == IdempotentID(ReplyIDPrefix, "abc12345")[len(ReplyIDPrefix):] {
		t.Error("idempotent ids")
	}
	if CheckIdempotencyKey("short") == nil || CheckIdempotencyKey(" padded-key ") == nil || CheckIdempotencyKey("9b2e6c1a-key") != nil {
		t.Error("idempotency key checks")
	}
}
