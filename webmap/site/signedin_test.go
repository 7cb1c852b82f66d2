package site_test

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/webmap/site"
)

// TestHeaderLoginOrAccount: the header links to the login without a session
// and to the account with one, in the page's language; the page never names
// who is logged in. A SignedIn hook overrides the cookie's presence.
func TestHeaderLoginOrAccount(t *testing.T) {
	h := mux(newSite(t))
	root, _ := neo4jtest.RepoRoot()
	never, err := site.New(site.Config{WebDir: filepath.Join(root, "build", "web"), SignedIn: func(*http.Request) bool { return false }})
	if err != nil {
		t.Fatal(err)
	}
	cookie := map[string]string{"Cookie": site.SessionCookie + "=abc123"}
	for _, tc := range []struct {
		name    string
		h       http.Handler
		target  string
		header  map[string]string
		want    []string
		notWant []string
	}{
		{"visitor en", h, "/about?lang=en", nil, []string{`href="/login" id="header-login"`, `>Log in</a>`}, []string{`id="header-account"`}},
		{"visitor fr", h, "/people?lang=fr", nil, []string{`id="header-login"`, `>Se connecter</a>`}, []string{`id="header-account"`}},
		{"session de", h, "/about?lang=de", cookie, []string{`href="/account" id="header-account"`, `>Mein Konto</a>`}, []string{`id="header-login"`}},
		{"on the account page", h, "/account?lang=en", cookie, []string{`id="header-account" aria-current="page"`}, nil},
		{"on the login page", h, "/login?lang=en", nil, []string{`id="header-login" aria-current="page"`}, nil},
		{"plain-http cookie", h, "/about?lang=en", map[string]string{"Cookie": site.InsecureSessionCookie + "=abc123"}, []string{`id="header-account"`}, []string{`id="header-login"`}},
		{"another cookie", h, "/about?lang=en", map[string]string{"Cookie": "ewsi_lang=fr; other_session=abc123"}, []string{`id="header-login"`}, []string{`id="header-account"`}},
		{"empty cookie", h, "/about?lang=en", map[string]string{"Cookie": site.SessionCookie + "="}, []string{`id="header-login"`}, []string{`id="header-account"`}},
		{"hook says no", mux(never), "/about?lang=en", cookie, []string{`id="header-login"`}, []string{`id="header-account"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, tc.h, tc.target, tc.header)
			body := w.Body.String()
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(body, s) {
					t.Errorf("the page has %s", s)
				}
			}
			if strings.Contains(body, "abc123") {
				t.Error("the page shows the session cookie's value")
			}
		})
	}
}

// TestAccountPagesServed: each page of people and accounts answers in three
// languages with its title, and its form where it has one; the confirm and
// reset pages carry the link's token into their form, escaped.
func TestAccountPagesServed(t *testing.T) {
	h := mux(newSite(t))
	for _, tc := range []struct {
		target string
		want   []string
	}{
		{"/register?lang=fr", []string{`<h1 class="ecl-page-header__title" id="page-title">Créer un compte</h1>`, `id="register-form"`, `id="r-lang-fr" name="languages" value="fr" checked`}},
		{"/register?lang=de", []string{`id="r-lang-de" name="languages" value="de" checked`, `id="r-share" name="share" value="yes" aria-describedby`}},
		{"/login?lang=de", []string{`>Anmeldung</h1>`, `autocomplete="current-password"`}},
		{"/account/confirm?lang=en&token=ab%22%3Ccd", []string{`id="confirm-form"`, `name="token" value="ab&#34;&lt;cd"`}},
		{"/account/confirm?lang=en", []string{`This page opens from the link in your email.`}},
		{"/account/reset?lang=en", []string{`data-step="ask"`}},
		{"/account/reset?lang=en&token=t1", []string{`data-step="set"`, `name="token" value="t1"`}},
		{"/account/email?lang=de&token=t2", []string{`id="confirm-form"`, `name="token" value="t2"`}},
		{"/account?lang=fr", []string{`>Mon compte</h1>`, `id="account-signin" hidden`, `href="/login?next=%2Faccount"`}},
		{"/people?lang=en&language=pl", []string{`>People</h1>`, `<option value="pl" selected lang="pl">polski</option>`}},
		{"/people?lang=en&id=person:x", []string{`id="person" aria-busy="true" data-id="person:x"`}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			w := get(t, h, tc.target, nil)
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			for _, s := range tc.want {
				if !strings.Contains(w.Body.String(), s) {
					t.Errorf("the page lacks %s", s)
				}
			}
		})
	}
}
