package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/server"
)

// A query measured through GraphQL over HTTP and as raw Cypher over the driver.
type pair struct {
	name    string
	graphql func(i int) (string, map[string]any)
	cypher  func(ctx context.Context, i int) ([]map[string]any, error)
	// same normalises both answers to the same form, so that the bench can check
	// that they agree before it times them
	same func(data map[string]any, rows []map[string]any) (got, want string)
}

// benchQueries measures three GraphQL queries against the same reads as single
// Cypher queries: latency p50 and p99 one at a time (the two interleaved), and
// requests per second from four clients.
func benchQueries(ctx context.Context, st *neo4j.Store, t timing, rep *Report) error {
	api := httptest.NewServer(server.New(server.Config{Edge: engineOnly()}, st, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	defer api.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	orgs, _, err := st.List(ctx, graph.KindOrganisation, graph.Filter{}, graph.Order{}, graph.Window{Limit: 200})
	if err != nil {
		return err
	}
	countries, err := st.Countries(ctx, ptr(true))
	if err != nil {
		return err
	}
	themes := []string{"theme:social-cohesion", "theme:economic-participation", "theme:education-culture"}
	big := []string{"DE", "FR", "IT", "ES", "PL", "NL"}
	pairs := []pair{
		{"filtered page of practices, nested", func(i int) (string, map[string]any) {
			return `query($c: [String!], $t: [ID!]) { practices(first: 20, filter: {countries: $c, themes: $t}) { totalCount edges { node { title
			  implementers { ... on Organisation { name } ... on LocalAuthority { name } } themes { name } country { iso2 } } } } }`,
				map[string]any{"c": []string{big[i%len(big)]}, "t": []string{themes[i%len(themes)]}}
		}, func(ctx context.Context, i int) ([]map[string]any, error) {
			return RawPracticePage(ctx, st, big[i%len(big)], themes[i%len(themes)], 20)
		}, samePage},
		{"organisation with neighbours", func(i int) (string, map[string]any) {
			return `query($id: ID!) { node(id: $id) { ... on Organisation { name country { name } practices { title } partnerIn { title } themes { name } } } }`,
				map[string]any{"id": orgs[i%len(orgs)].NodeID()}
		}, func(ctx context.Context, i int) ([]map[string]any, error) {
			return RawOrganisation(ctx, st, orgs[i%len(orgs)].NodeID())
		}, sameOrganisation},
		{"country with counts", func(i int) (string, map[string]any) {
			return `query($c: String!) { country(code: $c) { name stats { practices organisations authorities documents events news funding } } }`,
				map[string]any{"c": countries[i%len(countries)].ISO2}
		}, func(ctx context.Context, i int) ([]map[string]any, error) {
			return RawCountryCounts(ctx, st, countries[i%len(countries)].ISO2)
		}, sameCountry},
	}
	for _, p := range pairs {
		gql, cy := p.ask(client, api.URL), p.read(ctx)
		const asked = 30
		same, err := agree(ctx, client, api.URL, p, asked)
		if err != nil {
			return err
		}
		rep.add(Result{Name: p.name + ": same answers as raw Cypher", Unit: "queries", Value: float64(same),
			Baseline: asked, BaseName: "queries asked", Target: "all", Met: met(same == asked)})
		gl, cl, err := t.pair(ctx, gql, cy)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		gqps, err := throughput(ctx, 4, 5*time.Second, gql)
		if err != nil {
			return err
		}
		cqps, err := throughput(ctx, 4, 5*time.Second, cy)
		if err != nil {
			return err
		}
		p50 := gl.quantile(.5)
		rep.add(Result{Name: p.name + " p50", Unit: "ms", Value: p50, Baseline: cl.quantile(.5), BaseName: "raw Cypher p50",
			Target: "<= 1.3x", Met: met(p50 <= 1.3*cl.quantile(.5))})
		rep.add(Result{Name: p.name + " p99", Unit: "ms", Value: gl.quantile(.99), Baseline: cl.quantile(.99), BaseName: "raw Cypher p99"})
		rep.add(Result{Name: p.name + " throughput", Unit: "req/s", Value: gqps, Baseline: cqps, BaseName: "raw Cypher, 4 clients"})
	}
	// what the GraphQL layer adds to a small query whatever the store does
	if err := benchTransport(ctx, client, api.URL, pairs[1], t, rep); err != nil {
		return err
	}
	if err := benchEmpty(ctx, client, api.URL, pairs[1], t, rep); err != nil {
		return err
	}
	if err := benchFloor(ctx, st, client, pairs[1], len(orgs), t, rep); err != nil {
		return err
	}
	return nil
}

// ask returns a call that posts the pair's i-th GraphQL query to the API at url.
func (p pair) ask(client *http.Client, url string) func(i int) error {
	return func(i int) error {
		q, v := p.graphql(i)
		_, err := postGraphQL(client, url, q, v)
		return err
	}
}

// read returns a call that runs the pair's i-th raw Cypher query.
func (p pair) read(ctx context.Context) func(i int) error {
	return func(i int) error {
		_, err := p.cypher(ctx, i)
		return err
	}
}

// postQuery posts a query to the GraphQL endpoint under url.
func postQuery(c *http.Client, url, q string, vars map[string]any) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	return c.Post(url+"/graphql", "application/json", bytes.NewReader(body))
}

// postGraphQL posts a query and returns its data.
func postGraphQL(c *http.Client, url, q string, vars map[string]any) (map[string]any, error) {
	resp, err := postQuery(c, url, q, vars)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any             `json:"data"`
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("graphql: %s", out.Errors[0].Message)
	}
	return out.Data, nil
}

func ptr[T any](v T) *T { return &v }
