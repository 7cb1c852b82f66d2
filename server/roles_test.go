package server_test

import (
	"maps"
	"net/http"
	"slices"
	"testing"

	"ewsi/auth/authtest"
	"ewsi/graph"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
)

// The role table: every mutation and every private field (every row of
// graph.Policy()) is run through real GraphQL requests, with a real session in
// Neo4j, as each kind of actor, and must be let through for the roles of its
// row and refused (FORBIDDEN, or UNAUTHENTICATED for a visitor) for the others.
// A mutation of the schema or a row of the policy without a row here fails the
// test. To add rows, write a func in your own _test.go file returning
// map[string]roleRow and add it to roleRowSets.

// actorKind is who runs a row.
type actorKind string

const (
	asVisitor       actorKind = "visitor"
	asMember        actorKind = "member"
	asContributor   actorKind = "contributor"
	asCoordinatorFR actorKind = "coordinator-own"   // coordinator of FR: the country of the rows' subjects
	asCoordinatorDE actorKind = "coordinator-other" // coordinator of DE only
	asEditor        actorKind = "editor"
	asModerator     actorKind = "moderator"
	asAdmin         actorKind = "admin"
)

var actorKinds = []actorKind{asVisitor, asMember, asContributor, asCoordinatorFR, asCoordinatorDE, asEditor, asModerator, asAdmin}

// Shorthands for the allowed sets.
var (
	everyone  = actorKinds
	people    = actorKinds[1:]
	editors   = []actorKind{asEditor, asAdmin}
	adminOnly = []actorKind{asAdmin}
)

// roleRow is one operation run as every kind of actor: Query with Vars (which
// may name the fixture's ids through roleFixture). An error whose `where` is
// the operation itself is a refusal by the policy; any other outcome (data, or
// an error about the input) means the actor was let through.
type roleRow struct {
	Query   string
	Vars    func(f *roleFixture) map[string]any
	Allowed []actorKind
}

// roleFixture holds the ids the rows may use.
type roleFixture struct {
	Target string // a person the admin rows act on
}

// roleRowSets are the areas' rows.
var roleRowSets = []func() map[string]roleRow{accountRoleRows, linkRoleRows, requestRoleRows, contributionRoleRows, calendarRoleRows, searchRoleRows}

func noVars(*roleFixture) map[string]any { return nil }

func accountRoleRows() map[string]roleRow {
	target := func(f *roleFixture) map[string]any { return map[string]any{"p": f.Target} }
	return map[string]roleRow{
		"Mutation.register":             {`mutation { register(input: {name: "X", email: "not an email", password: "long enough pw"}) }`, noVars, everyone},
		"Mutation.confirmEmail":         {`mutation { confirmEmail(token: "no such token") }`, noVars, everyone},
		"Mutation.login":                {`mutation { login(email: "nobody@roles.test", password: "long enough pw") { id } }`, noVars, everyone},
		"Mutation.requestPasswordReset": {`mutation { requestPasswordReset(email: "nobody@roles.test") }`, noVars, everyone},
		"Mutation.resetPassword":        {`mutation { resetPassword(token: "no such token", password: "long enough pw") }`, noVars, everyone},
		"Mutation.confirmEmailChange":   {`mutation { confirmEmailChange(token: "no such token") }`, noVars, everyone},
		"Mutation.logout":               {`mutation { logout }`, noVars, people},
		"Mutation.logoutEverywhere":     {`mutation { logoutEverywhere }`, noVars, people},
		"Mutation.changeEmail":          {`mutation { changeEmail(newEmail: "new@roles.test", password: "not the password") }`, noVars, people},
		"Mutation.updateProfile":        {`mutation { updateProfile(input: {languages: ["fr"]}) { id } }`, noVars, people},
		"Mutation.createApiToken":       {`mutation { createApiToken(name: "", scope: READ) { secret } }`, noVars, people},
		"Mutation.revokeApiToken":       {`mutation { revokeApiToken(id: "token:none") }`, noVars, people},
		"Mutation.deleteAccount":        {`mutation { deleteAccount(password: "not the password") }`, noVars, people},
		"Mutation.registerOrganisation": {`mutation { registerOrganisation(input: {name: "Roles", type: CIVIL_SOCIETY, country: "ZZ"}) { status } }`, noVars, people},
		"Mutation.joinOrganisation":     {`mutation { joinOrganisation(id: "organisation:none") { status } }`, noVars, people},
		"Mutation.claimOrganisation":    {`mutation { claimOrganisation(id: "organisation:none") { status } }`, noVars, people},
		"Mutation.approveMember": {`mutation($p: ID!) { approveMember(organisation: "organisation:caritas-krakow", person: $p) { status } }`,
			target, adminOnly},
		"Mutation.confirmClaim":    {`mutation($p: ID!) { confirmClaim(organisation: "organisation:none", person: $p) { status } }`, target, editors},
		"Mutation.grantRole":       {`mutation($p: ID!) { grantRole(person: $p, role: MODERATOR) { roles } }`, target, adminOnly},
		"Mutation.revokeRole":      {`mutation($p: ID!) { revokeRole(person: $p, role: MODERATOR) { roles } }`, target, adminOnly},
		"Query.me":                 {`{ me { id } }`, noVars, everyone},
		"Query.account":            {`query($p: ID!) { account(id: $p) { id email } }`, target, adminOnly},
		"Query.myData":             {`{ myData }`, noVars, people},
		"Query.memberRequests":     {`{ memberRequests(organisation: "organisation:caritas-krakow") { status } }`, noVars, adminOnly},
		"Query.organisationClaims": {`{ organisationClaims { status } }`, noVars, editors},
		// the fields of one's own account: everyone reads their own (a visitor's me is null)
		"Account.email":        {`{ me { email } }`, noVars, everyone},
		"Account.pendingEmail": {`{ me { pendingEmail } }`, noVars, everyone},
		"Account.apiTokens":    {`{ me { apiTokens { id } } }`, noVars, everyone},
	}
}

