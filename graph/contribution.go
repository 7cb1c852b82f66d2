package graph

import (
	"io"
	"slices"
	"time"
)

// ContributionKind is what a contribution becomes once published.
type ContributionKind string

// The kinds of contribution.
const (
	ContribPractice     ContributionKind = "practice"
	ContribDocument     ContributionKind = "document"
	ContribNews         ContributionKind = "news"
	ContribEvent        ContributionKind = "event"
	ContribFunding      ContributionKind = "funding"
	ContribLink         ContributionKind = "link"
	ContribOrganisation ContributionKind = "organisation"
)

// ContributionState is where a contribution stands in review.
type ContributionState string

// The states of a contribution.
const (
	StateDraft     ContributionState = "draft"
	StateSubmitted ContributionState = "submitted"
	StatePublished ContributionState = "published"
	StateRejected  ContributionState = "rejected"
	StateWithdrawn ContributionState = "withdrawn"
)

// ReviewDecision is a moderator's decision.
type ReviewDecision string

// The decisions.
const (
	DecisionPublish ReviewDecision = "publish"
	DecisionReject  ReviewDecision = "reject"
)

// DuplicateReason says why a contribution may repeat something.
type DuplicateReason string

// The reasons.
const (
	DupSameTitle   DuplicateReason = "same_title_and_organisation"
	DupSimilarText DuplicateReason = "similar_text"
)

var (
	contributionKinds  = []string{"practice", "document", "news", "event", "funding", "link", "organisation"}
	contributionStates = []string{"draft", "submitted", "published", "rejected", "withdrawn"}
	reviewDecisions    = []string{"publish", "reject"}
	duplicateReasons   = []string{"same_title_and_organisation", "similar_text"}
)

// ContributionKinds lists every kind of contribution.
func ContributionKinds() []ContributionKind {
	out := make([]ContributionKind, len(contributionKinds))
	for i, k := range contributionKinds {
		out[i] = ContributionKind(k)
	}
	return out
}

// Valid reports whether k is a kind of contribution.
func (k ContributionKind) Valid() bool { return slices.Contains(contributionKinds, string(k)) }

// NodeKind is the label of the node k becomes.
func (k ContributionKind) NodeKind() Kind {
	switch k {
	case ContribPractice:
		return KindPractice
	case ContribDocument:
		return KindDocument
	case ContribNews:
		return KindNews
	case ContribEvent:
		return KindEvent
	case ContribFunding:
		return KindFunding
	case ContribLink:
		return KindLink
	case ContribOrganisation:
		return KindOrganisation
	}
	return ""
}

// Valid reports whether s is a state.
func (s ContributionState) Valid() bool { return slices.Contains(contributionStates, string(s)) }

// MarshalGQL and UnmarshalGQL read and write the GraphQL enum values.
func (k ContributionKind) MarshalGQL(w io.Writer)  { writeEnum(w, string(k)) }
func (s ContributionState) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }
func (d ReviewDecision) MarshalGQL(w io.Writer)    { writeEnum(w, string(d)) }
func (r DuplicateReason) MarshalGQL(w io.Writer)   { writeEnum(w, string(r)) }
func (k *ContributionKind) UnmarshalGQL(v any) error {
	return readEnum(v, "ContributionKind", contributionKinds, (*string)(k))
}
func (s *ContributionState) UnmarshalGQL(v any) error {
	return readEnum(v, "ContributionState", contributionStates, (*string)(s))
}
func (d *ReviewDecision) UnmarshalGQL(v any) error {
	return readEnum(v, "ReviewDecision", reviewDecisions, (*string)(d))
}
func (r *DuplicateReason) UnmarshalGQL(v any) error {
	return readEnum(v, "DuplicateReason", duplicateReasons, (*string)(r))
}

// Contribution is content a person submitted, with its review history. It is
// private to its contributor, the moderators and the coordinators of its
// country until published; then the node it became (Published) is public.
type Contribution struct {
	ID              string
	Kind            ContributionKind
	State           ContributionState
	PendingRevision bool // published, with a revision waiting for review
	Lang            Lang
	Title           string
	Country         *string
	Contributor     string // person id
	ContributorName *string
	Fields          *ContributionInput
	CreatedAt       time.Time
	UpdatedAt       time.Time
	SubmittedAt     *time.Time
	PublishedID     string // the node it became, "" until published
	Revisions       []*ContributionRevision
	Reviews         []*ContributionReview
	Reason          *string
	Duplicates      []*PossibleDuplicate
	Demo            bool
}

// FieldChange is one field a revision changed, as text.
type FieldChange struct {
	Field  string
	Before *string
	After  *string
}

// ContributionRevision is one version of a contribution's fields.
type ContributionRevision struct {
	Number  int
	At      time.Time
	By      string
	Changes []*FieldChange
}

// ContributionReview is one decision on a contribution.
type ContributionReview struct {
	At          time.Time
	By          string
	Decision    ReviewDecision
	CriteriaMet []Criterion
	Reason      *string
	Revision    int
}

// PossibleDuplicate is content or a contribution a contribution may repeat.
type PossibleDuplicate struct {
	ID     string
	Title  string
	Reason DuplicateReason
}

// ContributionCount is a count for one kind or one country.
type ContributionCount struct {
	Key   string
	Count int
}

// ContributorLine is one contributor's published items in a year.
type ContributorLine struct {
	PersonID string
	Name     *string
	Total    int
	ByKind   []*ContributionCount
}

// ContributorsReport is what was published from contributions in a year.
type ContributorsReport struct {
	Year         int
	Total        int
	ByKind       []*ContributionCount
	ByCountry    []*ContributionCount
	Contributors []*ContributorLine
}

// Relationships of contributions (besides RelSubmitted and RelReviewed).
const (
	RelContributedBy = "CONTRIBUTED_BY" // (x)-[:CONTRIBUTED_BY]->(Person): the published node credits its contributor
	RelBecame        = "BECAME"         // (Contribution)-[:BECAME]->(x): the node it was published as
)
