package neo4j_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/ingest/eurostat"
)

func day(t *testing.T, s string) *graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// loadCalendarSeed loads the reference data, then events and funding calls
// around March and June 2026.
func loadCalendarSeed(t *testing.T) {
	t.Helper()
	db.Reset(t)
	if err := db.Load(); err != nil {
		t.Fatal(err)
	}
	ev := func(id, start, end, country string, lang graph.Lang) graph.Record {
		e := &graph.Event{Meta: graph.Meta{ID: "event:" + id}, Title: "Event " + id, Lang: lang, Start: day(t, start)}
		if end != "" {
			e.End = day(t, end)
		}
		return graph.Record{Node: e, Links: []graph.Link{{Type: graph.RelIn, To: "country:" + country}, {Type: graph.RelAbout, To: "theme:education-culture"}}}
	}
	fund := func(id, deadline string, kind graph.FunderKind) graph.Record {
		f := &graph.Funding{Meta: graph.Meta{ID: "funding:" + id}, Title: "Call " + id, Lang: "en", FunderKind: kind}
		if deadline != "" {
			f.Deadline = day(t, deadline)
		}
		r := graph.Record{Node: f}
		if kind != graph.FunderEU {
			r.Links = []graph.Link{{Type: graph.RelIn, To: "country:FR"}}
		}
		return r
	}
	db.Write(t, []graph.Record{
		ev("spans-in", "2026-02-27", "2026-03-02", "FR", "fr"),
		ev("last-day", "2026-03-31", "", "FR", "fr"),
		ev("next-month", "2026-04-01", "", "FR", "fr"),
		ev("before", "2026-02-28", "2026-02-28", "FR", "fr"),
		ev("spans-out", "2026-03-15", "2026-04-10", "DE", "de"),
		ev("whole-year", "2026-01-01", "2026-12-31", "FR", "en"),
		ev("first-day", "2026-03-01", "", "FR", "fr"),
		fund("today", "2026-06-15", graph.FunderEU),
		fund("july", "2026-07-01", graph.FunderEU),
		fund("no-deadline", "", graph.FunderEU),
		fund("yesterday", "2026-06-14", graph.FunderEU),
		fund("long-ago", "2025-01-01", graph.FunderEU),
		fund("national", "2026-06-20", graph.FunderNational),
	})
}

func ids[T graph.Node](list []T) []string {
	out := make([]string, len(list))
	for i, n := range list {
		out[i] = strings.SplitN(n.NodeID(), ":", 2)[1]
	}
	return out
}

func TestCalendarMonthHoldsTheEventsThatMeetIt(t *testing.T) {
	loadCalendarSeed(t)
	ctx := context.Background()
	march, err := graph.ParseMonth("month", "2026-03")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		f     graph.Filter
		limit int
		want  []string
		total int
	}{
		{"every event", graph.Filter{}, 100, []string{"whole-year", "spans-in", "first-day", "spans-out", "last-day"}, 5},
		{"first 2", graph.Filter{}, 2, []string{"whole-year", "spans-in"}, 5},
		{"country", graph.Filter{Countries: []string{"DE"}}, 100, []string{"spans-out"}, 1},
		{"language", graph.Filter{Langs: []string{"fr"}}, 100, []string{"spans-in", "first-day", "last-day"}, 3},
		{"theme", graph.Filter{Themes: []string{"theme:education-culture"}, Countries: []string{"FR"}}, 100, []string{"whole-year", "spans-in", "first-day", "last-day"}, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, total, err := db.Store.EventsBetween(ctx, march.First(), march.Last(), c.f, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), c.want) || total != c.total {
				t.Errorf("got %v (%d in all), want %v (%d)", ids(got), total, c.want, c.total)
			}
		})
	}
	feb, _ := graph.ParseMonth("month", "2026-02")
	got, _, err := db.Store.EventsBetween(ctx, feb.First(), feb.Last(), graph.Filter{}, 100)
	if err != nil || !slices.Equal(ids(got), []string{"whole-year", "spans-in", "before"}) {
		t.Errorf("February: %v %v", ids(got), err)
	}
	if _, _, err := db.Store.EventsBetween(ctx, march.First(), march.Last(), graph.Filter{}, 501); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("limit 501: %v", err)
	}
}

