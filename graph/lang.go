package graph

import (
	"io"
	"strconv"
	"strings"
)

// Lang is an ISO 639-1 language code of an EU official language, lower case ("fr").
type Lang string

// The interface languages of the site.
const (
	LangEN Lang = "en"
	LangFR Lang = "fr"
	LangDE Lang = "de"
)

// euLangs are the 24 official languages of the EU.
var euLangs = map[Lang]string{
	"bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
	"en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
	"ga": "Irish", "hr": "Croatian", "hu": "Hungarian", "it": "Italian", "lt": "Lithuanian",
	"lv": "Latvian", "mt": "Maltese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
	"ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
}

// ParseLang reads a language code in any case and checks it is an EU official language.
func ParseLang(s string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := euLangs[l]; !ok {
		return "", Errorf(EINVALID, "", "%q is not the ISO 639-1 code of an EU official language", s)
	}
	return l, nil
}

// Valid reports whether l is an EU official language.
func (l Lang) Valid() bool { _, ok := euLangs[l]; return ok }

// Pick returns the text for l from en, fr and de, falling back to English.
func (l Lang) Pick(en, fr, de string) string {
	switch {
	case l == LangFR && fr != "":
		return fr
	case l == LangDE && de != "":
		return de
	}
	return en
}

// MarshalGQL writes the GraphQL enum value (upper case).
func (l Lang) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(strings.ToUpper(string(l))))
}

// UnmarshalGQL reads the GraphQL enum value.
func (l *Lang) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return Errorf(EINVALID, "", "a Lang must be an enum value such as FR")
	}
	p, err := ParseLang(s)
	if err != nil {
		return err
	}
	*l = p
	return nil
}
