package search

import (
	"math"
	"slices"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/porter"
)

// The words of the texts, for find: every published node's label and the
// other texts the store's full-text indexes cover, each word folded and
// stemmed in English, French and German (Snowball), in posting lists kept in
// the server. A word of a query matches a node that has one of its forms, as
// Lucene's folding, English, French and German analyzers together make it
// match in the store; every word of a query must match.

// maxTextDocs is how many nodes the postings can number: a posting is a node's
// index (24 bits) and its weight (8 bits).
const maxTextDocs = 1 << 24

// labelWeight is how much a word of the label counts against a word of the
// other texts.
const labelWeight = 3

// stopWords are the English, French and German words too common to search by
// (folded), as the store's language analyzers leave them out.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		// English
		"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
		"of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
		// French
		"au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "il", "la", "le", "les", "leur",
		"lui", "mais", "ne", "nous", "ou", "par", "pas", "pour", "qu", "que", "qui", "se", "ses", "sur", "un", "une", "vous", "d", "l",
		// German
		"aber", "als", "am", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der", "die", "dies", "durch",
		"ein", "eine", "einem", "einen", "einer", "eines", "es", "fur", "hat", "im", "ist", "mit", "nach", "nicht", "noch",
		"oder", "sich", "sie", "sind", "uber", "um", "und", "vom", "von", "vor", "war", "wie", "wird", "zu", "zum", "zur",
	} {
		m[w] = true
	}
	return m
}()

// stemmer turns folded words into their forms; it is not safe for concurrent use.
type stemmer struct {
	env *snowballstem.Env
}

func newStemmer() stemmer { return stemmer{env: snowballstem.NewEnv("")} }

// forms returns the folded word w and its English, French and German stems,
// each once; none for a stop word.
func (s stemmer) forms(w string) []string {
	if w == "" || stopWords[w] {
		return nil
	}
	out := []string{w}
	for _, stem := range []func(*snowballstem.Env) bool{porter.Stem, french.Stem, german.Stem} {
		s.env.SetCurrent(w)
		stem(s.env)
		if f := s.env.Current(); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// textIndex holds the posting lists of the words' forms: for each, the nodes
// (entry indexes, ascending) that have it, each with its weight in the low
// byte.
type textIndex struct {
	postings map[string][]uint32
	docs     int
}

// textBuilder builds a textIndex, one node at a time in entry order.
type textBuilder struct {
	x      textIndex
	stem   stemmer
	forms  map[string][]string // folded word → its forms
	weight map[string]int      // form → weight in the node being added
}

func newTextBuilder() *textBuilder {
	return &textBuilder{x: textIndex{postings: map[string][]uint32{}}, stem: newStemmer(),
		forms: map[string][]string{}, weight: map[string]int{}}
}

// add posts node i (the next entry) with its label and other texts.
func (b *textBuilder) add(i int, label, text string) {
	clear(b.weight)
	b.count(label, labelWeight)
	b.count(text, 1)
	for f, w := range b.weight {
		b.x.postings[f] = append(b.x.postings[f], uint32(i)<<8|uint32(min(w, 255)))
	}
	b.x.docs = i + 1
}

func (b *textBuilder) count(s string, weight int) {
	for _, t := range Tokens(s) {
		fs, ok := b.forms[t.Word]
		if !ok {
			fs = b.stem.forms(t.Word)
			b.forms[t.Word] = fs
		}
		for _, f := range fs {
			b.weight[f] += weight
		}
	}
}

// done returns the index, its lists trimmed to their length.
func (b *textBuilder) done() *textIndex {
	for f, l := range b.x.postings {
		b.x.postings[f] = slices.Clip(l)
	}
	return &b.x
}

// match returns the nodes that have every word of the folded words, each with
// its score, in entry order, in sc's buffers. A word's score in a node is the
// best of its forms' (the form's inverse document frequency times the
// saturated weight of the form in the node, as BM25 does); a node's score is
// the sum of its words'. Stop words do not count: a query of stop words only
// matches nothing.
func (x *textIndex) match(words []string, sc *scratch) []scored {
	st := newStemmer()
	type word struct {
		forms []string
		df    int
	}
	var ws []word
	for _, w := range words {
		fs := st.forms(w)
		if len(fs) == 0 {
			continue
		}
		df := 0
		for _, f := range fs {
			df += len(x.postings[f])
		}
		ws = append(ws, word{fs, df})
	}
	if len(ws) == 0 {
		return nil
	}
	slices.SortFunc(ws, func(a, b word) int { return a.df - b.df }) // the rarest first
	acc := x.word(ws[0].forms, sc)
	sc.acc, sc.word = sc.word, sc.acc
	for _, w := range ws[1:] {
		if len(acc) == 0 {
			break
		}
		acc = intersect(acc, x.word(w.forms, sc))
	}
	sc.acc = acc[:0]
	return acc
}

// scored is a node and its score for one word.
type scored struct {
	doc   uint32
	score float32
}

// scratch holds the buffers of a match, kept between searches.
type scratch struct {
	acc, word, tmp []scored
}

// bm25K is the saturation of a word's weight in a node.
const bm25K = 1.2

// word returns the nodes that have one of the forms fs, in entry order, each
// scored by its best form, in sc.word.
func (x *textIndex) word(fs []string, sc *scratch) []scored {
	out := sc.word[:0]
	for n, f := range fs {
		l := x.postings[f]
		if len(l) == 0 {
			continue
		}
		df := float64(len(l))
		idf := float32(math.Log(1 + (float64(x.docs)-df+0.5)/(df+0.5)))
		next := sc.tmp[:0]
		if n == 0 || len(out) == 0 {
			next = out
		}
		i := 0
		for _, p := range l {
			w := float32(p & 0xff)
			s := scored{p >> 8, idf * w * (bm25K + 1) / (w + bm25K)}
			for i < len(out) && out[i].doc < s.doc {
				next = append(next, out[i])
				i++
			}
			if i < len(out) && out[i].doc == s.doc {
				s.score = max(s.score, out[i].score)
				i++
			}
			next = append(next, s)
		}
		next = append(next, out[i:]...)
		if len(out) > 0 {
			sc.tmp = out[:0]
		}
		out = next
	}
	sc.word = out
	return out
}

// intersect returns the nodes of a that are in b, with the sum of their scores.
func intersect(a, b []scored) []scored {
	out := a[:0]
	j := 0
	for _, s := range a {
		for j < len(b) && b[j].doc < s.doc {
			j++
		}
		if j == len(b) {
			break
		}
		if b[j].doc == s.doc {
			out = append(out, scored{s.doc, s.score + b[j].score})
			j++
		}
	}
	return out
}

// textRows returns the rows of the nodes that have every word of the folded
// words, from the index's postings, and a function that gives the rows'
// memory back once the caller is done with them.
func (x *Index) textRows(words []string) ([]row, func()) {
	sc, _ := x.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	hits := x.text.match(words, sc)
	rp, _ := x.rows.Get().(*[]row)
	if rp == nil {
		rp = new([]row)
	}
	rows := slices.Grow((*rp)[:0], len(hits))
	for _, h := range hits {
		rows = append(rows, row{&x.entries[h.doc], float64(h.score), int32(h.doc)})
	}
	x.scratch.Put(sc)
	return rows, func() {
		clear(rows) // no entry kept alive by the pool
		*rp = rows[:0]
		x.rows.Put(rp)
	}
}