func TestFundingByDeadline(t *testing.T) {
	loadCalendarSeed(t)
	ctx, today := context.Background(), *day(t, "2026-06-15")
	for _, c := range []struct {
		name  string
		f     graph.FundingFilter
		w     graph.Window
		want  []string
		total int
	}{
		{"open only", graph.FundingFilter{}, graph.Window{Limit: 20}, []string{"today", "national", "july", "no-deadline"}, 4},
		{"with closed", graph.FundingFilter{IncludeClosed: true}, graph.Window{Limit: 20}, []string{"today", "national", "july", "no-deadline", "yesterday", "long-ago"}, 6},
		{"second page", graph.FundingFilter{IncludeClosed: true}, graph.Window{Offset: 3, Limit: 2}, []string{"no-deadline", "yesterday"}, 6},
		{"funder kind", graph.FundingFilter{FunderKinds: []graph.FunderKind{graph.FunderNational}}, graph.Window{Limit: 20}, []string{"national"}, 1},
		{"country and the EU-wide calls", graph.FundingFilter{Filter: graph.Filter{Countries: []string{"FR"}}}, graph.Window{Limit: 20}, []string{"today", "national", "july", "no-deadline"}, 4},
		{"a country outside the EU", graph.FundingFilter{Filter: graph.Filter{Countries: []string{"NO"}}, IncludeClosed: true}, graph.Window{Limit: 20}, []string{}, 0},
		{"national calls of the country", graph.FundingFilter{Filter: graph.Filter{Countries: []string{"FR"}}, FunderKinds: []graph.FunderKind{graph.FunderNational}, IncludeClosed: true}, graph.Window{Limit: 20}, []string{"national"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, total, err := db.Store.FundingByDeadline(ctx, c.f, today, c.w)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), c.want) || total != c.total {
				t.Errorf("got %v (%d in all), want %v (%d)", ids(got), total, c.want, c.total)
			}
			for _, f := range got {
				if open := graph.FundingOpen(f, today); open == slices.Contains([]string{"yesterday", "long-ago"}, ids([]*graph.Funding{f})[0]) {
					t.Errorf("%s open=%v", f.ID, open)
				}
			}
		})
	}
}

func TestSheetRevisionsAndDiff(t *testing.T) {
	loadCalendarSeed(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	first := graph.SheetInput{Country: "fr", Sections: map[string]string{
		"strategy": "France adopted a strategy in 2018.", "laws": "The law of 2016 on foreigners.",
	}, Note: "first"}
	r1, created, err := db.Store.ReviseSheet(ctx, first, "person:ed", "editor", "k1", at)
	if err != nil || !created || r1.Number != 1 || r1.Country != "FR" || r1.ByRole != "editor" || !r1.At.Equal(at) {
		t.Fatalf("first revision: %+v %v %v", r1, created, err)
	}
	again, created, err := db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "FR", Sections: map[string]string{
		"strategy": "France adopted a strategy in 2018.", "laws": "The law of 2016 on foreigners."}, Note: "first"}, "person:ed", "editor", "k1", at)
	if err != nil || created || again.Number != 1 {
		t.Errorf("repeat: %+v %v %v", again, created, err)
	}
	_, _, err = db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "FR", Sections: map[string]string{"laws": "other"}}, "person:ed", "editor", "k1", at)
	wantCode(t, "key reused", err, graph.ECONFLICT, "idempotencyKey")
	_, _, err = db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "FR", Sections: map[string]string{"laws": "other"}}, "person:ed", "editor", "k2", at)
	wantCode(t, "stale base", err, graph.ECONFLICT, "input.base")
	_, _, err = db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "FR", Base: 1, Sections: map[string]string{"laws": "The law of 2016 on foreigners."}}, "person:ed", "editor", "k3", at)
	wantCode(t, "no change", err, graph.EINVALID, "changes nothing")
	_, _, err = db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "QQ", Sections: map[string]string{"laws": "x"}}, "person:ed", "editor", "k4", at)
	wantCode(t, "unknown country", err, graph.ENOTFOUND, "input.country")
	_, _, err = db.Store.ReviseSheet(ctx, graph.SheetInput{Country: "FR", Base: 1, Sections: map[string]string{"weather": "x"}}, "person:ed", "editor", "k5", at)
	wantCode(t, "unknown section", err, graph.EINVALID, `"weather" is not a section`)

	second := graph.SheetInput{Country: "FR", Base: 1, Sections: map[string]string{
		"strategy": "France adopted a strategy in 2018 and revised it in 2025.", "funding": "AMIF co-finances projects."}, Note: "revised"}
	r2, created, err := db.Store.ReviseSheet(ctx, second, "person:co", "coordinator", "k6", at.Add(time.Hour))
	if err != nil || !created || r2.Number != 2 {
		t.Fatalf("second revision: %+v %v", r2, err)
	}
	if r2.Section("laws") != "The law of 2016 on foreigners." {
		t.Errorf("a section left out must keep its text, got %q", r2.Section("laws"))
	}
	revs, total, err := db.Store.SheetRevisions(ctx, "FR", graph.Window{Limit: 10})
	if err != nil || total != 2 || len(revs) != 2 || revs[0].Number != 2 || revs[1].Number != 1 || revs[0].ByRole != "coordinator" || revs[1].Note != "first" {
		t.Fatalf("history: %+v %d %v", revs, total, err)
	}
	latest, err := db.Store.SheetRevision(ctx, "FR", 0)
	if err != nil || latest.Number != 2 {
		t.Errorf("latest: %+v %v", latest, err)
	}
	old, _ := db.Store.SheetRevision(ctx, "FR", 1)
	d := graph.DiffSheets(old, latest)
	changed := map[string]bool{}
	var inserted, deleted string
	for _, s := range d.Sections {
		changed[s.Key] = s.Changed
		for _, op := range s.Ops {
			switch {
			case s.Key == "strategy" && op.Op == graph.DiffInsert:
				inserted += op.Text
			case op.Op == graph.DiffDelete:
				deleted += op.Text
			}
		}
	}
	if !changed["strategy"] || !changed["funding"] || changed["laws"] || changed["programmes"] {
		t.Errorf("changed sections: %v", changed)
	}
	if inserted != "2018 and revised it in 2025." || deleted != "2018." {
		t.Errorf("strategy diff: inserted %q, deleted %q", inserted, deleted)
	}
}

