package graph

// searchRules: the report of searches that found nothing is for editors and admins.
func searchRules() map[string]Rule {
	return map[string]Rule{
		"Query.searchMisses": {Allowed: []Role{RoleEditor, RoleAdmin}, MinScope: ScopeRead},
	}
}
