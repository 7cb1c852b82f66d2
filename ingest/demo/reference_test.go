package demo

import (
	"os"
	"testing"
)

// referenceOptions returns options on the real reference data built at
// build/reference/; the test fails when it has not been built (make builds it).
func referenceOptions(t *testing.T, divisor int) Options {
	t.Helper()
	cities, countries, err := LoadReference("../../build/reference/cities.json", "../../build/reference/countries.json")
	if os.IsNotExist(err) {
		t.Fatalf("%v: run `make` first, it builds the reference data", err)
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
