package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/auth"
	"ewsi/auth/authtest"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/server"
)

// accountsAPI is a server with accounts over the test database: cheap
// argon2id parameters, a recording notifier, and the plain-http cookie name.
// The per-client throttles are high: every test client is 127.0.0.1.
type accountsAPI struct {
	srv     *httptest.Server
	mail    *authtest.Recorder
	cookies auth.Cookies
	svc     *auth.Service
}

func newAccountsAPI(t *testing.T) *accountsAPI {
	t.Helper()
	root, _ := neo4jtest.RepoRoot()
	var logTo io.Writer = io.Discard
	if os.Getenv("EWSI_TEST_LOG") != "" {
		logTo = os.Stderr
	}
	log := slog.New(slog.NewTextHandler(logTo, nil))
	rules := auth.DefaultRules()
	rules.LoginIP.Limit, rules.Register.Limit, rules.ResetIP.Limit, rules.TokenIP.Limit = 10000, 10000, 10000, 10000
	a := &accountsAPI{mail: &authtest.Recorder{}, cookies: auth.Cookies{Insecure: true}}
	svc, err := auth.New(auth.Config{Params: auth.TestParams(), SiteURL: "http://site.test", Cookies: a.cookies,
		Rules: rules, EditorToken: "bootstrap-editor-token"}, db.Store, a.mail, log)
	if err != nil {
		t.Fatal(err)
	}
	a.svc = svc
	a.srv = httptest.NewServer(server.New(server.Config{WebDir: filepath.Join(root, "build", "web"), Accounts: svc,
		Partners: db.Ranker, Edge: unlimited}, db.Store, log).Handler())
	t.Cleanup(a.srv.Close)
	return a
}

// browser is a client with its own cookie jar.
type browser struct {
	t      *testing.T
	api    *accountsAPI
	client *http.Client
	header http.Header // sent with every request
}

func (a *accountsAPI) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, api: a, client: &http.Client{Jar: jar}, header: http.Header{}}
}

// exchange posts a GraphQL request and returns the decoded answer and the response.
func (b *browser) exchange(query string, vars map[string]any) (gqlResponse, *http.Response) {
	b.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", b.api.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range b.header {
		req.Header[k] = v
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		b.t.Fatalf("%d %s: %v", resp.StatusCode, raw, err)
	}
	out.status = resp.StatusCode
	return out, resp
}

func (b *browser) gql(query string, vars map[string]any) gqlResponse {
	b.t.Helper()
	out, _ := b.exchange(query, vars)
	return out
}

// data fails the test on errors and returns the data.
func (b *browser) data(query string, vars map[string]any) map[string]any {
	b.t.Helper()
	return mustData(b.t, b.gql(query, vars))
}

