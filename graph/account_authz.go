package graph

// accountRules: accounts, sessions, tokens, membership, roles and privacy.
// RoleMember is held by every person logged in (a confirmed account). What an
// organisation's admin may do (approveMember, memberRequests) is an OrgAdmin
// rule: the resolver reads the membership and passes it in the Subject.
func accountRules() map[string]Rule {
	anyone := Rule{Allowed: []Role{RoleVisitor}} // sessions and visitors, no token
	member := Rule{Allowed: []Role{RoleMember}}  // a session of a person
	memberContrib := Rule{Allowed: []Role{RoleMember}, MinScope: ScopeContribute}
	selfOrAdmin := Rule{Allowed: []Role{RoleAdmin}, Self: true, MinScope: ScopeRead}
	return map[string]Rule{
		"Mutation.register":             anyone,
		"Mutation.confirmEmail":         anyone,
		"Mutation.login":                anyone,
		"Mutation.requestPasswordReset": anyone,
		"Mutation.resetPassword":        anyone,
		"Mutation.confirmEmailChange":   anyone,
		"Mutation.logout":               member,
		"Mutation.logoutEverywhere":     member,
		"Mutation.changeEmail":          member,
		"Mutation.updateProfile":        member,
		"Mutation.createApiToken":       member,
		"Mutation.revokeApiToken":       member,
		"Mutation.deleteAccount":        member,
		"Mutation.registerOrganisation": memberContrib,
		"Mutation.joinOrganisation":     memberContrib,
		"Mutation.approveMember":        {Allowed: []Role{RoleAdmin}, OrgAdmin: true, MinScope: ScopeContribute},
		"Mutation.claimOrganisation":    memberContrib,
		"Mutation.confirmClaim":         {Allowed: []Role{RoleEditor, RoleAdmin}, MinScope: ScopeEdit},
		"Mutation.grantRole":            {Allowed: []Role{RoleAdmin}},
		"Mutation.revokeRole":           {Allowed: []Role{RoleAdmin}},
		"Query.me":                      {Allowed: []Role{RoleVisitor}, MinScope: ScopeRead},
		"Query.account":                 {Allowed: []Role{RoleAdmin}, MinScope: ScopeRead},
		"Query.myData":                  {Allowed: []Role{RoleMember}, MinScope: ScopeRead},
		"Query.memberRequests":          {Allowed: []Role{RoleAdmin}, OrgAdmin: true, MinScope: ScopeRead},
		"Query.organisationClaims":      {Allowed: []Role{RoleEditor, RoleAdmin}, MinScope: ScopeRead},
		"Account.email":                 selfOrAdmin,
		"Account.pendingEmail":          selfOrAdmin,
		"Account.apiTokens":             selfOrAdmin,
	}
}
