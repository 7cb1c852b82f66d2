package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
)

// contribCountries are the countries demo contributions are spread over: the 27
// members of the EU.
var contribCountries = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
	"LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}

// ContribResult is the latency of the moderation queue (global and of one
// country) and of one person's contributions, first page of 20.
type ContribResult struct {
	Contributors, Contributions int
	Global, Country, Mine       latencies
}

// ContributionBench writes people demo contributors with perPerson contributions
// each (deterministic, marked demo), then times iters first pages of the global
// queue, of a country's queue and of a random contributor's list, through the
// store as the resolvers call it. The demo contributions stay unless cleanup.
func ContributionBench(ctx context.Context, st *neo4j.Store, people, perPerson, iters int, cleanup bool) (ContribResult, error) {
	res := ContribResult{Contributors: people, Contributions: people * perPerson}
	start := time.Now()
	if err := st.DemoContributions(ctx, 13, people, perPerson, contribCountries); err != nil {
		return res, fmt.Errorf("demo contributions: %w", err)
	}
	fmt.Printf("bench: %d demo contributions of %d contributors written in %s\n", res.Contributions, people, time.Since(start).Round(time.Millisecond))
	if cleanup {
		defer func() { _ = st.RemoveContributions(context.Background(), true) }()
	}
	rng := rand.New(rand.NewPCG(13, 31))
	page := graph.Window{Limit: 20}
	calls := []struct {
		into *latencies
		call func() (int, error)
	}{
		{&res.Global, func() (int, error) {
			_, n, err := st.ModerationQueue(ctx, graph.ModerationFilter{}, page)
			return n, err
		}},
		{&res.Country, func() (int, error) {
			_, n, err := st.ModerationQueue(ctx, graph.ModerationFilter{Country: contribCountries[rng.IntN(len(contribCountries))]}, page)
			return n, err
		}},
		{&res.Mine, func() (int, error) {
			_, n, err := st.MyContributions(ctx, fmt.Sprintf("person:demo-contributor-%05d", rng.IntN(people)), page)
			return n, err
		}},
	}
	for i := 0; i < iters+iters/5; i++ { // the first fifth warms up
		for _, c := range calls {
			t0 := time.Now()
			n, err := c.call()
			if err != nil {
				return res, err
			}
			if n == 0 {
				return res, fmt.Errorf("a contribution list is empty: the demo contributions are not there")
			}
			if i >= iters/5 {
				*c.into = append(*c.into, time.Since(t0))
			}
		}
	}
	return res, nil
}

// contribBench is the "contributions" part of make bench: 10k contributors with
// five contributions each, first pages of the moderation queues and of one
// person's list, p95 against the target of 100 ms.
func contribBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	res, err := ContributionBench(ctx, st, 10000, 5, 300, true)
	if err != nil {
		return err
	}
	for _, m := range []struct {
		name string
		l    latencies
	}{{"moderation queue (every country), first page", res.Global}, {"moderation queue (one country), first page", res.Country},
		{"my contributions, first page", res.Mine}} {
		p95 := m.l.quantile(0.95)
		fmt.Printf("bench: %s: p50 %.2f ms p95 %.2f ms (%d contributions of %d contributors)\n", m.name, m.l.quantile(0.5), p95, res.Contributions, res.Contributors)
		rep.add(Result{Name: m.name + " p50", Unit: "ms", Value: m.l.quantile(0.5)})
		rep.add(Result{Name: m.name + " p95", Unit: "ms", Value: p95, Target: "<= 100 ms", Met: met(p95 <= 100)})
	}
	return nil
}
