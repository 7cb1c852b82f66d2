package feeds_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed/atom"
)

// parseAtom reads a feed with gofeed's Atom parser (not the encoding/xml
// structs that wrote it).
func parseAtom(t *testing.T, body []byte) *atom.Feed {
	t.Helper()
	f, err := (&atom.Parser{}).Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, body)
	}
	return f
}

// entryLangs reads the xml:lang of each entry, by entry id, from the XML tokens.
func entryLangs(t *testing.T, body []byte) map[string]string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	out := map[string]string{}
	var lang string
	inID := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if x.Name.Local == "entry" {
				lang = ""
				for _, a := range x.Attr {
					if a.Name.Space == "http://www.w3.org/XML/1998/namespace" && a.Name.Local == "lang" {
						lang = a.Value
					}
				}
			}
			inID = x.Name.Local == "id"
		case xml.CharData:
			if inID && lang != "" {
				out[string(x)] = lang
			}
		case xml.EndElement:
			inID = false
		}
	}
}

// atomElements lists the names of every element of the document.
func atomElements(t *testing.T, body []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var names []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := tok.(xml.StartElement); ok {
			names = append(names, s.Name.Local)
		}
	}
}

// apiIDs returns the ids of the first 50 items of a GraphQL list, in order, and its total.
func apiIDs(t *testing.T, field, filter, order string) ([]string, int) {
	t.Helper()
	d := gql(t, `{ `+field+`(filter: `+filter+`, orderBy: `+order+`, first: 50) { totalCount edges { node { id } } } }`)
	var ids []string
	for _, e := range d[field].(map[string]any)["edges"].([]any) {
		ids = append(ids, e.(map[string]any)["node"].(map[string]any)["id"].(string))
	}
	return ids, totalCount(t, d, field)
}

// TestAtomFeeds: each feed holds the items the API lists for the same filter,
// in the same order (newest first), at most 50; texts come back intact in
// their own language; links go to the item's page on the configured site.
func TestAtomFeeds(t *testing.T) {
	const byDate = `{ field: DATE, direction: DESC }`
	const byUpdate = `{ field: UPDATED_AT, direction: DESC }`
	for _, c := range []struct {
		path, field, filter, order string
	}{
		{"/feeds/news.atom", "news", `{}`, byDate},
		{"/feeds/news.atom?country=FR", "news", `{ countries: ["FR"] }`, byDate},
		{"/feeds/news.atom?country=fr&lang=fr", "news", `{ countries: ["FR"], langs: ["fr"] }`, byDate},
		{"/feeds/news.atom?theme=education-culture", "news", `{ themes: ["education-culture"] }`, byDate},
		{"/feeds/news.atom?country=PL,FR&theme=social-cohesion", "news", `{ countries: ["PL", "FR"], themes: ["social-cohesion"] }`, byDate},
		{"/feeds/news.atom?lang=pl", "news", `{ langs: ["pl"] }`, byDate},
		{"/feeds/events.atom?country=PL", "events", `{ countries: ["PL"] }`, byUpdate},
		{"/feeds/funding.atom?theme=social-cohesion", "funding", `{ themes: ["social-cohesion"] }`, byUpdate},
		{"/feeds/documents.atom", "documents", `{}`, byDate},
		{"/feeds/practices.atom?country=DE", "practices", `{ countries: ["DE"] }`, byUpdate},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, body := get(t, c.path)
			mustStatus(t, res, body, 200)
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
				t.Errorf("Content-Type %q", ct)
			}
			f := parseAtom(t, body)
			want, total := apiIDs(t, c.field, c.filter, c.order)
			if total > feedsMax && len(f.Entries) != feedsMax {
				t.Errorf("%d entries of %d, want the newest %d", len(f.Entries), total, feedsMax)
			}
			if total <= feedsMax && len(f.Entries) != total {
				t.Errorf("%d entries, the API lists %d", len(f.Entries), total)
			}
			var got []string
			for _, e := range f.Entries {
				got = append(got, strings.TrimPrefix(e.ID, "tag:ewsi.example.org,2026:"))
				if len(e.Links) == 0 || !strings.HasPrefix(e.Links[0].Href, site+"/node?id=") || e.Links[0].Rel != "alternate" {
					t.Errorf("%s: links %v", e.ID, e.Links)
				}
				if e.UpdatedParsed == nil || e.UpdatedParsed.IsZero() {
					t.Errorf("%s: updated %q", e.ID, e.Updated)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("entries %v\nAPI      %v", got, want)
			}
		})
	}
}

// feedsMax is how many entries a feed holds at most.
const feedsMax = 50

// TestAtomText: Polish and French titles and summaries read back intact with
// their language; markup in a title or summary is text, never an element.
func TestAtomText(t *testing.T) {
	res, body := get(t, "/feeds/news.atom?country=PL,FR")
	mustStatus(t, res, body, 200)
	f := parseAtom(t, body)
	byID := map[string]*atom.Entry{}
	for _, e := range f.Entries {
		byID[e.ID] = e
	}
	langs := entryLangs(t, body)
	for _, c := range []struct{ id, title, summary, lang string }{
		{"news:pl-1", titlePL, summaryPL, "pl"},
		{"news:fr-1", titleFR, "Résumé : « élèves » & familles.", "fr"},
		{"news:xss", titleXSS, summXSS, "en"},
	} {
		id := "tag:ewsi.example.org,2026:" + c.id
		e := byID[id]
		if e == nil {
			t.Errorf("no entry %s in %v", id, f.Entries)
			continue
		}
		if e.Title != c.title || e.Summary != c.summary {
			t.Errorf("%s: title %q summary %q, want %q %q", c.id, e.Title, e.Summary, c.title, c.summary)
		}
		if langs[id] != c.lang {
			t.Errorf("%s: xml:lang %q, want %q", c.id, langs[id], c.lang)
		}
		if want := site + "/node?id=" + strings.ReplaceAll(c.id, ":", "%3A"); e.Links[0].Href != want {
			t.Errorf("%s: page %q, want %q", c.id, e.Links[0].Href, want)
		}
	}
	if e := byID["tag:ewsi.example.org,2026:news:pl-1"]; e != nil {
		if len(e.Authors) != 1 || e.Authors[0].Name != "Urząd Miasta Krakowa" {
			t.Errorf("author %v", e.Authors)
		}
		if len(e.Links) != 2 || e.Links[1].Href != "https://www.krakow.pl/aktualnosci/1" || e.Links[1].Rel != "related" {
			t.Errorf("the original's link: %v", e.Links)
		}
	}
	allowed := []string{"feed", "id", "title", "updated", "author", "name", "uri", "link", "generator", "entry", "published", "summary"}
	for _, el := range atomElements(t, body) {
		if !slices.Contains(allowed, el) {
			t.Errorf("element <%s> in the feed: user text became markup", el)
		}
	}
	if bytes.Contains(body, []byte("<script")) || bytes.Contains(body, []byte("<img")) {
		t.Errorf("raw markup in the feed:\n%s", body)
	}
}
