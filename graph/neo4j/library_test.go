package neo4j_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
	"ewsi/ingest"
	"ewsi/ingest/reference"
)

// libraryGraph loads the reference data, the library's (EU law, links,
// dossiers and their links) and nDocs synthetic documents and nNews news items
// with mixed types, languages, dates, themes, principles and countries.
func libraryGraph(t *testing.T, nDocs, nNews int) reference.LibraryData {
	t.Helper()
	db.Reset(t)
	lib, err := reference.Library()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 14))
	themes := []string{"active-citizenship", "economic-participation", "social-cohesion", "education-culture", "anti-discrimination-equality", "tools-techniques"}
	countries := []string{"FR", "DE", "PL", "IT"}
	langs := []string{"en", "fr", "de", "pl"}
	var recs []graph.Record
	for i := range nDocs {
		d := graph.Date{Year: 2019 + r.IntN(6), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		doc := &graph.Document{Meta: graph.Meta{ID: fmt.Sprintf("document:t%d", i), Status: graph.StatusPublished, Demo: true},
			Title: fmt.Sprintf("Document %d", i), Type: graph.DocType(graph.DocTypes()[r.IntN(5)]), Lang: graph.Lang(langs[r.IntN(len(langs))]), Date: &d}
		if i%9 == 0 {
			doc.Date = nil
		}
		var links []graph.Link
		for _, th := range themes {
			if r.IntN(3) == 0 {
				links = append(links, graph.Link{Type: graph.RelAbout, To: "theme:" + th})
			}
		}
		for p := 1; p <= 11; p++ {
			if r.IntN(5) == 0 {
				links = append(links, graph.Link{Type: graph.RelApplies, To: graph.PrincipleID(p)})
			}
		}
		if r.IntN(3) > 0 {
			links = append(links, graph.Link{Type: graph.RelIn, To: "country:" + countries[r.IntN(len(countries))]})
		}
		recs = append(recs, graph.Record{Node: doc, Links: links})
	}
	for i := range nNews {
		d := graph.Date{Year: 2024 + r.IntN(2), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		recs = append(recs, graph.Record{Node: &graph.News{Meta: graph.Meta{ID: fmt.Sprintf("news:t%d", i), Status: graph.StatusPublished, Demo: true},
			Title: fmt.Sprintf("News %d", i), Lang: graph.Lang(langs[r.IntN(len(langs))]), Date: &d},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:" + countries[r.IntN(len(countries))]}}})
	}
	if err := db.Load(ingest.Records{Label: "library", Recs: lib.Records}, ingest.Records{Label: "synthetic", Recs: recs}); err != nil {
		t.Fatal(err)
	}
	if _, err := reference.LinkDossiers(context.Background(), db.Store, lib.Links); err != nil {
		t.Fatal(err)
	}
	return lib
}

// graphShape sums up the graph: nodes, relationships, properties, the latest
// update of a node and of an editor's link, to see that a load changed nothing.
func graphShape(t *testing.T) string {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), `
MATCH (n) WHERE NOT n:Migration
OPTIONAL MATCH (n)-[r]->()
WITH n, count(r) AS rels, max(toString(r.at)) AS linkAt
RETURN count(n) AS nodes, sum(rels) AS rels, sum(size(keys(n))) AS props,
  max(toString(n.updatedAt)) AS lastUpdate, max(linkAt) AS lastLink`, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rows[0])
}

func TestLibraryLoadIsIdempotent(t *testing.T) {
	lib := libraryGraph(t, 0, 0)
	before := graphShape(t)
	sum, err := (&ingest.Loader{W: db.Store}).Load(context.Background(), ingest.Records{Label: "library", Recs: lib.Records})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 0 || sum.Updated != 0 || sum.Unchanged != len(lib.Records) || sum.Rejected != 0 {
		t.Fatalf("second load: %+v, want %d unchanged", sum.WriteStats, len(lib.Records))
	}
	created, err := reference.LinkDossiers(context.Background(), db.Store, lib.Links)
	if err != nil || created != 0 {
		t.Fatalf("second linking created %d links (%v), want 0", created, err)
	}
	if after := graphShape(t); after != before {
		t.Fatalf("the graph changed on a second load:\nbefore %s\nafter  %s", before, after)
	}
	n, err := db.Store.Count(context.Background(), "Dossier", "", nil)
	if err != nil || n != 2 {
		t.Fatalf("%d dossiers (%v), want 2", n, err)
	}
}

// The real EU acts, as the Official Journal and EUR-Lex give them.
var euActs = []struct{ celex, eli, date, number string }{
	{"32000L0043", "http://data.europa.eu/eli/dir/2000/43/oj", "2000-06-29", "2000/43"},
	{"32000L0078", "http://data.europa.eu/eli/dir/2000/78/oj", "2000-11-27", "2000/78"},
	{"32003L0086", "http://data.europa.eu/eli/dir/2003/86/oj", "2003-09-22", "2003/86"},
	{"32003L0109", "http://data.europa.eu/eli/dir/2003/109/oj", "2003-11-25", "2003/109"},
	{"32009L0050", "http://data.europa.eu/eli/dir/2009/50/oj", "2009-05-25", "2009/50"},
	{"32011L0098", "http://data.europa.eu/eli/dir/2011/98/oj", "2011-12-13", "2011/98"},
	{"32021L1883", "http://data.europa.eu/eli/dir/2021/1883/oj", "2021-10-20", "2021/1883"},
	{"32024L1233", "http://data.europa.eu/eli/dir/2024/1233/oj", "2024-04-24", "2024/1233"},
}

func TestLibraryEULawInTheGraph(t *testing.T) {
	libraryGraph(t, 0, 0)
	ctx := context.Background()
	f := graph.LibraryFilter{Filter: graph.Filter{Types: []string{"legislation"}, Demo: ptr(false)}, EU: true}
	nodes, total, facets, err := db.Store.LibraryDocuments(ctx, f, graph.Order{Field: "date"}, graph.Window{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(euActs) || len(nodes) != len(euActs) {
		t.Fatalf("%d real EU acts (%d read), want %d", total, len(nodes), len(euActs))
	}
	for i, want := range euActs { // oldest first
		d := nodes[i].(*graph.Document)
		if d.CELEX != want.celex || d.ELI != want.eli || d.Date.String() != want.date || d.Demo || d.Type != graph.DocLegislation {
			t.Errorf("act %d: celex %s eli %s date %s demo %v type %s, want %+v", i, d.CELEX, d.ELI, d.Date, d.Demo, d.Type, want)
		}
		for _, title := range []string{d.Title, d.TitleFr, d.TitleDe} {
			if !strings.Contains(title, want.number) {
				t.Errorf("%s: title %q does not name %s", want.celex, title, want.number)
			}
		}
		if d.ID != "document:celex-"+want.celex || !strings.HasSuffix(d.URL, "CELEX:"+want.celex) {
			t.Errorf("%s: id %s url %s", want.celex, d.ID, d.URL)
		}
	}
	if got := facetValue(facets.Scopes, graph.ScopeEU); got != len(euActs) {
		t.Errorf("scope EU counts %d, want %d", got, len(euActs))
	}
	items, err := db.Store.DossierItems(ctx, "dossier:eu-legal-migration", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(euActs) {
		t.Fatalf("the EU law dossier gathers %d items, want %d", len(items), len(euActs))
	}
	for _, it := range items {
		if _, ok := it.Node.(*graph.Document); !ok || it.Note == "" {
			t.Errorf("dossier item %T %s, note %q", it.Node, it.Node.NodeID(), it.Note)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func facetValue(fc []graph.FacetCount, v string) int {
	for _, c := range fc {
		if c.Value == v {
			return c.Count
		}
	}
	return 0
}

// countDocs counts the published documents matching f with a plain Cypher
// query of its own, to judge LibraryDocuments.
func countDocs(t *testing.T, f graph.LibraryFilter) int {
	t.Helper()
	conds := []string{"coalesce(n.status, 'published') = 'published'"}
	p := map[string]any{}
	if len(f.Types) > 0 {
		conds = append(conds, "n.type IN $types")
		p["types"] = f.Types
	}
	if len(f.Langs) > 0 {
		conds = append(conds, "n.lang IN $langs")
		p["langs"] = f.Langs
	}
	if f.Demo != nil {
		conds = append(conds, "coalesce(n.demo, false) = $demo")
		p["demo"] = *f.Demo
	}
	if len(f.Themes) > 0 {
		conds = append(conds, "EXISTS { (n)-[:ABOUT]->(t:Theme) WHERE t.id IN $themes }")
		p["themes"] = f.Themes
	}
	if len(f.Principles) > 0 {
		conds = append(conds, "EXISTS { (n)-[:APPLIES]->(x:Principle) WHERE x.number IN $principles }")
		p["principles"] = f.Principles
	}
	var scope []string
	if len(f.Countries) > 0 {
		scope = append(scope, "EXISTS { (n)-[:IN]->(c:Country) WHERE c.iso2 IN $countries }")
		p["countries"] = f.Countries
	}
	if f.EU {
		scope = append(scope, "NOT EXISTS { (n)-[:IN]->(:Country) }")
	}
	if len(scope) > 0 {
		conds = append(conds, "("+strings.Join(scope, " OR ")+")")
	}
	if f.From != nil {
		conds = append(conds, "n.date >= $from")
		p["from"] = dbtype.Date(f.From.Time())
	}
	if f.To != nil {
		conds = append(conds, "n.date <= $to")
		p["to"] = dbtype.Date(f.To.Time())
	}
	n, err := db.Store.Count(context.Background(), "Document", strings.Join(conds, " AND "), p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// withValue returns f with the facet's own filter replaced by value v.
func withValue(f graph.LibraryFilter, facet, v string) graph.LibraryFilter {
	g := f
	switch facet {
	case "types":
		g.Types = []string{v}
	case "langs":
		g.Langs = []string{v}
	case "themes":
		g.Themes = []string{v}
	case "principles":
		n, _ := strconv.Atoi(v)
		g.Principles = []int{n}
	case "scopes":
		g.Countries, g.EU = nil, false
		if v == graph.ScopeEU {
			g.EU = true
		} else {
			g.Countries = []string{v}
		}
	case "years":
		y, _ := strconv.Atoi(v)
		g.From = &graph.Date{Year: y, Month: 1, Day: 1}
		g.To = &graph.Date{Year: y, Month: 12, Day: 31}
	}
	return g
}

func TestLibraryFacetsEqualFilteredTotals(t *testing.T) {
	libraryGraph(t, 150, 0)
	ctx := context.Background()
	filters := map[string]graph.LibraryFilter{
		"none":              {},
		"reports":           {Filter: graph.Filter{Types: []string{"report", "research"}}},
		"theme and country": {Filter: graph.Filter{Themes: []string{"theme:social-cohesion"}, Countries: []string{"FR"}}},
		"EU scope":          {EU: true},
		"principle 3, de":   {Filter: graph.Filter{Principles: []int{3}, Langs: []string{"de", "en"}}},
		"2021":              {Filter: graph.Filter{From: &graph.Date{Year: 2021, Month: 1, Day: 1}, To: &graph.Date{Year: 2021, Month: 12, Day: 31}}},
		"real only":         {Filter: graph.Filter{Demo: ptr(false)}},
	}
	for name, f := range filters {
		t.Run(name, func(t *testing.T) {
			nodes, total, facets, err := db.Store.LibraryDocuments(ctx, f, graph.Order{}, graph.Window{Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if want := countDocs(t, f); total != want {
				t.Fatalf("total %d, Cypher counts %d", total, want)
			}
			if total > 0 && len(nodes) != min(total, 10) {
				t.Fatalf("%d nodes in a window of 10 of %d", len(nodes), total)
			}
			nonzero := 0
			for facet, list := range map[string][]graph.FacetCount{"types": facets.Types, "langs": facets.Langs,
				"themes": facets.Themes, "principles": facets.Principles, "scopes": facets.Scopes, "years": facets.Years} {
				for _, c := range list {
					if want := countDocs(t, withValue(f, facet, c.Value)); c.Count != want {
						t.Errorf("%s=%s counts %d, Cypher counts %d", facet, c.Value, c.Count, want)
					}
					if c.Count <= 0 {
						t.Errorf("%s=%s listed with count %d", facet, c.Value, c.Count)
					}
					nonzero++
				}
			}
			if nonzero == 0 {
				t.Fatal("no facet value at all")
			}
		})
	}
	// a value missing from a facet matches nothing under the other filters
	f := graph.LibraryFilter{EU: true}
	_, _, facets, err := db.Store.LibraryDocuments(ctx, f, graph.Order{}, graph.Window{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"pl", "it"} {
		if facetValue(facets.Langs, v) == 0 && countDocs(t, withValue(f, "langs", v)) != 0 {
			t.Errorf("lang %s is missing from the facet but matches documents", v)
		}
	}
}

func TestNewsArchiveMonths(t *testing.T) {
	libraryGraph(t, 0, 120)
	ctx := context.Background()
	for _, f := range []graph.Filter{{}, {Countries: []string{"DE"}}, {Langs: []string{"fr"}}} {
		months, err := db.Store.NewsArchive(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for i, m := range months {
			if i > 0 && (m.Year > months[i-1].Year || m.Year == months[i-1].Year && m.Month >= months[i-1].Month) {
				t.Errorf("%+v after %+v: not newest first", m, months[i-1])
			}
			from := graph.Date{Year: m.Year, Month: time.Month(m.Month), Day: 1}
			to := graph.Date{Year: m.Year, Month: time.Month(m.Month), Day: 1}
			to = graph.DateOf(to.Time().AddDate(0, 1, -1))
			g := f
			g.From, g.To = &from, &to
			_, total, err := db.Store.List(ctx, graph.KindNews, g, graph.Order{}, graph.Window{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if total != m.Count {
				t.Errorf("%+v: %d-%02d counts %d, the list of that month %d", f, m.Year, m.Month, m.Count, total)
			}
			sum += m.Count
		}
		_, all, err := db.Store.List(ctx, graph.KindNews, f, graph.Order{}, graph.Window{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if sum != all || all == 0 {
			t.Errorf("%+v: the months hold %d, the list %d", f, sum, all)
		}
	}
}
