package auth

import (
	"net/http"
	"time"
)

// Cookies names and writes the session cookie: `__Host-ewsi_session`, Secure,
// Path=/, HttpOnly, SameSite=Lax. Insecure (plain-http tests and development
// without TLS) drops Secure and with it the `__Host-` prefix, which browsers
// accept only on Secure cookies: the name is then `ewsi_session`.
type Cookies struct {
	Insecure bool
}

// Name is the session cookie's name.
func (c Cookies) Name() string {
	if c.Insecure {
		return "ewsi_session"
	}
	return "__Host-ewsi_session"
}

// Set writes the session cookie for id, expiring at expires.
func (c Cookies) Set(w http.ResponseWriter, id string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{Name: c.Name(), Value: id, Path: "/", Expires: expires.UTC(),
		MaxAge: int(time.Until(expires).Seconds()), HttpOnly: true, Secure: !c.Insecure, SameSite: http.SameSiteLaxMode})
}

// Clear removes the session cookie.
func (c Cookies) Clear(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: c.Name(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: !c.Insecure, SameSite: http.SameSiteLaxMode})
}

// Read returns the session id the request carries, "" for none.
func (c Cookies) Read(r *http.Request) string {
	k, err := r.Cookie(c.Name())
	if err != nil {
		return ""
	}
	return k.Value
}
