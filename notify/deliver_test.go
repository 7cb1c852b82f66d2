package notify_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

// TestSMTP sends a French confirmation through a real SMTP exchange in plain
// text, with STARTTLS and AUTH, and with TLS from the start and AUTH, and reads
// what arrived.
func TestSMTP(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts smtptest.Options
		tls  bool
	}{
		{"plain", smtptest.Options{}, false},
		{"starttls-auth", smtptest.Options{StartTLS: true, User: "ewsi", Password: "s3cret pass"}, true},
		{"implicit-tls-auth", smtptest.Options{Implicit: true, User: "ewsi", Password: "s3cret"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db.Reset(t)
			srv := smtptest.Start(t, tc.opts)
			m := mailer(t, smtpTransport(t, srv))
			ctx := context.Background()
			n := confirmFR("confirm:p1:"+tc.name, "amelie@example.org")
			if err := m.Notify(ctx, n); err != nil {
				t.Fatal(err)
			}
			if sent := m.DeliverDue(ctx); sent != 1 {
				t.Fatalf("sent %d mails, want 1", sent)
			}
			got, err := srv.WaitFor("amelie@example.org", 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			checks := []struct {
				what      string
				got, want any
			}{
				{"From", got.From, "no-reply@ewsi.test"},
				{"envelope from", got.EnvelopeFrom, "no-reply@ewsi.test"},
				{"To", strings.Join(got.To, ","), "amelie@example.org"},
				{"Subject", got.Subject, "Confirmez votre adresse électronique"},
				{"Content-Language", got.Header.Get("Content-Language"), "fr"},
				{"Message-ID", got.MessageID, m.MessageID(n.Key)},
				{"TLS", got.TLS, tc.tls},
				{"AUTH user", got.AuthUser, tc.opts.User},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
			link := "https://ewsi.test/fr/account/confirm?token=abc123"
			if !strings.Contains(got.Text, link) || !strings.Contains(got.Text, "Bonjour Amélie Dupont,") {
				t.Errorf("text part lacks the link or the greeting:\n%s", got.Text)
			}
			if !strings.Contains(got.HTML, `href="`+link+`"`) || !strings.Contains(got.HTML, `lang="fr"`) ||
				!strings.Contains(got.HTML, "Confirmer mon adresse électronique") {
				t.Errorf("HTML part lacks the link, the language or the button:\n%s", got.HTML)
			}
			if raw := string(got.Raw); !strings.Contains(raw, "Subject: =?UTF-8?") {
				t.Errorf("the subject is not sent as encoded words:\n%s", raw[:min(len(raw), 600)])
			}
			if st := mailByKey(t, n.Key); st.Status != graph.MailSent || st.Attempts != 1 || st.SentAt.IsZero() {
				t.Errorf("mail record %+v, want sent after 1 attempt", st)
			}
		})
	}
}

// TestSMTPWrongPassword: a refused AUTH is no delivery; the mail stays queued
// for a retry.
func TestSMTPWrongPassword(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t, smtptest.Options{StartTLS: true, User: "ewsi", Password: "right"})
	tr := smtpTransport(t, srv)
	tr.Password = "wrong"
	m := mailer(t, tr)
	n := confirmFR("confirm:wrongpass", "a@example.org")
	if err := m.Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	if sent := m.DeliverDue(context.Background()); sent != 0 {
		t.Fatalf("sent %d, want 0", sent)
	}
	if len(srv.Messages()) != 0 {
		t.Fatalf("the server accepted %d messages without a valid login", len(srv.Messages()))
	}
	if st := mailByKey(t, n.Key); st.Status != graph.MailQueued || st.Attempts != 1 || st.LastError == "" {
		t.Errorf("mail record %+v, want queued after 1 attempt with its error", st)
	}
}

// TestOutbox writes a German mail as an .eml file named by its key's hash and
// reads it back with net/mail and mime/multipart; a resend overwrites it.
func TestOutbox(t *testing.T) {
	db.Reset(t)
	dir := filepath.Join(t.TempDir(), "outbox")
	out := notify.Outbox{Dir: dir}
	m := mailer(t, out)
	ctx := context.Background()
	n := graph.Notice{Key: "reset:p2:h", To: "jonas@example.org", Lang: "de", Template: "reset-password",
		Data: map[string]any{"name": "Jonas Müller", "url": "https://ewsi.test/de/account/reset?token=xyz"}}
	if err := m.Notify(ctx, n); err != nil {
		t.Fatal(err)
	}
	if sent := m.DeliverDue(ctx); sent != 1 {
		t.Fatalf("sent %d, want 1", sent)
	}
	raw, err := os.ReadFile(out.Path(n.Key))
	if err != nil {
		t.Fatal(err)
	}
	got, err := smtptest.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "Wählen Sie ein neues Passwort" || got.Header.Get("Content-Language") != "de" ||
		got.From != "no-reply@ewsi.test" || strings.Join(got.To, ",") != "jonas@example.org" {
		t.Errorf("header: subject %q, language %q, from %q, to %v", got.Subject, got.Header.Get("Content-Language"), got.From, got.To)
	}
	if !strings.Contains(got.Text, "https://ewsi.test/de/account/reset?token=xyz") || !strings.Contains(got.Text, "Hallo Jonas Müller,") {
		t.Errorf("text part:\n%s", got.Text)
	}
	if !strings.Contains(got.HTML, `href="https://ewsi.test/de/account/reset?token=xyz"`) {
		t.Errorf("html part:\n%s", got.HTML)
	}
	list, err := notify.ReadOutbox(dir)
	if err != nil || len(list) != 1 || list[0].Subject != "Wählen Sie ein neues Passwort" || list[0].Lang != "de" || list[0].Path != out.Path(n.Key) {
		t.Errorf("ReadOutbox: %+v %v", list, err)
	}
	// a second delivery of the same key (the at-least-once window) replaces the file
	msg, err := m.Compose(n, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Deliver(ctx, n.Key, msg); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != filepath.Base(out.Path(n.Key)) {
		t.Errorf("outbox holds %v, want the one file %s (no temporary file left)", entries, filepath.Base(out.Path(n.Key)))
	}
	if fi, err := os.Stat(out.Path(n.Key)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the mail file is not private to the server's user: %v %v", fi.Mode(), err)
	}
}

// TestNotifyTwice: the same key twice (before and after the delivery) is one mail.
func TestNotifyTwice(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t)
	m := mailer(t, smtpTransport(t, srv))
	ctx := context.Background()
	n := confirmFR("confirm:twice", "twice@example.org")
	for range 2 {
		if err := m.Notify(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	m.DeliverDue(ctx)
	if err := m.Notify(ctx, n); err != nil { // after it was sent
		t.Fatal(err)
	}
	m.DeliverDue(ctx)
	if got := len(srv.To("twice@example.org")); got != 1 {
		t.Errorf("%d mails arrived, want 1", got)
	}
	other := confirmFR("confirm:twice:2", "twice@example.org")
	if err := m.Notify(ctx, other); err != nil {
		t.Fatal(err)
	}
	m.DeliverDue(ctx)
	if got := len(srv.To("twice@example.org")); got != 2 {
		t.Errorf("%d mails arrived after a second key, want 2", got)
	}
}
