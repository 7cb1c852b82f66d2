package feeds

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/url"
	"time"

	"ewsi/graph"
)

// MaxEntries bounds the entries of an Atom feed.
const MaxEntries = 50

// atomKind is a kind with an Atom feed: /feeds/<path>.atom, its title, the
// list page of the site it mirrors, and the order of its entries.
type atomKind struct {
	path  string
	kind  graph.Kind
	title string
	page  string
	order graph.Order
}

// atomKinds: news and documents by their date, newest first; practices,
// events and funding calls by when they were last changed, newest first.
var atomKinds = []atomKind{
	{"news", graph.KindNews, "News", "/news", graph.Order{Field: "date", Desc: true}},
	{"documents", graph.KindDocument, "Documents", "/library", graph.Order{Field: "date", Desc: true}},
	{"practices", graph.KindPractice, "Integration practices", "/search?kind=PRACTICE", graph.Order{Field: "updatedAt", Desc: true}},
	{"events", graph.KindEvent, "Events", "/calendar", graph.Order{Field: "updatedAt", Desc: true}},
	{"funding", graph.KindFunding, "Funding calls", "/funding", graph.Order{Field: "updatedAt", Desc: true}},
}

// The Atom document, written with encoding/xml: every text is character data
// (type="text"), which the encoder escapes, so that no user text reaches a
// reader as markup.
const (
	atomNS = "http://www.w3.org/2005/Atom"
	xmlNS  = "http://www.w3.org/XML/1998/namespace" // the xml: prefix of xml:lang
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Gen     atomGen     `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Lang      string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string         `xml:"id"`
	Title     atomText       `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published,omitempty"`
	Author    *atomPerson    `xml:"author"`
	Links     []atomLink     `xml:"link"`
	Category  []atomCategory `xml:"category"`
	Summary   *atomText      `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomGen struct {
	URI  string `xml:"uri,attr,omitempty"`
	Text string `xml:",chardata"`
}

// atom is the Atom feed of kind k.
func (h *Handlers) atom(k atomKind) func() renderer {
	return func() renderer {
		var f graph.Filter
		return renderer{
			prepare: func(r *request) (string, error) {
				var key string
				var err error
				f, key, err = parseFilter(r.URL.Query())
				return "atom:" + k.path + "|" + key, err
			},
			render: func(ctx context.Context, r *request) ([]byte, error) {
				if err := checkExists(ctx, h.store, f); err != nil {
					return nil, err
				}
				nodes, _, err := h.store.List(ctx, k.kind, f, k.order, graph.Window{Limit: MaxEntries})
				if err != nil {
					return nil, err
				}
				return writeAtom(k, f, r, nodes)
			},
		}
	}
}

// writeAtom writes the feed of nodes.
func writeAtom(k atomKind, f graph.Filter, r *request, nodes []graph.Node) ([]byte, error) {
	fallback := r.since
	self := r.site + r.URL.Path
	if q := canonicalQuery(f); q != "" {
		self += "?" + q
	}
	feed := atomFeed{
		Lang:   "en",
		ID:     "tag:" + host(r.site) + ",2026:feeds/" + k.path + queryPart(f),
		Title:  atomText{Type: "text", Text: "European Website on Integration: " + k.title + filterTitle(f)},
		Author: atomPerson{Name: "European Website on Integration", URI: r.site + "/"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: r.site + k.page},
		},
		Gen: atomGen{Text: "EWSI Graph"},
	}
	var newest time.Time
	for _, n := range nodes {
		it := itemOf(n)
		updated := it.updated
		if updated.IsZero() {
			updated = fallback
		}
		if updated.After(newest) {
			newest = updated
		}
		e := atomEntry{
			Lang:    it.lang,
			ID:      tagURI(r.site, it.id),
			Title:   atomText{Type: "text", Text: it.title},
			Updated: updated.UTC().Format(time.RFC3339),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: pageURL(r.site, it.id)}},
		}
		if it.date != nil && k.kind != graph.KindEvent && k.kind != graph.KindFunding {
			e.Published = it.date.Time().Format(time.RFC3339)
		}
		if it.source != "" {
			e.Author = &atomPerson{Name: it.source}
		}
		if it.original != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: it.original, HrefLang: it.lang})
		}
		if it.summary != "" {
			e.Summary = &atomText{Type: "text", Text: it.summary}
		}
		feed.Entries = append(feed.Entries, e)
	}
	if newest.IsZero() {
		newest = fallback
	}
	feed.Updated = newest.UTC().Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(feed); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// canonicalQuery is the filter as the feed's query string, values sorted.
func canonicalQuery(f graph.Filter) string {
	q := url.Values{}
	for _, t := range f.Themes {
		q.Add(paramTheme, t[len("theme:"):])
	}
	for _, c := range f.Countries {
		q.Add(paramCountry, c)
	}
	for _, l := range f.Langs {
		q.Add(paramLang, l)
	}
	return q.Encode()
}

func queryPart(f graph.Filter) string {
	if q := canonicalQuery(f); q != "" {
		return "?" + q
	}
	return ""
}

// filterTitle names the filter in the feed's title: " (FR, fr)".
func filterTitle(f graph.Filter) string {
	var parts []string
	for _, t := range f.Themes {
		parts = append(parts, t[len("theme:"):])
	}
	parts = append(parts, f.Countries...)
	parts = append(parts, f.Langs...)
	if len(parts) == 0 {
		return ""
	}
	s := " ("
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	return s + ")"
}
