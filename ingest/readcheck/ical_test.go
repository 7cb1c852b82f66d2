package readcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// scanWith writes content to a file named name, opens it with opts and scans
// it: the records, the rejections (folder left out), the warnings and the
// error that stopped the scan.
func scanWith(t *testing.T, name, content string, opts ingest.Options) (recs []*graph.Record, errs, warns []string, fatal error) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := ingest.OpenWith(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{}
	fatal = src.Scan(func(line int, rec *graph.Record, err error) error {
		if lines[line] {
			t.Errorf("line %d given twice: the loader tells records apart by it", line)
		}
		lines[line] = true
		if err != nil {
			errs = append(errs, strings.ReplaceAll(graph.ErrorMessageFull(err), dir+string(filepath.Separator), ""))
		} else {
			recs = append(recs, rec)
		}
		return nil
	})
	for _, w := range ingest.Warnings(src) {
		warns = append(warns, strings.ReplaceAll(w, dir+string(filepath.Separator), ""))
	}
	if fatal != nil {
		fatal = fmt.Errorf("%s", strings.ReplaceAll(graph.ErrorMessageFull(fatal), dir+string(filepath.Separator), ""))
	}
	return recs, errs, warns, fatal
}

// vcal wraps events in a calendar, lines ending in CRLF.
func vcal(events ...string) string {
	s := "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + strings.Join(events, "") + "END:VCALENDAR\n"
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// vevent is an event with the given lines between UID and END.
func vevent(uid string, lines ...string) string {
	return "BEGIN:VEVENT\nUID:" + uid + "\nDTSTAMP:20240101T000000Z\n" + strings.Join(lines, "\n") + "\nEND:VEVENT\n"
}

func TestICalendarEntries(t *testing.T) {
	ok := []string{"DTSTART:20240506T080000Z", "SUMMARY;LANGUAGE=pl:Dzień otwarty"}
	tests := []struct {
		name    string
		content string
		opts    ingest.Options
		ok      int
		errs    []string // prefixes of the rejections, in order
		warns   []string // prefixes of the warnings
		check   func(t *testing.T, recs []*graph.Record)
	}{
		{name: "a recurring event loads its first occurrence with a warning",
			content: vcal(vevent("r1", "DTSTART;TZID=Europe/Warsaw:20240506T180000", "RRULE:FREQ=WEEKLY;COUNT=10", "SUMMARY;LANGUAGE=pl:Kurs języka polskiego")),
			ok:      1, warns: []string{"x.ics:4: UID r1 repeats (RRULE): only its first occurrence, on 2024-05-06, is loaded"},
			check: func(t *testing.T, recs []*graph.Record) {
				e := recs[0].Node.(*graph.Event)
				if e.StartsAt == nil || e.StartsAt.Format("2006-01-02T15:04Z07:00") != "2024-05-06T16:00Z" {
					t.Errorf("startsAt %v, want 16:00 UTC (18:00 CEST)", e.StartsAt)
				}
			}},
		{name: "a changed occurrence of a recurring event is left out with a warning",
			content: vcal(vevent("r1", ok...), vevent("r1", append(ok, "RECURRENCE-ID:20240513T080000Z")...)),
			ok:      1, warns: []string{"x.ics:10: UID r1: a changed occurrence"}},
		{name: "no language anywhere is rejected, naming --lang",
			content: vcal(vevent("n1", "DTSTART:20240506T080000Z", "SUMMARY:Open day")),
			errs:    []string{"x.ics:4: LANGUAGE: the event names no language"}},
		{name: "--lang gives the language of events that name none",
			content: vcal(vevent("n1", "DTSTART:20240506T080000Z", "SUMMARY:Dzień otwarty")), opts: ingest.Options{Lang: "pl"},
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				if l := recs[0].Node.(*graph.Event).Lang; l != "pl" {
					t.Errorf("lang %q", l)
				}
			}},
		{name: "a region tag is its language",
			content: vcal(vevent("n1", "DTSTART:20240506T080000Z", "SUMMARY;LANGUAGE=de-AT:Tag der offenen Tür")), ok: 1},
		{name: "a language that is no EU official language is rejected",
			content: vcal(vevent("n1", "DTSTART:20240506T080000Z", "SUMMARY;LANGUAGE=uk:День відкритих дверей")),
			errs:    []string{"x.ics:4: lang: \"uk\" is not the ISO 639-1 code of an EU official language"}},
		{name: "an unknown TZID is rejected",
			content: vcal(vevent("t1", "DTSTART;TZID=Mars/Olympus:20240506T080000", "SUMMARY;LANGUAGE=en:Open day")),
			errs:    []string{`x.ics:4: DTSTART: TZID "Mars/Olympus" is no IANA time zone name and the file has no VTIMEZONE for it`}},
		{name: "a bad escape is rejected with its property",
			content: vcal(vevent("e1", "DTSTART:20240506T080000Z", `SUMMARY;LANGUAGE=en:Open\x day`)),
			errs:    []string{"x.ics:4: SUMMARY: malformed text"}},
		{name: "no SUMMARY is rejected",
			content: vcal(vevent("s1", "DTSTART:20240506T080000Z")),
			errs:    []string{"x.ics:4: SUMMARY: is required"}},
		{name: "DTEND a date when DTSTART is a date-time",
			content: vcal(vevent("d1", "DTSTART:20240506T080000Z", "DTEND;VALUE=DATE:20240507", "SUMMARY;LANGUAGE=en:Open day")),
			errs:    []string{"x.ics:4: DTEND: is a date while DTSTART is a date-time"}},
		{name: "an event ending before it starts",
			content: vcal(vevent("d2", "DTSTART:20240506T080000Z", "DTEND:20240506T070000Z", "SUMMARY;LANGUAGE=en:Open day")),
			errs:    []string{"x.ics:4: endsAt: 2024-05-06T07:00:00Z is before startsAt"}},
		{name: "a title over its limit",
			content: vcal(vevent("l1", "DTSTART:20240506T080000Z", "SUMMARY;LANGUAGE=en:"+strings.Repeat("a", 501))),
			errs:    []string{"x.ics:4: title: is 501 characters long, over the limit of 500"}},
		{name: "an event over 1 MiB",
			content: vcal(vevent("big", append(ok, "DESCRIPTION:"+strings.Repeat("ż", 600_000))...), vevent("small", ok...)),
			ok:      1, errs: []string{"x.ics:4: the event is 1,200,"}},
		{name: "a long description is cut to the summary's limit",
			content: vcal(vevent("c1", append(ok, "DESCRIPTION:"+strings.Repeat("słowo ", 2000))...)),
			ok:      1, check: func(t *testing.T, recs []*graph.Record) {
				s := recs[0].Node.(*graph.Event).Summary
				if n := len([]rune(s)); n > 5000 || n < 4900 || !strings.HasSuffix(s, "słowo…") {
					t.Errorf("summary of %d characters ending %q", n, s[len(s)-12:])
				}
			}},
		{name: "a duration instead of DTEND; a floating time read in X-WR-TIMEZONE",
			content: strings.Replace(vcal(vevent("f1", "DTSTART:20240115T090000", "DURATION:PT2H", "SUMMARY;LANGUAGE=en:Workshop")),
				"PRODID:-//test//EN", "PRODID:-//test//EN\r\nX-WR-TIMEZONE:Europe/Brussels", 1),
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				e := recs[0].Node.(*graph.Event)
				if e.StartsAt.Format("15:04Z07:00") != "08:00Z" || e.EndsAt.Format("15:04Z07:00") != "10:00Z" {
					t.Errorf("startsAt %v endsAt %v", e.StartsAt, e.EndsAt)
				}
			}},
		{name: "markup in an event's text is dropped",
			content: vcal(vevent("h1", "DTSTART:20240506T080000Z", `SUMMARY;LANGUAGE=en:Open <script>alert(1)</script>day`,
				`LOCATION:<img src=x onerror=alert(2)>Town hall`, `DESCRIPTION:<p>First</p><p>Second <b>bold</b></p>`)),
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				e := recs[0].Node.(*graph.Event)
				if e.Title != "Open day" || e.Place != "Town hall" || e.Summary != "First\n\nSecond bold" {
					t.Errorf("title %q place %q summary %q", e.Title, e.Place, e.Summary)
				}
			}},
		{name: "an X-WR-TIMEZONE that only a VTIMEZONE names leaves floating times in UTC",
			content: strings.Replace(vcal(vevent("f2", "DTSTART:20240115T090000", "SUMMARY;LANGUAGE=en:Workshop")),
				"PRODID:-//test//EN", "PRODID:-//test//EN\r\nX-WR-TIMEZONE:Custom\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE", 1),
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				if e := recs[0].Node.(*graph.Event); e.StartsAt.Format("15:04Z07:00") != "09:00Z" {
					t.Errorf("startsAt %v", e.StartsAt)
				}
			}},
		{name: "a TZID that only a VTIMEZONE names, with an offset of its own",
			content: strings.Replace(vcal(vevent("f3", "DTSTART;TZID=Custom:20240115T090000", "SUMMARY;LANGUAGE=en:Workshop")),
				"PRODID:-//test//EN", "PRODID:-//test//EN\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE", 1),
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				if e := recs[0].Node.(*graph.Event); e.StartsAt.Format("15:04Z07:00") != "06:00Z" {
					t.Errorf("startsAt %v", e.StartsAt)
				}
			}},
		{name: "the id comes from the UID alone",
			content: vcal(vevent("same-uid", ok...)),
			ok:      1, check: func(t *testing.T, recs []*graph.Record) {
				other, _, _, _ := scanWith(t, "y.ics", vcal(vevent("same-uid", "DTSTART:20250101T080000Z", "SUMMARY;LANGUAGE=en:Another title")), ingest.Options{})
				if recs[0].Node.NodeID() != other[0].Node.NodeID() || !strings.HasPrefix(other[0].Node.NodeID(), "event:ics-") {
					t.Errorf("ids %s and %s", recs[0].Node.NodeID(), other[0].Node.NodeID())
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs, warns, fatal := scanWith(t, "x.ics", tt.content, tt.opts)
			if fatal != nil {
				t.Fatal(fatal)
			}
			if len(recs) != tt.ok {
				t.Errorf("%d records, want %d; rejections %q", len(recs), tt.ok, errs)
			}
			if len(errs) != len(tt.errs) {
				t.Errorf("rejections %q, want %d", errs, len(tt.errs))
			}
			for i := range tt.errs {
				if i < len(errs) && !strings.HasPrefix(errs[i], tt.errs[i]) {
					t.Errorf("rejection %q, want it to start %q", errs[i], tt.errs[i])
				}
			}
			if len(warns) != len(tt.warns) {
				t.Errorf("warnings %q, want %d", warns, len(tt.warns))
			}
			for i := range tt.warns {
				if i < len(warns) && !strings.HasPrefix(warns[i], tt.warns[i]) {
					t.Errorf("warning %q, want it to start %q", warns[i], tt.warns[i])
				}
			}
			if tt.check != nil && len(recs) == tt.ok && tt.ok > 0 {
				tt.check(t, recs)
			}
		})
	}
}

func TestICalendarFileLimits(t *testing.T) {
	_, _, _, fatal := scanWith(t, "broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n", ingest.Options{})
	if fatal == nil || !strings.HasPrefix(fatal.Error(), "broken.ics: not a valid iCalendar file") {
		t.Errorf("a malformed file: %v", fatal)
	}
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := 0; i <= ingest.MaxFeedEntries; i++ {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d\r\nEND:VEVENT\r\n", i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	recs, errs, _, fatal := scanWith(t, "many.ics", b.String(), ingest.Options{})
	if fatal == nil || !strings.Contains(fatal.Error(), "many.ics: has 100,001 events, over the limit of 100,000") || len(recs)+len(errs) != 0 {
		t.Errorf("too many events: %v (%d read)", fatal, len(recs)+len(errs))
	}
}
