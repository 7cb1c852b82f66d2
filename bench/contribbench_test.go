package main

import (
	"context"
	"os"
	"strconv"
	"testing"
)

// TestContributionBench runs ContributionBench once at a small scale (200
// contributors) so that it keeps working; EWSI_CONTRIB_PEOPLE sets the number of
// contributors (10000 is the bench's).
func TestContributionBench(t *testing.T) {
	people := 200
	if v, err := strconv.Atoi(os.Getenv("EWSI_CONTRIB_PEOPLE")); err == nil && v > 0 {
		people = v
	}
	res, err := ContributionBench(context.Background(), db.Store, people, 5, 50, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Global) != 50 || len(res.Country) != 50 || len(res.Mine) != 50 {
		t.Errorf("timed %d, %d, %d calls, want 50 each", len(res.Global), len(res.Country), len(res.Mine))
	}
	t.Logf("%d contributions of %d contributors: global queue p50 %.2f p95 %.2f ms; one country p50 %.2f p95 %.2f ms; mine p50 %.2f p95 %.2f ms",
		res.Contributions, res.Contributors, res.Global.quantile(.5), res.Global.quantile(.95), res.Country.quantile(.5), res.Country.quantile(.95),
		res.Mine.quantile(.5), res.Mine.quantile(.95))
	if n, err := db.Store.Count(context.Background(), "Contribution", "", nil); err != nil || n != 0 {
		t.Errorf("%d contributions left after the bench (%v)", n, err)
	}
}
