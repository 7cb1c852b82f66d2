package resolvers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/graph"
	"ewsi/ingest/eurostat"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
)

// calendarClient serves the schema with the calendar's stores, as actor.
func calendarClient(actor *graph.Actor) *client.Client {
	root := &resolvers.Resolver{Store: db.Store, Calendar: db.Store, Sheets: db.Store, Indicators: db.Store}
	h := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: root}))
	h.AddTransport(transport.POST{})
	h.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error { // the code, as the server's presenter gives it
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		gerr.Extensions = map[string]any{"code": graph.ErrorCode(err)}
		return gerr
	})
	return client.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := resolvers.WithLoaders(r.Context(), db.Store)
		if actor != nil {
			ctx = graph.WithActor(ctx, actor)
		}
		h.ServeHTTP(w, r.WithContext(ctx))
	}))
}

// postErr runs q and returns the first error's message and code ("" when none).
func postErr(c *client.Client, q string, resp any) (string, string) {
	var raw struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	r, err := c.RawPost(q)
	if err != nil {
		return err.Error(), "TRANSPORT"
	}
	if len(r.Errors) > 0 {
		_ = json.Unmarshal(r.Errors, &raw.Errors)
		code, _ := raw.Errors[0].Extensions["code"].(string)
		return raw.Errors[0].Message, code
	}
	if resp != nil {
		b, _ := json.Marshal(r.Data)
		_ = json.Unmarshal(b, resp)
	}
	return "", ""
}

const reviseFR = `mutation { reviseSheet(input: {country: "FR", base: %BASE%, strategy: "%TEXT%", note: "test"}, idempotencyKey: "%KEY%") { number byRole note country { iso2 } sections { key text } } }`

func revise(base, text, key string) string {
	return strings.NewReplacer("%BASE%", base, "%TEXT%", text, "%KEY%", key).Replace(reviseFR)
}

func TestReviseSheetIsForEditorsAndCoordinatorsOfTheCountry(t *testing.T) {
	ctx := context.Background()
	if _, err := db.Store.Query(ctx, "MATCH (r:SheetRevision) RETURN count(r) AS c", nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		actor *graph.Actor
		code  string
	}{
		{"visitor", nil, graph.EUNAUTH},
		{"member", &graph.Actor{PersonID: "person:m", Roles: []graph.Role{graph.RoleMember}}, graph.EFORBIDDEN},
		{"coordinator of another country", &graph.Actor{PersonID: "person:c", Roles: []graph.Role{graph.RoleCoordinator}, Countries: []string{"DE"}}, graph.EFORBIDDEN},
		{"editor with a read token", &graph.Actor{PersonID: "person:e", Roles: []graph.Role{graph.RoleEditor}, Scope: graph.ScopeRead}, graph.EFORBIDDEN},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg, code := postErr(calendarClient(c.actor), revise("0", "Refused.", "refused-"+c.name), nil)
			if code != c.code || !strings.Contains(msg, "reviseSheet") {
				t.Errorf("got %s %q, want %s", code, msg, c.code)
			}
		})
	}
	var r1 struct {
		ReviseSheet struct {
			Number   int
			ByRole   string
			Country  struct{ Iso2 string }
			Sections []struct{ Key, Text string }
		}
	}
	coord := calendarClient(&graph.Actor{PersonID: "person:c", Roles: []graph.Role{graph.RoleCoordinator}, Countries: []string{"FR"}})
	if msg, code := postErr(coord, revise("0", "A plan for 2020.", "coord-1"), &r1); code != "" {
		t.Fatalf("coordinator of France: %s %s", code, msg)
	}
	if r1.ReviseSheet.Number != 1 || r1.ReviseSheet.ByRole != "coordinator" || r1.ReviseSheet.Country.Iso2 != "FR" ||
		len(r1.ReviseSheet.Sections) != 6 || r1.ReviseSheet.Sections[0].Key != "strategy" || r1.ReviseSheet.Sections[0].Text != "A plan for 2020." {
		t.Errorf("first revision: %+v", r1.ReviseSheet)
	}
	editor := calendarClient(&graph.Actor{PersonID: "person:e", Roles: []graph.Role{graph.RoleEditor}})
	if msg, code := postErr(editor, revise("0", "Stale.", "ed-stale"), nil); code != graph.ECONFLICT || !strings.Contains(msg, "input.base") {
		t.Errorf("stale base: %s %q", code, msg)
	}
	if msg, code := postErr(editor, revise("1", "A plan for 2020, renewed for 2026.", "ed-2"), nil); code != "" {
		t.Fatalf("editor: %s %s", code, msg)
	}
	var hist struct {
		Country struct {
			Sheet struct{ Number int }
		}
		SheetRevisions struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Number int
					ByRole string
				}
			}
		}
		SheetDiff struct {
			Sections []struct {
				Key     string
				Changed bool
				Ops     []struct{ Op, Text string }
			}
		}
	}
	q := `{ country(code: "FR") { sheet { number } }
	  sheetRevisions(country: "fr", first: 10) { totalCount edges { node { number byRole } } }
	  sheetDiff(country: "FR", from: 1, to: 2) { sections { key changed ops { op text } } } }`
	if msg, code := postErr(calendarClient(nil), q, &hist); code != "" {
		t.Fatalf("history: %s %s", code, msg)
	}
	if hist.Country.Sheet.Number != 2 || hist.SheetRevisions.TotalCount != 2 || hist.SheetRevisions.Edges[0].Node.ByRole != "editor" || hist.SheetRevisions.Edges[1].Node.ByRole != "coordinator" {
		t.Errorf("history: %+v", hist)
	}
	s := hist.SheetDiff.Sections[0]
	if s.Key != "strategy" || !s.Changed || len(s.Ops) < 2 || s.Ops[len(s.Ops)-1].Op != "INSERT" || !strings.Contains(s.Ops[len(s.Ops)-1].Text, "renewed for 2026.") || hist.SheetDiff.Sections[1].Changed {
		t.Errorf("diff: %+v", hist.SheetDiff.Sections)
	}
	for _, c := range []struct{ q, where, code string }{
		{`{ sheetDiff(country: "FR", from: 2, to: 1) { sections { key } } }`, "to:", graph.EINVALID},
		{`{ sheetDiff(country: "FR", from: 1, to: 9) { sections { key } } }`, "to:", graph.ENOTFOUND},
		{`{ sheet(country: "France") { number } }`, "country:", graph.EINVALID},
		{`{ calendar(month: "2026-13") { totalCount } }`, "month:", graph.EINVALID},
		{`{ calendar(month: "2026-03", first: 501) { totalCount } }`, "first:", graph.EINVALID},
		{`{ calendar(month: "2026-03", filter: {themes: ["astrology"]}) { totalCount } }`, "filter.themes", graph.EINVALID},
		{`{ fundingCalls(first: 1000) { totalCount } }`, "first:", graph.EINVALID},
		{`{ indicatorMap(indicator: "indicator:nope") { years } }`, "indicator:", graph.ENOTFOUND},
	} {
		if msg, code := postErr(calendarClient(nil), c.q, nil); code != c.code || !strings.Contains(msg, c.where) {
			t.Errorf("%s: got %s %q, want %s at %s", c.q, code, msg, c.code, c.where)
		}
	}
}

