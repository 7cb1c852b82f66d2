package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/server"
)

// rawCostStore is a store whose NeighboursMulti answers from what it read the
// first time, after running the organisation's raw Cypher once more: a read of
// the same answer at exactly the raw query's cost. Served through the API, it
// measures what the GraphQL layer (HTTP, gqlgen, resolvers, JSON) adds to the
// raw Cypher when the store's own query costs no more than it: the best ratio
// that any store-side change can give this query. It serves the bench only,
// never the API, and only ids it has answered for before.
type rawCostStore struct {
	*neo4j.Store
	mu    sync.Mutex
	known map[string]map[graph.Hop]map[string][]graph.Node
}

// NeighboursMulti reads through the store the first time, then runs the raw
// Cypher for the one organisation asked and returns the answer read before.
func (r *rawCostStore) NeighboursMulti(ctx context.Context, hops []graph.Hop, ids []string) (map[graph.Hop]map[string][]graph.Node, error) {
	key := fmt.Sprint(hops, ids)
	r.mu.Lock()
	res, ok := r.known[key]
	r.mu.Unlock()
	if !ok {
		res, err := r.Store.NeighboursMulti(ctx, hops, ids)
		if err == nil {
			r.mu.Lock()
			r.known[key] = res
			r.mu.Unlock()
		}
		return res, err
	}
	if len(ids) != 1 || !slices.Contains(hops, graph.Hop{}) {
		return nil, fmt.Errorf("raw-cost store: %v is not one organisation with its neighbours", ids)
	}
	if _, err := RawOrganisation(ctx, r.Store, ids[0]); err != nil {
		return nil, err
	}
	return res, nil
}

// benchFloor measures the organisation query through an API over rawCostStore,
// interleaved with the raw Cypher, after one untimed pass over every id.
func benchFloor(ctx context.Context, st *neo4j.Store, client *http.Client, org pair, ids int, t timing, rep *Report) error {
	rs := &rawCostStore{Store: st, known: map[string]map[graph.Hop]map[string][]graph.Node{}}
	api := httptest.NewServer(server.New(server.Config{Edge: engineOnly()}, rs, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	defer api.Close()
	gql := org.ask(client, api.URL)
	for i := 0; i < ids; i++ {
		if err := gql(i); err != nil {
			return err
		}
	}
	return besideRaw(ctx, t, org.name+", store read at raw Cypher's cost", gql, org, rep)
}

// benchEmpty measures a GraphQL request that reads nothing (HTTP on loopback,
// parsing from the cache, validation, limits, metrics, the JSON answer) against
// the organisation's raw Cypher, interleaved: no query can come closer to its
// raw Cypher than 1 + this ratio.
func benchEmpty(ctx context.Context, client *http.Client, url string, org pair, t timing, rep *Report) error {
	empty := func(int) error {
		_, err := postGraphQL(client, url, `{ __typename }`, nil)
		return err
	}
	return besideRaw(ctx, t, "GraphQL request reading nothing", empty, org, rep)
}

// benchTransport measures HTTP alone against the organisation's raw Cypher,
// interleaved: the same client posts the organisation query to a handler that
// answers, without GraphQL, with the bytes the API answered for it, and decodes
// them as it decodes the API's. No GraphQL server over HTTP can come closer to
// the raw Cypher than 1 + this ratio.
func benchTransport(ctx context.Context, client *http.Client, url string, org pair, t timing, rep *Report) error {
	q, v := org.graphql(0)
	resp, err := postQuery(client, url, q, v)
	if err != nil {
		return err
	}
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/graphql-response+json")
		_, _ = w.Write(answer)
	}))
	defer bare.Close()
	post := func(int) error {
		_, err := postGraphQL(client, bare.URL, q, v)
		return err
	}
	return besideRaw(ctx, t, "HTTP alone, the organisation's answer", post, org, rep)
}

// besideRaw times call against the organisation's raw Cypher, interleaved, and
// adds the p50 of both as the row name.
func besideRaw(ctx context.Context, t timing, name string, call func(int) error, org pair, rep *Report) error {
	l, raw, err := t.pair(ctx, call, org.read(ctx))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rep.add(Result{Name: name + " p50", Unit: "ms", Value: l.quantile(.5), Baseline: raw.quantile(.5),
		BaseName: "organisation raw Cypher p50"})
	return nil
}
