package webmap_test

import (
	"context"
	"time"

	"ewsi/auth"
	"ewsi/auth/authtest"
	"ewsi/graph"
)

// contributionPeople are the confirmed accounts the contribution browser test
// (test/contribute.test.mjs) logs in as, with authtest.Password: a member who
// contributes and the coordinator of France who moderates.
var contributionPeople = []struct {
	name, email string
	roles       []graph.Role
	countries   []string
}{
	{"Maria Member", "maria.member@contrib-test.example", nil, nil},
	{"Claire Coordinator", "claire.coord@contrib-test.example", []graph.Role{graph.RoleCoordinator}, []string{"FR"}},
}

// contributionAccounts writes those accounts into the store, as a person who
// registered and confirmed their address would have them.
func contributionAccounts(st graph.Accounts) error {
	ctx, now := context.Background(), time.Now()
	for _, p := range contributionPeople {
		id := "person:" + auth.HashSecret(p.email)[:16]
		hash, err := auth.Hash(authtest.Password, auth.TestParams())
		if err != nil {
			return err
		}
		token := auth.HashSecret("confirm " + p.email + now.String())
		if _, err := st.CreateAccount(ctx, graph.NewAccount{ID: id, Name: p.name, Email: p.email, PasswordHash: hash, Lang: graph.LangEN},
			graph.OneTimeToken{Hash: token, Purpose: graph.TokenConfirm, PersonID: id, Expires: now.Add(time.Hour)}, now); err != nil {
			return err
		}
		if err := st.ConfirmEmail(ctx, id, now); err != nil {
			return err
		}
		if err := st.SetRoles(ctx, id, p.roles, p.countries, now); err != nil {
			return err
		}
	}
	return nil
}
