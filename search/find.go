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

// row is one hit of a search joined with its entry, and the entry's index in
// the index's table (-1 for an entry read from the store).
type row struct {
	e     *entry
	score float64
	i     int32
}

// selection is a filter turned into the index's terms: each field nil when
// it does not narrow, else true at the indexes it keeps.
type selection struct {
	kinds, themes, countries []bool
	themeBits                uint64          // the themes selected, as fact.themes
	langs                    []bool          // by langIx
	langSet                  map[string]bool // for the languages the index lacks
	years                    map[int]bool
}

// flags returns a table of n flags true at the indexes ixs, nil when there are
// none and none was asked (any); an asked value that the index lacks makes a
// table true nowhere.
func flags[I ~uint8 | ~uint16](n int, ixs []I, asked int) []bool {
	if asked == 0 {
		return nil
	}
	out := make([]bool, n)
	for _, i := range ixs {
		out[i] = true
	}
	return out
}

func (x *Index) selection(f Filter) selection {
	var kinds []uint8
	for _, k := range f.Kinds {
		if i, ok := x.kindIx[k]; ok {
			kinds = append(kinds, i)
		}
	}
	langs := lower(f.Langs)
	var lix []uint16
	for _, l := range langs {
		if i, ok := x.langIx[l]; ok {
			lix = append(lix, i)
		}
	}
	s := selection{
		kinds:     flags(len(x.kinds), kinds, len(f.Kinds)),
		themes:    flags(len(x.themes.list), x.themes.indexes(f.Themes), len(f.Themes)),
		countries: flags(len(x.countries.list), x.countries.indexes(upper(f.Countries)), len(f.Countries)),
		langs:     flags(len(x.langs)+1, lix, len(langs)),
		years:     set(f.Years),
	}
	if s.langs != nil {
		s.langSet = set(langs)
	}
	for t, ok := range s.themes {
		if ok && t < 64 {
			s.themeBits |= 1 << t
		}
	}
	return s
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

func anyIn(xs []uint16, sel []bool) bool {
	for _, x := range xs {
		if sel[x] {
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
			rows = append(rows, row{&x.entries[i], h.Score, i})
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
	kinds := make([]int, len(x.kinds))
	langs := make([]int, len(x.langs)+1) // by langIx; 0 counts in otherLangs
	otherLangs := map[string]int{}
	span := 0
	if x.maxYear > 0 && x.maxYear-x.minYear < maxYearSpan {
		span = x.maxYear - x.minYear + 1
	}
	years := make([]int, span) // by year - minYear; others in otherYears
	otherYears := map[int]int{}
	themes, countries := make([]int, len(x.themes.list)), make([]int, len(x.countries.list))
	hits := rows[:0] // the rows kept are written over the ones already read
	for _, r := range rows {
		e, f := r.e, x.factAt(r)
		mK := s.kinds == nil || s.kinds[f.kindIx]
		mT := s.themes == nil || f.anyTheme(e, &s)
		mC := s.countries == nil || f.anyCountry(e, &s)
		mL := s.langs == nil || (f.langIx > 0 && s.langs[f.langIx]) || (f.langIx == 0 && s.langSet[e.lang])
		mY := s.years == nil || (f.day != 0 && s.years[int(f.day/10000)])
		if mT && mC && mL && mY {
			kinds[f.kindIx]++
		}
		if mK && mC && mL && mY {
			f.countThemes(e, themes)
		}
		if mK && mT && mL && mY {
			f.countCountries(e, countries)
		}
		if mK && mT && mC && mY {
			if f.langIx > 0 {
				langs[f.langIx]++
			} else if e.lang != "" {
				otherLangs[e.lang]++
			}
		}
		if mK && mT && mC && mL && f.day != 0 {
			if y := int(f.day/10000) - x.minYear; y >= 0 && y < span {
				years[y]++
			} else {
				otherYears[int(f.day/10000)]++
			}
		}
		if mK && mT && mC && mL && mY {
			hits = append(hits, r)
		}
	}
	var f Facets
	km := map[graph.Kind]int{}
	for i, n := range kinds {
		if n > 0 {
			km[x.kinds[i]] = n
		}
	}
	for i, n := range langs[1:] {
		if n > 0 {
			otherLangs[x.langs[i]] += n
		}
	}
	for i, n := range years {
		if n > 0 {
			otherYears[x.minYear+i] += n
		}
	}
	f.Kinds = counts(km, func(k graph.Kind) string { return string(k) }, nil)
	f.Langs = counts(otherLangs, func(l string) string { return l }, nil)
	f.Years = counts(otherYears, strconv.Itoa, nil)
	slices.SortStableFunc(f.Years, func(a, b FacetCount) int { return strings.Compare(b.Value, a.Value) })
	f.Themes = x.themes.counts(themes, lang)
	f.Countries = x.countries.counts(countries, lang)
	return hits, f
}

// maxYearSpan bounds the table the years are counted in; the years of an
// index whose dates span more are counted in a map.
const maxYearSpan = 1000

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
	if o != Newest && o != Oldest {
		return func(a, b row) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return strings.Compare(a.e.id, b.e.id)
		}
	}
	return func(a, b row) int {
		az, bz := a.e.day == 0, b.e.day == 0
		if az != bz { // undated last
			if az {
				return 1
			}
			return -1
		}
		c := cmp.Compare(a.e.day, b.e.day)
		if o == Newest {
			c = -c
		}
		if c != 0 {
			return c
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
