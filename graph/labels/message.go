package labels

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"ewsi/graph"
)

// forms is one message: its text by CLDR plural category, "other" alone for a
// message without plural forms.
type forms map[string]string

var (
	placeholderRE = regexp.MustCompile(`\{([A-Za-z]+)\}`)
	messageKeyRE  = regexp.MustCompile(`^[a-z]+(\.[A-Za-z]+)+$`)
	categories    = []string{"zero", "one", "two", "few", "many", "other"}
)

// readMessages reads one file of messages: keys to a text, or to an object of
// plural forms {"one": "{n} item", "other": "{n} items"} picked by the argument n.
func readMessages(fsys fs.FS, file string) (map[string]forms, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, file, "cannot read: %v", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, graph.Errorf(graph.EINVALID, file, "must be a JSON object of messages: %v", err)
	}
	out := make(map[string]forms, len(raw))
	var errs graph.Errors
	for _, key := range keysOf(raw) {
		var s string
		f := forms{}
		if json.Unmarshal(raw[key], &s) == nil {
			f["other"] = s
		} else if err := json.Unmarshal(raw[key], (*map[string]string)(&f)); err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s must be a text or an object of plural forms", key))
			continue
		} else if f["one"] == "" || f["other"] == "" {
			errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s needs at least the plural forms one and other", key))
		}
		if !messageKeyRE.MatchString(key) {
			errs = append(errs, graph.Errorf(graph.EINVALID, file, "%q is not a message key such as reason.partner.looking", key))
		}
		for c, text := range f {
			switch {
			case !slices.Contains(categories, c):
				errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s: %q is not a CLDR plural category (%s)", key, c, strings.Join(categories, ", ")))
			case text == "":
				errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s has a blank %s form", key, c))
			}
		}
		out[key] = f
	}
	return out, errs.Err()
}

// placeholders lists the placeholders of every form, sorted, once each.
func (f forms) placeholders() []string {
	var out []string
	for _, text := range f {
		for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

// Names gives the name of a node in the language asked; false where it has none.
type Names func(id string) (string, bool)

// Format words m in lang (English where lang has no files): the form picked by
// its argument n, its placeholders replaced by its arguments, numbers in the
// language's format, nodes by names (or their English name), enum labels in lang.
// A key with no message is returned as is.
func (c *Catalog) Format(lang graph.Lang, m graph.Message, names Names) string {
	if !c.has(lang) {
		lang = graph.LangEN
	}
	f, ok := c.messages[lang][m.Key]
	if !ok {
		if f, ok = c.messages[graph.LangEN][m.Key]; !ok {
			return m.Key
		}
	}
	text := f["other"]
	for _, a := range m.Args {
		if a.Name == "n" && a.Int != nil {
			if t, ok := f[category(lang, *a.Int)]; ok {
				text = t
			}
		}
	}
	p := message.NewPrinter(language.Make(string(lang)))
	return placeholderRE.ReplaceAllStringFunc(text, func(ph string) string {
		name := ph[1 : len(ph)-1]
		for _, a := range m.Args {
			if a.Name == name {
				return c.arg(lang, p, a, names)
			}
		}
		return ph
	})
}

// arg words one argument.
func (c *Catalog) arg(lang graph.Lang, p *message.Printer, a graph.Arg, names Names) string {
	switch {
	case a.Int != nil:
		return Number(string(lang), *a.Int)
	case a.Msg != nil:
		return c.Format(lang, *a.Msg, names)
	case len(a.Labels) > 0:
		words := make([]string, len(a.Labels))
		for i, k := range a.Labels {
			s, _, ok := c.Label(lang, k)
			if !ok {
				s = k
			}
			words[i] = s
		}
		return strings.Join(words, ", ")
	case a.Node != "" && names != nil:
		if s, ok := names(a.Node); ok {
			return s
		}
	}
	return a.Text
}

// Join words several messages in lang and joins them with the language's
// separator (reason.separator).
func (c *Catalog) Join(lang graph.Lang, ms []graph.Message, names Names) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = c.Format(lang, m, names)
	}
	return strings.Join(parts, c.Format(lang, graph.Msg("reason.separator"), nil))
}
