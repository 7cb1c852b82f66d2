package feeds

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"ewsi/graph"
)

// item is what a feed says of one node: its text in its own language, its
// date, its page on the site and the address it came from.
type item struct {
	id       string
	title    string
	summary  string
	lang     string // ISO 639-1, "" when unknown
	date     *graph.Date
	updated  time.Time
	source   string // who published it (news)
	original string // the item's own address elsewhere, "" when none
}

// itemOf reads the fields a feed shows from a node of a content kind.
func itemOf(n graph.Node) item {
	it := item{id: n.NodeID()}
	switch v := n.(type) {
	case *graph.News:
		it.title, it.summary, it.lang, it.date, it.source, it.original = v.Title, v.Summary, string(v.Lang), v.Date, v.Source, v.URL
		it.updated = v.UpdatedAt
	case *graph.Practice:
		it.title, it.summary, it.lang, it.date, it.original = v.Title, v.Summary, string(v.Lang), v.StartDate, v.Website
		it.updated = v.UpdatedAt
	case *graph.Document:
		it.title, it.summary, it.lang, it.date, it.source, it.original = v.Title, v.Summary, string(v.Lang), v.Date, v.Publisher, v.URL
		it.updated = v.UpdatedAt
	case *graph.Event:
		it.title, it.summary, it.lang, it.date, it.original = v.Title, v.Summary, string(v.Lang), v.Start, v.URL
		it.updated = v.UpdatedAt
	case *graph.Funding:
		it.title, it.summary, it.lang, it.date, it.source, it.original = v.Title, v.Summary, string(v.Lang), v.Deadline, v.Programme, v.URL
		it.updated = v.UpdatedAt
	}
	it.title, it.summary, it.source = plain(it.title), plain(it.summary), plain(it.source)
	if !webAddress(it.original) {
		it.original = ""
	}
	return it
}

// plain returns s as text without control characters (line breaks kept as
// "\n"), which neither XML 1.0 nor iCalendar text may carry.
func plain(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r), r == '\uFFFE', r == '\uFFFF':
			return -1
		}
		return r
	}, s)
}

// webAddress reports whether s is an absolute http(s) address.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// pageURL is a node's page on the site.
func pageURL(site, id string) string {
	return site + "/node?id=" + url.QueryEscape(id)
}

// host is the site's host name, the authority of the feeds' tag: URIs and of
// the calendars' UIDs.
func host(site string) string {
	u, err := url.Parse(site)
	if err != nil || u.Hostname() == "" {
		return "localhost"
	}
	return u.Hostname()
}

// tagURI is a node's stable Atom id (RFC 4151): it names the site's host and
// the node's id, so it stays while the node's page moves between http and https.
func tagURI(site, id string) string {
	return "tag:" + host(site) + ",2026:" + url.PathEscape(id)
}
