package graph

import (
	"io"
	"slices"
	"strings"
)

// BoardFilter narrows the board of requests. Empty fields do not filter; an
// empty Status means open requests only.
type BoardFilter struct {
	Themes    []string // theme or subtheme ids or slugs; a theme also matches its subthemes
	Countries []string
	Types     []string
	Status    []RequestStatus
	Demo      *bool
}

// Normalize turns slugs and codes into ids and checks them; errors name the field under "filter".
func (f *BoardFilter) Normalize() error {
	var c checker
	var themes, subthemes []string
	for _, t := range f.Themes {
		t = strings.ToLower(strings.TrimSpace(t))
		if k, ok := KindOfID(t); ok && k == KindSubtheme {
			subthemes = append(subthemes, t)
		} else {
			themes = append(themes, t)
		}
	}
	ff := Filter{Themes: themes, Subthemes: subthemes, Countries: f.Countries}
	if err := ff.Normalize("filter"); err != nil {
		c.errs = append(c.errs, ErrorList(err)...)
	}
	f.Themes = append(ff.Themes, ff.Subthemes...)
	normalizeOrgTypes(&c, "filter.types", f.Types)
	if len(f.Status) == 0 {
		f.Status = []RequestStatus{RequestOpen}
	}
	for _, s := range f.Status {
		if !slices.Contains(requestStatuses, string(s)) {
			c.fail("filter.status", "%q is not a request status", s)
		}
	}
	return c.errs.Err()
}

// BoardOrder is the order of the board.
type BoardOrder string

// The orders of the board.
const (
	BoardNewest      BoardOrder = "newest"       // newest first
	BoardClosingSoon BoardOrder = "closing_soon" // closing soonest first
)

var boardOrders = []string{"newest", "closing_soon"}

// MarshalGQL writes the GraphQL enum value.
func (o BoardOrder) MarshalGQL(w io.Writer) { writeEnum(w, string(o)) }

// UnmarshalGQL reads the GraphQL enum value.
func (o *BoardOrder) UnmarshalGQL(v any) error {
	return readEnum(v, "BoardOrder", boardOrders, (*string)(o))
}
