package graph

import (
	"context"
	"time"
)

// NewAccount is what registration writes: the Person node, unconfirmed, with
// its password hash (never its password) and a confirmation token's hash.
type NewAccount struct {
	ID           string
	Name         string
	Email        string // lower case
	PasswordHash string
	Languages    []string
	Lang         Lang
	ShareDetails bool
	ThemeIDs     []string
	Organisation string // an organisation to ask to join, or ""
}

// OneTimeToken is a mailed link's token: only its hash is stored; it is used
// once, before it expires. Data carries what the purpose needs (the new
// address of an email change).
type OneTimeToken struct {
	Hash     string
	Purpose  string // "confirm", "reset", "email"
	PersonID string
	Expires  time.Time
	Data     string
}

// The purposes of one-time tokens.
const (
	TokenConfirm = "confirm"
	TokenReset   = "reset"
	TokenEmail   = "email"
)

// Credentials are what login checks.
type Credentials struct {
	PersonID     string
	PasswordHash string
	Confirmed    bool
	Lang         Lang
	Name         string
}

// Session is a browser session; only the SHA-256 of its id is stored.
type Session struct {
	IDHash   string
	PersonID string
	Created  time.Time
	Expires  time.Time
}

// ProfilePatch changes an account; nil fields stay.
type ProfilePatch struct {
	Name         *string
	Languages    []string // nil: unchanged
	Lang         *Lang
	ShareDetails *bool
	ThemeIDs     []string // nil: unchanged
}

// ThrottleRule bounds attempts under one key: after Limit attempts within
// Window, the key is locked for Base, doubling with each further attempt up to
// Max.
type ThrottleRule struct {
	Limit  int
	Window time.Duration
	Base   time.Duration
	Max    time.Duration
}

// DirectoryFilter narrows the directory; each list matches any of its members.
type DirectoryFilter struct {
	Countries []string
	Themes    []string
	Languages []string
}

// Accounts is the part of the store behind accounts, sessions, tokens,
// membership, roles, throttles and privacy. Each method is one transaction.
type Accounts interface {
	// CreateAccount writes an unconfirmed account and its confirmation token;
	// created is false (and nothing written) when the email is taken.
	CreateAccount(ctx context.Context, a NewAccount, confirm OneTimeToken, now time.Time) (created bool, err error)
	// AddOneTimeToken stores a token for a person (a reset, an email change).
	AddOneTimeToken(ctx context.Context, t OneTimeToken) error
	// UseOneTimeToken deletes the token of that hash and purpose and returns
	// it; NOT_FOUND when there is none or it expired.
	UseOneTimeToken(ctx context.Context, purpose, hash string, now time.Time) (*OneTimeToken, error)
	ConfirmEmail(ctx context.Context, personID string, now time.Time) error
	// SetEmail sets a confirmed new address; CONFLICT when another account has it.
	SetEmail(ctx context.Context, personID, email string, now time.Time) error
	SetPendingEmail(ctx context.Context, personID, email string) error
	// SetPassword sets a new hash and ends every session of the person.
	SetPassword(ctx context.Context, personID, hash string, now time.Time) error
	// SetPasswordHash replaces the hash of the same password (new parameters).
	SetPasswordHash(ctx context.Context, personID, hash string) error
	// CredentialsByEmail returns nil for an unknown email.
	CredentialsByEmail(ctx context.Context, email string) (*Credentials, error)
	CredentialsByID(ctx context.Context, personID string) (*Credentials, error)
	Account(ctx context.Context, personID string) (*Account, error)
	UpdateProfile(ctx context.Context, personID string, p ProfilePatch, now time.Time) error

	CreateSession(ctx context.Context, s Session) error
	// SessionActor returns the actor of a live session (nil when unknown or
	// expired) and notes it was seen, at most once per touchEvery.
	SessionActor(ctx context.Context, idHash string, now time.Time, touchEvery time.Duration) (*Actor, error)
	DeleteSession(ctx context.Context, idHash string) error
	DeleteSessions(ctx context.Context, personID string) error

	CreateAPIToken(ctx context.Context, t APIToken, hash string) error
	APITokens(ctx context.Context, personID string) ([]*APIToken, error)
	// RevokeAPIToken deletes a token of the person; NOT_FOUND for another's.
	RevokeAPIToken(ctx context.Context, personID, id string) error
	// TokenActor returns the actor of a token (its scope set), nil when unknown.
	TokenActor(ctx context.Context, hash string, now time.Time, touchEvery time.Duration) (*Actor, error)

	// Throttled returns the latest lock among keys (zero when none is locked).
	Throttled(ctx context.Context, keys []string, now time.Time) (time.Time, error)
	// ThrottleHit records an attempt under each key and returns the latest lock.
	ThrottleHit(ctx context.Context, keys []string, now time.Time, r ThrottleRule) (time.Time, error)
	ThrottleClear(ctx context.Context, keys []string) error

	Memberships(ctx context.Context, personID string) ([]*Membership, error)
	// RegisterOrganisation writes the organisation and makes the person its admin.
	RegisterOrganisation(ctx context.Context, personID string, o *Organisation, country string, themes []string, now time.Time) (*Membership, error)
	// RequestMembership asks to join (claim: to become admin of one without).
	RequestMembership(ctx context.Context, personID, orgID string, claim bool, now time.Time) (*Membership, error)
	// ApproveMembership turns a pending request into membership (admin for a claim).
	ApproveMembership(ctx context.Context, orgID, personID string, claim bool, now time.Time) (*Membership, error)
	Membership(ctx context.Context, orgID, personID string) (*Membership, error)
	// OrgAdmins returns the credentials of an organisation's admins (for mail).
	OrgAdmins(ctx context.Context, orgID string) ([]*Account, error)
	MemberRequests(ctx context.Context, orgID string, claims bool, first int) ([]*Membership, error)
	Claims(ctx context.Context, first int) ([]*Membership, error)

	// SetRoles replaces a person's roles and countries.
	SetRoles(ctx context.Context, personID string, roles []Role, countries []string, now time.Time) error

	Directory(ctx context.Context, f DirectoryFilter, first, offset int) ([]*Person, int, error)
	// PersonData returns everything held about a person, for its download.
	PersonData(ctx context.Context, personID string) (map[string]any, error)
	// DeleteAccount removes the private details, sessions, tokens, memberships
	// and one-time tokens, leaving a former-member tombstone that published
	// content keeps pointing at.
	DeleteAccount(ctx context.Context, personID string, now time.Time) error
}
