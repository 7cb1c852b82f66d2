// Package search is the one search over every content kind (issue 15), served
// from an index kept in the server, built from the graph and rebuilt when the
// graph version changes: the words of every node's texts (folded and stemmed),
// the facet values, the type-ahead's prefixes. Facets, order, paging,
// snippets, fuzzy suggestions and the type-ahead run here; while the index is
// being rebuilt, find takes its hits from Neo4j's full-text indexes instead.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special folds the letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// foldRune returns r lower-cased without its accents, as Lucene's ASCII folding does.
func foldRune(r rune) string {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return string(r)
	}
	if s, ok := special[r]; ok {
		return s
	}
	var b strings.Builder
	for _, x := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, x) {
			b.WriteRune(x)
		}
	}
	return b.String()
}

// Fold returns s lower-cased without accents.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Token is one word of a text: its byte span in the text and its folded form.
type Token struct {
	Start, End int
	Word       string
}

// Tokens splits s into its words (runs of letters and digits).
func Tokens(s string) []Token {
	var out []Token
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, Token{start, i, Fold(s[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Token{start, len(s), Fold(s[start:])})
	}
	return out
}

// Words returns the folded words of s.
func Words(s string) []string {
	ts := Tokens(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Word
	}
	return out
}
