package site

import (
	"net/http"

	"golang.org/x/text/language"
)

// Langs are the interface languages, English first (the fallback).
var Langs = []string{"en", "fr", "de"}

// LangCookie keeps the language a visitor chose with ?lang=.
const LangCookie = "ewsi_lang"

// langMatcher matches Accept-Language against Langs.
var langMatcher = language.NewMatcher([]language.Tag{language.English, language.French, language.German})

func known(l string) bool {
	for _, k := range Langs {
		if k == l {
			return true
		}
	}
	return false
}

// Negotiate returns the interface language of r: ?lang=, else the cookie
// ewsi_lang, else the best match of Accept-Language, else English. fromQuery
// says the URL chose it (the choice is then saved in the cookie).
func Negotiate(r *http.Request) (lang string, fromQuery bool) {
	if q := r.URL.Query().Get("lang"); known(q) {
		return q, true
	}
	if c, err := r.Cookie(LangCookie); err == nil && known(c.Value) {
		return c.Value, false
	}
	if al := r.Header.Get("Accept-Language"); al != "" {
		tags, _, err := language.ParseAcceptLanguage(al)
		if err == nil && len(tags) > 0 {
			_, i, conf := langMatcher.Match(tags...)
			if conf != language.No {
				return Langs[i], false
			}
		}
	}
	return "en", false
}
