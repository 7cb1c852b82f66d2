package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"ewsi/graph"
)

func TestBootstrapEditorToken(t *testing.T) {
	var actor *graph.Actor
	var credErr error
	h := BootstrapMiddleware("the-bootstrap-editor-token", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, credErr = graph.ActorFrom(r.Context()), CredentialError(r.Context())
	}))
	cases := []struct {
		name, header string
		editor       bool
		bad          bool
	}{
		{"no header", "", false, false},
		{"the token", "Bearer the-bootstrap-editor-token", true, false},
		{"the token, scheme in any case", "bearer the-bootstrap-editor-token", true, false},
		{"another token", "Bearer not-the-token", false, true},
		{"another scheme", "Basic dGhlLWJvb3RzdHJhcC1lZGl0b3ItdG9rZW4=", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", nil)
			if c.header != "" {
				r.Header.Set("Authorization", c.header)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if actor.Has(graph.RoleEditor) != c.editor || actor.Has(graph.RoleAdmin) || actor.PersonID != "" {
				t.Errorf("actor %+v, want editor %v and never admin", actor, c.editor)
			}
			if (credErr != nil) != c.bad || (c.bad && graph.ErrorCode(credErr) != graph.EUNAUTH) {
				t.Errorf("credential error %v, want one: %v", credErr, c.bad)
			}
			if c.editor && actor.Scope != graph.ScopeEdit {
				t.Errorf("scope %q, want edit", actor.Scope)
			}
		})
	}
	if err := graph.Authorize(graph.WithActor(t.Context(), editorActor()), "Mutation.grantRole", graph.Subject{}); graph.ErrorCode(err) != graph.EFORBIDDEN {
		t.Errorf("the bootstrap token grants roles: %v", err)
	}
	if err := graph.Authorize(graph.WithActor(t.Context(), editorActor()), "Mutation.link", graph.Subject{}); err != nil {
		t.Errorf("the bootstrap token cannot link: %v", err)
	}
}
