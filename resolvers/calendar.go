package resolvers

import (
	"context"
	"math"
	"time"

	"ewsi/graph"
	"ewsi/resolvers/model"
)

// The calendar's area: the stores it needs, the page arithmetic of its lists,
// and the country of an ISO code through the request's node loader.

func (r *Resolver) calendar() (graph.Calendar, error) {
	if r.Calendar == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "the calendar is not available on this server")
	}
	return r.Calendar, nil
}

func (r *Resolver) sheets() (graph.Sheets, error) {
	if r.Sheets == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "country sheets are not available on this server")
	}
	return r.Sheets, nil
}

func (r *Resolver) indicatorStore() (graph.Indicators, error) {
	if r.Indicators == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "indicators are not available on this server")
	}
	return r.Indicators, nil
}

// countryByCode returns the country of an ISO or Eurostat code, through the
// request's node loader; nil when unknown.
func (r *Resolver) countryByCode(ctx context.Context, code string) (*graph.Country, error) {
	iso, ok := graph.CountryCode(code)
	if !ok {
		return nil, nil
	}
	n, err := r.loadersFor(ctx).nodes.load(ctx, graph.ID(graph.KindCountry, iso))
	if err != nil || n == nil {
		return nil, err
	}
	c, _ := n.(*graph.Country)
	return c, nil
}

// sheetCountry checks a country argument and returns its ISO code.
func (r *Resolver) sheetCountry(ctx context.Context, arg, code string) (string, error) {
	c, err := r.countryByCode(ctx, code)
	if err != nil {
		return "", err
	}
	if c == nil {
		if _, ok := graph.CountryCode(code); !ok {
			return "", graph.Errorf(graph.EINVALID, arg, "%q is not a two-letter country code", code)
		}
		return "", graph.Errorf(graph.ENOTFOUND, arg, "no country %q", code)
	}
	return c.ISO2, nil
}

// pageWindow validates first/after and returns the window they ask.
func pageWindow(first *int, after *string) (graph.PageArgs, graph.Window, error) {
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return p, graph.Window{}, err
	}
	w, _, _ := p.Window(math.MaxInt32)
	return p, w, nil
}

// pageInfo fills the page info of a window of n items out of total.
func pageInfo(p graph.PageArgs, w graph.Window, n, total int) *model.PageInfo {
	_, hasPrev, hasNext := p.Window(total)
	pi := &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext && w.Offset+n < total}
	if n > 0 {
		s, e := graph.Cursor(w.Offset), graph.Cursor(w.Offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// actorRole is the role a revision is recorded in: the highest the actor holds
// among those the rule of reviseSheet admits.
func actorRole(a graph.Actor) string {
	for _, r := range []graph.Role{graph.RoleAdmin, graph.RoleEditor, graph.RoleCoordinator} {
		if a.Has(r) {
			return string(r)
		}
	}
	return "editor"
}

// now is the clock of revisions.
func now() time.Time { return time.Now().UTC() }

// setSection puts one section of a SheetInput; a null leaves it out.
func setSection(in *graph.SheetInput, key string, data *string) error {
	if data == nil {
		return nil
	}
	if in.Sections == nil {
		in.Sections = map[string]string{}
	}
	in.Sections[key] = *data
	return nil
}
