package labels

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"ewsi/graph"
)

// formName is the name of a CLDR plural category, as message files use it.
func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// category returns the CLDR plural category of the whole number n in lang ("one"
// for 1 in English and German, for 0 and 1 in French), from the CLDR rules of
// golang.org/x/text/feature/plural.
func category(lang graph.Lang, n int) string {
	i := n
	if i < 0 {
		i = -i
	}
	return formName(plural.Cardinal.MatchPlural(language.Make(string(lang)), i, 0, 0, 0, 0))
}