func TestObservationsLoadIdempotent(t *testing.T) {
	loadCalendarSeed(t)
	ctx := context.Background()
	obs, err := eurostat.SampleObservations()
	if err != nil {
		t.Fatal(err)
	}
	st, err := eurostat.LoadSamples(ctx, db.Store)
	if err != nil || st.Created != len(obs) || st.Updated+st.Unchanged != 0 {
		t.Fatalf("first load: %+v %v (want %d created)", st, err, len(obs))
	}
	st, err = eurostat.LoadSamples(ctx, db.Store)
	if err != nil || st.Unchanged != len(obs) || st.Created+st.Updated != 0 {
		t.Fatalf("second load: %+v %v", st, err)
	}
	if n := countRows(t, "MATCH (o:Observation) RETURN count(o) AS c"); n != len(obs) {
		t.Errorf("%d observations stored, want %d", n, len(obs))
	}
	changed := obs[0]
	changed.Value += 1
	st, err = db.Store.WriteObservations(ctx, []graph.Observation{changed})
	if err != nil || st.Updated != 1 {
		t.Errorf("changed value: %+v %v", st, err)
	}
	vals, err := db.Store.IndicatorValues(ctx, "indicator:employment-rate", 0)
	if err != nil {
		t.Fatal(err)
	}
	byCountry := map[string]graph.Observation{}
	for _, o := range vals {
		byCountry[o.Country] = o
	}
	// Ireland has no 2023 value (":"), so its latest is 2022; Greece is read from EL.
	if byCountry["IE"].Year != 2022 || byCountry["DE"].Year != 2023 || byCountry["DE"].Flags != "p" || byCountry["GR"].Year != 2023 ||
		!byCountry["FR"].Sample || byCountry["FR"].Source != graph.SourceSampleFile || len(vals) != 12 {
		t.Errorf("latest values: %+v", byCountry)
	}
	y2021, err := db.Store.IndicatorValues(ctx, "indicator:employment-rate", 2021)
	if err != nil || len(y2021) != 11 { // Poland's 2021 value is missing (": c")
		t.Errorf("2021: %d values, %v", len(y2021), err)
	}
	years, err := db.Store.IndicatorYears(ctx, []string{"indicator:employment-rate", "indicator:activity-rate"})
	if err != nil || !slices.Equal(years["indicator:employment-rate"], []int{2021, 2022, 2023}) || len(years["indicator:activity-rate"]) != 3 {
		t.Errorf("years: %v %v", years, err)
	}
	byC, err := db.Store.CountryObservations(ctx, []string{"FR"})
	if err != nil || len(byC["FR"]) != 3 {
		t.Errorf("France's indicators: %+v %v", byC, err)
	}
	_, err = db.Store.WriteObservations(ctx, []graph.Observation{{Indicator: "indicator:nope", Country: "FR", Year: 2020, Value: 1, Source: "x"}})
	wantCode(t, "unknown indicator", err, graph.ENOTFOUND, "indicator:nope")
}
