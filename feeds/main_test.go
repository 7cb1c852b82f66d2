package feeds_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ewsi/feeds"
	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/server"
)

var (
	db  *neo4jtest.DB
	api *httptest.Server
	// today is the day the fixture's dates count from
	today = graph.DateOf(time.Now().UTC())
)

// site is the configured site address the feeds link to.
const site = "https://ewsi.example.org"

func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		if err := d.Load(ingest.Records{Label: "feeds", Recs: fixture()}); err != nil {
			return err
		}
		root, _ := neo4jtest.RepoRoot()
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		fd, err := feeds.New(feeds.Config{SiteURL: site + "/", Log: log}, d.Store)
		if err != nil {
			return err
		}
		api = httptest.NewServer(server.New(server.Config{WebDir: filepath.Join(root, "build", "web"),
			Extra: fd.Routes(), Edge: server.Edge{RateLimit: server.RateLimit{Off: true}}}, d.Store, log).Handler())
		return nil
	})
}

func day(n int) *graph.Date {
	d := graph.DateOf(today.Time().AddDate(0, 0, n))
	return &d
}

// Texts of the fixture that the feeds must carry intact.
const (
	titlePL   = "Zażółć gęślą jaźń: integracja cudzoziemców w Krakowie i Małopolsce – podsumowanie roku"
	summaryPL = "Władze miasta, organizacje pozarządowe i szkoły; wspólne działania, kursy języka polskiego."
	titleFR   = "Les élèves allophones à l'école : « bilan » de l'année, côté parents & enseignants"
	titleXSS  = `<script>alert("feed")</script> Breaking & <b>bold</b>`
	summXSS   = `<img src=x onerror=alert(1)> and </summary> too`
	eventPL   = "Spotkanie: Międzynarodowe forum integracji migrantów w Krakowie, edycja jesienna; dzień otwarty"
	placePL   = "Kraków, ul. Floriańska 1; sala \"Złota\""
	fundingFR = "Appel à projets : intégration, emploi & langue française"
	fundingPL = "Nabór wniosków: integracja społeczna; granty dla gmin"
)

func published(id string) graph.Meta {
	return graph.Meta{ID: id, Status: graph.StatusPublished}
}

func links(country, theme string) []graph.Link {
	return []graph.Link{{Type: graph.RelIn, To: "country:" + country}, {Type: graph.RelAbout, To: "theme:" + theme}}
}

// fixture: news in Polish, French and English (one with markup in its
// title), 55 German ones (more than a feed holds); events in Polish and
// French; funding calls open, closed and without a deadline.
func fixture() []graph.Record {
	recs := []graph.Record{
		{Node: &graph.News{Meta: published("news:pl-1"), Title: titlePL, Lang: "pl", Summary: summaryPL, Date: day(-3),
			Source: "Urząd Miasta Krakowa", URL: "https://www.krakow.pl/aktualnosci/1"}, Links: links("PL", "social-cohesion")},
		{Node: &graph.News{Meta: published("news:fr-1"), Title: titleFR, Lang: "fr", Summary: "Résumé : « élèves » & familles.", Date: day(-2)},
			Links: links("FR", "education-culture")},
		{Node: &graph.News{Meta: published("news:xss"), Title: titleXSS, Lang: "en", Summary: summXSS, Date: day(-1)},
			Links: links("FR", "social-cohesion")},
		{Node: &graph.Event{Meta: published("event:pl-forum"), Title: eventPL, Lang: "pl", Summary: summaryPL,
			Start: day(10), End: day(12), Place: placePL}, Links: links("PL", "social-cohesion")},
		{Node: &graph.Event{Meta: published("event:fr-atelier"), Title: "Atelier « accueil » à Lyon", Lang: "fr", Start: day(5)},
			Links: links("FR", "education-culture")},
		{Node: &graph.Event{Meta: published("event:de-past"), Title: "Fachtag Integration", Lang: "de", Start: day(-30)},
			Links: links("DE", "social-cohesion")},
		// imported from an iCalendar feed with its times: 09:30 to 17:00 in Warsaw's winter time
		{Node: &graph.Event{Meta: published("event:timed"), Title: "Spotkanie o integracji", Lang: "pl", Start: day(20), End: day(20),
			StartsAt: &timedStart, EndsAt: &timedEnd}, Links: links("PL", "social-cohesion")},
		{Node: &graph.Funding{Meta: published("funding:fr-open"), Title: fundingFR, Lang: "fr", FunderKind: graph.FunderNational,
			Deadline: day(30)}, Links: links("FR", "social-cohesion")},
		{Node: &graph.Funding{Meta: published("funding:pl-closed"), Title: fundingPL, Lang: "pl", FunderKind: graph.FunderNational,
			Deadline: day(-10)}, Links: links("PL", "social-cohesion")},
		{Node: &graph.Funding{Meta: published("funding:de-none"), Title: "Förderprogramm ohne Frist", Lang: "de", FunderKind: graph.FunderFoundation},
			Links: links("DE", "social-cohesion")},
	}
	for i := range 55 {
		recs = append(recs, graph.Record{Node: &graph.News{Meta: published(fmt.Sprintf("news:de-%02d", i)),
			Title: fmt.Sprintf("Nachricht Nummer %d über Integration", i), Lang: "de", Date: day(-10 - i)},
			Links: links("DE", "social-cohesion")})
	}
	for i := range recs {
		recs[i].Source = "feeds-test:" + recs[i].Node.NodeID()
	}
	return recs
}

// get fetches path from the test server with the given request headers.
func get(t *testing.T, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, api.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// gql runs a GraphQL query on the same server and returns its data.
func gql(t *testing.T, query string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	res, err := http.Post(api.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %v", query, r.Errors)
	}
	return r.Data
}

// totalCount reads data[field].totalCount.
func totalCount(t *testing.T, data map[string]any, field string) int {
	t.Helper()
	m, ok := data[field].(map[string]any)
	if !ok {
		t.Fatalf("no %s in %v", field, data)
	}
	return int(m["totalCount"].(float64))
}

func mustStatus(t *testing.T, res *http.Response, body []byte, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: status %d, want %d: %s", res.Request.URL, res.StatusCode, want, body)
	}
}

func contains(t *testing.T, what, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%s: %q does not hold %q", what, s, sub)
	}
}
