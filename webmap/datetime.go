package webmap

import (
	"strings"
	"time"

	"ewsi/graph"
)

// Interval is the datetime parameter of OGC API Features: an instant, or an
// interval whose ends may be open (nil).
type Interval struct {
	Start, End *time.Time
}

// ParseDatetime reads an RFC 3339 date-time or full date, or an interval of two
// of them separated by "/" where ".." or nothing leaves an end open. A date
// stands for its whole day (UTC).
func ParseDatetime(arg, s string) (Interval, error) {
	bad := func(format string, a ...any) (Interval, error) {
		return Interval{}, graph.Errorf(graph.EINVALID, arg, format, a...)
	}
	a, b, isInterval := strings.Cut(s, "/")
	if !isInterval {
		start, end, err := instant(a)
		if err != nil {
			return bad("%q is not an RFC 3339 date-time or date (as 2024-05-01T10:00:00Z or 2024-05-01)", a)
		}
		return Interval{Start: &start, End: &end}, nil
	}
	var iv Interval
	if a != "" && a != ".." {
		start, _, err := instant(a)
		if err != nil {
			return bad("the start %q is not an RFC 3339 date-time or date, nor .. (open)", a)
		}
		iv.Start = &start
	}
	if b != "" && b != ".." {
		_, end, err := instant(b)
		if err != nil {
			return bad("the end %q is not an RFC 3339 date-time or date, nor .. (open)", b)
		}
		iv.End = &end
	}
	if iv.Start == nil && iv.End == nil {
		return bad("%q leaves both ends open; give at least one", s)
	}
	if iv.Start != nil && iv.End != nil && iv.End.Before(*iv.Start) {
		return bad("the end of %q is before its start", s)
	}
	return iv, nil
}

// instant reads a date-time (an instant: start = end) or a date (its day:
// from its first to its last nanosecond).
func instant(s string) (start, end time.Time, err error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, t, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return d, d.AddDate(0, 0, 1).Add(-time.Nanosecond), nil
}

// Meets tells whether the days from start to end (end nil: the start day
// alone) meet the interval. Points without a date never do.
func (iv Interval) Meets(start, end *graph.Date) bool {
	if start == nil && end == nil {
		return false
	}
	if start == nil {
		start = end
	}
	if end == nil {
		end = start
	}
	from := start.Time()
	to := end.Time().AddDate(0, 0, 1) // the end day is whole
	return (iv.End == nil || !iv.End.Before(from)) && (iv.Start == nil || iv.Start.Before(to))
}
