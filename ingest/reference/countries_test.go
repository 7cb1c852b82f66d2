package reference

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"ewsi/graph"
)

func TestCountries(t *testing.T) {
	recs, err := Countries("testdata")
	if err != nil {
		t.Fatalf("Countries: %v", err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d countries, want 4", len(recs))
	}
	got := map[string]*graph.Country{}
	for _, r := range recs {
		c, ok := r.Node.(*graph.Country)
		if !ok {
			t.Fatalf("node %T, want *graph.Country", r.Node)
		}
		if c.ID != graph.ID(graph.KindCountry, c.ISO2) || c.Status != graph.StatusPublished {
			t.Errorf("%s: id %s status %q", c.ISO2, c.ID, c.Status)
		}
		if !strings.HasPrefix(r.Source, "testdata/countries.json:") {
			t.Errorf("%s: source %q", c.ISO2, r.Source)
		}
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		got[c.ISO2] = c
	}
	gr := got["GR"]
	if gr == nil || gr.Eurostat != "EL" || !gr.EU || gr.NameDe != "Griechenland" || gr.NameFr != "Grèce" {
		t.Errorf("Greece: %+v", gr)
	}
	if gr.Location == nil || gr.Location.Lon() != 22 || gr.Location.Lat() != 39 {
		t.Errorf("Greece: location %v, want lon 22 lat 39", gr.Location)
	}
	ch := got["CH"]
	if ch == nil || ch.EU || strings.Join(ch.Languages, ",") != "de,fr,it" {
		t.Errorf("Switzerland: %+v", ch)
	}
	if xk := got["XK"]; xk == nil || len(xk.Languages) != 0 {
		t.Errorf("Kosovo: %+v", xk)
	}
}

func TestCountriesBadLatitude(t *testing.T) {
	_, err := Countries("testdata/bad")
	if err == nil {
		t.Fatal("a latitude of 200 was accepted")
	}
	msg := err.Error()
	for _, want := range []string{"testdata/bad/countries.json:3", "field lat", "200"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("code %s, want %s", graph.ErrorCode(err), graph.EINVALID)
	}
}

func TestCountriesMissingFile(t *testing.T) {
	_, err := Countries("testdata/none")
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "testdata/none/countries.json") {
		t.Errorf("error %v, want one naming the missing file", err)
	}
}

func TestCities(t *testing.T) {
	cities, err := Cities("testdata")
	if err != nil {
		t.Fatalf("Cities: %v", err)
	}
	if len(cities) != 4 {
		t.Fatalf("%d cities, want 4", len(cities))
	}
	want := City{Name: "Kraków", Country: "PL", Lat: 50.06143, Lon: 19.93658, Population: 755050}
	if cities[1] != want {
		t.Errorf("cities[1] = %+v, want %+v", cities[1], want)
	}
}

func TestCitiesBadLongitude(t *testing.T) {
	_, err := Cities("testdata/bad")
	if err == nil {
		t.Fatal("a longitude of 190.5 was accepted")
	}
	msg := err.Error()
	for _, want := range []string{"testdata/bad/cities.json:3", "field lon"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
}
