package search

import "math/bits"

// fact is what the facets read of an entry, packed in 24 bytes and kept in a
// table beside the entries, in their order: a pass over a hundred thousand
// hits then reads memory in order, instead of an entry and its two slices
// for each.
type fact struct {
	day     int32
	themes  uint64    // bit i: the theme of index i
	country [2]uint16 // 1 + the countries' indexes, 0 when fewer
	langIx  uint16
	kindIx  uint8
	wide    bool // more themes than bits or more than two countries: read them from the entry
}

// factOf packs e.
func factOf(e *entry) fact {
	f := fact{day: e.day, langIx: e.langIx, kindIx: e.kindIx, wide: len(e.countries) > len(fact{}.country)}
	for _, t := range e.themes {
		if t >= 64 {
			f.wide = true
			continue
		}
		f.themes |= 1 << t
	}
	for i, c := range e.countries {
		if i < len(f.country) {
			f.country[i] = c + 1
		}
	}
	return f
}

// factAt returns the fact of r: from the table for the index's entries, packed
// now for others (nodes read from the store since the index was built).
func (x *Index) factAt(r row) fact {
	if r.i >= 0 && int(r.i) < len(x.facts) {
		return x.facts[r.i]
	}
	return factOf(r.e)
}

// anyTheme reports whether f (of entry e) has a theme of the selection.
func (f *fact) anyTheme(e *entry, s *selection) bool {
	if f.wide {
		return anyIn(e.themes, s.themes)
	}
	return f.themes&s.themeBits != 0
}

// anyCountry reports whether f (of entry e) has a country of the selection.
func (f *fact) anyCountry(e *entry, s *selection) bool {
	if f.wide {
		return anyIn(e.countries, s.countries)
	}
	for _, c := range f.country {
		if c == 0 {
			return false
		}
		if s.countries[c-1] {
			return true
		}
	}
	return false
}

// countThemes adds f's themes (of entry e) to by.
func (f *fact) countThemes(e *entry, by []int) {
	if f.wide {
		for _, t := range e.themes {
			by[t]++
		}
		return
	}
	for b := f.themes; b != 0; b &= b - 1 {
		by[bits.TrailingZeros64(b)]++
	}
}

// countCountries adds f's countries (of entry e) to by.
func (f *fact) countCountries(e *entry, by []int) {
	if f.wide {
		for _, c := range e.countries {
			by[c]++
		}
		return
	}
	for _, c := range f.country {
		if c == 0 {
			return
		}
		by[c-1]++
	}
}
