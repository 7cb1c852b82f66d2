package webmap_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"ewsi/auth"
	"ewsi/auth/authtest"
	"ewsi/graph"
)

// The test server's accounts: sessions over plain HTTP (the cookie without
// the __Host- prefix), mails into a box the browser tests read at
// GET /test-mail?to=ADDRESS (a route of the test server only).

// mailBox keeps the notices the accounts send, by recipient.
type mailBox struct {
	mu      sync.Mutex
	notices []auth.Notice
}

// Notify records n.
func (b *mailBox) Notify(_ context.Context, n auth.Notice) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.notices = append(b.notices, n)
	return nil
}

// testMail is one mail as the browser tests read it.
type testMail struct {
	To       string `json:"to"`
	Subject  string `json:"subject"`
	Text     string `json:"text"`
	Lang     string `json:"lang"`
	Template string `json:"template"`
}

// ServeHTTP answers the mails to ?to= as JSON, oldest first.
func (b *mailBox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	to := r.URL.Query().Get("to")
	b.mu.Lock()
	out := []testMail{}
	for _, n := range b.notices {
		if strings.EqualFold(n.To, to) {
			link, _ := n.Data["link"].(string)
			out = append(out, testMail{To: n.To, Subject: n.Template, Text: link, Lang: strings.ToLower(n.Lang), Template: n.Template})
		}
	}
	b.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// newAccounts is the accounts service of the test server; links in mails start with site.
func newAccounts(st graph.Accounts, n auth.Notifier, log *slog.Logger) (*auth.Service, error) {
	return auth.New(auth.Config{SiteURL: "http://ewsi.test", Cookies: auth.Cookies{Insecure: true}, EditorToken: editorToken}, st, n, log)
}

// testAccounts makes the confirmed accounts the browser tests log in with
// (password authtest.Password): the coordinator of France, and a member for
// the site-wide pages; their addresses go to the tests in the environment.
func testAccounts(t *testing.T) []string {
	t.Helper()
	run := time.Now().Format("150405.000000")
	coord := "coordinator.fr." + run + "@browser-tests.example"
	member := "site.member." + run + "@browser-tests.example"
	authtest.Account(t, db.Store, coord, []graph.Role{graph.RoleCoordinator}, []string{"FR"})
	authtest.Account(t, db.Store, member, nil, nil)
	return []string{"EWSI_COORDINATOR_EMAIL=" + coord, "EWSI_COORDINATOR_PASSWORD=" + authtest.Password,
		"EWSI_MEMBER_EMAIL=" + member, "EWSI_MEMBER_PASSWORD=" + authtest.Password}
}