// code is the code of the first error ("" for none) and its message.
func code(r gqlResponse) (string, string) {
	if len(r.Errors) == 0 {
		return "", ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c, r.Errors[0].Message
}

func wantErr(t *testing.T, what string, r gqlResponse, wantCode, mention string) {
	t.Helper()
	c, msg := code(r)
	if c != wantCode || !strings.Contains(msg, mention) {
		t.Errorf("%s: got %q %q, want %s mentioning %q", what, c, msg, wantCode, mention)
	}
}

const (
	registerQ = `mutation($input: RegisterInput!, $lang: Lang) { register(input: $input, lang: $lang) }`
	loginQ    = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id email name lang } }`
	meQ       = `{ me { id email name emailConfirmed lang languages shareDetails roles } }`
)

func registration(name, email string) map[string]any {
	return map[string]any{"name": name, "email": email, "password": "mot de passe solide", "languages": []string{"FR", "ar"}}
}

// register registers and confirms an account through the API and returns a
// browser logged in as it.
func (a *accountsAPI) register(t *testing.T, name, email string) *browser {
	t.Helper()
	b := a.browser(t)
	b.data(registerQ, map[string]any{"input": registration(name, email), "lang": "FR"})
	b.data(`mutation($t: String!) { confirmEmail(token: $t) }`, map[string]any{"t": a.mail.Token(t, auth.TemplateConfirmEmail, email)})
	b.data(loginQ, map[string]any{"e": email, "p": "mot de passe solide"})
	return b
}

func TestRegisterConfirmLoginLogout(t *testing.T) {
	a := newAccountsAPI(t)
	b := a.browser(t)
	email := "Claire.Martin@Example.ORG"
	if d := b.data(registerQ, map[string]any{"input": registration("Claire Martin", email), "lang": "FR"}); d["register"] != true {
		t.Fatalf("register: %v", d)
	}
	mails := a.mail.To(auth.TemplateConfirmEmail, "claire.martin@example.org")
	if len(mails) != 1 || mails[0].Lang != "fr" || !strings.HasPrefix(mails[0].Data["url"].(string), "http://site.test/account/confirm?lang=fr&token=") {
		t.Fatalf("confirmation mails: %+v", mails)
	}
	wantErr(t, "login before confirming", b.gql(loginQ, map[string]any{"e": email, "p": "mot de passe solide"}), "FORBIDDEN", "confirm your email")
	token := a.mail.Token(t, auth.TemplateConfirmEmail, "claire.martin@example.org")
	b.data(`mutation($t: String!) { confirmEmail(token: $t) }`, map[string]any{"t": token})
	wantErr(t, "the same link twice", b.gql(`mutation($t: String!) { confirmEmail(token: $t) }`, map[string]any{"t": token}), "NOT_FOUND", "token")

	out, resp := b.exchange(loginQ, map[string]any{"e": "claire.martin@example.org", "p": "mot de passe solide"})
	if c, msg := code(out); c != "" {
		t.Fatalf("login: %s %s", c, msg)
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "ewsi_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" || session.Value == "" {
		t.Fatalf("session cookie: %+v", session)
	}
	if dig(out.Data, "login", "email") != "claire.martin@example.org" || dig(out.Data, "login", "lang") != "FR" {
		t.Errorf("login's answer (read as the person just logged in): %v", out.Data)
	}
	if n := count(t, "MATCH (s:Session) WHERE s.idHash = $h RETURN count(s) AS c", map[string]any{"h": auth.HashSecret(session.Value)}); n != 1 {
		t.Errorf("%d sessions stored under the hash of the cookie, want 1", n)
	}
	if n := count(t, "MATCH (s:Session) WHERE s.idHash = $v RETURN count(s) AS c", map[string]any{"v": session.Value}); n != 0 {
		t.Errorf("the session id itself is stored")
	}
	me := b.data(meQ, nil)
	if dig(me, "me", "email") != "claire.martin@example.org" || dig(me, "me", "emailConfirmed") != true ||
		dig(me, "me", "shareDetails") != false || !strings.Contains(strings.Join(toStrings(dig(me, "me", "languages")), ","), "fr,ar") {
		t.Errorf("me: %v", me)
	}
	if d := b.data(`mutation { logout }`, nil); d["logout"] != true {
		t.Fatalf("logout: %v", d)
	}
	if me := b.data(meQ, nil); me["me"] != nil {
		t.Errorf("me after logout: %v", me)
	}
	replay := a.browser(t)
	replay.header.Set("Cookie", "ewsi_session="+session.Value)
	if me := replay.data(meQ, nil); me["me"] != nil {
		t.Errorf("the ended session's cookie still works: %v", me)
	}
}

func toStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func TestMessagesDoNotTellWhoIsRegistered(t *testing.T) {
	a := newAccountsAPI(t)
	a.register(t, "Known Person", "known@example.net")
	b := a.browser(t)
	unknownLogin := b.gql(loginQ, map[string]any{"e": "nobody@example.net", "p": "mot de passe solide"})
	wrongPassword := b.gql(loginQ, map[string]any{"e": "known@example.net", "p": "not the password"})
	for _, r := range []gqlResponse{unknownLogin, wrongPassword} {
		wantErr(t, "failed login", r, "UNAUTHENTICATED", "the email address or the password is wrong")
	}
	if unknownLogin.Errors[0].Message != wrongPassword.Errors[0].Message {
		t.Errorf("unknown email %q and wrong password %q answer differently", unknownLogin.Errors[0].Message, wrongPassword.Errors[0].Message)
	}
	cases := []struct {
		name, query string
		vars        map[string]any
	}{
		{"register a known address", registerQ, map[string]any{"input": registration("Again", "known@example.net")}},
		{"register a new address", registerQ, map[string]any{"input": registration("New", "new-one@example.net")}},
		{"reset a known address", `mutation($e: String!) { requestPasswordReset(email: $e) }`, map[string]any{"e": "known@example.net"}},
		{"reset an unknown address", `mutation($e: String!) { requestPasswordReset(email: $e) }`, map[string]any{"e": "unknown@example.net"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := b.gql(c.query, c.vars)
			if len(r.Errors) > 0 || len(r.Data) != 1 {
				t.Fatalf("%+v", r)
			}
			for _, v := range r.Data {
				if v != true {
					t.Errorf("answer %v, want true", v)
				}
			}
		})
	}
	if n := len(a.mail.To(auth.TemplateConfirmEmail, "known@example.net")); n != 1 {
		t.Errorf("%d confirmation mails to the known address, want the first registration's only", n)
	}
	resets := a.mail.To(auth.TemplateResetPassword, "known@example.net")
	if len(resets) != 2 {
		t.Errorf("reset mails to the known address: %+v", resets)
	}
	if n := len(a.mail.To(auth.TemplateResetPassword, "unknown@example.net")); n != 0 {
		t.Errorf("%d reset mails to an unknown address", n)
	}
	if n := count(t, "MATCH (p:Person) WHERE p.email = 'known@example.net' RETURN count(p) AS c", nil); n != 1 {
		t.Errorf("%d accounts for the known address", n)
	}
}

func TestLoginLocksAfterFailuresWithBackoff(t *testing.T) {
	a := newAccountsAPI(t)
	a.register(t, "Locked Out", "locked@example.net")
	b := a.browser(t)
	for i := 1; i <= 4; i++ {
		wantErr(t, "wrong password", b.gql(loginQ, map[string]any{"e": "locked@example.net", "p": "wrong password"}), "UNAUTHENTICATED", "wrong")
	}
	wantErr(t, "fifth wrong password", b.gql(loginQ, map[string]any{"e": "locked@example.net", "p": "wrong password"}), "RATE_LIMITED", "try again in")
	wantErr(t, "the right password while locked", b.gql(loginQ, map[string]any{"e": "locked@example.net", "p": "mot de passe solide"}), "RATE_LIMITED", "try again in")
	wantErr(t, "an unknown address is locked alike", func() gqlResponse {
		var r gqlResponse
		for i := 0; i < 5; i++ {
			r = b.gql(loginQ, map[string]any{"e": "ghost@example.net", "p": "wrong password"})
		}
		return r
	}(), "RATE_LIMITED", "try again in")
	rows, err := db.Store.Query(t.Context(), "MATCH (t:Throttle) WHERE t.key STARTS WITH 'login:email:' AND t.lockedUntil > datetime() RETURN t.key AS k, t.count AS n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Errorf("locked throttles: %v, want the two addresses", rows)
	}
	for _, r := range rows {
		if strings.Contains(r["k"].(string), "@") {
			t.Errorf("a throttle key holds an address: %v", r["k"])
		}
	}
}
