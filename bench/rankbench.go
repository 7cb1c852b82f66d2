package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j"
)

// BenchTiming is the latency and throughput of one way of answering a set of queries.
type BenchTiming struct {
	P50, P95  time.Duration
	ReqPerSec float64
	// Timeouts counts the queries that ran out of BenchQueryTimeout; they count in
	// the percentiles at the time they took.
	Timeouts int
}

// BenchQueryTimeout bounds each query of a bench.
const BenchQueryTimeout = 10 * time.Second

// BenchResult compares a ranking (the ranker over its projection) with its plain-Cypher baseline on
// the same queries; Agree counts the queries whose first page is the same, among
// the Compared ones whose baseline answered in time.
type BenchResult struct {
	Name     string
	Queries  int
	Fast     BenchTiming
	Baseline BenchTiming
	Agree    int
	Compared int
	// Mismatch describes the first query whose pages differ, for the report.
	Mismatch string
}

// String formats the result on one line.
func (r BenchResult) String() string {
	return fmt.Sprintf("%s: %d queries; fast p50 %v p95 %v %.1f req/s (%d timeouts); baseline p50 %v p95 %v %.1f req/s (%d timeouts); same first page %d/%d answered in time",
		r.Name, r.Queries, r.Fast.P50.Round(time.Millisecond), r.Fast.P95.Round(time.Millisecond), r.Fast.ReqPerSec, r.Fast.Timeouts,
		r.Baseline.P50.Round(time.Millisecond), r.Baseline.P95.Round(time.Millisecond), r.Baseline.ReqPerSec, r.Baseline.Timeouts, r.Agree, r.Compared)
}

// PartnerBench times partner search by fast on n queries drawn from the graph
// (half by organisation, half hand profiles of an organisation's themes with a
// 300 km radius around it), one at a time for latency, then with workers in
// parallel for throughput, against BaselinePartners on the same queries.
func PartnerBench(ctx context.Context, s *neo4j.Store, ranker graph.Partners, n, workers int) (BenchResult, error) {
	recs, err := s.Query(ctx, `
MATCH (o:Organisation) WITH o ORDER BY o.id
WITH collect(o) AS xs
WITH [i IN range(0, $n - 1) | xs[toInteger(i * size(xs) / $n)]] AS picked
UNWIND picked AS o
RETURN o.id AS id, o.location AS loc, [(o)-[:ABOUT]->(t:Theme) | t.id] AS themes, [(o)-[:ABOUT]->(t:Subtheme) | t.id] AS subs`,
		map[string]any{"n": n})
	if err != nil {
		return BenchResult{}, err
	}
	var qs []graph.PartnerQuery
	for i, m := range recs {
		if i%2 == 0 {
			qs = append(qs, graph.PartnerQuery{Organisation: m["id"].(string)})
			continue
		}
		q := graph.PartnerQuery{Themes: stringList(m["themes"]), Subthemes: stringList(m["subs"]), Languages: []string{"en"}}
		if p, ok := m["loc"].(dbtype.Point2D); ok {
			q.Near, q.RadiusKm = &orb.Point{p.X, p.Y}, 300
		}
		if len(q.Themes)+len(q.Subthemes) == 0 {
			q.Themes = []string{"theme:social-cohesion"}
		}
		qs = append(qs, q)
	}
	w := graph.Window{Limit: graph.DefaultPageSize}
	res := BenchResult{Name: "partner search", Queries: len(qs)}
	fast := func(i int) ([]string, error) {
		ctx, cancel := context.WithTimeout(ctx, BenchQueryTimeout)
		defer cancel()
		got, _, err := ranker.FindPartners(ctx, qs[i], w)
		ids := make([]string, len(got))
		for j, m := range got {
			ids[j] = m.ID
		}
		return ids, err
	}
	base := func(i int) ([]string, error) {
		ctx, cancel := context.WithTimeout(ctx, BenchQueryTimeout)
		defer cancel()
		got, _, err := BaselinePartners(ctx, s, qs[i], w)
		ids := make([]string, len(got))
		for j, m := range got {
			ids[j] = m.ID
		}
		return ids, err
	}
	return compare(res, len(qs), workers, fast, base)
}

