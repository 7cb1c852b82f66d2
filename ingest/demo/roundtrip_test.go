package demo_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"ewsi/ingest"
	"ewsi/ingest/demo"
)

// TestOutputParses feeds every generated line to the project's ingest reader:
// the demo files must load as they are.
func TestOutputParses(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	cities, countries, err := demo.LoadReference("testdata/cities.json", "testdata/countries.json")
	if err != nil {
		t.Fatal(err)
	}
	o := demo.Options{Scale: 1, Seed: 9, Out: t.TempDir(), Cities: cities, Countries: countries}
	if _, err := demo.Generate(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, f := range demo.Files {
		fh, err := os.Open(filepath.Join(o.Out, f))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for n := 1; sc.Scan(); n++ {
			if _, err := ingest.Parse(fmt.Sprintf("%s:%d", f, n), sc.Bytes()); err != nil {
				if bad++; bad <= 10 {
					t.Error(err)
				}
			}
		}
		fh.Close()
	}
	if bad > 0 {
		t.Errorf("%d lines rejected by ingest.Parse", bad)
	}
}
