package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/webmap/site"
)

// usedKeyREs find the message keys the sources use: t('area.key' in scripts,
// {{t "area.key"}} and (t "area.key") in templates. Of a key built at run
// time (t('search.type_' + kind)) only the prefix is checked.
var usedKeyREs = []*regexp.Regexp{
	regexp.MustCompile(`\bt\(\s*['"` + "`" + `]([a-z][A-Za-z]*\.[A-Za-z0-9_]+)['"` + "`" + `]`),
	regexp.MustCompile(`\bt\s+"([a-z][A-Za-z]*\.[A-Za-z0-9_]+)"`),
}

// checkMessages returns every problem of the message files under dir
// (dir/<lang>/<area>.json) and of the keys used by the sources under app: a
// key missing in a language, placeholders that differ between languages, a
// plural message without the forms a language needs, a used key not defined.
func checkMessages(dir, app string) []string {
	cats, err := site.LoadMessages(dir)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	all := map[string]bool{}
	for _, c := range cats {
		for k := range c {
			all[k] = true
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	needs := map[string][]string{"en": {"one", "other"}, "fr": {"one", "other"}, "de": {"one", "other"}}
	for _, k := range keys {
		ref, refOK := cats["en"][k]
		for _, l := range site.Langs {
			m, ok := cats[l][k]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s is missing in %s", k, l))
				continue
			}
			if refOK && !slices.Equal(m.Placeholders(), ref.Placeholders()) {
				problems = append(problems, fmt.Sprintf("%s has placeholders %v in %s but %v in en", k, m.Placeholders(), l, ref.Placeholders()))
			}
			if (m.Plural != nil) != (ref.Plural != nil) {
				problems = append(problems, fmt.Sprintf("%s is a plural message in one language only (%s)", k, l))
			}
			if m.Plural != nil {
				for _, form := range needs[l] {
					if _, ok := m.Plural[form]; !ok {
						problems = append(problems, fmt.Sprintf("%s in %s lacks the plural form %q", k, l, form))
					}
				}
			}
		}
	}
	err = filepath.WalkDir(app, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".js") || strings.HasSuffix(path, ".html")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, re := range usedKeyREs {
			for _, m := range re.FindAllSubmatch(b, -1) {
				key := string(m[1])
				if strings.HasSuffix(key, "_") { // a prefix, t('search.type_' + name): some key must have it
					if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, key) }) {
						problems = append(problems, fmt.Sprintf("%s uses keys %s..., which no message file defines", path, key))
					}
					continue
				}
				if !all[key] {
					problems = append(problems, fmt.Sprintf("%s uses %s, which no message file defines", path, m[1]))
				}
			}
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err.Error())
	}
	return problems
}

// TestMessages checks the real message files and sources.
func TestMessages(t *testing.T) {
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(root, "webmap", "app")
	for _, p := range checkMessages(filepath.Join(app, "messages"), app) {
		t.Error(p)
	}
}

// TestMessagesCheckFinds shows that checkMessages finds each kind of problem,
// on small message trees written for it.
func TestMessagesCheckFinds(t *testing.T) {
	good := map[string]string{
		"en": `{"hello": "Hello {name}", "results": {"one": "{n} result", "other": "{n} results"}}`,
		"fr": `{"hello": "Bonjour {name}", "results": {"one": "{n} résultat", "other": "{n} résultats"}}`,
		"de": `{"hello": "Hallo {name}", "results": {"one": "{n} Ergebnis", "other": "{n} Ergebnisse"}}`,
	}
	for _, tc := range []struct {
		name   string
		change map[string]string // lang -> file content
		source string            // a script in the app
		want   string            // in one of the problems; "" for none
	}{
		{"good", nil, "t('x.hello', { name })", ""},
		{"missing key", map[string]string{"de": `{"results": {"one": "{n} Ergebnis", "other": "{n} Ergebnisse"}}`}, "", "x.hello is missing in de"},
		{"other placeholder", map[string]string{"fr": `{"hello": "Bonjour {nom}", "results": {"one": "{n} résultat", "other": "{n} résultats"}}`}, "", "x.hello has placeholders [nom] in fr"},
		{"plural without one", map[string]string{"fr": `{"hello": "Bonjour {name}", "results": {"other": "{n} résultats"}}`}, "", `x.results in fr lacks the plural form "one"`},
		{"undefined key in a script", nil, "el.textContent = t('x.goodbye');", "uses x.goodbye"},
		{"undefined key in a template", nil, `<p>{{t "x.nope"}}</p>`, "uses x.nope"},
		{"broken file", map[string]string{"en": "{\n\"hello\": \"Hello {name}\",\n}"}, "", "x.json:3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := t.TempDir()
			dir := filepath.Join(app, "messages")
			for _, l := range site.Langs {
				content := good[l]
				if c, ok := tc.change[l]; ok {
					content = c
				}
				if err := os.MkdirAll(filepath.Join(dir, l), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, l, "x.json"), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(app, "page.js"), []byte(tc.source), 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(tc.source, "<") {
				_ = os.Rename(filepath.Join(app, "page.js"), filepath.Join(app, "page.html"))
			}
			problems := checkMessages(dir, app)
			if tc.want == "" {
				if len(problems) > 0 {
					t.Fatalf("problems in good files: %v", problems)
				}
				return
			}
			for _, p := range problems {
				if strings.Contains(p, tc.want) {
					return
				}
			}
			t.Fatalf("no problem says %q: %v", tc.want, problems)
		})
	}
}

// TestLoadMessagesErrors: a broken file fails with its name and the key.
func TestLoadMessagesErrors(t *testing.T) {
	for _, tc := range []struct{ name, content, want string }{
		{"not an object", `["a"]`, "must be a flat JSON object"},
		{"number value", `{"a": 3}`, "x.json:a: must be a string or an object of plural forms"},
		{"empty value", `{"a": ""}`, "x.json:a: is empty"},
		{"dotted key", `{"a.b": "A"}`, "x.json:a.b: a key must be a name without dots"},
		{"plural without other", `{"a": {"one": "A"}}`, `x.json:a: a plural message needs the form "other"`},
		{"unknown category", `{"a": {"single": "A", "other": "As"}}`, `"single" is not a CLDR plural category`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, l := range site.Langs {
				_ = os.MkdirAll(filepath.Join(dir, l), 0o755)
				content := `{"a": "A"}`
				if l == "fr" {
					content = tc.content
				}
				_ = os.WriteFile(filepath.Join(dir, l, "x.json"), []byte(content), 0o644)
			}
			_, err := site.LoadMessages(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), filepath.Join("fr", "x.json")) {
				t.Fatalf("error %v, want one naming fr/x.json and saying %q", err, tc.want)
			}
		})
	}
}
