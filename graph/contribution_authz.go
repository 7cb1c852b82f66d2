package graph

// contributionRules: any person may contribute; a contribution is revised and
// withdrawn by its contributor only; moderators, editors and the coordinators
// of its country decide and read it.
func contributionRules() map[string]Rule {
	people := []Role{RoleMember, RoleContributor, RoleCoordinator, RoleEditor, RoleModerator, RoleAdmin}
	contribute := Rule{Allowed: people, MinScope: ScopeContribute}
	owner := Rule{Self: true, MinScope: ScopeContribute}
	moderate := Rule{Allowed: []Role{RoleEditor, RoleModerator, RoleAdmin}, Country: true, MinScope: ScopeEdit}
	read := Rule{Allowed: []Role{RoleEditor, RoleModerator, RoleAdmin}, Self: true, Country: true, MinScope: ScopeRead}
	return map[string]Rule{
		"Mutation.saveDraft":            contribute,
		"Mutation.submitContribution":   contribute,
		"Mutation.reviseContribution":   owner,
		"Mutation.withdrawContribution": owner,
		"Mutation.decideContribution":   moderate,
		"Query.myContributions":         {Allowed: people, MinScope: ScopeRead},
		"Query.moderationQueue":         {Allowed: moderate.Allowed, Country: true, MinScope: ScopeRead},
		"Query.contribution":            read,
	}
}
