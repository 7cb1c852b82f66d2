package resolvers_test

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
	"ewsi/graph/rank"
	"ewsi/ingest"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
)

var (
	db     *neo4jtest.DB
	ranker *rank.Ranker
)

// TestMain starts a real Neo4j and loads the server's fixture and a page's worth
// of practices in Lyon that share a country, a theme and two implementers.
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		fixture, err := ingest.Open(filepath.Join("..", "server", "testdata", "fixture.jsonl"))
		if err != nil {
			return err
		}
		if err := d.Load(fixture, ingest.Records{Label: "lyon", Recs: lyonPractices(30)}); err != nil {
			return err
		}
		// a ranker of its own that checks the graph version once an hour, so that
		// the round trips counted are the resolvers' alone
		ranker = &rank.Ranker{Source: d.Store, Cache: &rank.Cache{Load: d.Store.LoadProjection, Version: d.Store.GraphVersion, CheckEvery: time.Hour}}
		_, err = ranker.Cache.Fresh(context.Background())
		return err
	})
}

// lyonPractices makes n practices in Lyon, each implemented by the authority and
// an organisation of the fixture.
func lyonPractices(n int) []graph.Record {
	out := make([]graph.Record, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, graph.Record{
			Node: &graph.Practice{Meta: graph.Meta{ID: fmt.Sprintf("practice:lyon-%02d", i), Status: graph.StatusPublished},
				Title: fmt.Sprintf("Lyon practice %02d", i), Lang: "fr", Summary: "Une pratique lyonnaise."},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}, {Type: graph.RelAbout, To: "theme:social-cohesion"},
				{Type: graph.RelImplements, To: "authority:lyon", Incoming: true},
				{Type: graph.RelImplements, To: "organisation:ville-lyon", Incoming: true}},
			Source: fmt.Sprintf("lyon:%d", i),
		})
	}
	return out
}

// newClient serves the schema with the resolvers over the test store, one set of
// loaders per request as the server does.
func newClient() *client.Client {
	root := &resolvers.Resolver{Store: db.Store, Partners: ranker}
	h := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: root}))
	h.AddTransport(transport.POST{})
	return client.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(resolvers.WithLoaders(r.Context(), db.Store)))
	}))
}

// gqlError is one error of a response.
type gqlError struct {
	Message string `json:"message"`
	Path    []any  `json:"path"`
}

func errorsOf(t *testing.T, resp *client.Response) []gqlError {
	t.Helper()
	if len(resp.Errors) == 0 {
		return nil
	}
	var errs []gqlError
	if err := json.Unmarshal(resp.Errors, &errs); err != nil {
		t.Fatalf("errors %s: %v", resp.Errors, err)
	}
	return errs
}
