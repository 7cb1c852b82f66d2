package graph

import (
	"context"
	"slices"
)

// Role is what a person may do on the site. Roles add up: an editor is also a
// member. A country coordinator holds the role for named countries only.
type Role string

// The roles, from least to most trusted. A visitor is anyone not logged in.
const (
	RoleVisitor     Role = "visitor"
	RoleMember      Role = "member"
	RoleContributor Role = "contributor"
	RoleCoordinator Role = "coordinator" // for the countries in Actor.Countries
	RoleEditor      Role = "editor"
	RoleModerator   Role = "moderator"
	RoleAdmin       Role = "admin"
)

// Roles lists every role in order, for tables and tests.
var Roles = []Role{RoleVisitor, RoleMember, RoleContributor, RoleCoordinator, RoleEditor, RoleModerator, RoleAdmin}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Scope bounds what an API token may do, whatever its owner's roles.
type Scope string

// The scopes of API tokens. A session (a person in the browser) has ScopeAll.
const (
	ScopeRead       Scope = "read"       // private fields the owner may read; no mutation
	ScopeContribute Scope = "contribute" // and the contribution mutations
	ScopeEdit       Scope = "edit"       // and the editors' and moderators' mutations
	ScopeAll        Scope = ""           // a session: no bound besides the roles
)

// Actor is who makes a request: a visitor (PersonID ""), or a person through a
// session or an API token. It is put into the request's context by the HTTP
// edge and read by Authorize; resolvers never check roles themselves.
type Actor struct {
	PersonID  string
	Roles     []Role   // besides RoleVisitor, which everyone has
	Countries []string // ISO 3166-1 alpha-2 codes the person coordinates
	Scope     Scope
	// Session is the id of the session the request came with ("" for a token
	// or a visitor); logout ends it.
	Session string
}

// Has reports whether the actor holds role r (every actor holds RoleVisitor).
func (a *Actor) Has(r Role) bool {
	if r == RoleVisitor {
		return true
	}
	return a != nil && slices.Contains(a.Roles, r)
}

// Coordinates reports whether the actor is a coordinator of country iso2.
func (a *Actor) Coordinates(iso2 string) bool {
	return a.Has(RoleCoordinator) && slices.Contains(a.Countries, iso2)
}

type actorKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx; a visitor when there is none.
func ActorFrom(ctx context.Context) *Actor {
	if a, ok := ctx.Value(actorKey{}).(*Actor); ok && a != nil {
		return a
	}
	return &Actor{}
}
