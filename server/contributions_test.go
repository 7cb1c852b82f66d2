package server_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
)

func TestContributorsCSV(t *testing.T) {
	ctx := context.Background()
	t.Cleanup(func() {
		if err := db.Store.RemoveContributions(ctx, false); err != nil {
			t.Error(err)
		}
	})
	day, _ := graph.ParseDate("2026-02-01")
	for i, who := range []string{"person:anna", "person:hidden", "person:anna"} {
		in := graph.ContributionInput{Lang: "en", Title: fmt.Sprintf("Report item %d", i), Date: &day, URL: "https://report.example/", Country: "PL"}
		c, _, err := db.Store.SaveContribution(ctx, graph.SaveContribution{Person: who, Kind: graph.ContribNews, Input: in,
			Key: fmt.Sprintf("idem-csv-%d", i), Submit: true}, graph.DefaultSubmissionLimit)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Store.DecideContribution(ctx, graph.Decide{ID: c.ID, By: "person:editor", Decision: graph.DecisionPublish,
			CriteriaMet: graph.CriteriaOf(graph.ContribNews)}); err != nil {
			t.Fatal(err)
		}
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(api.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get(fmt.Sprintf("/contributors.csv?year=%d", time.Now().UTC().Year()))
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if code != 200 || err != nil || len(rows) != 5 {
		t.Fatalf("%d %v:\n%s", code, err, body)
	}
	// header, anna (2 news), the hidden person (1, not named), total, PL
	if strings.Join(rows[1][:4], ",") != "contributor,Anna Nowak,,2" || rows[1][6] != "2" {
		t.Errorf("anna's row: %v", rows[1])
	}
	if strings.Join(rows[2][:4], ",") != "contributor,,,1" || strings.Contains(body, "Hidden Person") {
		t.Errorf("a person who does not share details is named: %v", rows[2])
	}
	if strings.Join(rows[3][:4], ",") != "total,,,3" || strings.Join(rows[4][:4], ",") != "country,,PL,3" {
		t.Errorf("totals: %v %v", rows[3], rows[4])
	}
	if strings.Contains(body, "@") {
		t.Errorf("an email in the report:\n%s", body)
	}
	if code, body := get("/contributors.csv?year=nineteen"); code != 400 || !strings.Contains(body, "year") {
		t.Errorf("a bad year: %d %s", code, body)
	}
	if _, body := get("/contributors.csv?year=2001"); strings.Count(body, "\n") != 2 {
		t.Errorf("an empty year:\n%s", body)
	}
}
