package webmap_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"testing"

	"ewsi/auth"
	"ewsi/auth/authtest"
	"ewsi/graph"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

// The test server's accounts and mail: sessions over plain HTTP (the cookie
// without the __Host- prefix); mails recorded in Neo4j and delivered by the
// mailer's worker to a real SMTP server started here, whose messages the
// browser tests read at GET /test-mail?to=ADDRESS (a route of the test server
// only).

// testMailer starts the SMTP server and the mailer that delivers to it; the
// worker runs until ctx ends.
func testMailer(ctx context.Context, st graph.MailStore, log *slog.Logger) (*smtptest.Server, *notify.Mailer, error) {
	box, err := smtptest.New()
	if err != nil {
		return nil, nil, err
	}
	tr, err := notify.ParseSMTPURL(box.URL())
	if err != nil {
		return nil, nil, err
	}
	m, err := notify.New(notify.Config{Store: st, Transport: tr, From: "EWSI <no-reply@ewsi.test>", SiteURL: "http://ewsi.test",
		Log: log, Poll: 200 * time.Millisecond, Backoff: time.Second})
	if err != nil {
		return nil, nil, err
	}
	go m.Run(ctx)
	return box, m, nil
}

// testMail is one mail as the browser tests read it.
type testMail struct {
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	Text    string   `json:"text"`
	HTML    string   `json:"html"`
	Lang    string   `json:"lang"` // its Content-Language
}

// mailBox answers the mails that reached the SMTP server for ?to=, oldest first.
func mailBox(box *smtptest.Server) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out := []testMail{}
		for _, m := range box.To(r.URL.Query().Get("to")) {
			out = append(out, testMail{To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML, Lang: m.Header.Get("Content-Language")})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})
}

// newAccounts is the accounts service of the test server; the links of its
// mails are paths, which the mailer completes with its site address.
func newAccounts(st graph.Accounts, n graph.Notifier, log *slog.Logger) (*auth.Service, error) {
	return auth.New(auth.Config{Params: auth.TestParams(), Cookies: auth.Cookies{Insecure: true}, EditorToken: editorToken}, st, n, log)
}

// testAccounts makes the confirmed accounts the browser tests log in with
// (password authtest.Password): the coordinator of France, and a member for
// the site-wide pages; their addresses go to the tests in the environment.
func testAccounts(t *testing.T) []string {
	t.Helper()
	run := strings.ToLower(t.Name()) + "." + time.Now().Format("150405.000000") // TestBrowser and TestSite make theirs at once
	coord := "coordinator.fr." + run + "@browser-tests.example"
	member := "site.member." + run + "@browser-tests.example"
	authtest.Account(t, db.Store, coord, []graph.Role{graph.RoleCoordinator}, []string{"FR"})
	authtest.Account(t, db.Store, member, nil, nil)
	return []string{"EWSI_COORDINATOR_EMAIL=" + coord, "EWSI_COORDINATOR_PASSWORD=" + authtest.Password,
		"EWSI_MEMBER_EMAIL=" + member, "EWSI_MEMBER_PASSWORD=" + authtest.Password}
}
