package auth

import (
	"context"
	"slices"

	"ewsi/graph"
)

// CreateAdmin makes the first admin (or any admin) from the command line
// (`ewsi admin create-admin`): an account with a confirmed address and the
// admin role. An address that has an account already keeps its password and
// gains the role; created tells which.
func (s *Service) CreateAdmin(ctx context.Context, name, email, password string) (personID string, created bool, err error) {
	e, err := graph.NormalizeEmail("--email", email)
	if err != nil {
		return "", false, err
	}
	c, err := s.store.CredentialsByEmail(ctx, e)
	if err != nil {
		return "", false, err
	}
	if c == nil {
		r := Registration{Name: name, Email: e, Password: password, Lang: graph.LangEN}
		if err := r.validate(); err != nil {
			return "", false, err
		}
		hash, err := s.hash(ctx, password)
		if err != nil {
			return "", false, err
		}
		local, err := graph.NewKey()
		if err != nil {
			return "", false, err
		}
		_, tokenHash, err := newSecret()
		if err != nil {
			return "", false, err
		}
		personID = graph.KindPerson.Prefix() + ":" + local[:22]
		now := s.now()
		if _, err := s.store.CreateAccount(ctx, graph.NewAccount{ID: personID, Name: r.Name, Email: e, PasswordHash: hash, Lang: graph.LangEN},
			graph.OneTimeToken{Hash: tokenHash, Purpose: graph.TokenConfirm, PersonID: personID, Expires: now}, now); err != nil {
			return "", false, err
		}
		created = true
	} else {
		personID = c.PersonID
	}
	if err := s.store.ConfirmEmail(ctx, personID, s.now()); err != nil {
		return "", false, err
	}
	acc, err := s.store.Account(ctx, personID)
	if err != nil {
		return "", false, err
	}
	if !slices.Contains(acc.Roles, graph.RoleAdmin) {
		acc.Roles = append(acc.Roles, graph.RoleAdmin)
	}
	return personID, created, s.store.SetRoles(ctx, personID, acc.Roles, acc.Countries, s.now())
}
