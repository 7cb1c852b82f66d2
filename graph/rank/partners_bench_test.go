package rank_test

import (
	"sync"
	"testing"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/graph/rank"
)

var (
	benchOnce  sync.Once
	benchProj  *rank.Projection
	benchQuery []graph.PartnerQuery
)

// BenchmarkFindPartners ranks the partners of 40 queries drawn as the store's
// PartnerBench draws them, on the projection of a scale-10 synthetic graph
// (50,000 organisations), first page with reasons. Run it with -cpuprofile to see
// where a partner search spends its time.
func BenchmarkFindPartners(b *testing.B) {
	benchOnce.Do(func() {
		var s *neo4jtest.Synth
		benchProj, s = synthProjection(b, neo4jtest.Scale(10))
		benchQuery = synthQueries(s, 40)
		for i := range benchQuery {
			if err := benchQuery[i].Normalize(); err != nil {
				b.Fatal(err)
			}
		}
	})
	w := graph.Window{Limit: graph.DefaultPageSize}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQuery[i%len(benchQuery)]
		if _, n, err := benchProj.FindPartners(q, w); err != nil || n == 0 {
			b.Fatalf("query %d: %d partners, %v", i%len(benchQuery), n, err)
		}
	}
}
