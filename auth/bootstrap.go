package auth

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"ewsi/graph"
)

// BootstrapMiddleware is the actor middleware of a server without accounts:
// the bootstrap editor token (EWSI_EDITOR_TOKEN) acts as an editor, any other
// bearer is refused, and everyone else is a visitor.
func BootstrapMiddleware(editorToken string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := &graph.Actor{}
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, secret, _ := strings.Cut(h, " ")
			secret = strings.TrimSpace(secret)
			if !strings.EqualFold(scheme, "Bearer") || editorToken == "" ||
				subtle.ConstantTimeCompare([]byte(secret), []byte(editorToken)) != 1 {
				writeError(w, http.StatusUnauthorized, graph.Errorf(graph.EUNAUTH, "Authorization", "the bearer token is not valid"))
				return
			}
			a = editorActor()
		}
		next.ServeHTTP(w, r.WithContext(graph.WithActor(r.Context(), a)))
	})
}

// editorActor is the bootstrap editor token's actor: an editor without an
// account, scoped to editing.
func editorActor() *graph.Actor {
	return &graph.Actor{Roles: []graph.Role{graph.RoleEditor}, Scope: graph.ScopeEdit}
}
