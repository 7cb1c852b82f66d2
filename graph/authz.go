package graph

import "context"

// Rule says who may run one operation: a mutation ("Mutation.register") or a
// private field ("Person.email"). Allowed lists the roles that may; Self allows
// the person the object is about (the resolver passes that person's id to
// Authorize); Country allows a coordinator of the object's country; MinScope is
// the least token scope that may (ScopeAll: sessions only). OrgAdmin allows an
// admin of the object's organisation (the resolver tells through
// Subject.OrgAdmin whether the actor is one).
type Rule struct {
	Allowed  []Role
	Self     bool
	Country  bool
	OrgAdmin bool
	MinScope Scope
}

// Contextual reports whether the rule needs to know the object (Self, Country,
// OrgAdmin): the resolver then calls Authorize with its Subject; the others
// are checked before the resolver runs.
func (r Rule) Contextual() bool { return r.Self || r.Country || r.OrgAdmin }

// Policy is the one table of who may do what. Every mutation and every private
// field of the schema has a row; the role table test fails on one without.
// Each area keeps its rows in its own function, merged here.
func Policy() map[string]Rule {
	p := map[string]Rule{}
	for _, part := range []map[string]Rule{
		linkRules(),
		requestRules(),
		accountRules(),
		calendarRules(),
		contributionRules(),
		searchRules(),
	} {
		for k, v := range part {
			p[k] = v
		}
	}
	return p
}

// linkRules: the editors' links between nodes.
func linkRules() map[string]Rule {
	ed := Rule{Allowed: []Role{RoleEditor, RoleAdmin}, MinScope: ScopeEdit}
	return map[string]Rule{
		"Mutation.link":              ed,
		"Mutation.unlink":            ed,
		"Mutation.confirmSuggestion": ed,
		"Mutation.dismissSuggestion": ed,
		"Query.linkSuggestions":      ed,
		"Query.linkHistory":          ed,
	}
}

// requestRules: partner requests are open to visitors; their keys (manage key,
// reply key) are what the resolvers check.
func requestRules() map[string]Rule {
	open := Rule{Allowed: []Role{RoleVisitor}, MinScope: ScopeContribute}
	return map[string]Rule{
		"Mutation.postPartnerRequest":    open,
		"Mutation.replyToPartnerRequest": open,
		"Mutation.shortlistPartnerReply": open,
		"Mutation.declinePartnerReply":   open,
		"Mutation.closePartnerRequest":   open,
		"Mutation.shareContactAsPoster":  open,
		"Mutation.shareContactAsReplier": open,
	}
}

// Subject is what Authorize needs of the object a field or mutation is about.
type Subject struct {
	PersonID string // the person it belongs to, for Rule.Self
	Country  string // its country, for Rule.Country
	OrgAdmin bool   // whether the actor is an admin of its organisation, for Rule.OrgAdmin
}

// Authorize checks the actor of ctx against op's rule: nil when allowed,
// UNAUTHENTICATED for a visitor where a person is needed, FORBIDDEN otherwise
// and for an op without a rule (a new mutation is closed until it has one).
// The scope order is read < contribute < edit < session.
func Authorize(ctx context.Context, op string, s Subject) error {
	rule, ok := Policy()[op]
	if !ok {
		return Errorf(EFORBIDDEN, op, "no rule allows this operation")
	}
	a := ActorFrom(ctx)
	if !scopeCovers(a.Scope, rule.MinScope) {
		return Errorf(EFORBIDDEN, op, "the API token's scope %q does not allow this", a.Scope)
	}
	for _, r := range rule.Allowed {
		if a.Has(r) {
			return nil
		}
	}
	if rule.Self && a.PersonID != "" && a.PersonID == s.PersonID {
		return nil
	}
	if rule.Country && s.Country != "" && a.Coordinates(s.Country) {
		return nil
	}
	if rule.OrgAdmin && s.OrgAdmin && a.PersonID != "" {
		return nil
	}
	if a.PersonID == "" {
		return Errorf(EUNAUTH, op, "log in first")
	}
	return Errorf(EFORBIDDEN, op, "your role does not allow this")
}

func scopeRank(s Scope) int {
	switch s {
	case ScopeRead:
		return 1
	case ScopeContribute:
		return 2
	case ScopeEdit:
		return 3
	default:
		return 4
	}
}

// scopeCovers reports whether an actor's scope (ScopeAll for a session) reaches min.
func scopeCovers(have, min Scope) bool {
	if min == "" {
		min = ScopeAll
	}
	return scopeRank(have) >= scopeRank(min)
}
