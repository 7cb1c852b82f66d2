package app

import (
	"context"
	"fmt"

	"ewsi/ingest/demo"
	"ewsi/ingest/eurostat"
)

// loadCalendar adds the demo country sheets (when none are loaded) and the
// observations of the sample indicator tables (invented figures, marked as
// samples; merged on their keys, so loading them again changes nothing).
func (d *Demo) loadCalendar(ctx context.Context) error {
	n, err := demo.LoadSheets(ctx, d.Store)
	if err != nil {
		return fmt.Errorf("demo country sheets: %w", err)
	}
	if n > 0 {
		fmt.Fprintf(d.Out, "demo country sheets loaded: %d revisions\n", n)
	}
	st, err := eurostat.LoadSamples(ctx, d.Store)
	if err != nil {
		return fmt.Errorf("sample indicator tables: %w", err)
	}
	if st.Created > 0 {
		fmt.Fprintf(d.Out, "sample indicator observations loaded: %d (invented figures, marked as samples)\n", st.Created)
	}
	return nil
}
