package search

import (
	"cmp"
	"slices"

	"ewsi/graph"
)

// MaxSnippets is how many passages a result has at most.
const MaxSnippets = 2

// snippetWords is the length of a passage, in words.
const snippetWords = 30

// Snippet is a passage of one field of a result with the matched words marked.
type Snippet struct {
	Field string // title, summary, description
	Parts []Part
	hits  int // distinct query words matched
}

// field is a text of a node and the field name a snippet gives it.
type field struct{ name, text string }

// fieldsOf returns the texts a node's snippets come from, in the order they
// win ties: title, summaries, descriptions.
func fieldsOf(n graph.Node) []field {
	switch v := n.(type) {
	case *graph.Practice:
		return []field{{"title", v.Title}, {"summary", v.Summary}, {"summary", v.SummaryEn},
			{"description", v.Challenge}, {"description", v.HowItWorks}, {"description", v.Results}}
	case *graph.Organisation:
		return []field{{"title", v.Name}, {"summary", v.Summary}, {"summary", v.SummaryEn}}
	case *graph.LocalAuthority:
		return []field{{"title", v.Name}, {"summary", v.Summary}, {"summary", v.SummaryEn}}
	case *graph.Document:
		return []field{{"title", v.Title}, {"title", v.TitleFr}, {"title", v.TitleDe}, {"summary", v.Summary}, {"summary", v.SummaryEn}}
	case *graph.News:
		return []field{{"title", v.Title}, {"summary", v.Summary}, {"summary", v.SummaryEn}}
	case *graph.Event:
		return []field{{"title", v.Title}, {"summary", v.Summary}, {"summary", v.SummaryEn}, {"description", v.Place}}
	case *graph.Funding:
		return []field{{"title", v.Title}, {"summary", v.Summary}, {"summary", v.SummaryEn}, {"description", v.Programme}}
	}
	return nil
}

// Matcher tells the words of a text that match a query's, as the full-text
// indexes' folding and English, French and German stemming make them match:
// the same folded word, or two words that differ only in an ending (see
// sameStem).
type Matcher struct {
	words []string // folded
}

// NewMatcher returns the matcher of query q.
func NewMatcher(q string) Matcher { return Matcher{words: Words(q)} }

// Match returns the index of the query word the folded word w matches.
func (m Matcher) Match(w string) (int, bool) {
	for i, q := range m.words {
		if sameStem(w, q) {
			return i, true
		}
	}
	return 0, false
}

// maxEnding is the longest ending two words with the same stem may differ by.
const maxEnding = 3

// sameStem reports whether the folded words a and b are one word or inflections
// of one: a common beginning of at least five letters that each extends by at
// most maxEnding letters (réfugié, réfugiés; Sprachkurs, Sprachkurse;
// integrating, integration), or one is the other plus s or es (an English or
// French plural). An approximation of the indexes' stemmers, which differ in
// detail: migrant and migration stay apart, as they do there.
func sameStem(a, b string) bool {
	if a == b || a == b+"s" || b == a+"s" || a == b+"es" || b == a+"es" {
		return true
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p >= 5 && len(a)-p <= maxEnding && len(b)-p <= maxEnding
}

// Snippets returns at most MaxSnippets passages of n's fields around the words
// that match, the passages matching the most query words first.
func (m Matcher) Snippets(n graph.Node) []Snippet {
	var out []Snippet
	for _, f := range fieldsOf(n) {
		if s, ok := m.snippet(f); ok {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b Snippet) int { return cmp.Compare(b.hits, a.hits) })
	if len(out) > MaxSnippets {
		out = out[:MaxSnippets]
	}
	return out
}

// snippet cuts the passage of snippetWords words of f that holds the most
// matched words (the first such), and splits it into parts.
func (m Matcher) snippet(f field) (Snippet, bool) {
	toks := Tokens(f.text)
	matched := make([]int, len(toks)) // query word index + 1, 0 when none
	any := false
	for i, t := range toks {
		if q, ok := m.Match(t.Word); ok {
			matched[i], any = q+1, true
		}
	}
	if !any {
		return Snippet{}, false
	}
	start, best := 0, -1
	for s := 0; s < len(toks); s++ {
		if matched[s] == 0 {
			continue
		}
		lo := max(0, s-5)
		n := 0
		for i := lo; i < min(len(toks), lo+snippetWords); i++ {
			if matched[i] != 0 {
				n++
			}
		}
		if n > best {
			start, best = lo, n
		}
	}
	end := min(len(toks), start+snippetWords)
	from, to := 0, len(f.text)
	if start > 0 {
		from = toks[start].Start
	}
	if end < len(toks) {
		to = toks[end-1].End
	}
	var parts []Part
	add := func(s string, match bool) {
		if s == "" {
			return
		}
		if k := len(parts); k > 0 && !match && !parts[k-1].Match {
			parts[k-1].Text += s
			return
		}
		parts = append(parts, Part{s, match})
	}
	if from > 0 {
		add("…", false)
	}
	pos := from
	distinct := map[int]bool{}
	for i := start; i < end; i++ {
		if matched[i] == 0 {
			continue
		}
		distinct[matched[i]] = true
		add(f.text[pos:toks[i].Start], false)
		add(f.text[toks[i].Start:toks[i].End], true)
		pos = toks[i].End
	}
	add(f.text[pos:to], false)
	if to < len(f.text) {
		add("…", false)
	}
	return Snippet{Field: f.name, Parts: parts, hits: len(distinct)}, true
}
