package demo

import (
	"cmp"
	"math"
	"slices"

	"ewsi/graph"
)

// countryInfo is a country as the generator uses it.
type countryInfo struct {
	ISO2  string
	EU    bool
	Langs []int    // bank columns of its languages that have a bank
	Codes []string // its EU official languages, ISO 639-1
}

// world is the reference data prepared for drawing: the usable cities, largest
// first, and their countries.
type world struct {
	cities      []City
	cityCountry []int // index into countries
	countries   []countryInfo
	byCountry   [][]int // city indices per country, largest first
	weights     weights // cities by population, for placing organisations
	skipped     int     // cities whose country is not among o.Countries
}

// newWorld keeps the cities of known countries and orders everything so that
// the result does not depend on the order of the input beyond ties.
func newWorld(o Options) (*world, error) {
	w := &world{}
	idx := map[string]int{}
	add := func(iso2 string, eu bool, langs []string) {
		if _, ok := idx[iso2]; ok {
			return
		}
		ci := countryInfo{ISO2: iso2, EU: eu}
		for _, l := range langs {
			if graph.Lang(l).Valid() && !slices.Contains(ci.Codes, l) {
				ci.Codes = append(ci.Codes, l)
			}
			if b := bankOf(l); b >= 0 && !slices.Contains(ci.Langs, b) {
				ci.Langs = append(ci.Langs, b)
			}
		}
		idx[iso2] = len(w.countries)
		w.countries = append(w.countries, ci)
	}
	if len(o.Countries) > 0 {
		for _, c := range o.Countries {
			add(c.ISO2, c.EU, c.Languages)
		}
	} else {
		for _, c := range o.Cities {
			add(c.Country, false, nil)
		}
	}
	for _, c := range o.Cities {
		if _, ok := idx[c.Country]; ok {
			w.cities = append(w.cities, c)
		} else {
			w.skipped++
		}
	}
	if len(w.cities) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "cities", "none of the %d cities is in a country of the country list", len(o.Cities))
	}
	slices.SortStableFunc(w.cities, func(a, b City) int {
		return cmp.Or(cmp.Compare(b.Population, a.Population), cmp.Compare(a.Country, b.Country),
			cmp.Compare(a.Name, b.Name))
	})
	w.byCountry = make([][]int, len(w.countries))
	wt := make([]float64, len(w.cities))
	for i, c := range w.cities {
		k := idx[c.Country]
		w.cityCountry = append(w.cityCountry, k)
		w.byCountry[k] = append(w.byCountry[k], i)
		wt[i] = 1 + math.Pow(float64(c.Population), 0.6)
	}
	w.weights = newWeights(wt)
	return w, nil
}

// lang draws the bank language of a record in country k: one of the country's
// languages, English when it has none with a bank.
func (w *world) lang(r *rng, k int) int {
	ls := w.countries[k].Langs
	if len(ls) == 0 {
		return en
	}
	return pick(r, ls)
}

// languages returns the spoken languages of someone in country k writing in
// bank language l: that language, often the country's other languages, and
// English with probability pEn.
func (w *world) languages(r *rng, k, l int, pEn float64) []string {
	langs := []string{bankLangs[l]}
	codes := w.countries[k].Codes
	if l == en && len(codes) > 0 && !slices.Contains(codes, "en") {
		langs[0] = pick(r, codes) // the country's language has no bank: still spoken
	}
	for _, c := range codes {
		if !slices.Contains(langs, c) && r.Chance(0.4) {
			langs = append(langs, c)
		}
	}
	if !slices.Contains(langs, "en") && r.Chance(pEn) {
		langs = append(langs, "en")
	}
	return langs
}

// allocate picks n distinct cities (n <= len(cities)), shared among countries
// in proportion to their number of cities (largest remainder), the largest
// cities of each country first. The result is ordered by population.
func (w *world) allocate(n int) []int {
	total := len(w.cities)
	n = min(n, total)
	quota := make([]int, len(w.countries))
	type rem struct {
		k    int
		frac float64
	}
	var rems []rem
	given := 0
	for k, cs := range w.byCountry {
		exact := float64(n) * float64(len(cs)) / float64(total)
		quota[k] = int(exact)
		given += quota[k]
		rems = append(rems, rem{k, exact - float64(quota[k])})
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.frac, a.frac) })
	for i := 0; given < n; i++ {
		k := rems[i%len(rems)].k
		if quota[k] < len(w.byCountry[k]) {
			quota[k]++
			given++
		}
	}
	out := make([]int, 0, n)
	taken := make([]int, len(w.countries))
	for i := range w.cities {
		k := w.cityCountry[i]
		if taken[k] < quota[k] {
			taken[k]++
			out = append(out, i)
		}
	}
	return out
}

// seat is where an authority sits.
type seat struct {
	City     int
	Regional bool
}

// authorityPlan places the wanted number of authorities: one per distinct city
// (about one in eight regional) while cities last, then regional authorities
// reusing the largest cities, at most one per city. It returns the seats and
// the number that could not be placed.
func (w *world) authorityPlan(r *rng, want int) ([]seat, int) {
	n := len(w.cities)
	var seats []seat
	if want <= n {
		for _, c := range w.allocate(want) {
			seats = append(seats, seat{City: c, Regional: r.Chance(0.12)})
		}
		return seats, 0
	}
	for c := range w.cities {
		seats = append(seats, seat{City: c})
	}
	extra := min(want-n, n)
	for _, c := range w.allocate(extra) {
		seats = append(seats, seat{City: c, Regional: true})
	}
	return seats, want - n - extra
}
