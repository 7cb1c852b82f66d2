package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinPrefixLen is the shortest last word that a prefix search expands (type-ahead):
// a shorter one matches as a whole word only. One or two letters begin tens of
// thousands of indexed words, and Lucene would expand each into its own clause.
const MinPrefixLen = 3

// MaxQueryLen bounds a full-text query, in bytes.
const MaxQueryLen = 500

// FullTextQuery is the one way free text becomes a Lucene query, for search, list
// filters and type-ahead. Every word must match, and each word is a quoted phrase
// in which only the backslash and the double quote are escaped, so that operators
// (AND, OR, NOT, field:, wildcards, fuzzy and range syntax, brackets) are searched
// as text and never parsed. Words without a letter or a digit are dropped: the
// analyzers index none of them. With prefix, a last word of at least MinPrefixLen
// letters and digits also matches the words it begins: the only wildcard the query
// has, added here, never taken from the input.
//
// A query longer than MaxQueryLen or without any letter or digit is EINVALID at
// where (the argument's name).
func FullTextQuery(q string, prefix bool, where string) (string, error) {
	if len(q) > MaxQueryLen {
		return "", Errorf(EINVALID, where, "at most %d characters", MaxQueryLen)
	}
	q = strings.ToValidUTF8(q, " ")
	fields := strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	var words []string
	for i, w := range fields {
		if strings.IndexFunc(w, isWordRune) < 0 {
			continue
		}
		quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(w) + `"`
		plain := strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) < 0
		if prefix && i == len(fields)-1 && plain && utf8.RuneCountInString(w) >= MinPrefixLen {
			quoted = "(" + quoted + " OR " + strings.ToLower(w) + "*)"
		}
		words = append(words, quoted)
	}
	if len(words) == 0 {
		return "", Errorf(EINVALID, where, "give at least one word (letters or digits) to search for")
	}
	return strings.Join(words, " AND "), nil
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
