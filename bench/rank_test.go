package main

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
)

// Both rankings equal the plain Cypher baseline, hubs included.
func TestRelatedAgreesWithBaseline(t *testing.T) {
	s := db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			n := 0
			for id := range s.Items {
				if n++; n > 25 {
					break
				}
				fast, err := r.Related(ctx, id, nil, 10)
				if err != nil {
					t.Fatal(err)
				}
				base, err := BaselineRelated(ctx, db.Store, id, nil, 10)
				if err != nil {
					t.Fatal(err)
				}
				if len(fast) != len(base) {
					t.Fatalf("%s: %d results, baseline %d", id, len(fast), len(base))
				}
				for i := range fast {
					if fast[i].ID != base[i].ID || fast[i].Score != base[i].Score {
						t.Errorf("%s #%d: %s %.4f, baseline %s %.4f", id, i, fast[i].ID, fast[i].Score, base[i].ID, base[i].Score)
					}
				}
			}
		})
	}
}

func TestFindPartnersAgreesWithBaseline(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	lyon := orb.Point{4.84, 45.76}
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			for _, q := range []graph.PartnerQuery{
				{Organisation: "organisation:seeker"},
				{Organisation: "organisation:ngo-krakow", Languages: []string{"en"}},
				{Themes: []string{"education-culture"}, Subthemes: []string{"language-competencies"}, Languages: []string{"fr"}, Near: &lyon, RadiusKm: 800},
				{Types: []string{"civil_society"}, Countries: []string{"FR", "PL"}},
			} {
				fast, total, err := r.FindPartners(ctx, q, graph.Window{Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				base, btotal, err := BaselinePartners(ctx, db.Store, q, graph.Window{Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				if total != btotal || total == 0 {
					t.Fatalf("%+v: %d candidates, baseline %d", q, total, btotal)
				}
				for i := range fast {
					if fast[i].ID != base[i].ID || fast[i].Score != base[i].Score {
						t.Errorf("%+v #%d: %s %.4f, baseline %s %.4f", q, i, fast[i].ID, fast[i].Score, base[i].ID, base[i].Score)
						break
					}
				}
			}
		})
	}
}

// The bench functions run, and the ranker gives the baselines' first pages.
func TestBenchFunctionsAgree(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	for _, bench := range []func(context.Context, *neo4j.Store, graph.Partners, int, int) (BenchResult, error){PartnerBench, RelatedBench} {
		r, err := bench(ctx, db.Store, db.Ranker, 12, 2)
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
	if _, err := db.Ranker.Cache.Fresh(ctx); err != nil {
		t.Fatal(err)
	}
	for _, bench := range []func(context.Context, *neo4j.Store, graph.Partners, int, int) (BenchResult, error){PartnerBench, RelatedBench} {
		n, _ := strconv.Atoi(os.Getenv("EWSI_BENCH_QUERIES"))
		r, err := bench(ctx, db.Store, db.Ranker, max(n, 20), 2)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(r, r.Mismatch)
	}
}
