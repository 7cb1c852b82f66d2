package graph

import (
	"context"

	"github.com/paulmach/orb"
)

// MapKind is what a point on the map stands for. Local and regional authorities
// are one label (LocalAuthority) told apart by their level.
type MapKind string

// The kinds of point on the map.
const (
	MapLocalAuthority    MapKind = "local_authority"
	MapRegionalAuthority MapKind = "regional_authority"
	MapOrganisation      MapKind = "organisation"
	MapPractice          MapKind = "practice"
	MapEvent             MapKind = "event"
)

// MapKinds returns every kind of map point, in a fixed order.
func MapKinds() []MapKind {
	return []MapKind{MapLocalAuthority, MapRegionalAuthority, MapOrganisation, MapPractice, MapEvent}
}

// Label returns the node label that holds points of kind m.
func (m MapKind) Label() Kind {
	switch m {
	case MapLocalAuthority, MapRegionalAuthority:
		return KindLocalAuthority
	case MapOrganisation:
		return KindOrganisation
	case MapPractice:
		return KindPractice
	case MapEvent:
		return KindEvent
	}
	return ""
}

// MapFilter narrows the points of the map. The content filter's themes,
// subthemes, principles and dates match an authority or organisation through its
// own links or through a practice it implements; types match organisations only
// (other kinds have no type and drop out when types are given).
type MapFilter struct {
	Filter
	Kinds        []MapKind // empty: every kind
	HasPractices *bool     // true: practices, and authorities and organisations that implement one
}

// Normalize checks and canonicalises the filter; errors name the field under where.
func (f *MapFilter) Normalize(where string) error {
	var errs Errors
	field := func(name string) string {
		if where == "" {
			return name
		}
		return where + "." + name
	}
	if err := f.Filter.Normalize(where); err != nil {
		errs = append(errs, ErrorList(err)...)
	}
	if f.Query != "" {
		errs = append(errs, Errorf(EINVALID, field("query"), "the map does not filter on words; use search"))
	}
	seen := map[MapKind]bool{}
	kinds := f.Kinds[:0]
	for _, k := range f.Kinds {
		if k.Label() == "" {
			errs = append(errs, Errorf(EINVALID, field("kinds"), "%q is not a kind of map point", k))
			continue
		}
		if !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	f.Kinds = kinds
	return errs.Err()
}

// KindsOrAll returns the filter's kinds, or every kind when none is given.
func (f MapFilter) KindsOrAll() []MapKind {
	if len(f.Kinds) == 0 {
		return MapKinds()
	}
	return f.Kinds
}

// MapPoint is a located node with what the map shows and counts.
type MapPoint struct {
	ID       string
	Kind     MapKind
	Name     string
	Location orb.Point
	Country  string   // ISO 3166 alpha-2, "" when unknown
	Lang     string   // language of the original, "" when unknown
	Demo     bool     // generated demo content
	Themes   []string // theme ids: its own, and for authorities and organisations those of their practices
	Start    *Date    // a practice's start date or an event's start, nil for other kinds
	End      *Date    // a practice's end date or an event's end, nil when open or none
}

// MapReader reads what the map needs.
type MapReader interface {
	// MapPoints returns the published points matching f inside box (west <= east),
	// through the point indexes.
	MapPoints(ctx context.Context, box orb.Bound, f MapFilter) ([]MapPoint, error)
	// GraphVersion returns a token that changes whenever a write that changes the
	// graph completes; caches compare it to know when to drop what they hold.
	GraphVersion(ctx context.Context) (string, error)
}

// ThemeCount is how many points of a cluster are about a theme.
type ThemeCount struct {
	ThemeID string
	Count   int
}
