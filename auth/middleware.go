package auth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"

	"ewsi/graph"
)

// request is what the middleware leaves in a request's context for the flows
// that start or end a session: the response to set the cookie on, whether the
// request came from another site, the client's address and the session's hash.
type request struct {
	w           http.ResponseWriter
	crossSite   bool
	ip          string
	sessionHash string
}

type requestKey struct{}

func requestFrom(ctx context.Context) *request {
	r, _ := ctx.Value(requestKey{}).(*request)
	return r
}

// ClientIP is the client's address as the middleware was told it ("" outside a request).
func ClientIP(ctx context.Context) string {
	if r := requestFrom(ctx); r != nil {
		return r.ip
	}
	return ""
}

type credentialErrorKey struct{}

// CredentialError is the error of a request whose bearer token is not valid
// (nil for any other): it runs as a visitor, and the GraphQL edge answers
// every operation of it with this error once the rate limiter has counted its
// key checks.
func CredentialError(ctx context.Context) error {
	err, _ := ctx.Value(credentialErrorKey{}).(error)
	return err
}

// badBearer is the request's context carrying the credential error.
func badBearer(ctx context.Context, err error) context.Context {
	return context.WithValue(ctx, credentialErrorKey{}, err)
}

// Middleware puts the request's actor into its context: the person of a live
// session cookie, or of an API token (Authorization: Bearer ewsi_...), or the
// bootstrap editor token's editor, or a visitor. clientIP names the client as
// the edge trusts it (behind proxies). Cross-site protection: a state-changing
// request that carries the session cookie from another site is refused (Go's
// http.CrossOriginProtection decides what is cross-site); one without the
// cookie runs as a visitor and cannot set a session cookie, so a page of
// another site can neither act as the person nor log the browser in.
func (s *Service) Middleware(clientIP func(*http.Request) string, next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		st := &request{w: w, ip: clientIP(r), crossSite: cop.Check(r) != nil}
		ctx = context.WithValue(ctx, requestKey{}, st)
		actor, status, err := s.actor(ctx, r, st)
		switch {
		case err != nil && status == http.StatusUnauthorized:
			actor, ctx = &graph.Actor{}, badBearer(ctx, err)
		case err != nil:
			if status >= 500 {
				s.log.Error("auth", "err", err)
			}
			writeError(w, status, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(graph.WithActor(ctx, actor)))
	})
}

// actor resolves the credentials of r; a status and error when they are bad.
func (s *Service) actor(ctx context.Context, r *http.Request, st *request) (*graph.Actor, int, error) {
	now := s.now()
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, secret, _ := strings.Cut(h, " ")
		secret = strings.TrimSpace(secret)
		if !strings.EqualFold(scheme, "Bearer") || secret == "" {
			return nil, http.StatusUnauthorized, graph.Errorf(graph.EUNAUTH, "Authorization", "send Authorization: Bearer <API token>")
		}
		if s.cfg.EditorToken != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(s.cfg.EditorToken)) == 1 {
			return editorActor(), 0, nil
		}
		ipKey := key("token:ip", st.ip)
		if err := s.throttled(ctx, ipKey); err != nil {
			return nil, http.StatusTooManyRequests, err
		}
		var a *graph.Actor
		if isAPIToken(secret) {
			var err error
			if a, err = s.store.TokenActor(ctx, HashSecret(secret), now, touchEvery); err != nil {
				return nil, http.StatusServiceUnavailable, err
			}
		}
		if a == nil {
			if _, err := s.hit(ctx, s.cfg.Rules.TokenIP, ipKey); err != nil {
				return nil, http.StatusServiceUnavailable, err
			}
			return nil, http.StatusUnauthorized, graph.Errorf(graph.EUNAUTH, "Authorization", "the API token is not valid (revoked, or mistyped)")
		}
		return a, 0, nil
	}
	id := s.cfg.Cookies.Read(r)
	if id == "" {
		return &graph.Actor{}, 0, nil
	}
	if st.crossSite {
		return nil, http.StatusForbidden, graph.Errorf(graph.EFORBIDDEN, "", "a request from another site cannot act for a logged-in person")
	}
	st.sessionHash = HashSecret(id)
	if a, ok := s.sessions.get(st.sessionHash, now); ok {
		return a, 0, nil
	}
	a, err := s.store.SessionActor(ctx, st.sessionHash, now, touchEvery)
	if err != nil {
		return nil, http.StatusServiceUnavailable, err
	}
	if a == nil { // expired or ended elsewhere: a visitor, and the cookie goes
		s.cfg.Cookies.Clear(st.w)
		st.sessionHash = ""
		return &graph.Actor{}, 0, nil
	}
	a.Session = st.sessionHash
	s.sessions.put(st.sessionHash, a, now)
	return a, 0, nil
}

