package search

import (
	"strings"

	"ewsi/graph"
)

// Part is a piece of a label or a snippet: text, and whether it matched.
type Part struct {
	Text  string
	Match bool
}

// Proposal is one type-ahead proposal.
type Proposal struct {
	ID    string
	Kind  graph.Kind
	Label string
	Parts []Part
}

// Suggest returns at most first labels whose words begin with every word of
// prefix (folded; from the first letter), in rank order, of the given kinds
// (all when none). It reads the posting list of the rarest word's first
// letters and checks the others on each entry; when a capped list (one or two
// letters) runs out, it scans the whole index in rank order.
func (x *Index) Suggest(prefix string, kinds []graph.Kind, first int) []Proposal {
	words := Words(prefix)
	if len(words) == 0 || first <= 0 {
		return nil
	}
	var list []int32
	capped := false
	for i, w := range words {
		k := prefixKey(w)
		l, ok := x.postings[k]
		if !ok {
			return nil
		}
		if i == 0 || len(l) < len(list) || (capped && !x.capped[k]) {
			list, capped = l, x.capped[k]
		}
	}
	want := func(e *entry) bool {
		if len(kinds) > 0 && !hasKind(kinds, e.kind) {
			return false
		}
		for _, w := range words {
			if !e.hasWordPrefix(w) {
				return false
			}
		}
		return true
	}
	var out []Proposal
	taken := map[int32]bool{}
	for _, i := range list {
		if e := &x.entries[i]; want(e) {
			out = append(out, proposal(e, words))
			taken[i] = true
			if len(out) == first {
				return out
			}
		}
	}
	if capped {
		for i := range x.entries {
			if e := &x.entries[i]; !taken[int32(i)] && want(e) {
				out = append(out, proposal(e, words))
				if len(out) == first {
					break
				}
			}
		}
	}
	return out
}

func hasKind(kinds []graph.Kind, k graph.Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func proposal(e *entry, words []string) Proposal {
	return Proposal{ID: e.id, Kind: e.kind, Label: e.label, Parts: prefixParts(e.label, words)}
}

// prefixParts splits label into the parts of its words that begin with one of
// the folded words (the longest such beginning) and the rest.
func prefixParts(label string, words []string) []Part {
	var parts []Part
	add := func(s string, m bool) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].Match == m {
			parts[n-1].Text += s
			return
		}
		parts = append(parts, Part{s, m})
	}
	pos := 0
	for _, t := range Tokens(label) {
		best := 0
		for _, w := range words {
			if strings.HasPrefix(t.Word, w) {
				best = max(best, originalLen(label[t.Start:t.End], w))
			}
		}
		if best == 0 {
			continue
		}
		add(label[pos:t.Start], false)
		add(label[t.Start:t.Start+best], true)
		pos = t.Start + best
	}
	add(label[pos:], false)
	return parts
}

// originalLen returns how many bytes of the original word s fold into the
// folded prefix p.
func originalLen(s, p string) int {
	folded := 0
	for i, r := range s {
		if folded >= len(p) {
			return i
		}
		folded += len(foldRune(r))
	}
	return len(s)
}
