package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

const (
	planTitle   = "Commission presents its Action Plan on Integration and Inclusion 2021-2027"
	cbpTitle    = "Le Conseil adopte les principes de base communs pour l'intégration des immigrants"
	agendaTitle = "Kommission legt die Gemeinsame Agenda für Integration vor"
	pactTitle   = "Commission proposes a New Pact on Migration and Asylum"
	skillsTitle = "EU Skills Profile Tool for Third Country Nationals"
)

func TestAtomFeedLoadsSanitisedAndIdempotent(t *testing.T) {
	reset(t)
	sum := load(t, "testdata/news.atom")
	errs := messages(sum.Errors)
	if sum.Created != 3 || sum.Rejected != 1 {
		t.Fatalf("summary %s, want 3 created and 1 rejected: %q", sum, errs)
	}
	if want := `testdata/news.atom:41: date: "sometime in April 2010" is not a date (entry urn:ewsi:test:zaragoza-2010)`; !hasPrefix(errs, want) {
		t.Errorf("no rejection %q in %q", want, errs)
	}
	news := stored(t, "News")
	plan := news[planTitle]
	if plan == nil {
		t.Fatalf("titles: %v", keys(news))
	}
	// the entry's content held a <script> and an img with onerror: no markup, nor the script's text, is stored
	for title, n := range news {
		for k, v := range n {
			s, _ := v.(string)
			for _, bad := range []string{"<", ">", "script", "alert", "onerror", "cookie"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s.%s holds %q: %q", title, k, bad, s)
				}
			}
		}
	}
	checks := []struct{ name, got, want string }{
		{"summary from the HTML content, paragraphs kept apart", plan["summary"].(string),
			"The plan covers education, employment, health and housing.\n\nIt asks Member States to involve migrants & host communities."},
		{"date in the entry's own offset", day(plan["date"]), "2020-11-24"},
		{"source is the feed's title", plan["source"].(string), "EU integration news (EWSI Graph test fixture)"},
		{"lang from the feed's xml:lang", plan["lang"].(string), "en"},
		{"themes from categories that are theme slugs", strings.Join(toStrings(plan["themes"]), ","), "social-cohesion"},
		{"url", plan["url"].(string), "https://home-affairs.ec.europa.eu/policies/migration-and-asylum/legal-migration-and-integration/integration_en"},
		{"lang from the entry's xml:lang (fr)", news[cbpTitle]["lang"].(string), "fr"},
		{"lang from the entry's xml:lang (de)", news[agendaTitle]["lang"].(string), "de"},
		{"the HTML summary as text", news[agendaTitle]["summary"].(string),
			"Die Agenda setzt die gemeinsamen Grundprinzipien in die Praxis um: Maßnahmen der Mitgliedstaaten und der Union, unterstützt durch eine Website zur Integration."},
		{"date from updated when there is no published", day(news[agendaTitle]["date"]), "2005-09-01"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	if id := plan["id"].(string); !strings.HasPrefix(id, "news:feed-") {
		t.Errorf("id %q", id)
	}

	again := load(t, "testdata/news.atom")
	if again.Unchanged != 3 || again.Created+again.Updated != 0 {
		t.Errorf("second load: %s", again)
	}
	news2 := stored(t, "News")
	if len(news2) != len(news) {
		t.Errorf("second load: %d news, was %d", len(news2), len(news))
	}
	for title, n := range news {
		a, b := withoutStamps(n), withoutStamps(news2[title])
		for k := range a {
			if !same2(a[k], b[k]) {
				t.Errorf("%s.%s: %v became %v", title, k, a[k], b[k])
			}
		}
	}

	ctx := context.Background()
	for _, q := range []string{"Grundprinzipien", "principes communs", "Action Plan Inclusion"} {
		hits, _, err := db.Store.Search(ctx, q, []graph.Kind{graph.KindNews}, false, graph.Window{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
	hits, _, err := db.Store.Search(ctx, "cookie", nil, false, graph.Window{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 0 {
		t.Errorf("the script's text is searchable: %v", hits[0].Node)
	}
}

func TestRSSFeedAndXMLByRootElement(t *testing.T) {
	reset(t)
	sum := load(t, "testdata/news.rss")
	if sum.Created != 3 || sum.Rejected != 0 {
		t.Fatalf("summary %s: %q", sum, messages(sum.Errors))
	}
	news := stored(t, "News")
	pact, skills := news[pactTitle], news[skillsTitle]
	if pact == nil || skills == nil {
		t.Fatalf("titles: %v", keys(news))
	}
	checks := []struct{ name, got, want string }{
		{"lang from the channel's en-GB", pact["lang"].(string), "en"},
		{"date", day(pact["date"]), "2020-09-23"},
		{"summary from an HTML description", pact["summary"].(string), "A common framework for asylum and migration management, with faster procedures at the border."},
		{"source", pact["source"].(string), "Migration and integration news (EWSI Graph test fixture)"},
		{"themes", strings.Join(toStrings(skills["themes"]), ","), "economic-participation"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	// the same feed under .xml is told RSS by its root element and changes nothing
	data, err := os.ReadFile("testdata/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	asXML := filepath.Join(dir, "news.xml")
	if err := os.WriteFile(asXML, data, 0o644); err != nil {
		t.Fatal(err)
	}
	again := load(t, asXML)
	if again.Unchanged != 3 || again.Created+again.Updated != 0 {
		t.Errorf("the RSS feed as .xml: %s", again)
	}
	other := filepath.Join(dir, "other.xml")
	if err := os.WriteFile(other, []byte(`<?xml version="1.0"?><html><body>not a feed</body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Open(other); err == nil || !strings.Contains(err.Error(), "other.xml") || !strings.Contains(err.Error(), "Atom") {
		t.Errorf("an .xml that is no feed: %v", err)
	}
	hits, _, err := db.Store.Search(context.Background(), "Skills Profile", []graph.Kind{graph.KindNews}, false, graph.Window{Limit: 10})
	if err != nil || len(hits) == 0 {
		t.Errorf("search found %d: %v", len(hits), err)
	}
}
