package graph

import (
	"errors"
	"strings"
	"testing"
)

func TestNoticeValidate(t *testing.T) {
	ok := func() Notice {
		return Notice{Key: "confirm:p1:h", To: "a@example.org", Lang: "fr", Template: "confirm-email",
			Data: map[string]any{"name": "Amélie", "url": "/fr/account/confirm?token=x"}}
	}
	decided := func(decision, reason string) Notice {
		n := Notice{Key: "decided:c1", To: "a@example.org", Lang: "de", Template: "contribution-decided",
			Data: map[string]any{"name": "A", "title": "T", "kind": "practice", "decision": decision, "url": "https://ewsi.example.org/x"}}
		if reason != "" {
			n.Data["reason"] = reason
		}
		return n
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Notice)
		base  func() Notice
		where string // "" when valid
	}{
		{"valid", func(*Notice) {}, ok, ""},
		{"absolute url", func(n *Notice) { n.Data["url"] = "https://ewsi.example.org/fr/x" }, ok, ""},
		{"decided published", func(*Notice) {}, func() Notice { return decided("published", "") }, ""},
		{"decided rejected with reason", func(*Notice) {}, func() Notice { return decided("rejected", "out of scope") }, ""},
		{"no key", func(n *Notice) { n.Key = " " }, ok, "notice.key"},
		{"long key", func(n *Notice) { n.Key = strings.Repeat("k", 301) }, ok, "notice.key"},
		{"bad address", func(n *Notice) { n.To = "not an address" }, ok, "notice.to"},
		{"named address", func(n *Notice) { n.To = "Amélie <a@example.org>" }, ok, "notice.to"},
		{"two addresses", func(n *Notice) { n.To = "a@example.org, b@example.org" }, ok, "notice.to"},
		{"lang", func(n *Notice) { n.Lang = "it" }, ok, "notice.lang"},
		{"template", func(n *Notice) { n.Template = "welcome" }, ok, "notice.template"},
		{"missing field", func(n *Notice) { delete(n.Data, "name") }, ok, "notice.data.name"},
		{"empty field", func(n *Notice) { n.Data["name"] = "  " }, ok, "notice.data.name"},
		{"not a string", func(n *Notice) { n.Data["name"] = 3 }, ok, "notice.data.name"},
		{"unknown field", func(n *Notice) { n.Data["token"] = "x" }, ok, "notice.data.token"},
		{"javascript url", func(n *Notice) { n.Data["url"] = "javascript:alert(1)" }, ok, "notice.data.url"},
		{"relative url", func(n *Notice) { n.Data["url"] = "account/confirm" }, ok, "notice.data.url"},
		{"protocol-relative url", func(n *Notice) { n.Data["url"] = "//evil.example.org/x" }, ok, "notice.data.url"},
		{"huge field", func(n *Notice) { n.Data["name"] = strings.Repeat("a", 5000) }, ok, "notice.data.name"},
		{"decision", func(*Notice) {}, func() Notice { return decided("maybe", "") }, "notice.data.decision"},
		{"registering flag", func(n *Notice) { n.Template = "reset-password"; n.Data["registering"] = "yes" }, ok, "notice.data.registering"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.base()
			tc.edit(&n)
			err := n.Validate()
			if tc.where == "" {
				if err != nil {
					t.Fatalf("valid notice refused: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || e.Where != tc.where {
				t.Fatalf("error %v, want INVALID at %s", err, tc.where)
			}
		})
	}
}

// Every template names a url field, which the mailer completes and checks.
func TestMailTemplatesHaveLinks(t *testing.T) {
	for _, name := range MailTemplateNames() {
		found := false
		for _, f := range MailTemplates[name] {
			found = found || (f.Name == "url" && f.Required)
		}
		if !found {
			t.Errorf("template %s has no required url", name)
		}
	}
	if len(MailTemplates) != 6 {
		t.Errorf("%d templates, want the 6 agreed ones", len(MailTemplates))
	}
}
