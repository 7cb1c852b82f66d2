package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"ewsi/graph"
)

// Message is one UI string: a text with {name} placeholders, or for counts
// the texts of the CLDR plural categories (one, other, ...).
type Message struct {
	Text   string
	Plural map[string]string
}

// Catalog is every message of one language by "area.key".
type Catalog map[string]Message

// pluralCategories are the CLDR plural categories a plural message may have.
var pluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// placeholderRE finds the {name} placeholders of a message.
var placeholderRE = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// Placeholders returns the sorted placeholder names of m (of all its forms).
func (m Message) Placeholders() []string {
	set := map[string]bool{}
	add := func(s string) {
		for _, x := range placeholderRE.FindAllStringSubmatch(s, -1) {
			set[x[1]] = true
		}
	}
	add(m.Text)
	for _, v := range m.Plural {
		add(v)
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// MarshalJSON writes m as it is in the message files.
func (m Message) MarshalJSON() ([]byte, error) {
	if m.Plural != nil {
		return json.Marshal(m.Plural)
	}
	return json.Marshal(m.Text)
}

// LoadMessages reads dir/<lang>/<area>.json for every language of Langs. A file
// that is not a flat JSON object of strings or plural objects is an error
// naming the file and the key (or line); so is an area missing in a language.
func LoadMessages(dir string) (map[string]Catalog, error) {
	out := map[string]Catalog{}
	areas := map[string][]string{}
	for _, lang := range Langs {
		files, err := filepath.Glob(filepath.Join(dir, lang, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, graph.Errorf(graph.EINVALID, filepath.Join(dir, lang), "has no message file (*.json): run the web build (make build)")
		}
		cat := Catalog{}
		for _, f := range files {
			area := strings.TrimSuffix(filepath.Base(f), ".json")
			areas[lang] = append(areas[lang], area)
			if err := loadArea(f, area, cat); err != nil {
				return nil, err
			}
		}
		out[lang] = cat
	}
	for _, lang := range Langs[1:] {
		if !slices.Equal(areas[lang], areas[Langs[0]]) {
			return nil, graph.Errorf(graph.EINVALID, filepath.Join(dir, lang), "has the message files %v but %s has %v", areas[lang], Langs[0], areas[Langs[0]])
		}
	}
	return out, nil
}

func loadArea(file, area string, cat Catalog) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(b[:se.Offset], []byte("\n"))
			return graph.Errorf(graph.EINVALID, fmt.Sprintf("%s:%d", file, line), "is not valid JSON: %v", err)
		}
		return graph.Errorf(graph.EINVALID, file, "must be a flat JSON object of messages: %v", err)
	}
	for k, v := range raw {
		where := file + ":" + k
		if k == "" || strings.ContainsAny(k, ". ") {
			return graph.Errorf(graph.EINVALID, where, "a key must be a name without dots or spaces")
		}
		var m Message
		if err := json.Unmarshal(v, &m.Text); err != nil {
			if err := json.Unmarshal(v, &m.Plural); err != nil {
				return graph.Errorf(graph.EINVALID, where, "must be a string or an object of plural forms {\"one\": ..., \"other\": ...}")
			}
			if _, ok := m.Plural["other"]; !ok {
				return graph.Errorf(graph.EINVALID, where, "a plural message needs the form \"other\"")
			}
			for c := range m.Plural {
				if !slices.Contains(pluralCategories, c) {
					return graph.Errorf(graph.EINVALID, where, "%q is not a CLDR plural category (zero, one, two, few, many, other)", c)
				}
			}
		} else if m.Text == "" {
			return graph.Errorf(graph.EINVALID, where, "is empty")
		}
		cat[area+"."+k] = m
	}
	return nil
}
