// Package labels holds the words of the API in English, French and German: the
// label of every enum value a visitor may read ("OrgType.CIVIL_SOCIETY") and the
// messages that reasons are worded with. They live in the message files under
// enums/ and reasons/, one per language, embedded in the binary; English is the
// reference, and every other file must have exactly its keys.
package labels

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"ewsi/graph"
)

//go:embed enums/*.json reasons/*.json
var files embed.FS

// Label is the label of one enum value in one language.
type Label struct {
	Enum  string     // the enum, e.g. OrgType
	Value string     // the value, e.g. CIVIL_SOCIETY
	Label string     // what people read, e.g. "Civil society organisation"
	Lang  graph.Lang // the language of Label: the one asked, or English when it has none
}

// Catalog is the labels and messages of every language that has files.
type Catalog struct {
	order    []string // enum label keys in the order of the English file
	enums    map[graph.Lang]map[string]string
	messages map[graph.Lang]map[string]forms
}

// Embedded reads and checks the message files built into the binary. The
// server reads them once at start and hands the catalog to the resolvers.
func Embedded() (*Catalog, error) { return Load(files) }

var enumKeyRE = regexp.MustCompile(`^[A-Z][A-Za-z]*\.[A-Z][A-Z0-9_]*$`)

// Load reads enums/<lang>.json and reasons/<lang>.json from fsys and checks them:
// en is there, every key well formed and every text non-blank, the same keys in
// every language, the same placeholders as in English, and every plural message
// with at least the forms one and other.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{enums: map[graph.Lang]map[string]string{}, messages: map[graph.Lang]map[string]forms{}}
	var errs graph.Errors
	langs, err := languages(fsys)
	if err != nil {
		return nil, err
	}
	for _, l := range langs {
		file := "enums/" + string(l) + ".json"
		keys, vals, err := readEnums(fsys, file)
		if err != nil {
			errs = append(errs, graph.ErrorList(err)...)
			continue
		}
		c.enums[l] = vals
		if l == graph.LangEN {
			c.order = keys
		}
		file = "reasons/" + string(l) + ".json"
		msgs, err := readMessages(fsys, file)
		if err != nil {
			errs = append(errs, graph.ErrorList(err)...)
			continue
		}
		c.messages[l] = msgs
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, c.check(langs)
}

// languages lists the languages of enums/, English first.
func languages(fsys fs.FS) ([]graph.Lang, error) {
	entries, err := fs.ReadDir(fsys, "enums")
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "enums", "no message files: %v", err)
	}
	var out []graph.Lang
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".json")
		l, err := graph.ParseLang(name)
		if err != nil || name != string(l) || path.Ext(e.Name()) != ".json" {
			return nil, graph.Errorf(graph.EINVALID, "enums/"+e.Name(), "a message file is named <lang>.json, lang a lower-case EU language code")
		}
		out = append(out, l)
	}
	if !slices.Contains(out, graph.LangEN) {
		return nil, graph.Errorf(graph.EINVALID, "enums/en.json", "the English file is missing")
	}
	slices.SortFunc(out, func(a, b graph.Lang) int {
		switch {
		case a == b:
			return 0
		case a == graph.LangEN:
			return -1
		case b == graph.LangEN:
			return 1
		}
		return strings.Compare(string(a), string(b))
	})
	return out, nil
}

// readEnums reads one file of enum labels, keeping the order of its keys.
func readEnums(fsys fs.FS, file string) ([]string, map[string]string, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, nil, graph.Errorf(graph.EINVALID, file, "cannot read: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, graph.Errorf(graph.EINVALID, file, "must be a JSON object of \"Enum.VALUE\": \"label\"")
	}
	var keys []string
	vals := map[string]string{}
	var errs graph.Errors
	for dec.More() {
		t, err := dec.Token()
		at := file + ":" + lineAt(data, dec.InputOffset())
		if err != nil {
			return nil, nil, graph.Errorf(graph.EINVALID, at, "malformed JSON: %v", err)
		}
		key := t.(string)
		var v string
		if err := dec.Decode(&v); err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				return nil, nil, graph.Errorf(graph.EINVALID, at, "malformed JSON after %s: %v", key, err)
			}
			return nil, nil, graph.Errorf(graph.EINVALID, at, "%s: the label must be a string: %v", key, err)
		}
		switch _, dup := vals[key]; {
		case !enumKeyRE.MatchString(key):
			errs = append(errs, graph.Errorf(graph.EINVALID, at, "%q is not a key of the form Enum.VALUE", key))
		case dup:
			errs = append(errs, graph.Errorf(graph.EINVALID, at, "%s is given twice", key))
		case strings.TrimSpace(v) == "":
			errs = append(errs, graph.Errorf(graph.EINVALID, at, "%s has a blank label", key))
		}
		keys = append(keys, key)
		vals[key] = v
	}
	return keys, vals, errs.Err()
}

// lineAt is the line number of offset in data, as a string.
func lineAt(data []byte, offset int64) string {
	return strconv.Itoa(bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1)
}

// check compares every language with English: the same keys, the same placeholders.
func (c *Catalog) check(langs []graph.Lang) error {
	var errs graph.Errors
	en, enMsgs := c.enums[graph.LangEN], c.messages[graph.LangEN]
	for _, l := range langs[1:] {
		file := "enums/" + string(l) + ".json"
		errs = append(errs, sameKeys(file, keysOf(en), keysOf(c.enums[l]))...)
		file = "reasons/" + string(l) + ".json"
		errs = append(errs, sameKeys(file, keysOf(enMsgs), keysOf(c.messages[l]))...)
		for k, f := range c.messages[l] {
			if e, ok := enMsgs[k]; ok && !slices.Equal(e.placeholders(), f.placeholders()) {
				errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s has the placeholders %v, the English %v", k, f.placeholders(), e.placeholders()))
			}
		}
	}
	return errs.Err()
}

func sameKeys(file string, want, got []string) graph.Errors {
	var errs graph.Errors
	for _, k := range want {
		if !slices.Contains(got, k) {
			errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s is missing (it is in the English file)", k))
		}
	}
	for _, k := range got {
		if !slices.Contains(want, k) {
			errs = append(errs, graph.Errorf(graph.EINVALID, file, "%s is not in the English file", k))
		}
	}
	return errs
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Langs lists the languages with message files, English first.
func (c *Catalog) Langs() []graph.Lang {
	out := make([]graph.Lang, 0, len(c.enums))
	for l := range c.enums {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// has reports whether l has message files.
func (c *Catalog) has(l graph.Lang) bool { _, ok := c.enums[l]; return ok }

// Label returns the label of key ("OrgType.CIVIL_SOCIETY") in lang and the
// language it is in: lang, or English where lang has no files. It returns false
// for a key with no label.
func (c *Catalog) Label(lang graph.Lang, key string) (string, graph.Lang, bool) {
	if !c.has(lang) {
		lang = graph.LangEN
	}
	s, ok := c.enums[lang][key]
	return s, lang, ok
}

// Labels returns every enum label in lang, in the order of the English file;
// in a language without files they are the English ones, with Lang EN.
func (c *Catalog) Labels(lang graph.Lang) []Label {
	out := make([]Label, 0, len(c.order))
	for _, key := range c.order {
		s, l, _ := c.Label(lang, key)
		enum, value, _ := strings.Cut(key, ".")
		out = append(out, Label{Enum: enum, Value: value, Label: s, Lang: l})
	}
	return out
}
