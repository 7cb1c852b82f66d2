package reference

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// countryJSON is one entry of countries.json as build.mjs writes it.
type countryJSON struct {
	ISO2      string   `json:"iso2"`
	ISO3      string   `json:"iso3"`
	Eurostat  string   `json:"eurostat"`
	NameEn    string   `json:"nameEn"`
	NameFr    string   `json:"nameFr"`
	NameDe    string   `json:"nameDe"`
	EU        bool     `json:"eu"`
	Languages []string `json:"languages"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
}

// City is a populated place of cities.json: its name as GeoNames spells it, the
// ISO 3166-1 alpha-2 code of its country, its position (WGS 84) and population.
type City struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population"`
}

// cityJSON is City as read, with the coordinates required.
type cityJSON struct {
	Name       string   `json:"name"`
	Country    string   `json:"country"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Population int      `json:"population"`
}

var (
	iso2RE = regexp.MustCompile(`^[A-Z]{2}$`)
	iso3RE = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Countries reads <dir>/countries.json (written by ingest/refdata/build.mjs) into
// Country records, id "country:<iso2>", published, with Location at the country's
// centroid. An invalid entry gives an error naming the file, the line and the field.
func Countries(dir string) ([]graph.Record, error) {
	file := filepath.Join(dir, "countries.json")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the countries file (node ingest/refdata/build.mjs writes it): %w", file, err)
	}
	elems, err := decodeArray[countryJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{}
	out := make([]graph.Record, 0, len(elems))
	for _, e := range elems {
		v := e.Value
		c := checker{at: where(file, e.Line)}
		if !iso2RE.MatchString(v.ISO2) {
			c.failf("iso2", "%q is not an ISO 3166-1 alpha-2 code", v.ISO2)
		}
		if prev, dup := seen[v.ISO2]; dup {
			c.failf("iso2", "%q is already used at %s", v.ISO2, prev)
		}
		seen[v.ISO2] = c.at
		if !iso3RE.MatchString(v.ISO3) {
			c.failf("iso3", "%q is not an ISO 3166-1 alpha-3 code", v.ISO3)
		}
		if !iso2RE.MatchString(v.Eurostat) {
			c.failf("eurostat", "%q is not a two-letter Eurostat code", v.Eurostat)
		}
		c.text("nameEn", v.NameEn)
		c.text("nameFr", v.NameFr)
		c.text("nameDe", v.NameDe)
		langs := make([]string, 0, len(v.Languages))
		for i, l := range v.Languages {
			p, err := graph.ParseLang(l)
			if err != nil {
				c.failf(fmt.Sprintf("languages[%d]", i), "%v", err)
				continue
			}
			langs = append(langs, string(p))
		}
		lat, lon := c.position(v.Lat, v.Lon)
		errs = append(errs, c.errs...)
		if len(c.errs) > 0 {
			continue
		}
		out = append(out, graph.Record{
			Node: &graph.Country{Meta: published(graph.KindCountry, v.ISO2), ISO2: v.ISO2, ISO3: v.ISO3,
				Eurostat: v.Eurostat, NameEn: v.NameEn, NameFr: v.NameFr, NameDe: v.NameDe, EU: v.EU,
				Languages: langs, Location: &orb.Point{lon, lat}},
			Source: c.at,
		})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Cities reads <dir>/cities.json (written by ingest/refdata/build.mjs), largest
// first. An invalid entry gives an error naming the file, the line and the field.
func Cities(dir string) ([]City, error) {
	file := filepath.Join(dir, "cities.json")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the cities file (node ingest/refdata/build.mjs writes it): %w", file, err)
	}
	elems, err := decodeArray[cityJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	out := make([]City, 0, len(elems))
	for _, e := range elems {
		v := e.Value
		c := checker{at: where(file, e.Line)}
		c.text("name", v.Name)
		if !iso2RE.MatchString(v.Country) {
			c.failf("country", "%q is not an ISO 3166-1 alpha-2 code", v.Country)
		}
		if v.Population < 0 {
			c.failf("population", "%d is negative", v.Population)
		}
		lat, lon := c.position(v.Lat, v.Lon)
		errs = append(errs, c.errs...)
		out = append(out, City{Name: strings.TrimSpace(v.Name), Country: v.Country, Lat: lat, Lon: lon, Population: v.Population})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// position requires a latitude in [-90, 90] and a longitude in [-180, 180].
func (c *checker) position(lat, lon *float64) (float64, float64) {
	var la, lo float64
	switch {
	case lat == nil:
		c.failf("lat", "is missing")
	case *lat < -90 || *lat > 90:
		c.failf("lat", "%v is not a latitude (-90 to 90)", *lat)
	default:
		la = *lat
	}
	switch {
	case lon == nil:
		c.failf("lon", "is missing")
	case *lon < -180 || *lon > 180:
		c.failf("lon", "%v is not a longitude (-180 to 180)", *lon)
	default:
		lo = *lon
	}
	return la, lo
}
