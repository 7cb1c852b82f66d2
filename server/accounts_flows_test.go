package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"ewsi/auth"
	"ewsi/auth/authtest"
	"ewsi/graph"
)

// execCypher writes to the test database as a contribution would (the store
// has no write for it yet).
func execCypher(t *testing.T, cypher string, params map[string]any) {
	t.Helper()
	d, err := neo4jdriver.NewDriverWithContext(db.Server.URI, neo4jdriver.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(t.Context())
	if _, err := neo4jdriver.ExecuteQuery(t.Context(), d, cypher, params, neo4jdriver.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
}

func TestPasswordReset(t *testing.T) {
	a := newAccountsAPI(t)
	old := a.register(t, "Resetting", "reset@example.net")
	other := a.browser(t)
	other.data(`mutation { requestPasswordReset(email: "RESET@example.net", lang: DE) }`, nil)
	resets := a.mail.To(auth.TemplateResetPassword, "reset@example.net")
	if len(resets) != 1 || resets[0].Lang != "fr" || !strings.Contains(resets[0].Data["url"].(string), "/account/reset?lang=fr&token=") {
		t.Fatalf("reset mails (in the account's language, fr): %+v", resets)
	}
	token := a.mail.Token(t, auth.TemplateResetPassword, "reset@example.net")
	cases := []struct {
		name, token, password, code, mention string
	}{
		{"too short", token, "short", "INVALID", "password"},
		{"wrong token", "not-the-token", "a new long password", "NOT_FOUND", "token"},
		{"the token", token, "a new long password", "", ""},
		{"the token again", token, "another long password", "NOT_FOUND", "token"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := other.gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`, map[string]any{"t": c.token, "p": c.password})
			if got, msg := code(r); got != c.code || !strings.Contains(msg, c.mention) {
				t.Errorf("got %q %q, want %q mentioning %q", got, msg, c.code, c.mention)
			}
		})
	}
	if me := old.data(meQ, nil); me["me"] != nil {
		t.Errorf("a session from before the reset lives on: %v", me)
	}
	wantErr(t, "the old password", other.gql(loginQ, map[string]any{"e": "reset@example.net", "p": "mot de passe solide"}), "UNAUTHENTICATED", "wrong")
	if d := other.data(loginQ, map[string]any{"e": "reset@example.net", "p": "a new long password"}); dig(d, "login", "email") != "reset@example.net" {
		t.Errorf("login with the new password: %v", d)
	}
}

func TestAPITokenScopes(t *testing.T) {
	a := newAccountsAPI(t)
	b := a.register(t, "Integrator", "integrator@example.net")
	tokens := map[string]string{}
	for _, scope := range []string{"READ", "CONTRIBUTE"} {
		d := b.data(`mutation($s: TokenScope!) { createApiToken(name: "sync", scope: $s) { secret token { id scope prefix } } }`, map[string]any{"s": scope})
		secret := dig(d, "createApiToken", "secret").(string)
		if !strings.HasPrefix(secret, "ewsi_") || !strings.HasPrefix(secret, dig(d, "createApiToken", "token", "prefix").(string)) {
			t.Fatalf("token: %v", d)
		}
		tokens[scope] = secret
		tokens[scope+"-id"] = dig(d, "createApiToken", "token", "id").(string)
	}
	listed, _ := json.Marshal(b.data(`{ me { apiTokens { id name scope prefix } } }`, nil))
	if strings.Contains(string(listed), tokens["READ"]) || !strings.Contains(string(listed), tokens["READ-id"]) {
		t.Errorf("the token list shows a secret or misses a token: %s", listed)
	}
	if n := count(t, "MATCH (k:ApiToken) WHERE k.hash = $h RETURN count(k) AS c", map[string]any{"h": auth.HashSecret(tokens["READ"])}); n != 1 {
		t.Errorf("%d tokens stored under the secret's hash, want 1", n)
	}
	org := `mutation { registerOrganisation(input: {name: "Integrators United", type: CIVIL_SOCIETY, country: "FR"}) { status organisation { name } } }`
	cases := []struct {
		name, bearer, query, code string
	}{
		{"read token reads its own account", "READ", `{ me { email } }`, ""},
		{"read token cannot write", "READ", org, "FORBIDDEN"},
		{"contribute token registers an organisation", "CONTRIBUTE", org, ""},
		{"a token cannot make tokens", "CONTRIBUTE", `mutation { createApiToken(name: "more", scope: EDIT) { secret } }`, "FORBIDDEN"},
		{"a token cannot edit links", "CONTRIBUTE", `mutation { link(from: "practice:mentoring", to: "document:agenda-2011") { created } }`, "FORBIDDEN"},
		{"an unknown token", "ewsi_notarealtokenatallnotarealtoken", `{ me { email } }`, "UNAUTHENTICATED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := a.browser(t)
			secret := tokens[c.bearer]
			if secret == "" {
				secret = c.bearer
			}
			tb.header.Set("Authorization", "Bearer "+secret)
			r := tb.gql(c.query, nil)
			if got, msg := code(r); got != c.code {
				t.Errorf("got %q %q, want %q", got, msg, c.code)
			}
			if c.code == "" && dig(r.Data, "me", "email") == nil && dig(r.Data, "registerOrganisation", "status") != "ADMIN" {
				t.Errorf("data: %v", r.Data)
			}
		})
	}
	b.data(`mutation($id: ID!) { revokeApiToken(id: $id) }`, map[string]any{"id": tokens["READ-id"]})
	tb := a.browser(t)
	tb.header.Set("Authorization", "Bearer "+tokens["READ"])
	wantErr(t, "a revoked token", tb.gql(`{ me { email } }`, nil), "UNAUTHENTICATED", "API token is not valid")
	other := a.register(t, "Other", "other-integrator@example.net")
	wantErr(t, "revoking another's token", other.gql(`mutation($id: ID!) { revokeApiToken(id: $id) }`, map[string]any{"id": tokens["CONTRIBUTE-id"]}), "NOT_FOUND", "id")
}

func TestCrossSiteLoginSetsNoSession(t *testing.T) {
	a := newAccountsAPI(t)
	a.register(t, "Cross", "cross@example.net")
	b := a.browser(t)
	b.header.Set("Origin", "https://evil.example")
	b.header.Set("Sec-Fetch-Site", "cross-site")
	out, resp := b.exchange(loginQ, map[string]any{"e": "cross@example.net", "p": "mot de passe solide"})
	wantErr(t, "cross-site login", out, "FORBIDDEN", "on the site itself")
	if len(resp.Cookies()) != 0 {
		t.Errorf("a cross-site login set cookies: %v", resp.Cookies())
	}
}

func TestChangeEmail(t *testing.T) {
	a := newAccountsAPI(t)
	b := a.register(t, "Mover", "mover@example.net")
	a.register(t, "Taken", "taken@example.net")
	q := `mutation($e: String!, $p: String!) { changeEmail(newEmail: $e, password: $p) }`
	wantErr(t, "wrong password", b.gql(q, map[string]any{"e": "moved@example.net", "p": "wrong password"}), "FORBIDDEN", "password")
	if d := b.data(q, map[string]any{"e": "taken@example.net", "p": "mot de passe solide"}); d["changeEmail"] != true {
		t.Errorf("a taken address answers as any other: %v", d)
	}
	if n := len(a.mail.To(auth.TemplateConfirmNewEmail, "taken@example.net")); n != 0 {
		t.Errorf("%d mails to an address another account holds", n)
	}
	b.data(q, map[string]any{"e": "Moved@Example.net", "p": "mot de passe solide"})
	if me := b.data(`{ me { email pendingEmail } }`, nil); dig(me, "me", "email") != "mover@example.net" || dig(me, "me", "pendingEmail") != "moved@example.net" {
		t.Errorf("before confirming: %v", me)
	}
	token := a.mail.Token(t, auth.TemplateConfirmNewEmail, "moved@example.net")
	b.data(`mutation($t: String!) { confirmEmailChange(token: $t) }`, map[string]any{"t": token})
	if me := b.data(`{ me { email pendingEmail } }`, nil); dig(me, "me", "email") != "moved@example.net" || dig(me, "me", "pendingEmail") != nil {
		t.Errorf("after confirming: %v", me)
	}
	wantErr(t, "login with the old address", a.browser(t).gql(loginQ, map[string]any{"e": "mover@example.net", "p": "mot de passe solide"}), "UNAUTHENTICATED", "wrong")
}

func TestOrganisationMembership(t *testing.T) {
	a := newAccountsAPI(t)
	admin := a.register(t, "Org Admin", "org-admin@example.net")
	d := admin.data(`mutation { registerOrganisation(input: {name: "Accueil Lyon", type: MIGRANT_ASSOCIATION, country: "fr", city: "Lyon", website: "https://accueil.example", lat: 45.76, lon: 4.83}) { status organisation { id name country { iso2 } } } }`, nil)
	org, _ := dig(d, "registerOrganisation", "organisation", "id").(string)
	if dig(d, "registerOrganisation", "status") != "ADMIN" || dig(d, "registerOrganisation", "organisation", "country", "iso2") != "FR" {
		t.Fatalf("register organisation: %v", d)
	}
	again := admin.data(`mutation { registerOrganisation(input: {name: "Accueil Lyon", type: MIGRANT_ASSOCIATION, country: "FR"}) { organisation { id } } }`, nil)
	if dig(again, "registerOrganisation", "organisation", "id") != org {
		t.Errorf("registering the same organisation again made another: %v", again)
	}
	joiner := a.register(t, "Joiner", "joiner@example.net")
	stranger := a.register(t, "Stranger", "stranger@example.net")
	if d := joiner.data(`mutation($o: ID!) { joinOrganisation(id: $o) { status person { name } } }`, map[string]any{"o": org}); dig(d, "joinOrganisation", "status") != "PENDING" {
		t.Fatalf("join: %v", d)
	}
	reqs := a.mail.To(auth.TemplateMemberRequest, "org-admin@example.net")
	if len(reqs) != 1 || reqs[0].Data["member"] != "Joiner" || reqs[0].Data["organisation"] != "Accueil Lyon" {
		t.Errorf("member-request mails: %+v", reqs)
	}
	joinerID := dig(joiner.data(`{ me { id } }`, nil), "me", "id").(string)
	approve := `mutation($o: ID!, $p: ID!) { approveMember(organisation: $o, person: $p) { status } }`
	wantErr(t, "a stranger approves", stranger.gql(approve, map[string]any{"o": org, "p": joinerID}), "FORBIDDEN", "Mutation.approveMember")
	if d := admin.data(`query($o: ID!) { memberRequests(organisation: $o) { person { id } } }`, map[string]any{"o": org}); len(d["memberRequests"].([]any)) != 1 {
		t.Errorf("member requests: %v", d)
	}
	if d := admin.data(approve, map[string]any{"o": org, "p": joinerID}); dig(d, "approveMember", "status") != "MEMBER" {
		t.Errorf("approve: %v", d)
	}
	wantErr(t, "claiming an organisation with admins", stranger.gql(`mutation($o: ID!) { claimOrganisation(id: $o) { status } }`, map[string]any{"o": org}), "CONFLICT", "admins")
	if d := stranger.data(`mutation { claimOrganisation(id: "organisation:caritas-krakow") { status claim } }`, nil); dig(d, "claimOrganisation", "claim") != true {
		t.Errorf("claim: %v", d)
	}
	editor := a.browser(t)
	editor.header.Set("Cookie", a.cookies.Name()+"="+authtest.Session(t, db.Store, authtest.Account(t, db.Store, "claims-editor@example.net", []graph.Role{graph.RoleEditor}, nil), a.cookies).Value)
	strangerID := dig(stranger.data(`{ me { id } }`, nil), "me", "id").(string)
	if d := editor.data(`mutation($p: ID!) { confirmClaim(organisation: "organisation:caritas-krakow", person: $p) { status } }`, map[string]any{"p": strangerID}); dig(d, "confirmClaim", "status") != "ADMIN" {
		t.Errorf("confirm claim: %v", d)
	}
	ms := stranger.data(`{ me { memberships { status organisation { id } } } }`, nil)
	if got, _ := json.Marshal(ms); !strings.Contains(string(got), `"status":"ADMIN"`) || !strings.Contains(string(got), "caritas-krakow") {
		t.Errorf("memberships after the claim: %s", got)
	}
}

func TestRolesAndDirectory(t *testing.T) {
	a := newAccountsAPI(t)
	admin := a.browser(t)
	admin.header.Set("Cookie", a.cookies.Name()+"="+authtest.Session(t, db.Store, authtest.Account(t, db.Store, "roles-admin@example.net", []graph.Role{graph.RoleAdmin}, nil), a.cookies).Value)
	p := a.register(t, "Coordinating", "coordinating@example.net")
	pid := dig(p.data(`mutation { updateProfile(input: {shareDetails: true, languages: ["fr", "de"]}) { id } }`, nil), "updateProfile", "id").(string)
	grant := `mutation($p: ID!, $r: Role!, $c: [String!]) { grantRole(person: $p, role: $r, countries: $c) { roles countries } }`
	wantErr(t, "coordinator without countries", admin.gql(grant, map[string]any{"p": pid, "r": "COORDINATOR"}), "INVALID", "countries")
	if d := admin.data(grant, map[string]any{"p": pid, "r": "COORDINATOR", "c": []string{"fr", "BE"}}); strings.Join(toStrings(dig(d, "grantRole", "countries")), ",") != "BE,FR" {
		t.Errorf("grant: %v", d)
	}
	if d := p.data(`{ me { roles countries } }`, nil); strings.Join(toStrings(dig(d, "me", "roles")), ",") != "COORDINATOR" {
		t.Errorf("the person's roles: %v", d)
	}
	revoke := `mutation($p: ID!, $c: [String!]) { revokeRole(person: $p, role: COORDINATOR, countries: $c) { roles countries } }`
	if d := admin.data(revoke, map[string]any{"p": pid, "c": []string{"BE"}}); strings.Join(toStrings(dig(d, "revokeRole", "countries")), ",") != "FR" {
		t.Errorf("revoke one country: %v", d)
	}
	dir := `query($f: DirectoryFilter) { directory(first: 100, filter: $f) { totalCount edges { node { id name languages } } } }`
	found := func(f map[string]any) bool {
		raw, _ := json.Marshal(a.browser(t).data(dir, map[string]any{"f": f}))
		if strings.Contains(string(raw), "@") {
			t.Errorf("the directory shows an address: %s", raw)
		}
		return strings.Contains(string(raw), pid)
	}
	if !found(nil) || !found(map[string]any{"languages": []string{"DE"}}) || found(map[string]any{"languages": []string{"pl"}}) {
		t.Errorf("directory filters by language wrongly")
	}
	p.data(`mutation { updateProfile(input: {shareDetails: false}) { id } }`, nil)
	if found(nil) {
		t.Errorf("a person who stopped sharing is still in the directory")
	}
}

func TestMyDataAndDeleteAccount(t *testing.T) {
	a := newAccountsAPI(t)
	b := a.register(t, "Leaving", "leaving@example.net")
	pid := dig(b.data(`{ me { id } }`, nil), "me", "id").(string)
	b.data(`mutation { createApiToken(name: "old", scope: READ) { secret } }`, nil)
	execCypher(t, `MATCH (p:Person {id: $p}), (x:Practice {id: 'practice:mentoring'}) MERGE (p)-[:SUBMITTED {at: datetime()}]->(x)`, map[string]any{"p": pid})
	b.data(`mutation { saveDraft(kind: LINK, input: {lang: EN, title: "A draft link of the leaving member"}, idempotencyKey: "my-data-draft") { created } }`, nil)
	var data map[string]any
	if err := json.Unmarshal([]byte(b.data(`{ myData }`, nil)["myData"].(string)), &data); err != nil {
		t.Fatal(err)
	}
	if dig(data, "account", "email") != "leaving@example.net" || dig(data, "account", "passwordHash") != nil ||
		len(dig(data, "apiTokens").([]any)) != 1 || len(dig(data, "sessions").([]any)) != 1 {
		t.Errorf("my data: %v", data)
	}
	if raw, _ := json.Marshal(data); !strings.Contains(string(raw), "practice:mentoring") || strings.Contains(string(raw), "argon2") {
		t.Errorf("my data lacks the contribution or holds the hash: %s", raw)
	}
	if cs, _ := data["contributions"].([]any); len(cs) != 1 || !strings.Contains(fmt.Sprint(cs), "A draft link of the leaving member") || !strings.Contains(fmt.Sprint(cs), "revisions") {
		t.Errorf("my data lacks the draft with its fields and revisions: %v", data["contributions"])
	}
	get := func(cookie bool) (int, string, string) {
		req, _ := http.NewRequest("GET", a.srv.URL+"/account/data.json", nil)
		client := http.DefaultClient
		if cookie {
			client = b.client
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Disposition"), string(body)
	}
	if status, disp, body := get(true); status != 200 || !strings.HasPrefix(disp, "attachment") || !strings.Contains(body, "leaving@example.net") {
		t.Errorf("GET /account/data.json: %d %q %.200s", status, disp, body)
	}
	if status, _, body := get(false); status != http.StatusUnauthorized || strings.Contains(body, "leaving") {
		t.Errorf("GET /account/data.json as a visitor: %d %s", status, body)
	}
	wantErr(t, "delete with a wrong password", b.gql(`mutation { deleteAccount(password: "wrong password") }`, nil), "FORBIDDEN", "password")
	if d := b.data(`mutation { deleteAccount(password: "mot de passe solide") }`, nil); d["deleteAccount"] != true {
		t.Fatalf("delete: %v", d)
	}
	if me := b.data(meQ, nil); me["me"] != nil {
		t.Errorf("me after deleting: %v", me)
	}
	rows, err := db.Store.Query(t.Context(), `MATCH (p:Person {id: $p}) RETURN p.former AS former, p.email AS email, p.name AS name, p.passwordHash AS hash,
	  COUNT { (p)-[:SUBMITTED]->() } AS submitted, COUNT { (s:Session {personId: $p}) } AS sessions, COUNT { (k:ApiToken {personId: $p}) } AS tokens`, map[string]any{"p": pid})
	if err != nil || len(rows) != 1 {
		t.Fatal(rows, err)
	}
	r := rows[0]
	if r["former"] != true || r["email"] != nil || r["name"] != "" || r["hash"] != nil || r["submitted"] != int64(1) || r["sessions"] != int64(0) || r["tokens"] != int64(0) {
		t.Errorf("after deleting: %v", r)
	}
	wantErr(t, "login after deleting", a.browser(t).gql(loginQ, map[string]any{"e": "leaving@example.net", "p": "mot de passe solide"}), "UNAUTHENTICATED", "wrong")
	a.browser(t).data(registerQ, map[string]any{"input": registration("Back", "leaving@example.net")})
	if n := len(a.mail.To(auth.TemplateConfirmEmail, "leaving@example.net")); n != 2 {
		t.Errorf("the freed address can register again: %d confirmation mails", n)
	}
}

func TestCreateAdminFromTheCommandLine(t *testing.T) {
	a := newAccountsAPI(t)
	cases := []struct {
		name, email, password, code string
		created                     bool
	}{
		{"a short password", "first-admin@example.net", "short", "INVALID", false},
		{"a new admin", "First-Admin@example.net", "a long admin password", "", true},
		{"the same address again", "first-admin@example.net", "ignored password", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, created, err := a.svc.CreateAdmin(t.Context(), "First Admin", c.email, c.password)
			if graph.ErrorCode(err) != c.code || created != c.created {
				t.Errorf("got %v created %v, want %q created %v", err, created, c.code, c.created)
			}
		})
	}
	b := a.browser(t)
	d := b.data(loginQ+"", map[string]any{"e": "first-admin@example.net", "p": "a long admin password"})
	if dig(d, "login", "email") != "first-admin@example.net" {
		t.Fatalf("login: %v", d)
	}
	if me := b.data(`{ me { roles } }`, nil); strings.Join(toStrings(dig(me, "me", "roles")), ",") != "ADMIN" {
		t.Errorf("roles: %v", me)
	}
	target := a.register(t, "Future Editor", "future-editor@example.net")
	tid := dig(target.data(`{ me { id } }`, nil), "me", "id").(string)
	if d := b.data(`mutation($p: ID!) { grantRole(person: $p, role: EDITOR) { roles } }`, map[string]any{"p": tid}); strings.Join(toStrings(dig(d, "grantRole", "roles")), ",") != "EDITOR" {
		t.Errorf("the admin grants: %v", d)
	}
}
