package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones for TZIDs, whatever the machine has

	"github.com/emersion/go-ical"

	"ewsi/graph"
)

// icsFile reads an iCalendar file (RFC 5545) with github.com/emersion/go-ical:
// each VEVENT becomes an event record (see README.md, "Feeds: iCalendar, Atom
// and RSS"). Its line is the line of its BEGIN:VEVENT.
type icsFile struct {
	path   string
	open   func() (io.ReadCloser, error)
	opts   Options
	themes map[string]bool
	pt     plainText
	*warnings
}

func (c *icsFile) Name() string { return c.path }

// eventAt is where a VEVENT is in the file: the line of its BEGIN and its size in bytes.
type eventAt struct{ line, size int }

// icsEvents finds the VEVENTs of the file in order, by their BEGIN and END lines.
func icsEvents(data []byte) []eventAt {
	var out []eventAt
	line, start, open := 0, 0, -1
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		line++
		text := strings.TrimRight(string(data[off:min(next, off+20)]), "\r\n")
		switch {
		case strings.EqualFold(text, "BEGIN:VEVENT"):
			open, start = len(out), off
			out = append(out, eventAt{line: line})
		case strings.EqualFold(text, "END:VEVENT") && open >= 0:
			out[open].size = next - start
			open = -1
		}
		off = next
	}
	return out
}

func (c *icsFile) Scan(fn func(int, *graph.Record, error) error) error {
	c.reset()
	data, err := readAll(c.path, c.open)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, bom)
	cal, err := decodeICS(data)
	if err != nil {
		return graph.Errorf(graph.EINVALID, c.path, "not a valid iCalendar file: %s", strings.TrimPrefix(err.Error(), "ical: "))
	}
	events := cal.Events()
	if len(events) > MaxFeedEntries {
		return graph.Errorf(graph.EINVALID, c.path, "has %s events, over the limit of %s for one file", thousands(len(events)), thousands(MaxFeedEntries))
	}
	at := icsEvents(data)
	byLine := len(at) == len(events)
	if !byLine { // a VEVENT where the line scan cannot match it: number the events instead
		at = make([]eventAt, len(events))
		for i := range at {
			at[i].line = i + 1
		}
	}
	z := newZones(cal)
	// what the calendar says for all its events
	calLang := ""
	for _, name := range []string{"X-WR-CALNAME", "X-WR-CALDESC", "NAME", "DESCRIPTION"} {
		if p := cal.Props.Get(name); p != nil && calLang == "" {
			calLang = p.Params.Get(ical.ParamLanguage)
		}
	}
	floating := time.UTC
	if p := cal.Props.Get("X-WR-TIMEZONE"); p != nil {
		if loc, err := z.location(p.Value); err == nil && loc != nil {
			floating = loc // an IANA name; a name only a VTIMEZONE defines is not used here
		}
	}
	for i, ev := range events {
		src := c.path + ":" + strconv.Itoa(at[i].line)
		if !byLine {
			src = c.path + ": event " + strconv.Itoa(at[i].line)
		}
		var rec *graph.Record
		var err error
		if at[i].size > MaxRecordBytes {
			err = graph.Errorf(graph.EINVALID, src, "the event is %s bytes long, over the limit of %s bytes for one record", thousands(at[i].size), thousands(MaxRecordBytes))
		} else {
			rec, err = c.safeEvent(src, ev, z, floating, calLang)
		}
		if rec == nil && err == nil {
			continue // left out, with a warning
		}
		if err := fn(at[i].line, rec, err); err != nil {
			return err
		}
	}
	return nil
}

// decodeICS decodes a calendar; go-ical panics on some malformed lines (an
// index out of range on "0;0="), which become an error here.
func decodeICS(data []byte) (cal *ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cal, err = nil, fmt.Errorf("malformed content line (%v)", r)
		}
	}()
	return ical.NewDecoder(bytes.NewReader(data)).Decode()
}

// safeEvent is event with a panic of the library turned into a rejection.
func (c *icsFile) safeEvent(src string, ev ical.Event, z *zones, floating *time.Location, calLang string) (rec *graph.Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, entryErr(src, "", "the event cannot be read (%v)", r)
		}
	}()
	return c.event(src, ev, z, floating, calLang)
}

// icsText reads a TEXT property, unescaped; an unescaped comma, which go-ical
// takes for a list separator, is kept as a comma.
func icsText(p *ical.Prop) (string, error) {
	if p == nil {
		return "", nil
	}
	list, err := p.TextList()
	if err != nil {
		return "", err
	}
	return strings.Join(list, ","), nil
}

