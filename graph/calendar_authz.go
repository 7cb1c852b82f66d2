package graph

// calendarRules: a country information sheet is revised by editors and admins,
// and by the coordinators of its country.
func calendarRules() map[string]Rule {
	return map[string]Rule{
		"Mutation.reviseSheet": {Allowed: []Role{RoleEditor, RoleAdmin}, Country: true, MinScope: ScopeEdit},
	}
}
