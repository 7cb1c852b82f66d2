package resolvers_test

import (
	"context"
	"fmt"
	"testing"

	"ewsi/graph"
	"ewsi/resolvers"
)

// TestReadCache: a list page, a country's counts, a calendar month and a page of
// funding calls asked again while the graph is unchanged cost one round trip
// each (the graph's version) and give the same answer; after a write each is
// read again and counts the new node. The neighbours of content are kept too.
// A list of a kind that is not content always goes to the store.
func TestReadCache(t *testing.T) {
	ctx := context.Background()
	rc, err := resolvers.NewReadCache(db.Store, db.Store.GraphVersion, 16)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := resolvers.NewCalendarCache(db.Store, db.Store.GraphVersion, 16)
	if err != nil {
		t.Fatal(err)
	}
	month := func() (graph.Date, graph.Date) {
		return graph.Date{Year: 2031, Month: 3, Day: 1}, graph.Date{Year: 2031, Month: 3, Day: 31}
	}
	today := graph.Date{Year: 2031, Month: 1, Day: 1}
	counts := map[string]func() int{
		"practices of France": func() int {
			_, n, err := rc.List(ctx, graph.KindPractice, graph.Filter{Countries: []string{"FR"}}, graph.Order{Field: "date", Desc: true}, graph.Window{Limit: 8})
			must(t, err)
			return n
		},
		"France's counts": func() int {
			st, err := rc.CountryStats(ctx, []string{"FR"})
			must(t, err)
			return st["FR"].Events
		},
		"the month": func() int {
			from, to := month()
			_, n, err := cc.EventsBetween(ctx, from, to, graph.Filter{}, 200)
			must(t, err)
			return n
		},
		"the open calls": func() int {
			_, n, err := cc.FundingByDeadline(ctx, graph.FundingFilter{}, today, graph.Window{Limit: 20})
			must(t, err)
			return n
		},
	}
	first := map[string]int{}
	for name, ask := range counts {
		first[name] = ask()
		before := db.Store.RoundTrips()
		if again := ask(); again != first[name] {
			t.Errorf("%s asked again: %d, first %d", name, again, first[name])
		}
		if trips := db.Store.RoundTrips() - before; trips != 1 {
			t.Errorf("%s asked again: %d round trips, want 1 (the graph's version)", name, trips)
		}
	}

	// a new event in France in that month, and a new open call: every answer is read again
	start, end := month()
	deadline := graph.Date{Year: 2031, Month: 6, Day: 30}
	recs := []graph.Record{
		{Node: &graph.Event{Meta: graph.Meta{ID: "event:readcache-test", Status: graph.StatusPublished}, Title: "Read cache test day", Lang: "en", Start: &start, End: &end},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}}},
		{Node: &graph.Practice{Meta: graph.Meta{ID: "practice:readcache-test", Status: graph.StatusPublished}, Title: "Read cache test practice", Lang: "fr"},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}}},
		{Node: &graph.Funding{Meta: graph.Meta{ID: "funding:readcache-test", Status: graph.StatusPublished}, Title: "Read cache test call", Lang: "en", Deadline: &deadline}},
	}
	if _, err := db.Store.Write(ctx, recs, recs); err != nil {
		t.Fatal(err)
	}
	for name, ask := range counts {
		if got := ask(); got != first[name]+1 {
			t.Errorf("%s after a write: %d, want %d", name, got, first[name]+1)
		}
	}

	// the key holds the values, not the pointers: another day is another answer
	later := graph.Date{Year: 2031, Month: 12, Day: 31}
	_, n, err := cc.FundingByDeadline(ctx, graph.FundingFilter{}, later, graph.Window{Limit: 20})
	must(t, err)
	if n != first["the open calls"] {
		t.Errorf("calls open on %s: %d, want %d (the new call closed on %s)", later, n, first["the open calls"], deadline)
	}

	// the neighbours of content are kept; those of anything else are read each time
	in := graph.Hop{Rel: graph.RelIn, To: graph.KindCountry}
	for _, c := range []struct {
		ids   []string
		trips int64
	}{{[]string{"practice:readcache-test", "event:readcache-test"}, 1}, {[]string{"practice:readcache-test", "theme:social-cohesion"}, 2}} {
		res, err := rc.Neighbours(ctx, in, c.ids)
		must(t, err)
		if len(res["practice:readcache-test"]) != 1 || res["practice:readcache-test"][0].NodeID() != "country:FR" {
			t.Fatalf("the practice's country: %v", res["practice:readcache-test"])
		}
		before := db.Store.RoundTrips()
		_, err = rc.Neighbours(ctx, in, c.ids)
		must(t, err)
		if trips := db.Store.RoundTrips() - before; trips != c.trips {
			t.Errorf("the neighbours of %v asked again: %d round trips, want %d", c.ids, trips, c.trips)
		}
	}

	// the lists of the filter forms
	eu := true
	for name, ask := range map[string]func() error{
		"EU countries": func() error { _, err := rc.Countries(ctx, &eu); return err },
		"themes":       func() error { _, err := rc.Themes(ctx); return err },
		"principles":   func() error { _, err := rc.Principles(ctx); return err },
	} {
		must(t, ask())
		before := db.Store.RoundTrips()
		must(t, ask())
		if trips := db.Store.RoundTrips() - before; trips != 1 {
			t.Errorf("%s asked again: %d round trips, want 1", name, trips)
		}
	}

	// themes are not content: each list of them is read from the store
	before := db.Store.RoundTrips()
	for i := 0; i < 2; i++ {
		if _, _, err := rc.List(ctx, graph.KindTheme, graph.Filter{}, graph.Order{}, graph.Window{Limit: 5}); err != nil {
			t.Fatal(fmt.Errorf("themes: %w", err))
		}
	}
	if trips := db.Store.RoundTrips() - before; trips != 2 {
		t.Errorf("two lists of themes: %d round trips, want 2 (never cached)", trips)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
