package resolvers_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/graph"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
)

// noticeLog is a graph.Notifier that keeps the notices it is given (the mail
// itself is tested in notify, through a real SMTP server).
type noticeLog struct {
	mu      sync.Mutex
	notices []graph.Notice
}

func (l *noticeLog) Notify(_ context.Context, n graph.Notice) error {
	if err := n.Validate(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.notices = append(l.notices, n)
	return nil
}

func (l *noticeLog) list() []graph.Notice {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]graph.Notice(nil), l.notices...)
}

// actors are the people of the contribution tests, by name.
var actors = map[string]*graph.Actor{
	"visitor":  {},
	"anna":     {PersonID: "person:anna", Roles: []graph.Role{graph.RoleMember}},
	"hidden":   {PersonID: "person:hidden", Roles: []graph.Role{graph.RoleMember}},
	"annaRead": {PersonID: "person:anna", Roles: []graph.Role{graph.RoleMember}, Scope: graph.ScopeRead},
	"coordFR":  {PersonID: "person:coord-fr", Roles: []graph.Role{graph.RoleMember, graph.RoleCoordinator}, Countries: []string{"FR"}},
	"coordPL":  {PersonID: "person:coord-pl", Roles: []graph.Role{graph.RoleMember, graph.RoleCoordinator}, Countries: []string{"PL"}},
	"editor":   {PersonID: "person:editor", Roles: []graph.Role{graph.RoleMember, graph.RoleEditor}},
}

// actorClient serves the schema as newClient does, with the actor named by the
// X-Test-Actor header in the context, and errors carrying their domain code.
func actorClient(n graph.Notifier) *client.Client {
	root := &resolvers.Resolver{Store: db.Store, Contributions: db.Store, Notifier: n}
	h := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: root}))
	h.AddTransport(transport.POST{})
	h.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := graphql.DefaultErrorPresenter(ctx, err)
		var ge *graph.Error
		if errors.As(err, &ge) {
			e.Extensions = map[string]any{"code": ge.Code}
		}
		return e
	})
	return client.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithActor(resolvers.WithLoaders(r.Context(), db.Store), actors[r.Header.Get("X-Test-Actor")])
		h.ServeHTTP(w, r.WithContext(ctx))
	}))
}

func as(name string) client.Option {
	return func(bd *client.Request) { bd.HTTP.Header.Set("X-Test-Actor", name) }
}

// codeOf runs q as an actor and returns the code of its first error ("" for none)
// and the data, re-encoded (objects with their keys in alphabetical order).
func codeOf(t *testing.T, c *client.Client, actor, q string, vars map[string]any) (string, json.RawMessage) {
	t.Helper()
	opts := []client.Option{as(actor)}
	for k, v := range vars {
		opts = append(opts, client.Var(k, v))
	}
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var errs []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	}
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatal(err)
		}
		code, _ := errs[0].Extensions["code"].(string)
		if code == "" {
			t.Fatalf("%s: error without a code: %s", actor, resp.Errors)
		}
		return code, nil
	}
	b, _ := json.Marshal(resp.Data)
	return "", b
}

const submitQ = `mutation($in: ContributionInput!, $key: String!) { submitContribution(kind: PRACTICE, input: $in, idempotencyKey: $key) {
  created contribution { id state country contributor rendered { field html } criteria(lang: FR) { criterion text } } } }`

