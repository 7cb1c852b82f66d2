package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ewsi/graph"
)

// fileType is the record type each file holds.
var fileType = map[string]string{
	"01-organisations.jsonl": "organisation", "02-authorities.jsonl": "authority",
	"03-people.jsonl": "person", "04-funding.jsonl": "funding",
	"05-practices.jsonl": "practice", "06-documents.jsonl": "document",
	"07-news.jsonl": "news", "08-events.jsonl": "event",
}

// required lists the fields each type must carry (besides type, id, demo, status).
var required = map[string][]string{
	"organisation": {"name", "lang", "summary", "orgType", "website", "languages", "lookingForPartners", "city", "country", "lat", "lon", "themes", "subthemes"},
	"authority":    {"name", "lang", "summary", "level", "website", "population", "country", "lat", "lon"},
	"person":       {"name", "email", "shareDetails", "languages", "roles", "organisations"},
	"funding":      {"title", "lang", "summary", "funderKind", "programme", "deadline", "amount", "url", "themes"},
	"practice":     {"title", "lang", "summary", "area", "challenge", "howItWorks", "results", "evaluation", "beneficiaries", "startDate", "stage", "budget", "fundingSource", "resources", "contact", "website", "themes", "subthemes", "principles", "country", "lat", "lon", "implementers"},
	"document":     {"title", "lang", "summary", "docType", "date", "url", "publishedBy", "themes"},
	"news":         {"title", "lang", "summary", "date", "source", "url", "themes", "country"},
	"event":        {"title", "lang", "summary", "start", "end", "place", "lat", "lon", "url", "themes", "country"},
}

// checked is what checkDir found.
type checked struct {
	counts       map[string]int
	crossBorder  int // partners from another country than the practice
	shared       int // people with shareDetails
	nonEnglish   int // records with a lang other than en
	celex        int
	euWideFunds  int
	regional     int
	langsWritten map[string]bool
}

// checkDir reads every file Generate wrote in dir and checks each line; it
// fails t on the first problems and returns what it counted.
func checkDir(t *testing.T, dir string, o Options) checked {
	t.Helper()
	themeSubs := map[string][]string{}
	for _, th := range themeTable {
		themeSubs[th.Slug] = th.Subthemes
	}
	countries := map[string]bool{}
	for _, c := range o.Countries {
		countries[c.ISO2] = true
	}
	cities := map[string][]City{} // several cities of a country may share a name
	for _, c := range o.Cities {
		cities[c.Country+"/"+c.Name] = append(cities[c.Country+"/"+c.Name], c)
	}
	ids := map[string]map[string]any{} // id -> record, for links
	res := checked{counts: map[string]int{}, langsWritten: map[string]bool{}}
	errs := 0
	for _, name := range Files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			where := fmt.Sprintf("%s:%d", name, line)
			fail := func(format string, args ...any) {
				errs++
				if errs <= 20 {
					t.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
				}
			}
			var rec map[string]any
			dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
			if err := dec.Decode(&rec); err != nil {
				fail("not JSON: %v", err)
				continue
			}
			typ, _ := rec["type"].(string)
			if typ != fileType[name] {
				fail("type %q in a file of %s", typ, fileType[name])
			}
			id, _ := rec["id"].(string)
			if k, ok := graph.KindOfID(id); !ok || !strings.HasPrefix(id, typ+":demo-") || k.Prefix() != typ {
				fail("bad id %q", id)
			}
			if _, dup := ids[id]; dup {
				fail("duplicate id %s", id)
			}
			ids[id] = rec
			res.counts[typ]++
			if rec["demo"] != true || rec["status"] != "published" {
				fail("demo %v status %v", rec["demo"], rec["status"])
			}
			for _, f := range required[typ] {
				if v, ok := rec[f]; !ok || v == "" || v == nil {
					fail("missing %s", f)
				}
			}
			for k := range rec {
				if k != "type" && k != "id" && k != "demo" && k != "status" && k != "summaryEn" &&
					!slices.Contains(required[typ], k) && !slices.Contains([]string{"endDate", "partners", "fundedBy", "celex", "country", "applicants"}, k) {
					fail("unexpected field %s", k)
				}
			}
			if lang, ok := rec["lang"].(string); ok {
				res.langsWritten[lang] = true
				if !graph.Lang(lang).Valid() {
					fail("lang %q", lang)
				}
				_, hasEn := rec["summaryEn"]
				if hasEn != (lang != "en" && typ != "authority") {
					fail("lang %s but summaryEn present=%v", lang, hasEn)
				}
				if lang != "en" {
					res.nonEnglish++
				}
			} else if typ != "person" {
				fail("no lang")
			}
			for _, l := range strs(rec["languages"]) {
				if !graph.Lang(l).Valid() {
					fail("languages: %q is not an EU official language", l)
				}
			}
			for _, f := range []string{"title", "name", "summary"} {
				if s, ok := rec[f].(string); ok && (strings.Contains(s, "[demo]") || strings.Contains(s, "{")) {
					fail("%s %q", f, s)
				}
			}
			if c, ok := rec["country"].(string); ok && len(countries) > 0 && !countries[c] {
				fail("country %q not in the country list", c)
			}
			checkThemes(rec, themeSubs, fail)
			checkPlaces(rec, cities, fail)
			checkDates(rec, fail)
			checkAddresses(rec, fail)
			checkLinks(rec, ids, fail, &res)
			switch typ {
			case "person":
				if rec["shareDetails"] == true {
					res.shared++
				}
			case "document":
				if c, ok := rec["celex"].(string); ok {
					res.celex++
					if len(c) != 10 || c[0] != '3' || !strings.ContainsRune("LRD", rune(c[5])) || !strings.HasPrefix(rec["date"].(string), c[1:5]) {
						fail("celex %q for date %v", c, rec["date"])
					}
				}
			case "funding":
				_, has := rec["country"]
				if (rec["funderKind"] == "eu") == has {
					fail("funderKind %v with country present=%v", rec["funderKind"], has)
				}
				if !has {
					res.euWideFunds++
				}
				if !slices.Contains(graph.FunderKinds(), rec["funderKind"].(string)) {
					fail("funderKind %v", rec["funderKind"])
				}
			case "organisation":
				if !slices.Contains(graph.OrgTypes(), rec["orgType"].(string)) {
					fail("orgType %v", rec["orgType"])
				}
			case "authority":
				if rec["level"] == "regional" {
					res.regional++
				} else if rec["level"] != "local" {
					fail("level %v", rec["level"])
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return res
}
