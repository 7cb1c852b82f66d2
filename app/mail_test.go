package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ewsi/app"
	"ewsi/graph"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

// TestMainMails: the server runs the mail worker. Without EWSI_SMTP_URL a
// notice becomes an .eml file in the outbox under the data folder, its link on
// the server's real address.
func TestMainMails(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	m := &app.Main{Config: config(t)}
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	n := graph.Notice{Key: "confirm:app", To: "léa@example.org", Lang: "fr", Template: "confirm-email",
		Data: map[string]any{"name": "Léa", "url": "/fr/account/confirm?token=t"}}
	if err := m.Mailer().Notify(ctx, n); err != nil {
		t.Fatal(err)
	}
	out, ok := m.Mailer().Transport().(notify.Outbox)
	if !ok || out.Dir != filepath.Join(m.Config.DB.DataDir, "outbox") {
		t.Fatalf("transport %v, want the outbox under the data folder", m.Mailer().Transport())
	}
	var raw []byte
	eventually(t, 20*time.Second, "the mail in the outbox", func() bool {
		var err error
		raw, err = os.ReadFile(out.Path(n.Key))
		return err == nil
	})
	got, err := smtptest.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "Confirmez votre adresse électronique" || !strings.Contains(got.Text, "http://"+m.Addr()+"/fr/account/confirm?token=t") {
		t.Errorf("subject %q, text:\n%s", got.Subject, got.Text)
	}
}
