package auth

import (
	"context"
	"strings"
	"unicode/utf8"

	"ewsi/graph"
)

// CreateAPIToken makes a token for personID and returns it with its secret,
// which is shown this once: the store keeps only its hash.
func (s *Service) CreateAPIToken(ctx context.Context, personID, name string, scope graph.Scope) (*graph.APIToken, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return nil, "", graph.Errorf(graph.EINVALID, "name", "a name of 1 to 100 characters is required (what the token is for)")
	}
	if !scope.Valid() {
		return nil, "", graph.Errorf(graph.EINVALID, "scope", "%q is not READ, CONTRIBUTE or EDIT", scope)
	}
	existing, err := s.store.APITokens(ctx, personID)
	if err != nil {
		return nil, "", err
	}
	if len(existing) >= 20 {
		return nil, "", graph.Errorf(graph.ECONFLICT, "name", "you have 20 API tokens; revoke one first")
	}
	raw, _, err := newSecret()
	if err != nil {
		return nil, "", err
	}
	secret := TokenPrefix + raw
	local, err := graph.NewKey()
	if err != nil {
		return nil, "", err
	}
	t := graph.APIToken{ID: "token:" + local[:22], PersonID: personID, Name: name, Scope: scope,
		Prefix: secret[:len(TokenPrefix)+6], CreatedAt: s.now()}
	if err := s.store.CreateAPIToken(ctx, t, HashSecret(secret)); err != nil {
		return nil, "", err
	}
	return &t, secret, nil
}
