package graph

import "context"

// Credit says who contributed a published item, as the public may see it: the
// contributor's name and profile only when they share their details; after
// they deleted their account, only that a former member did.
type Credit struct {
	PersonID     string  // "" unless shared
	Name         *string // nil unless shared
	FormerMember bool
}

// Credits reads the credits of published items (the CONTRIBUTED_BY link a
// published contribution draws).
type Credits interface {
	// CreditOf returns the credit of node id, nil when it was not contributed.
	CreditOf(ctx context.Context, id string) (*Credit, error)
	// CreditsOf returns the credits of the contributed nodes among ids, by id.
	CreditsOf(ctx context.Context, ids []string) (map[string]*Credit, error)
}
