package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
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
// the server's real address; a registration in French through GraphQL mails a
// French confirmation whose link confirms the address.
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

	// register through GraphQL; the accounts' confirmation comes out of the outbox
	gql := func(query string, vars map[string]any) map[string]any {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		res, err := http.Post("http://"+m.Addr()+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if out["errors"] != nil {
			t.Fatalf("%s: %v", query, out["errors"])
		}
		return out["data"].(map[string]any)
	}
	gql(`mutation($in: RegisterInput!) { register(input: $in, lang: FR) }`,
		map[string]any{"in": map[string]any{"name": "Chloé Martin", "email": "chloe@example.org", "password": "un long mot de passe"}})
	var confirm smtptest.Message
	eventually(t, 20*time.Second, "the confirmation in the outbox", func() bool {
		list, err := notify.ReadOutbox(out.Dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if strings.Contains(e.To, "chloe@example.org") {
				raw, err := os.ReadFile(e.Path)
				if err != nil {
					t.Fatal(err)
				}
				if confirm, err = smtptest.Parse(raw); err != nil {
					t.Fatal(err)
				}
				return true
			}
		}
		return false
	})
	if confirm.Subject != "Confirmez votre adresse électronique" || !strings.Contains(confirm.Text, "Bonjour Chloé Martin,") {
		t.Errorf("confirmation: subject %q, text:\n%s", confirm.Subject, confirm.Text)
	}
	link := regexp.MustCompile(`http://\S+/account/confirm\?\S+`).FindString(confirm.Text)
	u, err := url.Parse(link)
	if err != nil || u.Host != m.Addr() || u.Query().Get("token") == "" {
		t.Fatalf("no confirmation link on the server's address in:\n%s", confirm.Text)
	}
	if !strings.Contains(confirm.HTML, `href="`+html.EscapeString(link)+`"`) {
		t.Errorf("the HTML part lacks the link %s:\n%s", link, confirm.HTML)
	}
	if ok := gql(`mutation($t: String!) { confirmEmail(token: $t) }`, map[string]any{"t": u.Query().Get("token")}); ok["confirmEmail"] != true {
		t.Errorf("the mailed token does not confirm the address: %v", ok)
	}
}
