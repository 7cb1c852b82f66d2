package graph

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkLucene reports why s is not a query FullTextQuery may produce: one or more
// clauses joined by " AND ", each a quoted phrase holding a letter or digit (in
// which only \\ and \" are escaped) or (phrase OR term*), where the term has no
// Lucene special character and no space. Anything else is a parse risk.
func checkLucene(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("invalid UTF-8")
	}
	for i, clause := range strings.Split(s, " AND ") {
		if strings.HasPrefix(clause, "(") {
			inner, ok := strings.CutSuffix(strings.TrimPrefix(clause, "("), "*)")
			if !ok {
				return errors.New("group does not end in *)")
			}
			at := strings.LastIndex(inner, `" OR `)
			if at < 0 {
				return errors.New("group without OR")
			}
			if err := checkPhrase(inner[:at+1]); err != nil {
				return err
			}
			term := inner[at+len(`" OR `):]
			if term == "" || strings.ContainsAny(term, luceneSpecial+" \t\r\n\u3000") {
				return errors.New("unsafe prefix term " + term)
			}
			continue
		}
		if err := checkPhrase(clause); err != nil {
			return errors.New("clause " + string(rune('0'+i%10)) + ": " + err.Error())
		}
	}
	return nil
}

const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

func checkPhrase(p string) error {
	if len(p) < 2 || p[0] != '"' || p[len(p)-1] != '"' {
		return errors.New("not a quoted phrase: " + p)
	}
	body, word := p[1:len(p)-1], false
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '\\':
			if i+1 >= len(body) || (body[i+1] != '\\' && body[i+1] != '"') {
				return errors.New("stray backslash in " + p)
			}
			i++
		case '"':
			return errors.New("unescaped quote in " + p)
		}
	}
	for _, r := range body {
		word = word || isWordRune(r)
	}
	if !word {
		return errors.New("phrase without a word: " + p)
	}
	return nil
}

// FuzzFullTextQuery checks that whatever the input, FullTextQuery gives a query
// of the shape checkLucene accepts, or INVALID naming the argument. Its seeds, in
// testdata/fuzz/FuzzFullTextQuery, are the inputs that once reached Lucene's
// parser raw or empty (", blank, AND, *, ~, unbalanced brackets...); the server's
// tests run the same seeds through the real full-text indexes.
func FuzzFullTextQuery(f *testing.F) {
	f.Fuzz(func(t *testing.T, q string, prefix bool) {
		lq, err := FullTextQuery(q, prefix, "query")
		if err != nil {
			if ErrorCode(err) != EINVALID || !strings.HasPrefix(err.Error(), "query: ") {
				t.Fatalf("%q: error %v is not INVALID naming the argument", q, err)
			}
			return
		}
		if err := checkLucene(lq); err != nil {
			t.Fatalf("%q (prefix %v) gives %q: %v", q, prefix, lq, err)
		}
	})
}

func TestFullTextQuery(t *testing.T) {
	cases := []struct {
		in     string
		prefix bool
		want   string // "" means INVALID
	}{
		{"Krakow", false, `"Krakow"`},
		{"Kraków Caritas", false, `"Kraków" AND "Caritas"`},
		{"fundacja Krak", true, `"fundacja" AND ("Krak" OR krak*)`},
		{"Cari", true, `("Cari" OR cari*)`},
		{"ab", true, `"ab"`}, // too short to expand
		{"C", true, `"C"`},
		{"a AND b", false, `"a" AND "AND" AND "b"`},
		{`say "hi" \o/`, false, `"say" AND "\"hi\"" AND "\\o/"`},
		{"title:x*", true, `"title:x*"`},
		{"[a TO b]", false, `"[a" AND "TO" AND "b]"`},
		{`"`, false, ""},
		{"", false, ""},
		{" \t\n", true, ""},
		{"* ~ ( ) -", false, ""},
		{strings.Repeat("a", MaxQueryLen+1), false, ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := FullTextQuery(c.in, c.prefix, "filter.query")
			if c.want == "" {
				if ErrorCode(err) != EINVALID || !strings.HasPrefix(err.Error(), "filter.query: ") {
					t.Fatalf("got %q, %v; want INVALID at filter.query", got, err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
			if err := checkLucene(got); err != nil {
				t.Fatal(err)
			}
		})
	}
}
