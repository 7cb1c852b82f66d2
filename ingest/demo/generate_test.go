package demo

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testOptions returns options on the test cities and countries, with base
// sizes divided by divisor.
func testOptions(t testing.TB, divisor int) Options {
	t.Helper()
	cities, countries, err := LoadReference("testdata/cities.json", "testdata/countries.json")
	if err != nil {
		t.Fatal(err)
	}
	return Options{Scale: 1, Seed: 42, Out: t.TempDir(), Cities: cities, Countries: countries, divisor: divisor}
}

func generate(t testing.TB, o Options) Summary {
	t.Helper()
	sum, err := Generate(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestGenerateValid(t *testing.T) {
	o := testOptions(t, 40) // 37 authorities on the 44 test cities
	sum := generate(t, o)
	res := checkDir(t, o.Out, o)
	want := map[string]int{
		"organisation": sum.Organisations, "authority": sum.Authorities, "person": sum.People,
		"funding": sum.Funding, "practice": sum.Practices, "document": sum.Documents,
		"news": sum.News, "event": sum.Events,
	}
	for typ, n := range want {
		if res.counts[typ] != n || n == 0 {
			t.Errorf("%s: %d lines, summary says %d", typ, res.counts[typ], n)
		}
	}
	if sum.Sizes != sum.Wanted {
		t.Errorf("wrote %+v, wanted %+v", sum.Sizes, sum.Wanted)
	}
	if sum.CitiesUsed != sum.Authorities || len(sum.Notes) != 0 {
		t.Errorf("%d cities used for %d authorities; notes %q", sum.CitiesUsed, sum.Authorities, sum.Notes)
	}
	if res.crossBorder == 0 || res.celex == 0 || res.euWideFunds == 0 || res.regional == 0 {
		t.Errorf("missing variety: %+v", res)
	}
	if p := float64(res.shared) / float64(sum.People); p < 0.3 || p > 0.5 {
		t.Errorf("%.2f of people share their details, want about 0.4", p)
	}
	for _, l := range []string{"en", "fr", "de", "it", "es", "pl", "nl"} {
		if !res.langsWritten[l] {
			t.Errorf("no record in %s", l)
		}
	}
	var size int64
	for _, f := range Files {
		st, err := os.Stat(filepath.Join(o.Out, f))
		if err != nil {
			t.Fatal(err)
		}
		size += st.Size()
	}
	if size != sum.Bytes {
		t.Errorf("files hold %d bytes, summary says %d", size, sum.Bytes)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b, c := testOptions(t, 50), testOptions(t, 50), testOptions(t, 50)
	c.Seed++
	generate(t, a)
	generate(t, b)
	generate(t, c)
	differs := false
	for _, f := range Files {
		x, _ := os.ReadFile(filepath.Join(a.Out, f))
		y, _ := os.ReadFile(filepath.Join(b.Out, f))
		z, _ := os.ReadFile(filepath.Join(c.Out, f))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", f)
		}
		if !bytes.Equal(x, z) {
			differs = true
		}
	}
	if !differs {
		t.Error("a different seed gave the same files")
	}
}

func TestGenerateScalesLinearly(t *testing.T) {
	one, two := testOptions(t, 100), testOptions(t, 100)
	two.Scale = 2
	s1, s2 := generate(t, one), generate(t, two)
	double := s1.Sizes
	double.Organisations *= 2
	double.Authorities *= 2
	double.People *= 2
	double.Funding *= 2
	double.Practices *= 2
	double.Documents *= 2
	double.News *= 2
	double.Events *= 2
	if s2.Sizes != double {
		t.Errorf("scale 2 wrote %+v, want %+v", s2.Sizes, double)
	}
	checkDir(t, two.Out, two)
}

func TestSizes(t *testing.T) {
	o := Options{Scale: 1}
	if o.sizes() != BaseSizes {
		t.Errorf("scale 1: %+v", o.sizes())
	}
	o.Scale = 10
	if got := o.sizes(); got.Authorities != 15000 || got.News != 200000 || got.Total() != 10*BaseSizes.Total() {
		t.Errorf("scale 10: %+v", got)
	}
}

func TestGenerateFewCities(t *testing.T) {
	o := testOptions(t, 100) // 15 authorities wanted
	o.Cities = o.Cities[:5]
	sum := generate(t, o)
	if sum.Authorities != 10 || sum.CitiesUsed != 5 {
		t.Errorf("%d authorities on %d cities, want 10 on 5", sum.Authorities, sum.CitiesUsed)
	}
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "5 short") {
		t.Errorf("notes %q", sum.Notes)
	}
	checkDir(t, o.Out, o)
}

func TestGenerateSkipsUnknownCountries(t *testing.T) {
	o := testOptions(t, 100)
	o.Cities = append(o.Cities, City{Name: "Oslo", Country: "XX", Lat: 59.91, Lon: 10.75, Population: 600000})
	sum := generate(t, o)
	if sum.CitiesSkipped != 1 || len(sum.Notes) != 1 {
		t.Errorf("skipped %d, notes %q", sum.CitiesSkipped, sum.Notes)
	}
	checkDir(t, o.Out, o)

	o.Countries = nil // every city's country is then known, in English
	o.Out = t.TempDir()
	sum = generate(t, o)
	if sum.CitiesSkipped != 0 {
		t.Errorf("skipped %d without a country list", sum.CitiesSkipped)
	}
	checkDir(t, o.Out, o)
}

func TestGenerateCancelled(t *testing.T) {
	o := testOptions(t, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, o); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	left, _ := os.ReadDir(o.Out)
	for _, e := range left {
		t.Errorf("left %s behind", e.Name())
	}
}

func TestGenerateInvalid(t *testing.T) {
	o := testOptions(t, 100)
	o.Scale = 0
	if _, err := Generate(context.Background(), o); err == nil || !strings.Contains(err.Error(), "scale") {
		t.Errorf("err = %v", err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	o := testOptions(b, 10)
	var sum Summary
	for b.Loop() {
		sum = generate(b, o)
	}
	b.ReportMetric(float64(sum.Total()), "records/op")
	b.SetBytes(sum.Bytes)
}
