package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"ewsi/graph"
)

// MaxSuggestions is how many alternative queries a search that found nothing offers.
const MaxSuggestions = 5

// maxTried bounds the alternative queries checked against the full-text index.
const maxTried = 8

// suggestions returns queries close to q (each word replaced by a word of the
// labels' vocabulary within one edit, two for words of more than five letters,
// when it is not in the vocabulary) that find something, best first: fewer
// edits, then more frequent words.
func (e *Engine) suggestions(ctx context.Context, x *Index, q string) []string {
	words := Words(q)
	if len(words) == 0 || len(words) > 8 {
		return []string{}
	}
	type alt struct {
		words []string
		dist  int
		freq  int32
	}
	alts := []alt{{words: words}}
	for i, w := range words {
		if _, ok := x.vocab[w]; ok && len(words) > 1 {
			continue
		}
		cands := x.near(w)
		if len(cands) == 0 {
			continue
		}
		var next []alt
		for _, a := range alts {
			for _, c := range cands {
				ws := slices.Clone(a.words)
				ws[i] = c.word
				next = append(next, alt{ws, a.dist + c.dist, max(a.freq, c.freq)})
			}
		}
		slices.SortFunc(next, func(a, b alt) int { return cmp.Or(a.dist-b.dist, int(b.freq-a.freq)) })
		alts = next[:min(len(next), maxTried)]
	}
	out := []string{}
	for _, a := range alts {
		if a.dist == 0 {
			continue
		}
		s := strings.Join(a.words, " ")
		if !e.finds(ctx, x, s) {
			continue
		}
		out = append(out, s)
		if len(out) == MaxSuggestions {
			break
		}
	}
	return out
}

// finds reports whether the query s finds something: over x's words when x
// has them (as find does), else over the store's full-text indexes.
func (e *Engine) finds(ctx context.Context, x *Index, s string) bool {
	if x.text != nil && !e.storeText {
		return len(x.text.match(Words(s), &scratch{})) > 0
	}
	lq, err := graph.FullTextQuery(s, false, "query")
	if err != nil {
		return false
	}
	hits, err := e.fullText(ctx, lq)
	return err == nil && len(hits) > 0
}

type near struct {
	word string
	dist int
	freq int32
}

// near returns the vocabulary's words within the edit distance allowed for w,
// closest first, then most frequent, at most maxTried.
func (x *Index) near(w string) []near {
	maxD := 1
	if len([]rune(w)) > 5 {
		maxD = 2
	}
	if len([]rune(w)) < 3 {
		return nil
	}
	var out []near
	for v, f := range x.vocab {
		if v == w || abs(len(v)-len(w)) > maxD {
			continue
		}
		if d := editDistance(w, v, maxD); d <= maxD {
			out = append(out, near{v, d, f})
		}
	}
	slices.SortFunc(out, func(a, b near) int {
		return cmp.Or(a.dist-b.dist, int(b.freq-a.freq), strings.Compare(a.word, b.word))
	})
	return out[:min(len(out), maxTried)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance of a and b (in runes), or more
// than maxD as soon as it must be.
func editDistance(a, b string, maxD int) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		lo := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			lo = min(lo, cur[j])
		}
		if lo > maxD {
			return maxD + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
