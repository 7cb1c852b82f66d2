package feeds

import (
	"context"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"ewsi/graph"
)

// The calendars, written with golang-ical, which escapes text values and
// folds lines at 75 octets. Deadlines, and events known by their days, are
// all-day VEVENTs (DTSTART;VALUE=DATE, DTEND the day after the last, as RFC
// 5545 counts it): a day holds in every time zone, and no TZID is needed. An
// event imported with its times (Event.StartsAt) is a timed VEVENT in UTC
// (DTSTART:…Z), which every client shows in its own zone. DTSTAMP and
// LAST-MODIFIED are in UTC.

// Bounds of the calendars.
const (
	// MaxCalendarEvents bounds the events of events.ics.
	MaxCalendarEvents = 300
	// MaxDeadlines bounds the deadlines of funding.ics.
	MaxDeadlines = graph.MaxPageSize
)

// eventsPast and eventsAhead are the days events.ics covers around today.
const (
	eventsPast  = 365
	eventsAhead = 3 * 365
)

func newCalendar(r *request, name string) *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId("-//EWSI Graph//Feeds//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetRefreshInterval("PT6H")
	cal.SetXPublishedTTL("PT6H")
	cal.SetUrl(r.site + r.URL.RequestURI())
	return cal
}

// langParam is a text property's LANGUAGE parameter, none when the language is unknown.
func langParam(lang string) []ics.PropertyParameter {
	if lang == "" {
		return nil
	}
	return []ics.PropertyParameter{&ics.KeyValues{Key: string(ics.ParameterLanguage), Value: []string{lang}}}
}

// addDay adds an all-day VEVENT from first to last (inclusive) for it, with
// uid: its title and summary in its language, its page, its place.
func addDay(cal *ics.Calendar, r *request, uid string, it item, first, last graph.Date, place string) {
	e := addVEvent(cal, r, uid, it, place)
	e.SetAllDayStartAt(first.Time())
	e.SetAllDayEndAt(last.Time().AddDate(0, 0, 1))
	e.SetTimeTransparency(ics.TransparencyTransparent)
}

// addTimed adds a timed VEVENT from start to end (UTC) for it.
func addTimed(cal *ics.Calendar, r *request, uid string, it item, start, end time.Time, place string) {
	e := addVEvent(cal, r, uid, it, place)
	e.SetStartAt(start.UTC())
	e.SetEndAt(end.UTC())
	e.SetTimeTransparency(ics.TransparencyOpaque)
}

// addVEvent adds a VEVENT with uid and what every one holds: stamps, title,
// summary and page, place.
func addVEvent(cal *ics.Calendar, r *request, uid string, it item, place string) *ics.VEvent {
	e := cal.AddEvent(uid)
	stamp := it.updated
	if stamp.IsZero() {
		stamp = r.since
	}
	e.SetDtStampTime(stamp)
	e.SetModifiedAt(stamp)
	e.SetSummary(it.title, langParam(it.lang)...)
	page := pageURL(r.site, it.id)
	desc := it.summary
	if desc != "" {
		desc += "\n\n"
	}
	e.SetDescription(desc+page, langParam(it.lang)...)
	e.SetURL(page)
	if place != "" {
		e.SetLocation(plain(place), langParam(it.lang)...)
	}
	return e
}

func uid(r *request, what string) string {
	return what + "@" + host(r.site)
}

