package demo

import (
	"errors"
	"testing"

	"ewsi/graph"
)

func TestValidate(t *testing.T) {
	good := func() Options {
		return Options{Scale: 1, Out: "out", Cities: []City{{Name: "Lyon", Country: "FR", Lat: 45.7, Lon: 4.8, Population: 500000}},
			Countries: []Country{{ISO2: "FR", Languages: []string{"fr"}, EU: true}}}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("good options: %v", err)
	}
	cases := []struct {
		where string
		edit  func(*Options)
	}{
		{"scale", func(o *Options) { o.Scale = 0 }},
		{"scale", func(o *Options) { o.Scale = MaxScale + 1 }},
		{"out", func(o *Options) { o.Out = " " }},
		{"cities", func(o *Options) { o.Cities = nil }},
		{"cities[0].name", func(o *Options) { o.Cities[0].Name = "" }},
		{"cities[0].country", func(o *Options) { o.Cities[0].Country = "fr" }},
		{"cities[0].lat", func(o *Options) { o.Cities[0].Lat = 91 }},
		{"cities[0].lon", func(o *Options) { o.Cities[0].Lon = -181 }},
		{"cities[0].population", func(o *Options) { o.Cities[0].Population = -1 }},
		{"countries[0].iso2", func(o *Options) { o.Countries[0].ISO2 = "FRA" }},
	}
	for _, c := range cases {
		o := good()
		c.edit(&o)
		err := o.Validate()
		var e *graph.Error
		if !errors.As(err, &e) || e.Where != c.where || e.Code != graph.EINVALID {
			t.Errorf("%s: got %v", c.where, err)
		}
	}
	// Languages outside the EU's are ignored, not refused.
	o := good()
	o.Countries[0].Languages = []string{"no"}
	if err := o.Validate(); err != nil {
		t.Errorf("non-EU language: %v", err)
	}
}

func TestLoadReference(t *testing.T) {
	cities, countries, err := LoadReference("testdata/cities.json", "testdata/countries.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(cities) < 40 || len(countries) < 30 {
		t.Fatalf("%d cities, %d countries", len(cities), len(countries))
	}
	if c := cities[0]; c.Name == "" || c.Country == "" || c.Lat == 0 || c.Population == 0 {
		t.Errorf("first city %+v", c)
	}
	if _, _, err := LoadReference("testdata/missing.json", ""); err == nil {
		t.Error("no error for a missing file")
	}
}