// RelatedBench times related content by ranker on n nodes drawn from practices,
// documents and news, first 10, against BaselineRelated.
func RelatedBench(ctx context.Context, s *neo4j.Store, ranker graph.Partners, n, workers int) (BenchResult, error) {
	var ids []string
	for _, k := range []graph.Kind{graph.KindPractice, graph.KindDocument, graph.KindNews} {
		recs, err := s.Query(ctx, fmt.Sprintf(`
MATCH (x:%s) WITH x ORDER BY x.id WITH collect(x.id) AS xs
UNWIND range(0, $n - 1) AS i RETURN xs[toInteger(i * size(xs) / $n)] AS id`, k), map[string]any{"n": (n + 2) / 3})
		if err != nil {
			return BenchResult{}, err
		}
		for _, r := range recs {
			if id, ok := r["id"].(string); ok && len(ids) < n {
				ids = append(ids, id)
			}
		}
	}
	res := BenchResult{Name: "related content", Queries: len(ids)}
	fast := func(i int) ([]string, error) {
		ctx, cancel := context.WithTimeout(ctx, BenchQueryTimeout)
		defer cancel()
		got, err := ranker.Related(ctx, ids[i], nil, 10)
		out := make([]string, len(got))
		for j, it := range got {
			out[j] = it.ID
		}
		return out, err
	}
	base := func(i int) ([]string, error) {
		ctx, cancel := context.WithTimeout(ctx, BenchQueryTimeout)
		defer cancel()
		got, err := BaselineRelated(ctx, s, ids[i], nil, 10)
		out := make([]string, len(got))
		for j, it := range got {
			out[j] = it.ID
		}
		return out, err
	}
	return compare(res, len(ids), workers, fast, base)
}

// compare times both ways on every query and counts the queries they agree on.
func compare(res BenchResult, n, workers int, fast, base func(int) ([]string, error)) (BenchResult, error) {
	answers := make([][]string, n)
	var err error
	if res.Fast, err = timeAll(n, workers, func(i int) error { a, err := fast(i); answers[i] = a; return err }); err != nil {
		return res, err
	}
	agree := make([]int, n) // 1 same, -1 different, 0 not answered in time
	var mu sync.Mutex
	if res.Baseline, err = timeAll(n, workers, func(i int) error {
		b, err := base(i)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		if fmt.Sprint(b) == fmt.Sprint(answers[i]) {
			agree[i] = 1
		} else {
			agree[i] = -1
			if res.Mismatch == "" {
				res.Mismatch = fmt.Sprintf("query %d: fast %v, baseline %v", i, answers[i], b)
			}
		}
		return nil
	}); err != nil {
		return res, err
	}
	for _, a := range agree {
		if a != 0 {
			res.Compared++
		}
		if a == 1 {
			res.Agree++
		}
	}
	return res, nil
}

// timeAll runs fn once per query after a warm-up pass over all of them: one at a time for the
// latency percentiles, then with workers in parallel for the throughput.
func timeAll(n, workers int, fn func(int) error) (BenchTiming, error) {
	var t BenchTiming
	for i := 0; i < n; i++ { // warm the plan cache: Neo4j plans once per query text and parameter types
		if err := fn(i); err != nil && graph.ErrorCode(err) != graph.ETIMEOUT {
			return BenchTiming{}, err
		}
	}
	lat := make([]time.Duration, n)
	for i := 0; i < n; i++ {
		start := time.Now()
		if err := fn(i); err != nil {
			if graph.ErrorCode(err) != graph.ETIMEOUT {
				return BenchTiming{}, err
			}
			t.Timeouts++
		}
		lat[i] = time.Since(start)
	}
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	t.P50, t.P95 = lat[n/2], lat[min(n-1, n*95/100)]
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan int)
	start := time.Now()
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil && graph.ErrorCode(err) != graph.ETIMEOUT {
					mu.Lock()
					first = err
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	t.ReqPerSec = float64(n) / time.Since(start).Seconds()
	return t, first
}

// stringList turns a list read from Neo4j into strings, dropping nulls.
func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
