// Package authtest helps tests of other packages act as a person: it writes a
// confirmed account with roles straight into the real store, opens a session
// for it and returns the cookie to send, and records the mails the accounts
// send. It uses no mock: the accounts and sessions are real nodes in Neo4j.
package authtest

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"ewsi/auth"
	"ewsi/graph"
)

// Password is the password of every account Account makes.
const Password = "correct horse battery"

// Account writes a confirmed account for email (its id derived from the email)
// with roles and, for a coordinator, countries; it returns the person's id.
func Account(t testing.TB, st graph.Accounts, email string, roles []graph.Role, countries []string) string {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	email = strings.ToLower(email)
	id := "person:" + auth.HashSecret(email)[:16]
	hash, err := auth.Hash(Password, auth.TestParams())
	if err != nil {
		t.Fatal(err)
	}
	name := strings.SplitN(email, "@", 2)[0]
	token := auth.HashSecret("confirm " + email + now.String())
	if _, err := st.CreateAccount(ctx, graph.NewAccount{ID: id, Name: name, Email: email, PasswordHash: hash, Lang: graph.LangEN},
		graph.OneTimeToken{Hash: token, Purpose: graph.TokenConfirm, PersonID: id, Expires: now.Add(time.Hour)}, now); err != nil {
		t.Fatal(err)
	}
	if err := st.ConfirmEmail(ctx, id, now); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRoles(ctx, id, slices.DeleteFunc(slices.Clone(roles), func(r graph.Role) bool {
		return r == graph.RoleVisitor || r == graph.RoleMember
	}), countries, now); err != nil {
		t.Fatal(err)
	}
	return id
}

// Session opens a session for personID and returns its cookie (named as
// cookies names it).
func Session(t testing.TB, st graph.Accounts, personID string, cookies auth.Cookies) *http.Cookie {
	t.Helper()
	id, err := graph.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.CreateSession(context.Background(), graph.Session{IDHash: auth.HashSecret(id), PersonID: personID,
		Created: now, Expires: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: cookies.Name(), Value: id}
}

// Recorder is a Notifier that keeps what it is given, for tests of the flows
// that do not test mail itself.
type Recorder struct {
	mu      sync.Mutex
	notices []auth.Notice
}

// Notify checks n as the real notifier does and records it.
func (r *Recorder) Notify(_ context.Context, n auth.Notice) error {
	if err := n.Validate(); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notices = append(r.notices, n)
	return nil
}

// To returns the notices of template sent to address, oldest first.
func (r *Recorder) To(template, address string) []auth.Notice {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []auth.Notice
	for _, n := range r.notices {
		if n.Template == template && strings.EqualFold(n.To, address) {
			out = append(out, n)
		}
	}
	return out
}

// Token returns the token of the latest notice of template to address, failing
// the test when there is none.
func (r *Recorder) Token(t testing.TB, template, address string) string {
	t.Helper()
	ns := r.To(template, address)
	if len(ns) == 0 {
		t.Fatalf("no %s mail to %s", template, address)
	}
	link, _ := ns[len(ns)-1].Data["url"].(string)
	u, err := url.Parse(link)
	if err != nil || u.Query().Get("token") == "" {
		t.Fatalf("the %s mail's url %q carries no token", template, link)
	}
	return u.Query().Get("token")
}
