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

// join joins full-text hits with the index's entries; it returns the hits the
// index does not know (written since it was built, or not published) apart.
func (x *Index) join(hits []graph.ScoredRef) (rows []row, unknown []graph.ScoredRef) {
	rows = make([]row, 0, len(hits))
	for _, h := range hits {
		if i, ok := x.byRef[h.Ref]; ok {
			rows = append(rows, row{&x.entries[i], h.Score})
		} else {
			unknown = append(unknown, h)
		}
	}
	return rows, unknown
}

// rank narrows rows by f, counts their facets, and returns the window w of
// them in the order o, with the total.
func (x *Index) rank(rows []row, f Filter, o Order, lang graph.Lang, w graph.Window) (page []row, total int, facets Facets) {
	rows, facets = x.facets(rows, x.selection(f), lang)
	return pageRows(rows, o, w), len(rows), facets
}

// facets counts the facets of rows under s, and returns the rows every
// selection holds for. It may reorder rows in place.
func (x *Index) facets(rows []row, s selection, lang graph.Lang) ([]row, Facets) {
	kinds, langs, years := map[graph.Kind]int{}, map[string]int{}, map[int]int{}
	themes, countries := make([]int, len(x.themes.list)), make([]int, len(x.countries.list))
	hits := rows[:0] // the rows kept are written over the ones already read
	for _, r := range rows {
		e := r.e
		mK := s.kinds == nil || s.kinds[e.kind]
		mT := !s.themeUnknown && (s.themes == nil || anyIn(e.themes, s.themes))
		mC := !s.countryUnknown && (s.countries == nil || anyIn(e.countries, s.countries))
		mL := s.langs == nil || s.langs[e.lang]
		mY := s.years == nil || (!e.date.IsZero() && s.years[e.date.Year])
		if mT && mC && mL && mY {
			kinds[e.kind]++
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
			years[e.date.Year]++
		}
		if mK && mT && mC && mL && mY {
			hits = append(hits, r)
		}
	}
	var f Facets
	f.Kinds = counts(kinds, func(k graph.Kind) string { return string(k) }, nil)
	f.Langs = counts(langs, func(l string) string { return l }, nil)
	f.Years = counts(years, strconv.Itoa, nil)
	slices.SortStableFunc(f.Years, func(a, b FacetCount) int { return strings.Compare(b.Value, a.Value) })
	f.Themes = x.themes.counts(themes, lang)
	f.Countries = x.countries.counts(countries, lang)
	return hits, f
}

// counts lists m's values (written by value), most frequent first, then by value.
func counts[K comparable](m map[K]int, value func(K) string, label func(K) string) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for k, n := range m {
		fc := FacetCount{Value: value(k), Count: n}
		if label != nil {
			fc.Label = label(k)
		}
		out = append(out, fc)
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value)) })
	return out
}

// counts lists the names counted in by (by index of the list) that were found.
func (n names) counts(by []int, lang graph.Lang) []FacetCount {
	m := map[uint16]int{}
	for i, c := range by {
		if c > 0 {
			m[uint16(i)] = c
		}
	}
	return counts(m, func(i uint16) string { return n.list[i].Key }, func(i uint16) string { return n.list[i].Name(lang) })
}

// rowOrder compares rows in the order o; ties break on id.
func rowOrder(o Order) func(a, b row) int {
	return func(a, b row) int {
		switch o {
		case Newest, Oldest:
			az, bz := a.e.date.IsZero(), b.e.date.IsZero()
			if az != bz { // undated last
				if az {
					return 1
				}
				return -1
			}
			c := cmp.Or(cmp.Compare(a.e.date.Year, b.e.date.Year), cmp.Compare(a.e.date.Month, b.e.date.Month), cmp.Compare(a.e.date.Day, b.e.date.Day))
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
	}
}

// pageRows returns the window w of rows in the order o. Only the rows up to
// the window's end are put in order: a heap of that many keeps the first ones
// seen so far, so a first page of a hundred thousand rows costs a pass, not a
// sort. It may reorder rows in place.
func pageRows(rows []row, o Order, w graph.Window) []row {
	end := min(len(rows), w.Offset+w.Limit)
	if w.Offset >= end {
		return nil
	}
	less := rowOrder(o)
	if end > len(rows)/4 {
		slices.SortFunc(rows, less)
		return rows[w.Offset:end]
	}
	// rows[:end] is a max-heap (the last of the first rows at its root)
	h := rows[:end]
	for i := end/2 - 1; i >= 0; i-- {
		down(h, i, less)
	}
	for _, r := range rows[end:] {
		if less(r, h[0]) < 0 {
			h[0] = r
			down(h, 0, less)
		}
	}
	slices.SortFunc(h, less)
	return h[w.Offset:end]
}

// down moves h[i] down the max-heap h under less.
func down(h []row, i int, less func(a, b row) int) {
	for {
		big := i
		if l := 2*i + 1; l < len(h) && less(h[l], h[big]) > 0 {
			big = l
		}
		if r := 2*i + 2; r < len(h) && less(h[r], h[big]) > 0 {
			big = r
		}
		if big == i {
			return
		}
		h[i], h[big] = h[big], h[i]
		i = big
	}
}
