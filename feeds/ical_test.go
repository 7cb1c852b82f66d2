package feeds_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

// parseICS reads a calendar with emersion/go-ical (not golang-ical, which wrote it).
func parseICS(t *testing.T, body []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(body)).Decode()
	if err != nil {
		t.Fatalf("go-ical: %v\n%s", err, body)
	}
	return cal
}

// eventsByUID returns the calendar's VEVENTs by UID.
func eventsByUID(t *testing.T, cal *ical.Calendar) map[string]ical.Event {
	t.Helper()
	out := map[string]ical.Event{}
	for _, e := range cal.Events() {
		uid, err := e.Props.Text(ical.PropUID)
		if err != nil || uid == "" {
			t.Fatalf("an event without UID: %v", e.Props)
		}
		if _, dup := out[uid]; dup {
			t.Errorf("UID %s twice", uid)
		}
		out[uid] = e
	}
	return out
}

// text reads a text property, failing the test when it is missing.
func text(t *testing.T, e ical.Event, name string) string {
	t.Helper()
	p := e.Props.Get(name)
	if p == nil {
		t.Fatalf("no %s in %v", name, e.Props)
	}
	s, err := p.Text()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// allDay checks that prop is a DATE (no time) on want.
func allDay(t *testing.T, e ical.Event, prop string, want time.Time) {
	t.Helper()
	p := e.Props.Get(prop)
	if p == nil {
		t.Fatalf("no %s", prop)
	}
	if p.ValueType() != ical.ValueDate {
		t.Errorf("%s is %s %q, want an all-day DATE", prop, p.ValueType(), p.Value)
	}
	got, err := p.DateTime(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(want) {
		t.Errorf("%s %s, want %s", prop, got.Format("2006-01-02"), want.Format("2006-01-02"))
	}
}

// checkLines: CRLF line ends, no line longer than 75 octets.
func checkLines(t *testing.T, body []byte) {
	t.Helper()
	if !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Error("the calendar does not end in CRLF")
	}
	folded := false
	for l := range strings.SplitSeq(strings.TrimSuffix(string(body), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.Contains(l, "\n") {
			t.Errorf("bare LF in %q", l)
		}
		folded = folded || strings.HasPrefix(l, " ")
	}
	if !folded {
		t.Error("no folded line, though the fixture's Polish title is longer than a line")
	}
}

// TestEventICS: one event, by both addresses: the Polish title and the place
// with commas, semicolons and quotes come back intact, all-day from its start
// to the day after its end, with a stable UID, DTSTAMP and its page.
// timedStart and timedEnd are the instants of the timed event of the fixture.
var (
	timedStart = day(20).Time().Add(8*time.Hour + 30*time.Minute)
	timedEnd   = day(20).Time().Add(16 * time.Hour)
)

// TestTimedEventICS: an event known by its times is a timed VEVENT in UTC,
// read back at the same instants.
func TestTimedEventICS(t *testing.T) {
	res, body := get(t, "/events/event:timed.ics")
	mustStatus(t, res, body, 200)
	e, ok := eventsByUID(t, parseICS(t, body))["event:timed@ewsi.example.org"]
	if !ok {
		t.Fatalf("no event in %s", body)
	}
	for prop, want := range map[string]time.Time{ical.PropDateTimeStart: timedStart, ical.PropDateTimeEnd: timedEnd} {
		p := e.Props.Get(prop)
		if p == nil || p.ValueType() == ical.ValueDate {
			t.Fatalf("%s is not a time: %v", prop, p)
		}
		got, err := e.Props.DateTime(prop, nil)
		if err != nil || !got.Equal(want) || !strings.HasSuffix(p.Value, "Z") {
			t.Errorf("%s = %q (%v, %v), want %v in UTC", prop, p.Value, got, err, want)
		}
	}
}

func TestEventICS(t *testing.T) {
	for _, path := range []string{"/events/event:pl-forum.ics", "/feeds/event.ics?id=event:pl-forum", "/events/pl-forum.ics"} {
		t.Run(path, func(t *testing.T) {
			res, body := get(t, path)
			mustStatus(t, res, body, 200)
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
				t.Errorf("Content-Type %q", ct)
			}
			checkLines(t, body)
			evs := eventsByUID(t, parseICS(t, body))
			e, ok := evs["event:pl-forum@ewsi.example.org"]
			if !ok || len(evs) != 1 {
				t.Fatalf("events %v", evs)
			}
			if got := text(t, e, ical.PropSummary); got != eventPL {
				t.Errorf("SUMMARY %q, want %q", got, eventPL)
			}
			if lang := e.Props.Get(ical.PropSummary).Params.Get(ical.ParamLanguage); lang != "pl" {
				t.Errorf("SUMMARY;LANGUAGE=%q", lang)
			}
			if got := text(t, e, ical.PropLocation); got != placePL {
				t.Errorf("LOCATION %q, want %q", got, placePL)
			}
			desc := text(t, e, ical.PropDescription)
			contains(t, "DESCRIPTION", desc, summaryPL)
			contains(t, "DESCRIPTION", desc, site+"/node?id=event%3Apl-forum")
			if u := e.Props.Get(ical.PropURL); u == nil || u.Value != site+"/node?id=event%3Apl-forum" {
				t.Errorf("URL %v", u)
			}
			allDay(t, e, ical.PropDateTimeStart, day(10).Time())
			allDay(t, e, ical.PropDateTimeEnd, day(13).Time()) // exclusive: the day after the last
			if s, err := e.Props.DateTime(ical.PropDateTimeStamp, nil); err != nil || s.IsZero() || s.Location() != time.UTC {
				t.Errorf("DTSTAMP %v %v", s, err)
			}
		})
	}
	for _, c := range []struct {
		path string
		want int
		says string
	}{
		{"/events/event:nope.ics", 404, "event:nope"},
		{"/feeds/event.ics?id=event:nope", 404, "event:nope"},
		{"/events/news:pl-1.ics", 404, "news:pl-1"}, // not an event
		{"/feeds/event.ics", 400, "id"},
		{"/feeds/event.ics?id=event:pl-forum&x=1", 400, "x"},
		{"/events/event:pl-forum.txt", 404, ".ics"},
	} {
		res, body := get(t, c.path)
		if res.StatusCode != c.want || !strings.Contains(string(body), c.says) {
			t.Errorf("%s: %d %q, want %d naming %q", c.path, res.StatusCode, body, c.want, c.says)
		}
	}
}

// TestEventsICS: the events feed holds the events the API lists for the same
// filter (the fixture's all fall in the days it covers), narrowed by country
// and theme.
func TestEventsICS(t *testing.T) {
	for _, c := range []struct {
		path, filter string
		want         []string
	}{
		{"/feeds/events.ics", `{}`, []string{"event:pl-forum", "event:fr-atelier", "event:de-past", "event:timed"}},
		{"/feeds/events.ics?country=PL", `{ countries: ["PL"] }`, []string{"event:pl-forum", "event:timed"}},
		{"/feeds/events.ics?country=FR&theme=education-culture", `{ countries: ["FR"], themes: ["education-culture"] }`, []string{"event:fr-atelier"}},
		{"/feeds/events.ics?country=FR&theme=social-cohesion", `{ countries: ["FR"], themes: ["social-cohesion"] }`, nil},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, body := get(t, c.path)
			mustStatus(t, res, body, 200)
			evs := eventsByUID(t, parseICS(t, body))
			if n := totalCount(t, gql(t, `{ events(filter: `+c.filter+`) { totalCount } }`), "events"); n != len(evs) {
				t.Errorf("%d events, the API lists %d", len(evs), n)
			}
			if len(evs) != len(c.want) {
				t.Errorf("events %v, want %v", evs, c.want)
			}
			for _, id := range c.want {
				if _, ok := evs[id+"@ewsi.example.org"]; !ok {
					t.Errorf("no %s", id)
				}
			}
		})
	}
}

