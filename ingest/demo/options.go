package demo

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"

	"ewsi/graph"
)

// MaxScale is the largest Scale Generate accepts.
const MaxScale = 100

// Options says how much demo content to generate, from which seed, where to,
// and on which real places.
type Options struct {
	// Scale multiplies the scale-1 sizes (see BaseSizes); 1..MaxScale.
	Scale int
	// Seed selects the content; the same seed and scale give the same bytes.
	Seed int64
	// Out is the directory the files are written into; it is created if missing.
	Out string
	// Cities are the real places authorities and organisations sit in, as in
	// build/reference/cities.json. Required.
	Cities []City
	// Countries give each country's languages and EU membership, as in
	// build/reference/countries.json. When it is not empty, cities of countries
	// it does not list are skipped (a record links only to known countries).
	Countries []Country

	// divisor shrinks the base sizes for tests (0 or 1: the public sizes).
	divisor int
}

// City is a real city: where authorities and organisations are placed.
type City struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"` // ISO 3166 alpha-2
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population"`
}

// Country is what the generator needs to know of a country.
type Country struct {
	ISO2      string   `json:"iso2"`
	Languages []string `json:"languages"` // ISO 639-1; languages that are not EU official ones are ignored
	EU        bool     `json:"eu"`
}

// Validate checks the options and returns an error naming the first bad field.
func (o Options) Validate() error {
	if o.Scale < 1 || o.Scale > MaxScale {
		return graph.Errorf(graph.EINVALID, "scale", "%d is out of range 1..%d", o.Scale, MaxScale)
	}
	if strings.TrimSpace(o.Out) == "" {
		return graph.Errorf(graph.EINVALID, "out", "the output directory must be set")
	}
	if len(o.Cities) == 0 {
		return graph.Errorf(graph.EINVALID, "cities", "at least one city is needed")
	}
	for i, c := range o.Cities {
		where := fmt.Sprintf("cities[%d]", i)
		switch {
		case strings.TrimSpace(c.Name) == "":
			return graph.Errorf(graph.EINVALID, where+".name", "a city needs a name")
		case !isISO2(c.Country):
			return graph.Errorf(graph.EINVALID, where+".country", "%q is not an ISO 3166 alpha-2 code", c.Country)
		case math.IsNaN(c.Lat) || c.Lat < -90 || c.Lat > 90:
			return graph.Errorf(graph.EINVALID, where+".lat", "%v is not a latitude", c.Lat)
		case math.IsNaN(c.Lon) || c.Lon < -180 || c.Lon > 180:
			return graph.Errorf(graph.EINVALID, where+".lon", "%v is not a longitude", c.Lon)
		case c.Population < 0:
			return graph.Errorf(graph.EINVALID, where+".population", "%d is negative", c.Population)
		}
	}
	for i, c := range o.Countries {
		where := fmt.Sprintf("countries[%d]", i)
		if !isISO2(c.ISO2) {
			return graph.Errorf(graph.EINVALID, where+".iso2", "%q is not an ISO 3166 alpha-2 code", c.ISO2)
		}
	}
	if o.divisor < 0 {
		return graph.Errorf(graph.EINVALID, "divisor", "%d is negative", o.divisor)
	}
	return nil
}

func isISO2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// Sizes counts records per type.
type Sizes struct {
	Organisations int `json:"organisations"`
	Authorities   int `json:"authorities"`
	People        int `json:"people"`
	Funding       int `json:"funding"`
	Practices     int `json:"practices"`
	Documents     int `json:"documents"`
	News          int `json:"news"`
	Events        int `json:"events"`
}

// BaseSizes are the sizes at scale 1; scale N multiplies each by N.
var BaseSizes = Sizes{
	Organisations: 5000, Authorities: 1500, People: 10000, Funding: 1000,
	Practices: 3000, Documents: 15000, News: 20000, Events: 5000,
}

// Total returns the sum of the counts.
func (s Sizes) Total() int {
	return s.Organisations + s.Authorities + s.People + s.Funding + s.Practices +
		s.Documents + s.News + s.Events
}

// sizes returns the target sizes of o.
func (o Options) sizes() Sizes {
	d := max(o.divisor, 1)
	f := func(n int) int { return max(n*o.Scale/d, 1) }
	b := BaseSizes
	return Sizes{f(b.Organisations), f(b.Authorities), f(b.People), f(b.Funding),
		f(b.Practices), f(b.Documents), f(b.News), f(b.Events)}
}

// LoadReference reads cities and countries from the reference JSON files built
// at build/reference/ (cities.json, countries.json); extra fields are ignored.
// An empty countriesPath reads no countries.
func LoadReference(citiesPath, countriesPath string) ([]City, []Country, error) {
	var cities []City
	if err := readJSON(citiesPath, &cities); err != nil {
		return nil, nil, err
	}
	var countries []Country
	if countriesPath != "" {
		if err := readJSON(countriesPath, &countries); err != nil {
			return nil, nil, err
		}
	}
	return cities, countries, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
