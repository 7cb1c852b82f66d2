package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
	"ewsi/search"
)

var (
	db     *neo4jtest.DB
	engine *search.Engine
)

// TestMain starts a real Neo4j and loads the server's fixture, a few texts in
// English, French and German, and the "zephyr" set (see zephyrItems).
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		fixture, err := ingest.Open(filepath.Join("..", "server", "testdata", "fixture.jsonl"))
		if err != nil {
			return err
		}
		if err := d.Load(fixture, ingest.Records{Label: "texts", Recs: texts()},
			ingest.Records{Label: "zephyr", Recs: zephyrRecords()}); err != nil {
			return err
		}
		if err := d.Store.Settle(context.Background()); err != nil {
			return err
		}
		engine = search.New(d.Store)
		_, err = engine.Cache.Fresh(context.Background())
		return err
	})
}

func date(y, m, d int) *graph.Date { return &graph.Date{Year: y, Month: time.Month(m), Day: d} }

func meta(id string) graph.Meta { return graph.Meta{ID: id, Status: graph.StatusPublished} }

func in(country string, themes ...string) []graph.Link {
	out := []graph.Link{{Type: graph.RelIn, To: "country:" + country}}
	for _, t := range themes {
		out = append(out, graph.Link{Type: graph.RelAbout, To: "theme:" + t})
	}
	return out
}

// texts are a few nodes whose words test folding, stemming and snippets.
func texts() []graph.Record {
	return []graph.Record{
		{Node: &graph.Practice{Meta: meta("practice:koeln-sprache"), Title: "Sprachkurse für Migrantinnen in Köln", Lang: "de",
			Summary: "Die Stadt Köln bietet Sprachkurse und Beratung für neu angekommene Frauen an.", StartDate: date(2021, 3, 1)},
			Links: in("DE", "education-culture"), Source: "t:1"},
		{Node: &graph.Practice{Meta: meta("practice:lyon-accueil"), Title: "Accueil des réfugiés à Lyon", Lang: "fr",
			Summary: "Un accueil pour les réfugiés et les demandeurs d'asile, avec des cours de français.", StartDate: date(2019, 5, 1)},
			Links: in("FR", "social-cohesion"), Source: "t:2"},
		{Node: &graph.Document{Meta: meta("document:young-refugees-sport"), Title: "Integrating young refugees through sport", Lang: "en",
			Type: "report", Date: date(2022, 6, 1),
			Summary: "A report on football clubs that welcome refugees. Sport helps young people to settle; clubs also teach the language."},
			Links: in("SE", "social-cohesion"), Source: "t:3"},
	}
}

// zephyr is the word all of zephyrItems share; the set is larger than a page
// of 100 and its facet values are known here, independently of the server.
const zephyr = "zephyr"

type zephyrItem struct {
	id, kind, country, lang, theme string
	year                           int
}

var (
	zephyrCountries = []string{"FR", "DE", "PL", "IT"}
	zephyrLangs     = []string{"en", "fr", "de"}
	zephyrThemes    = []string{"social-cohesion", "education-culture", ""}
)

func zephyrItems() []zephyrItem {
	var out []zephyrItem
	for i := 0; i < 150; i++ {
		it := zephyrItem{id: fmt.Sprintf("news:zephyr-%03d", i), kind: "NEWS", country: zephyrCountries[i%4],
			lang: zephyrLangs[i%3], theme: zephyrThemes[i%5%3], year: 2018 + i%5}
		if i%6 == 5 {
			it.id, it.kind = fmt.Sprintf("event:zephyr-%03d", i), "EVENT"
		}
		out = append(out, it)
	}
	return out
}

func zephyrRecords() []graph.Record {
	var out []graph.Record
	for i, it := range zephyrItems() {
		links := in(it.country)
		if it.theme != "" {
			links = in(it.country, it.theme)
		}
		d := date(it.year, 1+i%12, 1+i%28)
		var n graph.Node
		if it.kind == "EVENT" {
			n = &graph.Event{Meta: meta(it.id), Title: fmt.Sprintf("Zephyr festival %03d", i), Lang: graph.Lang(it.lang), Start: d,
				Summary: "A festival of the zephyr network."}
		} else {
			n = &graph.News{Meta: meta(it.id), Title: fmt.Sprintf("Zephyr integration bulletin %03d", i), Lang: graph.Lang(it.lang), Date: d,
				Summary: "News of the zephyr network."}
		}
		out = append(out, graph.Record{Node: n, Links: links, Source: fmt.Sprintf("z:%d", i)})
	}
	return out
}

// newClient serves the schema with the resolvers over the test store and the
// test engine, one set of loaders per request as the server does.
func newClient() *client.Client { return newClientOf(engine) }

// newClientOf is newClient over the engine e.
func newClientOf(e *search.Engine) *client.Client {
	root := &resolvers.Resolver{Store: db.Store, Search: e}
	h := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: root}))
	h.AddTransport(transport.POST{})
	return client.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(resolvers.WithLoaders(r.Context(), db.Store)))
	}))
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// errorsOf posts q and returns its errors.
func errorsOf(t *testing.T, c *client.Client, q string, opts ...client.Option) []gqlError {
	t.Helper()
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var errs []gqlError
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatalf("errors %s: %v", resp.Errors, err)
		}
	}
	return errs
}
