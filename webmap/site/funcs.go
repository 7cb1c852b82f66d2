package site

import (
	"fmt"
	"html/template"
	"log/slog"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"ewsi/graph/labels"
)

// translator gives the templates of one language their function t.
type translator struct {
	lang string
	tag  language.Tag
	cat  Catalog
	log  *slog.Logger
}

func newTranslator(lang string, cat Catalog, log *slog.Logger) *translator {
	tag := language.MustParse(lang)
	return &translator{lang: lang, tag: tag, cat: cat, log: log}
}

// funcs are the template functions of the pages: {{t "area.key"}},
// {{t "area.key" "name" value ...}} with {name} placeholders, and for a plural
// message {{t "search.results" "n" 3}} (the form chosen by the CLDR rules of
// the language from n).
func (tr *translator) funcs() template.FuncMap {
	return template.FuncMap{"t": tr.t, "crumb": crumb, "menuItem": menuItem, "kinds": contentKinds}
}

// contentKinds are the values of the API's ContentKind, for the search form.
func contentKinds() []string {
	return []string{"PRACTICE", "ORGANISATION", "LOCAL_AUTHORITY", "DOCUMENT", "NEWS", "EVENT", "FUNDING"}
}

// Link is a breadcrumb segment or a menu item of the layout.
type Link struct {
	URL, ID, Label string
	Current        bool
}

// crumb is a breadcrumb segment before the current page:
// {{template "crumb" (crumb "/requests" (t "requests.title"))}} in a page's "crumbs".
func crumb(url, label string) Link { return Link{URL: url, Label: label} }

// menuItem is an item of the site menu; current is the page's path.
func menuItem(current, url, id, label string) Link {
	return Link{URL: url, ID: id, Label: label, Current: current == url}
}

func (tr *translator) t(key string, args ...any) string {
	m, ok := tr.cat[key]
	if !ok {
		tr.log.Error("missing message", "lang", tr.lang, "key", key)
		return key
	}
	params := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := args[i].(string); ok {
			params[name] = args[i+1]
		}
	}
	text := m.Text
	if m.Plural != nil {
		text = m.Plural[tr.category(params["n"])]
		if text == "" {
			text = m.Plural["other"]
		}
	}
	return placeholderRE.ReplaceAllStringFunc(text, func(p string) string {
		v, ok := params[p[1:len(p)-1]]
		if !ok {
			return p
		}
		switch v.(type) {
		case int, int64, int32, float64:
			return labels.Number(tr.lang, v)
		}
		return fmt.Sprint(v)
	})
}

var pluralNames = map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// category is the CLDR plural category of n in the translator's language.
func (tr *translator) category(n any) string {
	var i int
	switch x := n.(type) {
	case int:
		i = x
	case int64:
		i = int(x)
	default:
		return "other"
	}
	if i < 0 {
		i = -i
	}
	form := plural.Cardinal.MatchPlural(tr.tag, i, 0, 0, 0, 0)
	return pluralNames[form]
}
