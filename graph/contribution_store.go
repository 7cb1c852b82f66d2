package graph

import (
	"context"
	"time"
)

// ERATELIMITED is the code of a submission refused because its contributor sent
// too many lately (the HTTP edge answers RATE_LIMITED for clients too).
const ERATELIMITED = "RATE_LIMITED"

// SubmissionLimit bounds the contributions one person submits: at most Max in Per.
type SubmissionLimit struct {
	Max int
	Per time.Duration
}

// DefaultSubmissionLimit is 20 submissions a day per person.
var DefaultSubmissionLimit = SubmissionLimit{Max: 20, Per: 24 * time.Hour}

// SaveContribution is one save or submission: who, what, under which key.
type SaveContribution struct {
	Person string // the contributor's person id
	Kind   ContributionKind
	Input  ContributionInput
	Key    string // the idempotency key
	Submit bool   // submit for review, else save as a draft
	Demo   bool
}

// Decide is a moderator's decision on a contribution.
type Decide struct {
	ID          string
	By          string // the moderator's person id
	Decision    ReviewDecision
	CriteriaMet []Criterion
	Reason      string
}

// ModerationFilter selects the queue: one country, or every one.
type ModerationFilter struct {
	Country string // "" for every country
}

// Contributions is the part of the store behind contributions. Every write is
// one transaction and idempotent; an unknown contribution is ENOTFOUND.
type Contributions interface {
	// SaveContribution writes a draft or a submission under the person's
	// idempotency key. The key of a draft saves over (or submits) that draft; a
	// submission repeated with the same input returns it with created false, with
	// another input it is ECONFLICT. A submission past lim is ERATELIMITED. An
	// unknown country, theme or organisation is ENOTFOUND naming input.<field>.
	SaveContribution(ctx context.Context, s SaveContribution, lim SubmissionLimit) (c *Contribution, created bool, err error)
	// ReviseContribution saves new fields onto a contribution of its contributor,
	// keeping a revision with the fields changed; a published or rejected one is
	// submitted again, the published node staying as it is until a decision.
	ReviseContribution(ctx context.Context, id, person string, in ContributionInput) (*Contribution, error)
	// WithdrawContribution takes back a draft, submitted or rejected contribution;
	// a published one is ECONFLICT.
	WithdrawContribution(ctx context.Context, id, person string) (*Contribution, error)
	// DecideContribution records a decision on a submitted contribution; PUBLISH
	// writes (or updates) its node, published and credited to its contributor, in
	// the same transaction.
	DecideContribution(ctx context.Context, d Decide) (*Contribution, error)
	// Contribution returns one contribution with its history; ENOTFOUND when none.
	Contribution(ctx context.Context, id string) (*Contribution, error)
	// MyContributions returns the window w of a person's contributions, last
	// changed first, and how many there are.
	MyContributions(ctx context.Context, person string, w Window) ([]*Contribution, int, error)
	// ModerationQueue returns the window w of the submitted contributions that
	// match f, oldest submission first, and how many there are.
	ModerationQueue(ctx context.Context, f ModerationFilter, w Window) ([]*Contribution, int, error)
	// ContributorsReport counts what was published from contributions in year.
	ContributorsReport(ctx context.Context, year int) (*ContributorsReport, error)
	// ContributionNotice returns what the mail to a contribution's contributor
	// needs: their email, language and name ("" email when none is known).
	ContributionNotice(ctx context.Context, id string) (email string, lang Lang, name string, err error)
}
