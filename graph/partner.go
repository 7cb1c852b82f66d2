package graph

import (
	"context"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb"
)

// MaxRankedPage is the largest page of ranked results (partners, related content,
// suggestions) one call may ask for.
const MaxRankedPage = 1000

// MaxRadiusKm bounds the radius of a partner search (the width of Europe and more).
const MaxRadiusKm = 5000

// PartnerQuery is what a partner search asks: either an organisation of ours,
// whose themes, practices, country, type and languages are read from the graph,
// or a profile typed by hand; fields given by hand add to what the graph says.
type PartnerQuery struct {
	Organisation string   // organisation id; optional
	Themes       []string // theme ids or slugs
	Subthemes    []string // subtheme ids or slugs
	Principles   []int    // Common Basic Principle numbers
	Countries    []string // countries wanted (ISO alpha-2); only these
	Types        []string // kinds of organisation wanted; only these
	Languages    []string // languages we work in (ISO 639-1)
	Near         *orb.Point
	RadiusKm     float64 // with Near: only organisations within this distance
	OnlyLooking  bool    // only organisations looking for partners
	ActiveSince  *Date   // only organisations with a practice running on or after this day
}

// Normalize turns slugs and codes into ids and canonical forms and checks every
// value; errors name the field under "input".
func (q *PartnerQuery) Normalize() error {
	var errs Errors
	f := Filter{Themes: q.Themes, Subthemes: q.Subthemes, Principles: q.Principles,
		Countries: q.Countries, Types: q.Types, Langs: q.Languages}
	if err := f.Normalize("input"); err != nil {
		errs = append(errs, ErrorList(err)...)
	}
	for _, t := range q.Types {
		if !OrgType(t).Valid() {
			errs = append(errs, Errorf(EINVALID, "input.types", "%q is not a kind of organisation", t))
		}
	}
	if q.Organisation != "" {
		if k, ok := KindOfID(q.Organisation); !ok || k != KindOrganisation {
			errs = append(errs, Errorf(EINVALID, "input.organisation", "%q is not an organisation id (organisation:...)", q.Organisation))
		}
	}
	if q.Near != nil {
		if err := ValidPoint(q.Near.Lat(), q.Near.Lon()); err != nil {
			errs = append(errs, ErrorList(err)...)
		}
		if !(q.RadiusKm > 0) || q.RadiusKm > MaxRadiusKm {
			errs = append(errs, Errorf(EINVALID, "input.radiusKm", "must be more than 0 and at most %d km, got %v", MaxRadiusKm, q.RadiusKm))
		}
	} else if q.RadiusKm != 0 {
		errs = append(errs, Errorf(EINVALID, "input.radiusKm", "a radius needs a place (input.near)"))
	}
	if q.Organisation == "" && len(q.Themes)+len(q.Subthemes)+len(q.Principles)+len(q.Countries)+len(q.Types)+len(q.Languages) == 0 && q.Near == nil {
		errs = append(errs, Errorf(EINVALID, "input", "give an organisation, or at least one theme, subtheme, principle, country, kind, language or place"))
	}
	return errs.Err()
}

// ReasonKind says what a reason of a ranked result rests on.
type ReasonKind string

// The kinds of reason.
const (
	ReasonTheme        ReasonKind = "THEME"        // a shared theme
	ReasonSubtheme     ReasonKind = "SUBTHEME"     // a shared subtheme
	ReasonPrinciple    ReasonKind = "PRINCIPLE"    // a shared Common Basic Principle
	ReasonType         ReasonKind = "TYPE"         // the kind of organisation asked for, or complementary to ours
	ReasonLanguage     ReasonKind = "LANGUAGE"     // languages in common
	ReasonDistance     ReasonKind = "DISTANCE"     // near the place asked
	ReasonPractice     ReasonKind = "PRACTICE"     // practices of theirs on our topics
	ReasonCollaborator ReasonKind = "COLLABORATOR" // organisations we both worked with
	ReasonLooking      ReasonKind = "LOOKING"      // they look for partners
	ReasonPlace        ReasonKind = "PLACE"        // a shared country or region
	ReasonOrganisation ReasonKind = "ORGANISATION" // a shared organisation (implementer, partner, publisher)
	ReasonFunding      ReasonKind = "FUNDING"      // the same funding
	ReasonEditorLink   ReasonKind = "EDITOR_LINK"  // an editor linked them
	ReasonDirect       ReasonKind = "DIRECT"       // directly connected (its implementer, its funding)
)

// Reason is one part of a ranked result's score, in words the UI can show.
type Reason struct {
	Kind   ReasonKind
	Weight float64 // what it adds to the score
	// Says is what the reason says, worded when shown (graph/labels): one message,
	// or several joined with "; " where reasons to the same node were merged.
	Says []Message
	Via  []string // ids of the nodes the reason goes through
}

// PartnerMatch is one ranked organisation of a partner search.
type PartnerMatch struct {
	ID         string
	Score      float64
	DistanceKm *float64 // from the place asked, or from our organisation
	Reasons    []Reason
}

// RelatedItem is one ranked node related to another.
type RelatedItem struct {
	ID      string
	Kind    Kind
	Score   float64
	Reasons []Reason
}

