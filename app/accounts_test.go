package app_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"ewsi/app"
	"ewsi/notify/smtptest"
)

// TestMainAccounts: the assembled server registers a person in French, the
// confirmation mail lands in the outbox in French with its link on the
// server's address, following it confirms the account, and logging in sets
// the session cookie that `me` then reads (plain http: EWSI_INSECURE_COOKIE).
func TestMainAccounts(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cfg := config(t)
	cfg.Accounts.InsecureCookie = true
	m := &app.Main{Config: cfg}
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	gql := func(query string, vars map[string]any) map[string]any {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		resp, err := client.Post("http://"+m.Addr()+"/graphql", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data   map[string]any
			Errors []any
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
			t.Fatalf("%s: %v %v", query, out.Errors, err)
		}
		return out.Data
	}
	gql(`mutation { register(input: {name: "Léa Roux", email: "lea.roux@example.net", password: "un mot de passe long"}, lang: FR) }`, nil)
	var msg smtptest.Message
	eventually(t, 30*time.Second, "the confirmation mail in the outbox", func() bool {
		files, _ := filepath.Glob(filepath.Join(cfg.DB.DataDir, "outbox", "*.eml"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			if got, err := smtptest.Parse(raw); err == nil && len(got.To) == 1 && got.To[0] == "lea.roux@example.net" {
				msg = got
				return true
			}
		}
		return false
	})
	link := regexp.MustCompile(`http://[^\s]+/account/confirm\?[^\s]+`).FindString(msg.Text)
	u, err := url.Parse(link)
	if err != nil || u.Host != m.Addr() || u.Query().Get("lang") != "fr" || u.Query().Get("token") == "" || msg.Subject != "Confirmez votre adresse électronique" {
		t.Fatalf("mail %q, link %q in:\n%s", msg.Subject, link, msg.Text)
	}
	gql(`mutation($t: String!) { confirmEmail(token: $t) }`, map[string]any{"t": u.Query().Get("token")})
	gql(`mutation { login(email: "lea.roux@example.net", password: "un mot de passe long") { id } }`, nil)
	if me := gql(`{ me { email lang } }`, nil); me["me"] == nil || me["me"].(map[string]any)["email"] != "lea.roux@example.net" {
		t.Errorf("me after login: %v", me)
	}
}
