package labels

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Number formats v (an integer or a float) in the number format of lang, as
// browsers' Intl.NumberFormat does, so that a number worded by the server and
// one formatted by a page read alike: CLDR's grouping separator, except that
// French groups with a narrow no-break space (U+202F) where x/text still has a
// no-break space (U+00A0).
func Number(lang string, v any) string {
	s := message.NewPrinter(language.Make(lang)).Sprint(v)
	if base, _ := language.Make(lang).Base(); base.String() == "fr" {
		s = strings.ReplaceAll(s, "\u00a0", "\u202f")
	}
	return s
}
