package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// zones resolves the TZIDs of one iCalendar file: an IANA name (Europe/Warsaw)
// through Go's time zone database (embedded with time/tzdata), any other name
// through the file's VTIMEZONE of that TZID, whose STANDARD and DAYLIGHT
// observances (with their RRULEs) give the offset at each moment.
type zones struct {
	defs  map[string]*ical.Component
	cache map[string]*time.Location
}

func newZones(cal *ical.Calendar) *zones {
	z := &zones{defs: map[string]*ical.Component{}, cache: map[string]*time.Location{}}
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			if p := c.Props.Get(ical.PropTimezoneID); p != nil {
				z.defs[p.Value] = c
			}
		}
	}
	return z
}

// location returns the IANA zone of tzid; nil with no error when tzid is no
// IANA name but the file defines it (its offsets then come from the VTIMEZONE).
func (z *zones) location(tzid string) (*time.Location, error) {
	if loc, ok := z.cache[tzid]; ok {
		return loc, nil
	}
	name := strings.TrimPrefix(tzid, "/")
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "Local" {
		loc = nil
		if _, ok := z.defs[tzid]; !ok {
			return nil, fmt.Errorf("TZID %q is no IANA time zone name and the file has no VTIMEZONE for it", tzid)
		}
	}
	z.cache[tzid] = loc
	return loc, nil
}

// when reads a DTSTART or DTEND: the instant (in its zone, so that its date is
// the day where the event takes place) and whether it is a date (all day).
// A date-time with neither TZID nor Z is floating: read in floating.
func (z *zones) when(p *ical.Prop, floating *time.Location) (time.Time, bool, error) {
	allDay := p.ValueType() == ical.ValueDate || (p.ValueType() == ical.ValueDefault && len(p.Value) == len("20060102"))
	if allDay {
		t, err := time.Parse("20060102", p.Value)
		if err != nil {
			return time.Time{}, true, fmt.Errorf("%q is not a date (YYYYMMDD)", p.Value)
		}
		return t, true, nil
	}
	tzid := p.Params.Get(ical.PropTimezoneID)
	loc := floating
	if tzid != "" && !strings.HasSuffix(p.Value, "Z") {
		var err error
		if loc, err = z.location(tzid); err != nil {
			return time.Time{}, false, err
		}
	}
	bare := ical.Prop{Name: p.Name, Params: ical.Params{}, Value: p.Value}
	if loc != nil {
		t, err := bare.DateTime(loc)
		if err != nil {
			return time.Time{}, false, fmt.Errorf("%q is not a date-time (YYYYMMDDTHHMMSS, with Z for UTC)", p.Value)
		}
		return t, false, nil
	}
	wall, err := bare.DateTime(time.UTC) // the wall clock of the VTIMEZONE, read as if UTC
	if err != nil || strings.HasSuffix(p.Value, "Z") {
		return time.Time{}, false, fmt.Errorf("%q is not a date-time (YYYYMMDDTHHMMSS, with Z for UTC)", p.Value)
	}
	off, err := offsetAt(z.defs[tzid], wall)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("VTIMEZONE %q: %v", tzid, err)
	}
	zone := time.FixedZone(tzid, off)
	y, m, d := wall.Date()
	return time.Date(y, m, d, wall.Hour(), wall.Minute(), wall.Second(), 0, zone), false, nil
}

// offsetAt is the UTC offset, in seconds, that a VTIMEZONE gives the wall
// clock time wall (read as UTC): the TZOFFSETTO of the observance whose last
// onset (DTSTART, or an RRULE or RDATE occurrence) is the latest before wall;
// before any onset, the TZOFFSETFROM of the first.
func offsetAt(tz *ical.Component, wall time.Time) (int, error) {
	var best time.Time
	bestOff, firstOff := 0, 0
	var first time.Time
	found := false
	for _, ob := range tz.Children {
		if ob.Name != ical.CompTimezoneStandard && ob.Name != ical.CompTimezoneDaylight {
			continue
		}
		from, err1 := utcOffset(ob.Props.Get(ical.PropTimezoneOffsetFrom))
		to, err2 := utcOffset(ob.Props.Get(ical.PropTimezoneOffsetTo))
		if err1 != nil || err2 != nil {
			return 0, fmt.Errorf("%s: TZOFFSETFROM and TZOFFSETTO must be offsets such as +0100", ob.Name)
		}
		sp := ob.Props.Get(ical.PropDateTimeStart)
		if sp == nil {
			return 0, fmt.Errorf("%s has no DTSTART", ob.Name)
		}
		start, err := (&ical.Prop{Name: sp.Name, Params: ical.Params{}, Value: sp.Value}).DateTime(time.UTC)
		if err != nil {
			return 0, fmt.Errorf("%s: DTSTART %q is not a date-time", ob.Name, sp.Value)
		}
		if first.IsZero() || start.Before(first) {
			first, firstOff = start, from
		}
		onset := time.Time{}
		if !start.After(wall) {
			onset = start
		}
		if opt, err := ob.Props.RecurrenceRule(); err != nil {
			return 0, fmt.Errorf("%s: RRULE: %v", ob.Name, err)
		} else if opt != nil {
			opt.Dtstart = start
			rule, err := rrule.NewRRule(*opt)
			if err != nil {
				return 0, fmt.Errorf("%s: RRULE: %v", ob.Name, err)
			}
			if t := rule.Before(wall, true); !t.IsZero() && t.After(onset) {
				onset = t
			}
		}
		for _, rd := range ob.Props.Values(ical.PropRecurrenceDates) {
			t, err := (&ical.Prop{Name: rd.Name, Params: ical.Params{}, Value: rd.Value}).DateTime(time.UTC)
			if err == nil && !t.After(wall) && t.After(onset) {
				onset = t
			}
		}
		if !onset.IsZero() && (!found || onset.After(best)) {
			best, bestOff, found = onset, to, true
		}
	}
	if first.IsZero() {
		return 0, fmt.Errorf("has no STANDARD or DAYLIGHT observance")
	}
	if !found {
		return firstOff, nil
	}
	return bestOff, nil
}

// utcOffset reads an offset such as +0100, -0530 or +013000 in seconds.
func utcOffset(p *ical.Prop) (int, error) {
	if p == nil {
		return 0, fmt.Errorf("missing")
	}
	v := strings.TrimSpace(p.Value)
	if (len(v) != 5 && len(v) != 7) || (v[0] != '+' && v[0] != '-') {
		return 0, fmt.Errorf("%q is not an offset", v)
	}
	h, err1 := strconv.Atoi(v[1:3])
	m, err2 := strconv.Atoi(v[3:5])
	s := 0
	var err3 error
	if len(v) == 7 {
		s, err3 = strconv.Atoi(v[5:7])
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, fmt.Errorf("%q is not an offset", v)
	}
	off := h*3600 + m*60 + s
	if v[0] == '-' {
		off = -off
	}
	return off, nil
}
