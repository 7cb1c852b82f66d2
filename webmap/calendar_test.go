package webmap_test

import (
	"context"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest/demo"
	"ewsi/ingest/eurostat"
)

// loadCalendarDemo loads the demo country sheets (France has two revisions)
// and the sample indicator tables, as the demo content does.
func loadCalendarDemo(d *neo4jtest.DB) error {
	ctx := context.Background()
	if _, err := demo.LoadSheets(ctx, d.Store); err != nil {
		return err
	}
	_, err := eurostat.LoadSamples(ctx, d.Store)
	return err
}