// TestFundingICS: one all-day event on each call's deadline, open or closed;
// a call without a deadline has none.
func TestFundingICS(t *testing.T) {
	res, body := get(t, "/feeds/funding.ics")
	mustStatus(t, res, body, 200)
	checkLines(t, body)
	evs := eventsByUID(t, parseICS(t, body))
	if len(evs) != 2 {
		t.Fatalf("%d deadlines, want 2 (the call without one left out): %v", len(evs), evs)
	}
	for _, c := range []struct {
		uid, title, lang string
		deadline         time.Time
	}{
		{"deadline-funding:fr-open@ewsi.example.org", fundingFR, "fr", day(30).Time()},
		{"deadline-funding:pl-closed@ewsi.example.org", fundingPL, "pl", day(-10).Time()},
	} {
		e, ok := evs[c.uid]
		if !ok {
			t.Errorf("no %s", c.uid)
			continue
		}
		if got := text(t, e, ical.PropSummary); got != c.title {
			t.Errorf("%s: SUMMARY %q, want %q", c.uid, got, c.title)
		}
		if lang := e.Props.Get(ical.PropSummary).Params.Get(ical.ParamLanguage); lang != c.lang {
			t.Errorf("%s: LANGUAGE %q", c.uid, lang)
		}
		allDay(t, e, ical.PropDateTimeStart, c.deadline)
		allDay(t, e, ical.PropDateTimeEnd, c.deadline.AddDate(0, 0, 1))
	}
	_, body = get(t, "/feeds/funding.ics?country=PL")
	if evs := eventsByUID(t, parseICS(t, body)); len(evs) != 1 || evs["deadline-funding:pl-closed@ewsi.example.org"].Component == nil {
		t.Errorf("country=PL: %v", evs)
	}
}
