package neo4j_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
)

// The bench functions run, and the fast paths give the baselines' first pages.
func TestBenchFunctionsAgree(t *testing.T) {
	partnerGraph(t)
	ctx := context.Background()
	for _, bench := range []func(context.Context, *neo4j.Store, int, int) (neo4j.BenchResult, error){neo4j.PartnerBench, neo4j.RelatedBench} {
		r, err := bench(ctx, db.Store, 12, 2)
		if err != nil {
			t.Fatal(err)
		}
		if r.Queries == 0 || r.Compared != r.Queries || r.Agree != r.Queries || r.Fast.P95 < r.Fast.P50 || r.Fast.ReqPerSec <= 0 {
			t.Errorf("%s (%s)", r, r.Mismatch)
		}
	}
}

// TestBenchScale loads a synthetic graph of scale EWSI_BENCH_SCALE (10: 50,000
// organisations) and prints the bench results; skipped unless the variable is set.
func TestBenchScale(t *testing.T) {
	scale, _ := strconv.Atoi(os.Getenv("EWSI_BENCH_SCALE"))
	if scale <= 0 {
		t.Skip("set EWSI_BENCH_SCALE=10 to run")
	}
	ctx := context.Background()
	s, err := neo4jtest.NewSynth(7, neo4jtest.Scale(scale))
	if err != nil {
		t.Fatal(err)
	}
	db.Reset(t)
	start := time.Now()
	sum, err := (&ingest.Loader{W: db.Store, Batch: 5000}).Load(ctx, ingest.Records{Label: "synth", Recs: s.Records})
	if err != nil || sum.Rejected > 0 {
		t.Fatalf("load: %v %v", err, sum.Errors)
	}
	t.Logf("loaded %d records in %s", len(s.Records), time.Since(start).Round(time.Second))
	for _, bench := range []func(context.Context, *neo4j.Store, int, int) (neo4j.BenchResult, error){neo4j.PartnerBench, neo4j.RelatedBench} {
		n, _ := strconv.Atoi(os.Getenv("EWSI_BENCH_QUERIES"))
		r, err := bench(ctx, db.Store, max(n, 20), 2)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(r, r.Mismatch)
	}
}
