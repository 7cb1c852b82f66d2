package demo

import (
	"os"
	"testing"
	"time"
)

// referenceOptions returns options on the real reference data built at
// build/reference/, and skips the test when it has not been built.
func referenceOptions(t *testing.T, divisor int) Options {
	t.Helper()
	cities, countries, err := LoadReference("../../build/reference/cities.json", "../../build/reference/countries.json")
	if os.IsNotExist(err) {
		t.Skip("no build/reference data")
	}
	if err != nil {
		t.Fatal(err)
	}
	return Options{Scale: 1, Seed: 1, Out: t.TempDir(), Cities: cities, Countries: countries, divisor: divisor}
}

// TestGenerateReference checks a tenth of scale 1 on the real cities.
func TestGenerateReference(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	o := referenceOptions(t, 10)
	sum := generate(t, o)
	checkDir(t, o.Out, o)
	if sum.Sizes != sum.Wanted || len(sum.Notes) != 0 {
		t.Errorf("wrote %+v of %+v; notes %q", sum.Sizes, sum.Wanted, sum.Notes)
	}
}

// TestGenerateReferenceFull generates and checks full scale 1 (or
// EWSI_DEMO_SCALE) on the real cities when EWSI_DEMO_FULL is set, into
// EWSI_DEMO_OUT if set, and logs the time and size.
func TestGenerateReferenceFull(t *testing.T) {
	if os.Getenv("EWSI_DEMO_FULL") == "" {
		t.Skip("set EWSI_DEMO_FULL=1 to run")
	}
	o := referenceOptions(t, 1)
	if s := os.Getenv("EWSI_DEMO_SCALE"); s != "" {
		var n int
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		o.Scale = n
	}
	if d := os.Getenv("EWSI_DEMO_OUT"); d != "" {
		o.Out = d
	}
	start := time.Now()
	sum := generate(t, o)
	t.Logf("scale %d in %v:\n%s", o.Scale, time.Since(start).Round(time.Millisecond), sum)
	if o.Scale == 1 {
		checkDir(t, o.Out, o)
	}
}
