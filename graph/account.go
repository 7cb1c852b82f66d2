package graph

import (
	"io"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Account is a person's own account: the Person node with its private details.
// Only its owner and admins read it (Policy's "Account.*" rows).
type Account struct {
	ID             string
	Name           string
	Email          string
	EmailConfirmed bool
	PendingEmail   *string
	Languages      []string
	Lang           Lang
	ShareDetails   bool
	ThemeIDs       []string
	Roles          []Role
	Countries      []string
	CreatedAt      time.Time
}

// AuthzSubject is the person the account belongs to, for Rule.Self.
func (a *Account) AuthzSubject() Subject { return Subject{PersonID: a.ID} }

// MembershipStatus is a person's place in an organisation.
type MembershipStatus string

// The membership statuses.
const (
	MemberPending MembershipStatus = "pending"
	MemberMember  MembershipStatus = "member"
	MemberAdmin   MembershipStatus = "admin"
)

var membershipStatuses = []string{"pending", "member", "admin"}

// MarshalGQL writes the GraphQL enum value.
func (s MembershipStatus) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }

// UnmarshalGQL reads the GraphQL enum value.
func (s *MembershipStatus) UnmarshalGQL(v any) error {
	return readEnum(v, "MembershipStatus", membershipStatuses, (*string)(s))
}

// Membership is a person in an organisation (MEMBER_OF with a status).
type Membership struct {
	OrganisationID string
	PersonID       string
	Status         MembershipStatus
	Claim          bool
	Since          time.Time
}

// APIToken is an integrator's token; the secret is never stored, only its hash.
type APIToken struct {
	ID        string
	PersonID  string
	Name      string
	Scope     Scope
	Prefix    string
	CreatedAt time.Time
	LastUsed  *time.Time
}

var roleNames = []string{"visitor", "member", "contributor", "coordinator", "editor", "moderator", "admin"}

// MarshalGQL writes the GraphQL enum value (upper case).
func (r Role) MarshalGQL(w io.Writer) { writeEnum(w, string(r)) }

// UnmarshalGQL reads the GraphQL enum value.
func (r *Role) UnmarshalGQL(v any) error { return readEnum(v, "Role", roleNames, (*string)(r)) }

var tokenScopes = []string{"read", "contribute", "edit"}

// MarshalGQL writes the GraphQL enum value (upper case).
func (s Scope) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }

// UnmarshalGQL reads the GraphQL enum value; a token's scope is never ScopeAll.
func (s *Scope) UnmarshalGQL(v any) error {
	return readEnum(v, "TokenScope", tokenScopes, (*string)(s))
}

// Valid reports whether s is a scope a token may have.
func (s Scope) Valid() bool { return slices.Contains(tokenScopes, string(s)) }

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// MaxPasswordLength bounds the work of hashing one password.
const MaxPasswordLength = 256

// NormalizeEmail checks an email address and returns it lower-cased, as it is
// stored and compared; where names the argument for the error.
func NormalizeEmail(where, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Errorf(EINVALID, where, "an email address is required")
	}
	if len(s) > 254 {
		return "", Errorf(EINVALID, where, "an email address has at most 254 characters")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "", Errorf(EINVALID, where, "%q is not an email address such as name@example.org", s)
	}
	return strings.ToLower(s), nil
}

// CheckPassword checks a new password's length; where names the argument.
func CheckPassword(where, pw string) error {
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLength {
		return Errorf(EINVALID, where, "a password has at least %d characters", MinPasswordLength)
	}
	if len(pw) > MaxPasswordLength {
		return Errorf(EINVALID, where, "a password has at most %d bytes", MaxPasswordLength)
	}
	return nil
}