func TestContributionRoles(t *testing.T) {
	mails := &noticeLog{}
	c := actorClient(mails)
	t.Cleanup(func() {
		if err := db.Store.RemoveContributions(context.Background(), false); err != nil {
			t.Error(err)
		}
	})
	in := map[string]any{"lang": "FR", "title": "Ateliers d'écriture pour les nouveaux arrivants", "country": "FR",
		"themes": []string{"social-cohesion"}, "organisation": "organisation:ville-lyon",
		"summary": "Des ateliers **hebdomadaires**. <script>alert(1)</script> [lien](javascript:alert(1))", "lat": 45.76, "lon": 4.84}
	code, _ := codeOf(t, c, "visitor", submitQ, map[string]any{"in": in, "key": "idem-roles-1"})
	if code != graph.EUNAUTH {
		t.Errorf("a visitor submits: %q, want UNAUTHENTICATED", code)
	}
	code, _ = codeOf(t, c, "annaRead", submitQ, map[string]any{"in": in, "key": "idem-roles-1"})
	if code != graph.EFORBIDDEN {
		t.Errorf("a read token submits: %q, want FORBIDDEN", code)
	}
	code, _ = codeOf(t, c, "anna", submitQ, map[string]any{"in": in, "key": "idem-roles-1"})
	if code != graph.EINVALID {
		t.Errorf("a javascript: link in the summary: %q, want INVALID", code)
	}
	in["summary"] = "Des ateliers **hebdomadaires**. <script>alert(1)</script> [lien](https://ateliers.example/)"
	code, data := codeOf(t, c, "anna", submitQ, map[string]any{"in": in, "key": "idem-roles-1"})
	var sub struct {
		SubmitContribution struct {
			Created      bool
			Contribution struct {
				ID, State, Country, Contributor string
				Rendered                        []struct{ Field, HTML string }
				Criteria                        []struct{ Criterion, Text string }
			}
		}
	}
	if code != "" || json.Unmarshal(data, &sub) != nil || !sub.SubmitContribution.Created {
		t.Fatalf("anna submits: %q %s", code, data)
	}
	got := sub.SubmitContribution.Contribution
	if got.State != "SUBMITTED" || got.Country != "FR" || got.Contributor != "person:anna" || len(got.Criteria) != 5 ||
		got.Criteria[0].Criterion != "RUNNING_A_YEAR" || !strings.Contains(got.Criteria[0].Text, "au moins un an") {
		t.Errorf("submitted: %+v", got)
	}
	if len(got.Rendered) != 1 || !strings.Contains(got.Rendered[0].HTML, "<strong>hebdomadaires</strong>") ||
		strings.Contains(got.Rendered[0].HTML, "<script") || !strings.Contains(got.Rendered[0].HTML, `href="https://ateliers.example/"`) {
		t.Errorf("rendered: %+v", got.Rendered)
	}
	id := got.ID
	if ns := mails.list(); len(ns) != 1 || ns[0].Template != "contribution-received" || ns[0].To != "anna@example.org" ||
		ns[0].Data["title"] != "Ateliers d'écriture pour les nouveaux arrivants" || !strings.Contains(ns[0].Data["url"].(string), "/contribute?id=") {
		t.Errorf("mails after the submission: %+v", ns)
	}
	codeOf(t, c, "anna", submitQ, map[string]any{"in": in, "key": "idem-roles-1"})
	if ns := mails.list(); len(ns) != 1 {
		t.Errorf("a repeated submission mailed again: %d mails", len(ns))
	}

	const queueQ = `query($c: String) { moderationQueue(country: $c, first: 10) { totalCount edges { node { id title duplicates { id reason } } } } }`
	const oneQ = `query($id: ID!) { contribution(id: $id) { id state reviews { by decision criteriaMet reason } published { id ... on Practice { title status: demo } } } }`
	const decideQ = `mutation($id: ID!, $d: ReviewDecision!, $c: [Criterion!]!, $r: String) { decideContribution(id: $id, decision: $d, criteriaMet: $c, reason: $r) { id state published { id } } }`
	const reviseQ = `mutation($id: ID!, $in: ContributionInput!) { reviseContribution(id: $id, input: $in) { id state pendingRevision } }`
	const mineQ = `{ myContributions(first: 10) { totalCount edges { node { id } } } }`
	all := []string{"RUNNING_A_YEAR", "CLEAR_DESCRIPTION", "RESPONDS_TO_NEEDS", "ENGAGES_STAKEHOLDERS", "TRANSFERABLE"}
	fr, pl := map[string]any{"c": "FR"}, map[string]any{"c": "PL"}
	for _, x := range []struct {
		actor, what, q string
		vars           map[string]any
		want           string // the code, "" for allowed
	}{
		{"visitor", "FR queue", queueQ, fr, graph.EUNAUTH},
		{"anna", "FR queue", queueQ, fr, graph.EFORBIDDEN},
		{"coordPL", "FR queue", queueQ, fr, graph.EFORBIDDEN},
		{"coordPL", "PL queue", queueQ, pl, ""},
		{"coordFR", "FR queue", queueQ, fr, ""},
		{"coordFR", "global queue", queueQ, nil, graph.EFORBIDDEN},
		{"editor", "global queue", queueQ, nil, ""},
		{"visitor", "contribution", oneQ, map[string]any{"id": id}, graph.EUNAUTH},
		{"hidden", "contribution", oneQ, map[string]any{"id": id}, graph.EFORBIDDEN},
		{"coordPL", "contribution", oneQ, map[string]any{"id": id}, graph.EFORBIDDEN},
		{"anna", "contribution", oneQ, map[string]any{"id": id}, ""},
		{"coordFR", "contribution", oneQ, map[string]any{"id": id}, ""},
		{"hidden", "revise", reviseQ, map[string]any{"id": id, "in": in}, graph.EFORBIDDEN},
		{"editor", "revise", reviseQ, map[string]any{"id": id, "in": in}, graph.EFORBIDDEN},
		{"anna", "decide", decideQ, map[string]any{"id": id, "d": "PUBLISH", "c": all}, graph.EFORBIDDEN},
		{"coordPL", "decide", decideQ, map[string]any{"id": id, "d": "PUBLISH", "c": all}, graph.EFORBIDDEN},
		{"visitor", "mine", mineQ, nil, graph.EUNAUTH},
	} {
		if code, data := codeOf(t, c, x.actor, x.q, x.vars); code != x.want {
			t.Errorf("%s, %s: %q %s, want %q", x.actor, x.what, code, data, x.want)
		}
	}
	_, data = codeOf(t, c, "coordFR", queueQ, fr)
	if !strings.Contains(string(data), id) || !strings.Contains(string(data), `"totalCount":1`) {
		t.Errorf("FR queue: %s", data)
	}
	_, data = codeOf(t, c, "coordPL", queueQ, pl)
	if strings.Contains(string(data), id) {
		t.Errorf("PL queue holds a French contribution: %s", data)
	}
	code, data = codeOf(t, c, "coordFR", decideQ, map[string]any{"id": id, "d": "PUBLISH", "c": all})
	if code != "" || !strings.Contains(string(data), `"state":"PUBLISHED"`) || !strings.Contains(string(data), `"published":{"id":"practice:c-`) {
		t.Fatalf("coordinator publishes: %q %s", code, data)
	}
	if ns := mails.list(); len(ns) != 2 || ns[1].Template != "contribution-decided" || ns[1].Data["decision"] != "published" {
		t.Errorf("mails after the decision: %+v", ns)
	}
	_, data = codeOf(t, c, "anna", oneQ, map[string]any{"id": id})
	if !strings.Contains(string(data), `{"by":"person:coord-fr","criteriaMet":["RUNNING_A_YEAR",`) || !strings.Contains(string(data), `"decision":"PUBLISH"`) || !strings.Contains(string(data), `"title":"Ateliers d'écriture`) {
		t.Errorf("anna reads her published contribution: %s", data)
	}
	_, data = codeOf(t, c, "anna", mineQ, nil)
	if !strings.Contains(string(data), `"totalCount":1`) {
		t.Errorf("anna's contributions: %s", data)
	}
	_, data = codeOf(t, c, "hidden", mineQ, nil)
	if !strings.Contains(string(data), `"totalCount":0`) {
		t.Errorf("another person's contributions: %s", data)
	}
	in["summary"] = "Des ateliers deux fois par semaine."
	code, data = codeOf(t, c, "anna", reviseQ, map[string]any{"id": id, "in": in})
	if code != "" || !strings.Contains(string(data), `"pendingRevision":true,"state":"SUBMITTED"`) {
		t.Errorf("anna revises: %q %s", code, data)
	}
	code, data = codeOf(t, c, "editor", decideQ, map[string]any{"id": id, "d": "REJECT", "c": []string{}})
	if code != graph.EINVALID {
		t.Errorf("reject without a reason: %q %s", code, data)
	}
	code, data = codeOf(t, c, "editor", decideQ, map[string]any{"id": id, "d": "REJECT", "c": []string{}, "r": "Keep the first text."})
	if code != "" || !strings.Contains(string(data), `"state":"PUBLISHED"`) {
		t.Errorf("editor rejects the revision: %q %s", code, data)
	}
	if ns := mails.list(); len(ns) != 3 || ns[2].Data["decision"] != "rejected" || ns[2].Data["reason"] != "Keep the first text." {
		t.Errorf("mails after the rejection: %+v", ns)
	}

	// the public report names anna, who shares her details
	_, data = codeOf(t, c, "visitor", `query($y: Int!) { contributorsReport(year: $y) { total byKind { key count } byCountry { key count } contributors { name total } } }`,
		map[string]any{"y": time.Now().UTC().Year()})
	if !strings.Contains(string(data), `"contributors":[{"name":"Anna Nowak","total":1}]`) || !strings.Contains(string(data), `"byCountry":[{"count":1,"key":"FR"}]`) {
		t.Errorf("report: %s", data)
	}
}