func TestIndicatorMapThroughTheAPI(t *testing.T) {
	if _, err := eurostat.LoadSamples(context.Background(), db.Store); err != nil {
		t.Fatal(err)
	}
	var resp struct {
		IndicatorMap struct {
			Years  []int
			Values []struct {
				Country struct{ Iso2 string }
				Year    int
				Value   float64
				Source  string
				Sample  bool
			}
		}
		Country struct {
			Observations []struct {
				Indicator struct{ ID string }
				Source    string
			}
		}
	}
	q := `{ indicatorMap(indicator: "indicator:unemployment-rate", year: 2021) { years values { country { iso2 } year value source sample } }
	  country(code: "FR") { observations { indicator { id } source } } }`
	if msg, code := postErr(calendarClient(nil), q, &resp); code != "" {
		t.Fatalf("%s %s", code, msg)
	}
	m := resp.IndicatorMap
	// 12 countries in the sample; Sweden's 2021 value is empty (missing)
	if len(m.Years) != 3 || len(m.Values) != 11 {
		t.Errorf("map: %+v", m)
	}
	for _, v := range m.Values {
		if v.Year != 2021 || v.Source != graph.SourceSampleFile || !v.Sample || v.Country.Iso2 == "SE" || v.Country.Iso2 == "" {
			t.Errorf("value %+v", v)
		}
	}
	if len(resp.Country.Observations) != 3 || resp.Country.Observations[0].Source != graph.SourceSampleFile {
		t.Errorf("France's observations: %+v", resp.Country.Observations)
	}
}

// TestCalendarMonthReadsRelationsAtOnce: a month's events with their country
// and themes cost two round trips whatever their number: the events, then
// both relations of all of them together.
func TestCalendarMonthReadsRelationsAtOnce(t *testing.T) {
	ctx := context.Background()
	var recs []graph.Record
	for i := range 30 {
		d := graph.Date{Year: 2032, Month: 5, Day: 1 + i%28}
		recs = append(recs, graph.Record{Node: &graph.Event{Meta: graph.Meta{ID: fmt.Sprintf("event:month-trips-%02d", i), Status: graph.StatusPublished},
			Title: fmt.Sprintf("Month trips %d", i), Lang: "en", Start: &d},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:" + []string{"FR", "DE", "PL"}[i%3]}, {Type: graph.RelAbout, To: "theme:social-cohesion"}}})
	}
	if _, err := db.Store.Write(ctx, recs, recs); err != nil {
		t.Fatal(err)
	}
	c := calendarClient(nil)
	for _, n := range []int{2, 30} {
		var resp struct {
			Calendar struct {
				Events []struct {
					ID      string
					Country struct{ Iso2 string }
					Themes  []struct{ Slug string }
				}
			}
		}
		before := db.Store.RoundTrips()
		if msg, _ := postErr(c, fmt.Sprintf(`{ calendar(month: "2032-05", first: %d) { events { id country { iso2 } themes { slug } } } }`, n), &resp); msg != "" {
			t.Fatal(msg)
		}
		trips := db.Store.RoundTrips() - before
		if len(resp.Calendar.Events) != n {
			t.Fatalf("first %d: %d events", n, len(resp.Calendar.Events))
		}
		for _, e := range resp.Calendar.Events {
			if e.Country.Iso2 == "" || len(e.Themes) != 1 || e.Themes[0].Slug != "social-cohesion" {
				t.Fatalf("%s: relations not read: %+v", e.ID, e)
			}
		}
		if trips != 2 {
			t.Errorf("a month of %d events cost %d round trips, want 2", n, trips)
		}
	}
}
