package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"ewsi/graph"
)

// postingPrefix is the longest word prefix (in letters) with a posting list:
// longer prefixes filter the list of their first postingPrefix letters.
const postingPrefix = 3

// shortPostingCap bounds the posting lists of one- and two-letter prefixes,
// which would hold most of the corpus: they keep the best-ranked entries; a
// type-ahead that runs out of them scans the whole index in rank order.
const shortPostingCap = 4096

// kindWeight orders the type-ahead: places and actors first, then practices,
// calls and events, then documents and news.
var kindWeight = map[graph.Kind]int{
	graph.KindOrganisation: 6, graph.KindLocalAuthority: 6, graph.KindPractice: 5,
	graph.KindFunding: 4, graph.KindEvent: 3, graph.KindDocument: 2, graph.KindNews: 1,
}

// entry is what the index keeps of one content node.
type entry struct {
	ref       string
	id        string
	kind      graph.Kind
	label     string
	folded    string // " " + the label's folded words joined by " "
	themes    []uint16
	countries []uint16
	lang      string
	day       int32  // the date as yyyymmdd, 0 when the node has none
	kindIx    uint8  // the kind's index in graph.ContentKinds
	langIx    uint16 // 1 + the language's index in the index's table; 0 for none or one it lacks
}

// year returns the year of e's date, 0 when it has none.
func (e *entry) year() int { return int(e.day / 10000) }

// hasWordPrefix reports whether one of e's label words begins with the folded p.
func (e *entry) hasWordPrefix(p string) bool { return strings.Contains(e.folded, " "+p) }

// names is a table of themes or countries: their names, and the index of each
// key (and alternative key) a filter may give.
type names struct {
	list []graph.SearchName
	key  map[string]uint16
}

func newNames(list []graph.SearchName) names {
	n := names{list: list, key: make(map[string]uint16, 2*len(list))}
	for i, x := range list {
		n.key[x.Key] = uint16(i)
		if x.Alt != "" {
			n.key[x.Alt] = uint16(i)
		}
	}
	return n
}

func (n names) indexes(keys []string) []uint16 {
	out := make([]uint16, 0, len(keys))
	for _, k := range keys {
		if i, ok := n.key[k]; ok {
			out = append(out, i)
		}
	}
	return out
}

// Index is the search index of one graph version: every published content
// node's label, facet values and date, in type-ahead rank order, with posting
// lists of the label words' first letters, the vocabulary of the labels, the
// words of the texts for find (text.go) and the facets' packed table
// (facts.go). It is immutable once built (its pools aside) and safe for
// concurrent use.
type Index struct {
	Version   string
	BuildTime time.Duration
	entries   []entry
	byRef     map[string]int32 // the store's reference → entry
	postings  map[string][]int32
	capped    map[string]bool
	vocab     map[string]int32 // folded label word → how many labels have it
	themes    names
	countries names
	text      *textIndex // nil when the graph has more nodes than it can number
	kinds     []graph.Kind
	kindIx    map[graph.Kind]uint8
	langs     []string          // the languages of the nodes, by langIx-1
	langIx    map[string]uint16 // language → langIx
	minYear   int               // the span of the nodes' years, for counting them
	maxYear   int
	facts     []fact    // by entry
	scratch   sync.Pool // *scratch: a find's buffers, kept between finds
	rows      sync.Pool // *[]row
}

// Len returns how many nodes the index holds.
func (x *Index) Len() int { return len(x.entries) }

// NewIndex builds the index of c.
func NewIndex(c *graph.SearchCorpus) *Index {
	start := time.Now()
	x := &Index{Version: c.Version, themes: newNames(c.Themes), countries: newNames(c.Countries),
		byRef: make(map[string]int32, len(c.Entries)), postings: map[string][]int32{},
		capped: map[string]bool{}, vocab: map[string]int32{}, kinds: graph.ContentKinds(),
		kindIx: map[graph.Kind]uint8{}, langIx: map[string]uint16{}}
	for i, k := range x.kinds {
		x.kindIx[k] = uint8(i)
	}
	for _, e := range c.Entries {
		if _, ok := x.langIx[e.Lang]; !ok && e.Lang != "" && len(x.langs) < math.MaxUint16-1 {
			x.langs = append(x.langs, e.Lang)
			x.langIx[e.Lang] = uint16(len(x.langs))
		}
		if e.Date != nil && e.Date.Year > 0 {
			if x.minYear == 0 || e.Date.Year < x.minYear {
				x.minYear = e.Date.Year
			}
			x.maxYear = max(x.maxYear, e.Date.Year)
		}
	}
	type pending struct {
		e    entry
		text string
	}
	ps := make([]pending, len(c.Entries))
	for i, e := range c.Entries {
		ps[i] = pending{x.entryOf(e), e.Text}
	}
	slices.SortFunc(ps, func(p, q pending) int {
		a, b := &p.e, &q.e
		return cmp.Or(kindWeight[b.kind]-kindWeight[a.kind], len(a.label)-len(b.label),
			strings.Compare(a.folded, b.folded), strings.Compare(a.id, b.id))
	})
	x.entries = make([]entry, len(ps))
	var tb *textBuilder
	if len(ps) < maxTextDocs {
		tb = newTextBuilder()
	}
	for i := range ps {
		x.entries[i] = ps[i].e
		if tb != nil {
			tb.add(i, ps[i].e.label, ps[i].text)
		}
	}
	if tb != nil {
		x.text = tb.done()
	}
	x.facts = make([]fact, len(x.entries))
	for i := range x.entries {
		x.facts[i] = factOf(&x.entries[i])
	}
	seen := map[string]bool{}
	for i := range x.entries {
		e := &x.entries[i]
		x.byRef[e.ref] = int32(i)
		clear(seen)
		for _, w := range strings.Fields(e.folded) {
			if !seen[w] {
				x.vocab[w]++
			}
			seen[w] = true
			n := 0
			for j := range w {
				if j == 0 {
					continue
				}
				n++
				x.post(w[:j], n, int32(i), seen)
			}
			if n := utf8.RuneCountInString(w); n <= postingPrefix {
				x.post(w, n, int32(i), seen)
			}
		}
	}
	x.BuildTime = time.Since(start)
	return x
}

// post adds entry i to the posting list of prefix p (n letters) once.
func (x *Index) post(p string, n int, i int32, seen map[string]bool) {
	if n > postingPrefix || seen["\x00"+p] {
		return
	}
	seen["\x00"+p] = true
	l := x.postings[p]
	if n < postingPrefix && len(l) >= shortPostingCap {
		x.capped[p] = true
		return
	}
	x.postings[p] = append(l, i)
}

// entryOf turns a store entry into the index's.
func (x *Index) entryOf(e graph.SearchEntry) entry {
	out := entry{ref: e.Ref, id: e.ID, kind: e.Kind, label: e.Label, lang: e.Lang,
		folded: " " + strings.Join(Words(e.Label), " "),
		themes: x.themes.indexes(e.Themes), countries: x.countries.indexes(e.Countries),
		kindIx: x.kindIx[e.Kind], langIx: x.langIx[e.Lang]}
	if d := e.Date; d != nil && d.Year > 0 && d.Year < 200000 {
		out.day = int32(d.Year*10000 + int(d.Month)*100 + d.Day)
	}
	return out
}

// prefixKey is the posting list key of the folded word w: its first letters.
func prefixKey(w string) string {
	n := 0
	for i := range w {
		if n == postingPrefix {
			return w[:i]
		}
		n++
	}
	return w
}
