package notify_test

import (
	"strings"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

// sample returns Data for every field of a template.
func sample(name string) map[string]any {
	d := map[string]any{}
	for _, f := range graph.MailTemplates[name] {
		d[f.Name] = "v-" + f.Name
	}
	d["url"] = "/en/x?token=t0k"
	if name == "contribution-decided" {
		d["decision"] = "rejected"
	}
	if name == "reset-password" {
		d["registering"] = "true"
	}
	if _, ok := d["kind"]; ok {
		d["kind"] = "practice"
	}
	return d
}

// TestTemplates renders every template in every language into a message and
// reads it back: a subject in the language, both parts with the link, every
// field shown, and no English left in a French or German mail's subject.
func TestTemplates(t *testing.T) {
	m := mailer(t, notify.Outbox{Dir: t.TempDir()})
	subjects := map[string]map[string]string{} // template -> lang -> subject
	kinds := map[string]string{"en": "practice", "fr": "pratique", "de": "Praxisbeispiel"}
	for _, name := range graph.MailTemplateNames() {
		subjects[name] = map[string]string{}
		for _, lang := range []string{"en", "fr", "de"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				n := graph.Notice{Key: "k", To: "x@example.org", Lang: lang, Template: name, Data: sample(name)}
				msg, err := m.Compose(n, time.Now())
				if err != nil {
					t.Fatal(err)
				}
				var b strings.Builder
				if _, err := msg.WriteTo(&b); err != nil {
					t.Fatal(err)
				}
				got, err := smtptest.Parse([]byte(b.String()))
				if err != nil {
					t.Fatal(err)
				}
				subjects[name][lang] = got.Subject
				if got.Subject == "" || strings.Contains(got.Subject, "\n") {
					t.Errorf("subject %q", got.Subject)
				}
				for _, part := range []string{got.Text, got.HTML} {
					if !strings.Contains(part, "https://ewsi.test/en/x?token=t0k") {
						t.Errorf("a part lacks the link:\n%s", part)
					}
					for k, v := range n.Data {
						if k != "url" && k != "kind" && k != "decision" && k != "registering" && !strings.Contains(part, v.(string)) {
							t.Errorf("a part lacks %s:\n%s", k, part)
						}
					}
					if _, ok := n.Data["kind"]; ok && !strings.Contains(part, kinds[lang]) {
						t.Errorf("a part lacks the kind in its language (%s):\n%s", kinds[lang], part)
					}
					if strings.Contains(part, "<no value>") {
						t.Errorf("a part shows <no value>:\n%s", part)
					}
				}
				if !strings.Contains(got.HTML, `<html lang="`+lang+`">`) {
					t.Errorf("the HTML part is not marked %s", lang)
				}
			})
		}
		if s := subjects[name]; s["en"] == s["fr"] || s["en"] == s["de"] || s["fr"] == s["de"] {
			t.Errorf("%s: the subjects are not translated: %q", name, s)
		}
	}
}

// TestHTMLEscaped: what a person typed (a title, a name) is text in the HTML
// part, never markup.
func TestHTMLEscaped(t *testing.T) {
	m := mailer(t, notify.Outbox{Dir: t.TempDir()})
	n := graph.Notice{Key: "k", To: "x@example.org", Lang: "en", Template: "contribution-received",
		Data: map[string]any{"name": "Eve", "title": `<script>alert("x")</script>`, "kind": "news", "url": "/en/my"}}
	msg, err := m.Compose(n, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := msg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := smtptest.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got.HTML, "<script>") || !strings.Contains(got.HTML, "&lt;script&gt;") {
		t.Errorf("the title is not escaped in the HTML part:\n%s", got.HTML)
	}
	if !strings.Contains(got.Text, `<script>alert("x")</script>`) {
		t.Errorf("the text part does not show the title as typed:\n%s", got.Text)
	}
}

func TestParseSMTPURL(t *testing.T) {
	for _, tc := range []struct {
		url      string
		err      string
		host     string
		port     int
		implicit bool
		user     string
		pass     string
	}{
		{url: "smtp://mail.example.org", host: "mail.example.org", port: 587},
		{url: "smtp://u%40x:p%3Aw@mail.example.org:2525", host: "mail.example.org", port: 2525, user: "u@x", pass: "p:w"},
		{url: "smtps://u:pw-secret@mail.example.org", host: "mail.example.org", port: 465, implicit: true, user: "u", pass: "pw-secret"},
		{url: "smtp://127.0.0.1:25?starttls=none", host: "127.0.0.1", port: 25},
		{url: "ftp://mail.example.org", err: `EWSI_SMTP_URL: scheme "ftp"`},
		{url: "smtp://:25", err: "EWSI_SMTP_URL: no host"},
		{url: "smtp://mail.example.org:99999", err: `EWSI_SMTP_URL: "99999" is not a port`},
		{url: "smtp://mail.example.org?starttls=maybe", err: `EWSI_SMTP_URL: starttls="maybe"`},
		{url: "smtps://mail.example.org?starttls=none", err: "EWSI_SMTP_URL: starttls applies to smtp://"},
		{url: "smtp://mail.example.org?auth=magic", err: `EWSI_SMTP_URL: auth="magic"`},
		{url: "smtp://mail.example.org?verify=no", err: `EWSI_SMTP_URL: unknown option "verify"`},
	} {
		t.Run(tc.url, func(t *testing.T) {
			c, err := notify.ParseSMTPURL(tc.url)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || graph.ErrorCode(err) != graph.EINVALID {
					t.Fatalf("error %v, want INVALID saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Host != tc.host || c.Port != tc.port || c.Implicit != tc.implicit || c.User != tc.user || c.Password != tc.pass {
				t.Fatalf("got %+v", c)
			}
			if tc.pass != "" && strings.Contains(c.String(), tc.pass) {
				t.Errorf("the password shows in %q", c.String())
			}
		})
	}
}
