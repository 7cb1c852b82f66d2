package readcheck

import (
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// atom wraps entries in an Atom feed; lang is the feed's xml:lang ("" for none).
func atom(lang string, entries ...string) string {
	attr := ""
	if lang != "" {
		attr = ` xml:lang="` + lang + `"`
	}
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"` + attr + `>
<title>Test feed</title>
<id>urn:test</id>
<updated>2024-01-01T00:00:00Z</updated>
` + strings.Join(entries, "\n") + "\n</feed>\n"
}

func TestFeedEntries(t *testing.T) {
	entry := func(id, title, date, extra string) string {
		return "<entry>\n<id>" + id + "</id>\n<title>" + title + "</title>\n<updated>" + date + "</updated>\n" + extra + "</entry>"
	}
	good := entry("urn:e1", "Good", "2024-05-06T10:00:00Z", "")
	tests := []struct {
		name, file, content string
		opts                ingest.Options
		ok                  int
		errs                []string
		check               func(t *testing.T, recs []*graph.Record)
	}{
		{name: "no title", file: "x.atom", content: atom("en", good, entry("urn:e2", "", "2024-05-06T10:00:00Z", "")),
			ok: 1, errs: []string{"x.atom:11: title: is required (entry urn:e2)"}},
		{name: "no id and no link", file: "x.atom", content: atom("en", entry("", "No id", "2024-05-06T10:00:00Z", "")),
			errs: []string{"x.atom:6: id: the entry has no id"}},
		{name: "no date", file: "x.atom", content: atom("en", "<entry>\n<id>urn:d</id>\n<title>Dateless</title>\n</entry>"),
			errs: []string{"x.atom:6: date: the entry has no published or updated date (entry urn:d)"}},
		{name: "a bad date", file: "x.atom", content: atom("en", entry("urn:b", "Bad", "yesterday", "")),
			errs: []string{`x.atom:6: date: "yesterday" is not a date (entry urn:b)`}},
		{name: "no language, then --lang", file: "x.atom", content: atom("", good),
			errs: []string{"x.atom:6: lang: the entry names no language"}},
		{name: "--lang for entries that name none", file: "x.atom", content: atom("", good), opts: ingest.Options{Lang: "fr"},
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				if l := recs[0].Node.(*graph.News).Lang; l != "fr" {
					t.Errorf("lang %q", l)
				}
			}},
		{name: "an entry over 1 MiB", file: "x.atom",
			content: atom("en", entry("urn:big", "Big", "2024-05-06T10:00:00Z", "<content>"+strings.Repeat("a ", 600_000)+"</content>\n"), good),
			ok:      1, errs: []string{"x.atom:6: the entry is 1,200,"}},
		{name: "a title over its limit", file: "x.atom", content: atom("en", entry("urn:l", strings.Repeat("t", 501), "2024-05-06T10:00:00Z", "")),
			errs: []string{"x.atom:6: title: is 501 characters long, over the limit of 500"}},
		{name: "markup escaped twice does not come out as markup", file: "x.atom",
			content: atom("en", entry("urn:s", "Safe &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;", "2024-05-06T10:00:00Z",
				`<summary type="html">&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Text &lt;a href="javascript:alert(2)"&gt;link&lt;/a&gt;</summary>`+"\n")),
			ok: 1, check: func(t *testing.T, recs []*graph.Record) {
				n := recs[0].Node.(*graph.News)
				if strings.ContainsAny(n.Title+n.Summary, "<>") || strings.Contains(n.Summary, "javascript") || n.Title != "Safe bold" {
					t.Errorf("title %q summary %q", n.Title, n.Summary)
				}
			}},
		{name: "a feed on one line: entries numbered", file: "x.atom",
			content: strings.ReplaceAll(atom("en", good, entry("urn:e2", "", "2024-05-06T10:00:00Z", "")), "\n", ""),
			ok:      1, errs: []string{"x.atom: entry 2: title: is required (entry urn:e2)"}},
		{name: "rss: guid, else link; channel language", file: "x.rss", content: `<rss version="2.0"><channel><title>R</title><link>https://example.org/</link><language>nl-BE</language>
<item><title>Een</title><link>https://example.org/1</link><pubDate>Mon, 06 May 2024 10:00:00 +0200</pubDate></item>
<item><title>Twee</title><guid>g2</guid><pubDate>Mon, 06 May 2024 10:00:00 +0200</pubDate></item>
<item><title>Drie</title><pubDate>Mon, 06 May 2024 10:00:00 +0200</pubDate></item>
</channel></rss>`,
			ok: 2, errs: []string{"x.rss:4: id: the entry has no id (Atom), guid (RSS) or link"},
			check: func(t *testing.T, recs []*graph.Record) {
				if recs[0].Node.(*graph.News).Lang != "nl" || recs[0].Node.NodeID() == recs[1].Node.NodeID() {
					t.Errorf("%+v %+v", recs[0].Node, recs[1].Node)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs, _, fatal := scanWith(t, tt.file, tt.content, tt.opts)
			if fatal != nil {
				t.Fatal(fatal)
			}
			if len(recs) != tt.ok {
				t.Errorf("%d records, want %d; rejections %q", len(recs), tt.ok, errs)
			}
			if len(errs) != len(tt.errs) {
				t.Errorf("rejections %q, want %d", errs, len(tt.errs))
			}
			for i := range tt.errs {
				if i < len(errs) && !strings.HasPrefix(errs[i], tt.errs[i]) {
					t.Errorf("rejection %q, want it to start %q", errs[i], tt.errs[i])
				}
			}
			if tt.check != nil && len(recs) == tt.ok && tt.ok > 0 {
				tt.check(t, recs)
			}
		})
	}
}

func TestFeedFileErrors(t *testing.T) {
	_, _, _, fatal := scanWith(t, "x.atom", "<html><body>no feed</body></html>", ingest.Options{})
	if fatal == nil || !strings.HasPrefix(fatal.Error(), "x.atom: is neither an Atom nor an RSS feed") {
		t.Errorf("not a feed: %v", fatal)
	}
	var b strings.Builder
	for i := 0; i <= ingest.MaxFeedEntries; i++ {
		b.WriteString("<entry><id>e</id></entry>\n")
	}
	_, _, _, fatal = scanWith(t, "many.atom", atom("en", b.String()), ingest.Options{})
	if fatal == nil || !strings.Contains(fatal.Error(), "many.atom: has 100,001 entries, over the limit of 100,000") {
		t.Errorf("too many entries: %v", fatal)
	}
}
