package auth

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"ewsi/graph"
)

// BootstrapMiddleware is the actor middleware of a server without accounts:
// the bootstrap editor token (EWSI_EDITOR_TOKEN) acts as an editor, any other
// bearer is a CredentialError, and everyone else is a visitor.
func BootstrapMiddleware(editorToken string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ctx := &graph.Actor{}, r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, secret, _ := strings.Cut(h, " ")
			secret = strings.TrimSpace(secret)
			if !strings.EqualFold(scheme, "Bearer") || editorToken == "" ||
				subtle.ConstantTimeCompare([]byte(secret), []byte(editorToken)) != 1 {
				ctx = badBearer(ctx, graph.Errorf(graph.EUNAUTH, "Authorization", "the bearer token is not valid"))
			} else {
				a = editorActor()
			}
		}
		next.ServeHTTP(w, r.WithContext(graph.WithActor(ctx, a)))
	})
}

// editorActor is the bootstrap editor token's actor: an editor without an
// account, scoped to editing.
func editorActor() *graph.Actor {
	return &graph.Actor{Roles: []graph.Role{graph.RoleEditor}, Scope: graph.ScopeEdit}
}
