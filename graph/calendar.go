package graph

import (
	"context"
	"time"
)

// Month is a calendar month with no zone: the calendar's page. Its days are
// plain Dates, so which events it holds never depends on the server's or the
// visitor's time zone.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "YYYY-MM"; arg names the argument for the error.
func ParseMonth(arg, s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return Month{}, Errorf(EINVALID, arg, "%q is not a month of the form YYYY-MM (1900-2200)", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// First returns the month's first day.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last returns the month's last day.
func (m Month) Last() Date {
	return DateOf(time.Date(m.Year, m.Month+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1))
}

// String formats m as YYYY-MM.
func (m Month) String() string { return m.First().String()[:7] }

// MaxCalendarEvents bounds the events of one calendar page.
const MaxCalendarEvents = 500

// FundingFilter narrows the funding list: the content filter (countries,
// themes, langs) and the funder kinds; closed calls (deadline before today)
// only with IncludeClosed.
type FundingFilter struct {
	Filter
	FunderKinds   []FunderKind
	IncludeClosed bool
}

// Normalize checks the filter's values; errors name the field under where.
func (f *FundingFilter) Normalize(where string) error {
	var errs Errors
	if err := f.Filter.Normalize(where); err != nil {
		errs = append(errs, ErrorList(err)...)
	}
	if len(f.FunderKinds) > MaxFilterValues {
		errs = append(errs, Errorf(EINVALID, where+".funderKinds", "at most %d values, got %d", MaxFilterValues, len(f.FunderKinds)))
	}
	for _, k := range f.FunderKinds {
		if !k.Valid() {
			errs = append(errs, Errorf(EINVALID, where+".funderKinds", "%q is not a funder kind", k))
		}
	}
	return errs.Err()
}

// Calendar reads events by the days they cover and funding calls by deadline.
type Calendar interface {
	// EventsBetween returns the published events matching f whose days (start to
	// end, or the start alone) meet the days from..to, by start then id, at most
	// limit, and how many match in all.
	EventsBetween(ctx context.Context, from, to Date, f Filter, limit int) ([]*Event, int, error)
	// FundingByDeadline returns the window w of the published funding calls that
	// match f: open calls (no deadline, or one on or after today) by nearest
	// deadline, those without a deadline last; with f.IncludeClosed, the closed
	// ones after them, latest deadline first. Ties by id. A filter on countries
	// also keeps the EU-wide calls (no country) when it names an EU member.
	FundingByDeadline(ctx context.Context, f FundingFilter, today Date, w Window) ([]*Funding, int, error)
}

// FundingOpen reports whether a call is open on today: it has no deadline or
// its deadline is today or later.
func FundingOpen(f *Funding, today Date) bool {
	return f.Deadline == nil || f.Deadline.IsZero() || !f.Deadline.Before(today)
}