func writeCalendar(cal *ics.Calendar) ([]byte, error) {
	var b strings.Builder
	if err := cal.SerializeTo(&b, ics.WithNewLine("\r\n")); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// addEvent adds event ev.
func addEvent(cal *ics.Calendar, r *request, ev *graph.Event) {
	if ev.StartsAt != nil {
		end := *ev.StartsAt
		if ev.EndsAt != nil && ev.EndsAt.After(end) {
			end = *ev.EndsAt
		}
		addTimed(cal, r, uid(r, ev.ID), itemOf(ev), *ev.StartsAt, end, ev.Place)
		return
	}
	if ev.Start == nil {
		return
	}
	last := *ev.Start
	if ev.End != nil && !ev.End.Before(last) {
		last = *ev.End
	}
	addDay(cal, r, uid(r, ev.ID), itemOf(ev), *ev.Start, last, ev.Place)
}

// eventICS is one event: /events/{id}.ics or /feeds/event.ics?id=...
func (h *Handlers) eventICS() renderer {
	var id string
	return renderer{
		prepare: func(r *request) (string, error) {
			if file := r.PathValue("file"); file != "" {
				if !strings.HasSuffix(file, ".ics") {
					return "", graph.Errorf(graph.ENOTFOUND, "", "%s: an event's calendar file ends in .ics", r.URL.Path)
				}
				id = strings.TrimSuffix(file, ".ics")
				if err := checkParams(r.URL.Query()); err != nil {
					return "", err
				}
			} else {
				if err := checkParams(r.URL.Query(), paramID); err != nil {
					return "", err
				}
				id = strings.TrimSpace(r.URL.Query().Get(paramID))
				if id == "" {
					return "", graph.Errorf(graph.EINVALID, paramID, "is required: the id of an event (event:...)")
				}
			}
			id = graph.ID(graph.KindEvent, id)
			if len(id) > 200 {
				return "", graph.Errorf(graph.EINVALID, paramID, "is too long")
			}
			return "event:" + id, nil
		},
		render: func(ctx context.Context, r *request) ([]byte, error) {
			nodes, err := h.store.Nodes(ctx, []string{id})
			if err != nil {
				return nil, err
			}
			ev, ok := nodes[id].(*graph.Event)
			if !ok || ev.Status != graph.StatusPublished && ev.Status != "" {
				return nil, graph.Errorf(graph.ENOTFOUND, paramID, "no event %q", id)
			}
			cal := newCalendar(r, plain(ev.Title))
			addEvent(cal, r, ev)
			return writeCalendar(cal)
		},
	}
}

// eventsICS is the events of the days around today narrowed by theme, country
// and language: /feeds/events.ics?country=FR&theme=...
func (h *Handlers) eventsICS() renderer {
	var f graph.Filter
	return renderer{
		prepare: func(r *request) (string, error) {
			var key string
			var err error
			f, key, err = parseFilter(r.URL.Query())
			return "events.ics|" + key, err
		},
		render: func(ctx context.Context, r *request) ([]byte, error) {
			if err := checkExists(ctx, h.store, f); err != nil {
				return nil, err
			}
			from := graph.DateOf(r.today.Time().AddDate(0, 0, -eventsPast))
			to := graph.DateOf(r.today.Time().AddDate(0, 0, eventsAhead))
			events, _, err := h.store.EventsBetween(ctx, from, to, f, MaxCalendarEvents)
			if err != nil {
				return nil, err
			}
			cal := newCalendar(r, "European Website on Integration: events"+filterTitle(f))
			for _, ev := range events {
				addEvent(cal, r, ev)
			}
			return writeCalendar(cal)
		},
	}
}

// fundingICS is the deadlines of the funding calls, one all-day VEVENT on each
// call's deadline: the open calls by nearest deadline, then the closed ones,
// latest first; calls without a deadline are left out.
func (h *Handlers) fundingICS() renderer {
	var f graph.Filter
	return renderer{
		prepare: func(r *request) (string, error) {
			var key string
			var err error
			f, key, err = parseFilter(r.URL.Query())
			return "funding.ics|" + key, err
		},
		render: func(ctx context.Context, r *request) ([]byte, error) {
			if err := checkExists(ctx, h.store, f); err != nil {
				return nil, err
			}
			calls, _, err := h.store.FundingByDeadline(ctx, graph.FundingFilter{Filter: f, IncludeClosed: true},
				r.today, graph.Window{Limit: MaxDeadlines})
			if err != nil {
				return nil, err
			}
			cal := newCalendar(r, "European Website on Integration: funding deadlines"+filterTitle(f))
			for _, c := range calls {
				if c.Deadline == nil {
					continue
				}
				addDay(cal, r, uid(r, "deadline-"+c.ID), itemOf(c), *c.Deadline, *c.Deadline, "")
			}
			return writeCalendar(cal)
		},
	}
}