// event turns one VEVENT into an event record; nil, nil when it is left out.
func (c *icsFile) event(src string, ev ical.Event, z *zones, floating *time.Location, calLang string) (*graph.Record, error) {
	text := map[string]string{}
	for _, name := range []string{"UID", "SUMMARY", "DESCRIPTION", "LOCATION"} {
		v, err := icsText(ev.Props.Get(name))
		if err != nil {
			return nil, entryErr(src, name, "%s", strings.TrimPrefix(err.Error(), "ical: "))
		}
		text[name] = strings.TrimSpace(v)
	}
	if p := ev.Props.Get(ical.PropURL); p != nil {
		text["URL"] = strings.TrimSpace(p.Value) // a URI: no escapes
	}
	uid := text["UID"]
	if uid == "" {
		return nil, entryErr(src, "UID", "is required: it makes the event's id, so that loading the feed again updates the event")
	}
	if ev.Props.Get("RECURRENCE-ID") != nil {
		c.add("%s: UID %s: a changed occurrence of a recurring event (RECURRENCE-ID) is not loaded", src, uid)
		return nil, nil
	}
	dtstart := ev.Props.Get(ical.PropDateTimeStart)
	if dtstart == nil {
		return nil, entryErr(src, "DTSTART", "is required (UID %s)", uid)
	}
	start, allDay, err := z.when(dtstart, floating)
	if err != nil {
		return nil, entryErr(src, "DTSTART", "%s (UID %s)", err.Error(), uid)
	}
	var end time.Time
	if p := ev.Props.Get(ical.PropDateTimeEnd); p != nil {
		e, endAllDay, err := z.when(p, floating)
		if err != nil {
			return nil, entryErr(src, "DTEND", "%s (UID %s)", err.Error(), uid)
		}
		if endAllDay != allDay {
			return nil, entryErr(src, "DTEND", "is a %s while DTSTART is a %s (UID %s)", kindOfValue(endAllDay), kindOfValue(allDay), uid)
		}
		end = e
	} else if p := ev.Props.Get(ical.PropDuration); p != nil {
		d, err := p.Duration()
		if err != nil {
			return nil, entryErr(src, "DURATION", "%q is not a duration (UID %s)", p.Value, uid)
		}
		end = start.Add(d)
	}
	if ev.Props.Get(ical.PropRecurrenceRule) != nil {
		c.add("%s: UID %s repeats (RRULE): only its first occurrence, on %s, is loaded", src, uid, graph.DateOf(start))
	}
	obj := map[string]any{
		"type": "event", "id": feedID("ics-", uid),
		"title": c.pt.text(text["SUMMARY"]), "summary": clip(c.pt.text(text["DESCRIPTION"]), TextLimit("summary")),
		"place": c.pt.text(text["LOCATION"]), "url": text["URL"],
	}
	if obj["title"] == "" {
		return nil, entryErr(src, "SUMMARY", "is required: it is the event's title (UID %s)", uid)
	}
	lang := pickLang(c.opts, langParam(ev, "SUMMARY"), langParam(ev, "DESCRIPTION"), langParam(ev, "LOCATION"), calLang)
	if lang == "" {
		return nil, entryErr(src, "LANGUAGE", "the event names no language (LANGUAGE=pl on SUMMARY, or on X-WR-CALNAME for the whole file) and none was given with --lang (UID %s)", uid)
	}
	obj["lang"] = lang
	day := graph.DateOf(start)
	obj["start"] = day.String()
	if allDay {
		// DTEND of an all-day event is the day after its last
		if !end.IsZero() {
			if last := graph.DateOf(end.AddDate(0, 0, -1)); day.Before(last) {
				obj["end"] = last.String()
			}
		}
	} else {
		obj["startsAt"] = start.UTC().Format(time.RFC3339)
		if !end.IsZero() {
			obj["endsAt"] = end.UTC().Format(time.RFC3339)
			// an event ending at midnight ends on the day before
			last := graph.DateOf(end.Add(-time.Nanosecond))
			if day.Before(last) {
				obj["end"] = last.String()
			}
		}
	}
	if p := ev.Props.Get(ical.PropGeo); p != nil {
		lat, lon, ok := strings.Cut(p.Value, ";")
		la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
		lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, entryErr(src, "GEO", "%q is not latitude;longitude (UID %s)", p.Value, uid)
		}
		obj["lat"], obj["lon"] = la, lo
	}
	var cats []string
	for _, p := range ev.Props.Values(ical.PropCategories) {
		list, err := p.TextList()
		if err != nil {
			return nil, entryErr(src, "CATEGORIES", "%s (UID %s)", strings.TrimPrefix(err.Error(), "ical: "), uid)
		}
		cats = append(cats, list...)
	}
	if themes := matchThemes(c.themes, cats); len(themes) > 0 {
		obj["themes"] = themes
	}
	return feedRecord(src, obj)
}

func kindOfValue(allDay bool) string {
	if allDay {
		return "date"
	}
	return "date-time"
}

// langParam is the LANGUAGE parameter of the event's property name.
func langParam(ev ical.Event, name string) string {
	if p := ev.Props.Get(name); p != nil {
		return p.Params.Get(ical.ParamLanguage)
	}
	return ""
}