// writeError answers a request refused at the edge, as JSON both GraphQL
// clients (errors[].extensions.code) and others (code) read.
func writeError(w http.ResponseWriter, status int, err error) {
	code, msg := graph.ErrorCode(err), graph.ErrorMessage(err)
	if status >= 500 {
		code, msg = graph.EUNAVAIL, "accounts are unavailable; try again shortly"
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":%q}}],"code":%q,"description":%q}`+"\n", msg, code, code, msg)
}

// StartSession logs personID in: a new session, its cookie on the response.
// A request from another site cannot (login cross-site request forgery).
func (s *Service) StartSession(ctx context.Context, personID string) error {
	st := requestFrom(ctx)
	if st == nil {
		return graph.Errorf(graph.EINTERNAL, "", "no HTTP request to set the session cookie on")
	}
	if st.crossSite {
		return graph.Errorf(graph.EFORBIDDEN, "", "log in on the site itself, not from another site")
	}
	if st.sessionHash != "" { // a new id at each login: no fixation
		if err := s.store.DeleteSession(ctx, st.sessionHash); err != nil {
			return err
		}
		s.sessions.forget(st.sessionHash)
	}
	id, hash, err := newSecret()
	if err != nil {
		return err
	}
	now := s.now()
	expires := now.Add(s.cfg.SessionTTL)
	if err := s.store.CreateSession(ctx, graph.Session{IDHash: hash, PersonID: personID, Created: now, Expires: expires}); err != nil {
		return err
	}
	st.sessionHash = hash
	s.cfg.Cookies.Set(st.w, id, expires)
	// the rest of the request (the fields of login's answer) runs as the person
	a, err := s.store.SessionActor(ctx, hash, now, touchEvery)
	if err != nil || a == nil {
		return err
	}
	a.Session = hash
	*graph.ActorFrom(ctx) = *a
	return nil
}

// EndSession ends the request's session and clears its cookie.
func (s *Service) EndSession(ctx context.Context) error {
	st := requestFrom(ctx)
	if st == nil || st.sessionHash == "" {
		return nil
	}
	if err := s.store.DeleteSession(ctx, st.sessionHash); err != nil {
		return err
	}
	s.sessions.forget(st.sessionHash)
	st.sessionHash = ""
	s.cfg.Cookies.Clear(st.w)
	return nil
}

// asVisitor makes the rest of the request run as a visitor.
func asVisitor(ctx context.Context) { *graph.ActorFrom(ctx) = graph.Actor{} }

// EndAllSessions ends every session of the person, this one's cookie cleared.
func (s *Service) EndAllSessions(ctx context.Context, personID string) error {
	if err := s.store.DeleteSessions(ctx, personID); err != nil {
		return err
	}
	s.sessions.forgetPerson(personID)
	if st := requestFrom(ctx); st != nil && st.sessionHash != "" {
		st.sessionHash = ""
		s.cfg.Cookies.Clear(st.w)
		asVisitor(ctx)
	}
	return nil
}
