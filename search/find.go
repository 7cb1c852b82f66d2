package search

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"ewsi/graph"
)

// Order is the order of a search's results; ties break on id.
type Order int

// The orders.
const (
	Relevance Order = iota
	Newest
	Oldest
)

// Filter narrows a search: empty fields do not narrow, several values of one
// field match any of them.
type Filter struct {
	Kinds     []graph.Kind
	Themes    []string // ids or slugs
	Countries []string // ISO alpha-2
	Langs     []string
	Years     []int
}

// FacetCount is one facet value and how many results have it.
type FacetCount struct {
	Value string // a kind, a theme id, an ISO code, a language, a year
	Label string // themes and countries: the name in the language asked; others: empty
	Count int
}

// Facets are the counts of each facet's values, each over the results
// narrowed by every other facet's selection.
type Facets struct {
	Kinds, Themes, Countries, Langs, Years []FacetCount
}

// row is one hit of a search joined with its entry.
type row struct {
	e     *entry
	score float64
}

// selection is a filter turned into the index's terms.
type selection struct {
	kinds            map[graph.Kind]bool
	themes           map[uint16]bool
	countries        map[uint16]bool
	langs            map[string]bool
	years            map[int]bool
	themeUnknown     bool // a theme was asked that the index does not know: nothing matches
	countryUnknown   bool
	themeN, countryN int
}

func set[T comparable](xs []T) map[T]bool {
	if len(xs) == 0 {
		return nil
	}
	m := make(map[T]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func (x *Index) selection(f Filter) selection {
	s := selection{kinds: set(f.Kinds), langs: set(lower(f.Langs)), years: set(f.Years)}
	th := x.themes.indexes(f.Themes)
	s.themes, s.themeUnknown = set(th), len(f.Themes) > 0 && len(th) == 0
	cs := x.countries.indexes(upper(f.Countries))
	s.countries, s.countryUnknown = set(cs), len(f.Countries) > 0 && len(cs) == 0
	return s
}

func lower(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToLower(strings.TrimSpace(x))
	}
	return out
}

func upper(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToUpper(strings.TrimSpace(x))
	}
	return out
}

func anyIn(xs []uint16, m map[uint16]bool) bool {
	for _, x := range xs {
		if m[x] {
			return true
		}
	}
	return false
}

// facets counts the facets of rows under s, and returns the rows every
// selection holds for.
func (x *Index) facets(rows []row, s selection, lang graph.Lang) ([]row, Facets) {
	kinds, langs, years := map[string]int{}, map[string]int{}, map[string]int{}
	themes, countries := map[uint16]int{}, map[uint16]int{}
	var hits []row
	for _, r := range rows {
		e := r.e
		mK := s.kinds == nil || s.kinds[e.kind]
		mT := !s.themeUnknown && (s.themes == nil || anyIn(e.themes, s.themes))
		mC := !s.countryUnknown && (s.countries == nil || anyIn(e.countries, s.countries))
		mL := s.langs == nil || s.langs[e.lang]
		mY := s.years == nil || (!e.date.IsZero() && s.years[e.date.Year])
		if mT && mC && mL && mY {
			kinds[string(e.kind)]++
		}
		if mK && mC && mL && mY {
			for _, t := range e.themes {
				themes[t]++
			}
		}
		if mK && mT && mL && mY {
			for _, c := range e.countries {
				countries[c]++
			}
		}
		if mK && mT && mC && mY && e.lang != "" {
			langs[e.lang]++
		}
		if mK && mT && mC && mL && !e.date.IsZero() {
			years[strconv.Itoa(e.date.Year)]++
		}
		if mK && mT && mC && mL && mY {
			hits = append(hits, r)
		}
	}
	var f Facets
	f.Kinds = counts(kinds, nil)
	f.Langs = counts(langs, nil)
	f.Years = counts(years, nil)
	slices.SortStableFunc(f.Years, func(a, b FacetCount) int { return strings.Compare(b.Value, a.Value) })
	f.Themes = x.themes.counts(themes, lang)
	f.Countries = x.countries.counts(countries, lang)
	return hits, f
}

// counts lists m's values, most frequent first, then by value.
func counts(m map[string]int, label func(string) string) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, n := range m {
		fc := FacetCount{Value: v, Count: n}
		if label != nil {
			fc.Label = label(v)
		}
		out = append(out, fc)
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value)) })
	return out
}

func (n names) counts(m map[uint16]int, lang graph.Lang) []FacetCount {
	byKey := make(map[string]int, len(m))
	for i, c := range m {
		byKey[n.list[i].Key] = c
	}
	return counts(byKey, func(k string) string { return n.list[n.key[k]].Name(lang) })
}

// sortRows orders rows by o; ties break on id.
func sortRows(rows []row, o Order) {
	slices.SortFunc(rows, func(a, b row) int {
		switch o {
		case Newest, Oldest:
			az, bz := a.e.date.IsZero(), b.e.date.IsZero()
			if az != bz { // undated last
				if az {
					return 1
				}
				return -1
			}
			c := a.e.date.Time().Compare(b.e.date.Time())
			if o == Newest {
				c = -c
			}
			if c != 0 {
				return c
			}
		default:
			if a.score != b.score {
				if a.score > b.score {
					return -1
				}
				return 1
			}
		}
		return strings.Compare(a.e.id, b.e.id)
	})
}
