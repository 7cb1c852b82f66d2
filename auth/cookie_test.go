package auth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
)

func TestSessionCookieFlags(t *testing.T) {
	cases := []struct {
		name     string
		c        Cookies
		wantName string
		secure   bool
	}{
		{"behind TLS", Cookies{}, "__Host-ewsi_session", true},
		{"plain http", Cookies{Insecure: true}, "ewsi_session", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			c.c.Set(w, "abc", time.Now().Add(time.Hour))
			set := w.Header().Get("Set-Cookie")
			for _, want := range []string{c.wantName + "=abc", "Path=/", "HttpOnly", "SameSite=Lax"} {
				if !strings.Contains(set, want) {
					t.Errorf("Set-Cookie %q lacks %q", set, want)
				}
			}
			if strings.Contains(set, "Secure") != c.secure || strings.Contains(set, "Domain") {
				t.Errorf("Set-Cookie %q: Secure should be %v and no Domain", set, c.secure)
			}
			w = httptest.NewRecorder()
			c.c.Clear(w)
			if set := w.Header().Get("Set-Cookie"); !strings.Contains(set, c.wantName+"=;") || !strings.Contains(set, "Max-Age=0") {
				t.Errorf("clearing: %q", set)
			}
		})
	}
}

// TestCrossSiteRequestsCannotUseTheSession: a state-changing request from
// another site that carries the session cookie is refused before anything
// reads the session; the same request from the site itself, or a read, or one
// without the cookie, passes on.
func TestCrossSiteRequestsCannotUseTheSession(t *testing.T) {
	svc, err := New(Config{Params: TestParams(), Cookies: Cookies{Insecure: true}}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reached *graph.Actor
	h := svc.Middleware(func(*http.Request) string { return "192.0.2.1" }, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = graph.ActorFrom(r.Context())
		w.WriteHeader(http.StatusNoContent)
	}))
	cases := []struct {
		name, method string
		headers      map[string]string
		cookie       bool
		status       int
	}{
		{"cross-site POST with the cookie", "POST", map[string]string{"Sec-Fetch-Site": "cross-site"}, true, http.StatusForbidden},
		{"cross-origin POST with the cookie (Origin only)", "POST", map[string]string{"Origin": "https://evil.example"}, true, http.StatusForbidden},
		{"cross-site POST without the cookie", "POST", map[string]string{"Sec-Fetch-Site": "cross-site"}, false, http.StatusNoContent},
		{"cross-site GET without the cookie", "GET", map[string]string{"Sec-Fetch-Site": "cross-site"}, false, http.StatusNoContent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reached = nil
			r := httptest.NewRequest(c.method, "http://ewsi.test/graphql", strings.NewReader("{}"))
			for k, v := range c.headers {
				r.Header.Set(k, v)
			}
			if c.cookie {
				r.AddCookie(&http.Cookie{Name: "ewsi_session", Value: "some-session"})
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %s", w.Code, c.status, w.Body)
			}
			if c.status == http.StatusForbidden {
				if reached != nil || !strings.Contains(w.Body.String(), `"code":"FORBIDDEN"`) {
					t.Errorf("refused request reached the handler or lacks the code: %s", w.Body)
				}
			} else if reached == nil || reached.PersonID != "" {
				t.Errorf("actor %+v, want a visitor", reached)
			}
		})
	}
}