// Partners is the part of the store behind partner search and related content.
type Partners interface {
	// FindPartners ranks every organisation that fits q, best first, ties by id, and
	// returns the window w with reasons, and how many fit in all. Unknown themes,
	// subthemes and organisations are ENOTFOUND errors naming the field.
	FindPartners(ctx context.Context, q PartnerQuery, w Window) ([]PartnerMatch, int, error)
	// Related returns the first nodes of the given kinds (all content kinds when
	// empty) most related to id, best first, ties by id, with reasons.
	Related(ctx context.Context, id string, kinds []Kind, first int) ([]RelatedItem, error)
}

// RoundScore rounds a score to 4 decimals so that equal sums compare equal
// whatever the order they were added in.
func RoundScore(s float64) float64 { return math.Round(s*1e4) / 1e4 }

// CheckFirst checks a first argument of a ranked list: 0..MaxRankedPage.
func CheckFirst(first int) error {
	if first < 0 || first > MaxRankedPage {
		return Errorf(EINVALID, "first", "must be between 0 and %d, got %d", MaxRankedPage, first)
	}
	return nil
}

// ParseKinds turns kind names ("practice", "LOCAL_AUTHORITY") into content kinds;
// errors name the argument.
func ParseKinds(arg string, names []string) ([]Kind, error) {
	var out []Kind
	for _, n := range names {
		k, ok := KindByPrefix(strings.ReplaceAll(n, "_", ""))
		if !ok || !isContent(k) {
			return nil, Errorf(EINVALID, arg, "%q is not a kind of content", n)
		}
		out = append(out, k)
	}
	return out, nil
}

func isContent(k Kind) bool {
	for _, c := range ContentKinds() {
		if c == k {
			return true
		}
	}
	return false
}

// LinkType is the kind of an editor's link, kept in the RELATED_TO relationship.
type LinkType string

// The kinds of editor link.
const (
	LinkRelated     LinkType = "related"
	LinkSeeAlso     LinkType = "see_also"
	LinkFollowUp    LinkType = "follow_up"
	LinkSameProject LinkType = "same_project"
	LinkInDossier   LinkType = "in_dossier"
)

var linkTypes = []string{"related", "see_also", "follow_up", "same_project", "in_dossier"}

// Valid reports whether t is a known link type.
func (t LinkType) Valid() bool { return slices.Contains(linkTypes, string(t)) }

// MarshalGQL writes the GraphQL enum value.
func (t LinkType) MarshalGQL(w io.Writer) { writeEnum(w, string(t)) }

// UnmarshalGQL reads the GraphQL enum value.
func (t *LinkType) UnmarshalGQL(v any) error {
	return readEnum(v, "LinkType", linkTypes, (*string)(t))
}

// EditorLink is one editor's link between two nodes with its provenance. An
// unlinked link is kept, inactive, with who unlinked it, when and why.
type EditorLink struct {
	From, To   string
	Type       LinkType
	By         string
	At         time.Time
	Note       string
	Active     bool
	UnlinkedBy string
	UnlinkedAt *time.Time
	UnlinkNote string
}

// Suggester suggests links to editors: the nodes likely related to id that no
// editor linked to it and none dismissed, best first. Editing does; a ranking
// that holds its own cache (rank.Ranker) may answer in its place.
type Suggester interface {
	Suggestions(ctx context.Context, id string, first int) ([]RelatedItem, error)
}

// Editing is the part of the store editors write through. Every write is
// idempotent: linking what is linked or unlinking what is not changes nothing.
type Editing interface {
	// Link links from to to; created is false when an active link of that type
	// between them (either way) already existed, which is returned unchanged.
	Link(ctx context.Context, from, to string, t LinkType, note, by string) (l EditorLink, created bool, err error)
	// Unlink retires the active link of type t between from and to (either way),
	// keeping it as history; it reports whether there was one.
	Unlink(ctx context.Context, from, to string, t LinkType, note, by string) (bool, error)
	// LinkHistory returns every editor link of id, active or not, oldest first.
	LinkHistory(ctx context.Context, id string) ([]EditorLink, error)
	// Suggestions returns nodes likely related to id that no editor linked to it
	// and none dismissed, best first.
	Suggestions(ctx context.Context, id string, first int) ([]RelatedItem, error)
	// Dismiss records that to is not a good suggestion for from; it will not be
	// suggested again (either way).
	Dismiss(ctx context.Context, from, to, note, by string) error
}

var reasonKinds = []string{"THEME", "SUBTHEME", "PRINCIPLE", "TYPE", "LANGUAGE", "DISTANCE", "PRACTICE",
	"COLLABORATOR", "LOOKING", "PLACE", "ORGANISATION", "FUNDING", "EDITOR_LINK", "DIRECT"}

// MarshalGQL writes the GraphQL enum value.
func (k ReasonKind) MarshalGQL(w io.Writer) { writeEnum(w, string(k)) }

// UnmarshalGQL reads the GraphQL enum value.
func (k *ReasonKind) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !slices.Contains(reasonKinds, s) {
		return Errorf(EINVALID, "", "%v is not a ReasonKind", v)
	}
	*k = ReasonKind(s)
	return nil
}
