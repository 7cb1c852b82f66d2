package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/ingest"
)

// TestLinksToTheBatchJustBefore loads records that each link to the record just
// before them, one record a batch, with several transactions in flight: a link
// whose target may not be committed yet must wait, not be lost.
func TestLinksToTheBatchJustBefore(t *testing.T) {
	reset(t)
	const n = 30
	var lines []string
	for i := 1; i <= n; i++ {
		lines = append(lines,
			fmt.Sprintf(`{"type":"organisation","id":"chain-%d","name":"Chain %d","orgType":"civil_society","country":"NL"}`, i, i),
			fmt.Sprintf(`{"type":"practice","id":"chain-%d","title":"Chain %d","lang":"nl","summary":"s","country":"NL","themes":["social-cohesion"],"implementers":["chain-%d"],"partners":["organisation:chain-%d"]}`,
				i, i, i, max(i-1, 1)))
	}
	file := filepath.Join(t.TempDir(), "chain.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := ingest.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := (&ingest.Loader{W: db.Store, Batch: 1, Writers: 4}).Load(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2*n || sum.Rejected != 0 {
		t.Fatalf("load: %s %v", sum, sum.Errors)
	}
	rows, err := db.Store.Query(context.Background(), `
MATCH (p:Practice) WHERE p.id STARTS WITH 'practice:chain-'
RETURN count(p) AS p, sum(COUNT { (p)<-[:IMPLEMENTS]-(:Organisation) }) AS impl,
       sum(COUNT { (p)<-[:PARTNER_IN]-(:Organisation) }) AS partners, count(p.hash) AS complete`, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := rows[0]
	if r["p"].(int64) != n || r["impl"].(int64) != n || r["partners"].(int64) != n || r["complete"].(int64) != n {
		t.Errorf("practices, implementers, partners, complete: %v, want %d each", r, n)
	}
	again, err := (&ingest.Loader{W: db.Store, Batch: 1, Writers: 4}).Load(context.Background(), src)
	if err != nil || again.Unchanged != 2*n {
		t.Errorf("second load: %s %v", again, err)
	}
}
