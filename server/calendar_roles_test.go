package server_test

// calendarRoleRows are the role table's rows of the country sheets: a revision
// of France's sheet from a base that does not exist, so that whoever is let
// through gets a CONFLICT about the base and nothing is written.
func calendarRoleRows() map[string]roleRow {
	return map[string]roleRow{
		"Mutation.reviseSheet": {`mutation { reviseSheet(input: {country: "FR", base: 99999, strategy: "role table"}, idempotencyKey: "role-table-sheet") { number } }`,
			noVars, []actorKind{asCoordinatorFR, asEditor, asAdmin}},
	}
}
