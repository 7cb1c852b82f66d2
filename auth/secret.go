package auth

import (
	"strings"

	"ewsi/graph"
)

// TokenPrefix starts every API token's secret, so that a bearer header is told
// apart from the bootstrap editor token and a leaked one is easy to search for.
const TokenPrefix = "ewsi_"

// newSecret returns a fresh random secret (256 bits, base64url) and its
// SHA-256, which is all the store keeps.
func newSecret() (secret, hash string, err error) {
	s, err := graph.NewKey()
	if err != nil {
		return "", "", err
	}
	return s, graph.HashKey(s), nil
}

// HashSecret is the SHA-256 (hex) of a secret, as stored.
func HashSecret(s string) string { return graph.HashKey(s) }

// isAPIToken reports whether a bearer secret has the shape of an API token.
func isAPIToken(s string) bool {
	return strings.HasPrefix(s, TokenPrefix) && len(s) > len(TokenPrefix)+20
}