func linkRoleRows() map[string]roleRow {
	return map[string]roleRow{
		"Mutation.link":              {`mutation { link(from: "practice:none", to: "practice:none-2") { created } }`, noVars, editors},
		"Mutation.unlink":            {`mutation { unlink(from: "practice:none", to: "practice:none-2") }`, noVars, editors},
		"Mutation.confirmSuggestion": {`mutation { confirmSuggestion(from: "practice:none", to: "practice:none-2") { created } }`, noVars, editors},
		"Mutation.dismissSuggestion": {`mutation { dismissSuggestion(from: "practice:none", to: "practice:none-2") }`, noVars, editors},
		"Query.linkSuggestions":      {`{ linkSuggestions(id: "practice:none") { score } }`, noVars, editors},
		"Query.linkHistory":          {`{ linkHistory(id: "practice:none") { by } }`, noVars, editors},
	}
}

func requestRoleRows() map[string]roleRow {
	key := `manageKey: "not the key"`
	return map[string]roleRow{
		"Mutation.postPartnerRequest":    {`mutation { postPartnerRequest(input: {organisation: "organisation:none", title: "", description: "", lang: EN, closes: "2020-01-01", contact: {name: "", email: ""}}, idempotencyKey: "role-table-key") { manageKey } }`, noVars, everyone},
		"Mutation.replyToPartnerRequest": {`mutation { replyToPartnerRequest(input: {request: "request:none", organisation: "organisation:none", fit: "", offer: "", lang: EN, contact: {name: "", email: ""}}, idempotencyKey: "role-table-key") { replyKey } }`, noVars, everyone},
		"Mutation.shortlistPartnerReply": {`mutation { shortlistPartnerReply(request: "request:none", reply: "reply:none", ` + key + `) { status } }`, noVars, everyone},
		"Mutation.declinePartnerReply":   {`mutation { declinePartnerReply(request: "request:none", reply: "reply:none", ` + key + `, message: "thanks") { status } }`, noVars, everyone},
		"Mutation.closePartnerRequest":   {`mutation { closePartnerRequest(id: "request:none", ` + key + `, outcome: "none") { status } }`, noVars, everyone},
		"Mutation.shareContactAsPoster":  {`mutation { shareContactAsPoster(request: "request:none", reply: "reply:none", ` + key + `) { status } }`, noVars, everyone},
		"Mutation.shareContactAsReplier": {`mutation { shareContactAsReplier(reply: "reply:none", replyKey: "not the key") { status } }`, noVars, everyone},
	}
}

