package resolvers

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"ewsi/auth"
	"ewsi/graph"
	"ewsi/resolvers/model"
)

// accounts returns the accounts service, UNAVAILABLE where the server has none.
func (r *Resolver) accounts() (*auth.Service, error) {
	if r.Accounts == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "accounts are switched off on this server")
	}
	return r.Accounts, nil
}

// person returns the logged-in person's id, UNAUTHENTICATED for a visitor (the
// policy lets only people through; this guards a missing row).
func person(ctx context.Context) (string, error) {
	a := graph.ActorFrom(ctx)
	if a.PersonID == "" {
		return "", graph.Errorf(graph.EUNAUTH, "", "log in first")
	}
	return a.PersonID, nil
}

// publicPerson is the public face of an account, built without a read.
func publicPerson(a *graph.Account) *graph.Person {
	roles := make([]string, 0, len(a.Roles))
	for _, r := range a.Roles {
		roles = append(roles, string(r))
	}
	return &graph.Person{Meta: graph.Meta{ID: a.ID, CreatedAt: a.CreatedAt}, Name: a.Name, ShareDetails: a.ShareDetails,
		Languages: a.Languages, Roles: roles}
}

// isOrgAdmin reports whether the actor is an admin of organisation orgID.
func (r *Resolver) isOrgAdmin(ctx context.Context, svc *auth.Service, orgID string) (bool, error) {
	a := graph.ActorFrom(ctx)
	if a.PersonID == "" {
		return false, nil
	}
	m, err := svc.Store().Membership(ctx, orgID, a.PersonID)
	if err != nil {
		return false, err
	}
	return m != nil && m.Status == graph.MemberAdmin, nil
}

// notifyAdmins mails an organisation's admins that a person asks to join.
func (r *Resolver) notifyAdmins(ctx context.Context, svc *auth.Service, m *graph.Membership) {
	if m == nil || m.Status != graph.MemberPending || m.Claim {
		return
	}
	admins, err := svc.Store().OrgAdmins(ctx, m.OrganisationID)
	if err != nil {
		return
	}
	member, err := svc.Store().Account(ctx, m.PersonID)
	if err != nil {
		return
	}
	org, _ := r.loadersFor(ctx).nodes.load(ctx, m.OrganisationID)
	orgName := ""
	if o, ok := org.(*graph.Organisation); ok {
		orgName = o.Name
	}
	for _, a := range admins {
		svc.Notify(ctx, auth.Notice{Key: "member-request:" + m.OrganisationID + ":" + m.PersonID + ":" + a.ID, To: a.Email,
			Lang: string(auth.MailLang(a.Lang)), Template: auth.TemplateMemberRequest,
			Data: map[string]any{"name": a.Name, "member": member.Name, "organisation": orgName,
				"url": svc.PageLink("/account", a.Lang)}})
	}
}

// checkCountries upper-cases ISO 3166-1 alpha-2 codes and checks their shape.
func checkCountries(where string, in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	for i, c := range in {
		c = strings.ToUpper(strings.TrimSpace(c))
		if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
			return nil, graph.Errorf(graph.EINVALID, where, "item %d: %q is not an ISO 3166-1 alpha-2 code such as FR", i+1, in[i])
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// changeRole grants or revokes role (for a coordinator: of countries).
func (r *Resolver) changeRole(ctx context.Context, personID string, role graph.Role, countries []string, grant bool) (*model.RoleGrant, error) {
	svc, err := r.accounts()
	if err != nil {
		return nil, err
	}
	if role == graph.RoleVisitor || role == graph.RoleMember {
		return nil, graph.Errorf(graph.EINVALID, "role", "every person is a visitor and, once confirmed, a member: grant another role")
	}
	cs, err := checkCountries("countries", countries)
	if err != nil {
		return nil, err
	}
	if role != graph.RoleCoordinator && len(cs) > 0 {
		return nil, graph.Errorf(graph.EINVALID, "countries", "only COORDINATOR is held for countries")
	}
	if role == graph.RoleCoordinator && grant && len(cs) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "countries", "name the countries the coordinator is for")
	}
	acc, err := svc.Store().Account(ctx, personID)
	if err != nil {
		return nil, err
	}
	roles, held := acc.Roles, acc.Countries
	switch {
	case grant:
		if !slices.Contains(roles, role) {
			roles = append(roles, role)
		}
		for _, c := range cs {
			if !slices.Contains(held, c) {
				held = append(held, c)
			}
		}
	case role == graph.RoleCoordinator && len(cs) > 0:
		held = slices.DeleteFunc(held, func(c string) bool { return slices.Contains(cs, c) })
		if len(held) == 0 {
			roles = slices.DeleteFunc(roles, func(x graph.Role) bool { return x == role })
		}
	default:
		roles = slices.DeleteFunc(roles, func(x graph.Role) bool { return x == role })
		if role == graph.RoleCoordinator {
			held = nil
		}
	}
	slices.Sort(held)
	if err := svc.Store().SetRoles(ctx, personID, roles, held, time.Now()); err != nil {
		return nil, err
	}
	svc.Forget(personID)
	acc.Roles, acc.Countries = roles, held
	return &model.RoleGrant{Person: publicPerson(acc), Roles: roles, Countries: nonNilStrings(held)}, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// newOrganisation builds and checks the organisation of a registration.
func newOrganisation(in model.OrganisationInput) (*graph.Organisation, []string, error) {
	local, err := graph.NewKey()
	if err != nil {
		return nil, nil, err
	}
	o := &graph.Organisation{Meta: graph.Meta{ID: graph.KindOrganisation.Prefix() + ":" + local[:22], Status: graph.Status("published")},
		Name: strings.TrimSpace(in.Name), Type: in.Type, Website: strings.TrimSpace(deref(in.Website)),
		City: strings.TrimSpace(deref(in.City)), Languages: in.Languages}
	if (in.Lat == nil) != (in.Lon == nil) {
		return nil, nil, graph.Errorf(graph.EINVALID, "input.lat", "give both lat and lon, or neither")
	}
	if in.Lat != nil {
		if err := graph.ValidPoint(*in.Lat, *in.Lon); err != nil {
			return nil, nil, err
		}
		o.Location = &orb.Point{*in.Lon, *in.Lat}
	}
	if err := o.Validate(); err != nil {
		return nil, nil, err
	}
	cs, err := checkCountries("input.country", []string{in.Country})
	if err != nil {
		return nil, nil, err
	}
	return o, cs, nil
}

// myData is everything held about the person as indented JSON.
func myData(ctx context.Context, svc *auth.Service, personID string) (string, error) {
	data, err := svc.PersonData(ctx, personID)
	if err != nil {
		return "", err
	}
	b, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// firstArg checks a plain list's first argument (1 to 100, default 20).
func firstArg(first *int) (int, error) {
	if first == nil {
		return 20, nil
	}
	if *first < 1 || *first > graph.MaxPageSize {
		return 0, graph.Errorf(graph.EINVALID, "first", "must be between 1 and %d, got %d", graph.MaxPageSize, *first)
	}
	return *first, nil
}
