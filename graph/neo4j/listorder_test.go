package neo4j_test

import (
	"context"
	"slices"
	"testing"

	"ewsi/graph"
)

// TestListOrderPutsMissingValuesLast: a list ordered by date, newest or oldest
// first, ends with the items that have no date (Cypher alone puts nulls first
// in a descending order, so undated items would head "newest first").
func TestListOrderPutsMissingValuesLast(t *testing.T) {
	db.Reset(t)
	d := func(s string) *graph.Date { v, _ := graph.ParseDate(s); return &v }
	recs := seed(t)
	for _, x := range []struct {
		id   string
		date *graph.Date
	}{{"document:old", d("2020-05-01")}, {"document:undated", nil}, {"document:new", d("2024-02-01")}} {
		recs = append(recs, graph.Record{Node: &graph.Document{Meta: graph.Meta{ID: x.id}, Title: x.id, Type: graph.DocReport, Lang: "en", Date: x.date},
			Links: []graph.Link{{Type: graph.RelIn, To: "country:PL"}}})
	}
	load(t, recs)
	f := graph.Filter{Countries: []string{"PL"}}
	if err := f.Normalize("filter"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		order graph.Order
		want  []string
	}{
		{"newest first", graph.Order{Field: "date", Desc: true}, []string{"document:new", "document:old", "document:undated"}},
		{"oldest first", graph.Order{Field: "date"}, []string{"document:old", "document:new", "document:undated"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			nodes, total, err := db.Store.List(context.Background(), graph.KindDocument, f, c.order, graph.Window{Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range nodes {
				got = append(got, n.NodeID())
			}
			if total != 3 || !slices.Equal(got, c.want) {
				t.Fatalf("got %v (total %d), want %v", got, total, c.want)
			}
		})
	}
}