func TestRoleTable(t *testing.T) {
	rows := map[string]roleRow{}
	for _, set := range roleRowSets {
		for k, v := range set() {
			if _, dup := rows[k]; dup {
				t.Errorf("%s has two rows", k)
			}
			rows[k] = v
		}
	}
	policy := graph.Policy()
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &resolvers.Resolver{}}).Schema()
	for _, f := range schema.Mutation.Fields {
		if _, ok := rows["Mutation."+f.Name]; !ok {
			t.Errorf("the mutation %s has no row in the role table (add one to your area's rows)", f.Name)
		}
		if _, ok := policy["Mutation."+f.Name]; !ok {
			t.Errorf("the mutation %s has no rule in graph.Policy()", f.Name)
		}
	}
	for _, op := range slices.Sorted(maps.Keys(policy)) {
		if _, ok := rows[op]; !ok {
			t.Errorf("%s has a rule in graph.Policy() but no row in the role table", op)
		}
	}
	for _, op := range slices.Sorted(maps.Keys(rows)) {
		if _, ok := policy[op]; !ok {
			t.Errorf("the role table has a row for %s, which graph.Policy() does not know", op)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	a := newAccountsAPI(t)
	accounts := map[actorKind]string{
		asMember:        authtest.Account(t, db.Store, "role-member@roles.test", nil, nil),
		asContributor:   authtest.Account(t, db.Store, "role-contributor@roles.test", []graph.Role{graph.RoleContributor}, nil),
		asCoordinatorFR: authtest.Account(t, db.Store, "role-coord-fr@roles.test", []graph.Role{graph.RoleCoordinator}, []string{"FR"}),
		asCoordinatorDE: authtest.Account(t, db.Store, "role-coord-de@roles.test", []graph.Role{graph.RoleCoordinator}, []string{"DE"}),
		asEditor:        authtest.Account(t, db.Store, "role-editor@roles.test", []graph.Role{graph.RoleEditor}, nil),
		asModerator:     authtest.Account(t, db.Store, "role-moderator@roles.test", []graph.Role{graph.RoleModerator}, nil),
		asAdmin:         authtest.Account(t, db.Store, "role-admin@roles.test", []graph.Role{graph.RoleAdmin}, nil),
	}
	f := &roleFixture{Target: authtest.Account(t, db.Store, "role-target@roles.test", nil, nil)}
	for _, op := range slices.Sorted(maps.Keys(rows)) {
		row := rows[op]
		t.Run(op, func(t *testing.T) {
			for _, who := range actorKinds {
				b := a.browser(t)
				if pid := accounts[who]; pid != "" {
					b.header.Set("Cookie", (&http.Cookie{Name: a.cookies.Name(), Value: authtest.Session(t, db.Store, pid, a.cookies).Value}).String())
				}
				r := b.gql(row.Query, row.Vars(f))
				refused, refusal := false, ""
				for _, e := range r.Errors {
					if c := e.Extensions["code"]; c == "GRAPHQL_VALIDATION_FAILED" || c == "GRAPHQL_PARSE_FAILED" || c == "BAD_REQUEST" {
						t.Fatalf("the row's query is not valid: %+v", r.Errors)
					}
					if e.Extensions["where"] == op {
						refused, refusal = true, e.Extensions["code"].(string)
					}
				}
				allowed := slices.Contains(row.Allowed, who)
				switch {
				case allowed && refused:
					t.Errorf("%s: refused (%s), want allowed: %+v", who, refusal, r.Errors)
				case !allowed && !refused:
					t.Errorf("%s: let through, want refused: data %v errors %+v", who, r.Data, r.Errors)
				case !allowed && who == asVisitor && refusal != graph.EUNAUTH:
					t.Errorf("%s: refused with %s, want UNAUTHENTICATED", who, refusal)
				case !allowed && who != asVisitor && refusal != graph.EFORBIDDEN:
					t.Errorf("%s: refused with %s, want FORBIDDEN", who, refusal)
				}
			}
		})
	}
}

func searchRoleRows() map[string]roleRow {
	return map[string]roleRow{
		"Query.searchMisses": {`{ searchMisses(first: 5) { totalCount } }`, noVars, editors},
	}
}
