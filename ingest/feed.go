package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"ewsi/graph"
)

// feedFile reads an Atom or RSS news feed with github.com/mmcdole/gofeed: each
// entry (Atom) or item (RSS) becomes a news record (see README.md, "Feeds:
// iCalendar, Atom and RSS"). Its line is the line of its <entry> or <item>.
type feedFile struct {
	path   string
	open   func() (io.ReadCloser, error)
	opts   Options
	themes map[string]bool
	pt     plainText
}

func (f *feedFile) Name() string { return f.path }

// entryAt is where an entry is in the file: its line, its size in bytes and
// the language it is in (its xml:lang or the nearest enclosing one).
type entryAt struct {
	line, size int
	lang       string
}

// feedEntries finds the entries (Atom) or items (RSS) of a feed in order with
// encoding/xml, for their lines and xml:lang; nil when the file is not
// well-formed enough for it.
func feedEntries(data []byte) []entryAt {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var out []entryAt
	var langs []string
	open, openDepth, start := -1, 0, 0
	lines := lineCounter{data: data, line: 1}
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			lang := ""
			if len(langs) > 0 {
				lang = langs[len(langs)-1]
			}
			for _, a := range t.Attr {
				if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
					lang = a.Value
				}
			}
			langs = append(langs, lang)
			if open < 0 && (t.Name.Local == "entry" || t.Name.Local == "item") {
				// the start tag begins at its '<', after any white space
				lt := before + max(bytes.IndexByte(data[before:], '<'), 0)
				open, openDepth, start = len(out), len(langs), lt
				out = append(out, entryAt{line: lines.at(lt), lang: lang})
			}
		case xml.EndElement:
			if open >= 0 && len(langs) == openDepth {
				out[open].size = int(d.InputOffset()) - start
				open = -1
			}
			if len(langs) > 0 {
				langs = langs[:len(langs)-1]
			}
		}
	}
}

// lineCounter gives the line of byte offsets that only grow.
type lineCounter struct {
	data      []byte
	off, line int
}

func (c *lineCounter) at(off int) int {
	c.line += bytes.Count(c.data[c.off:off], []byte("\n"))
	c.off = off
	return c.line
}

func (f *feedFile) Scan(fn func(int, *graph.Record, error) error) error {
	data, err := readAll(f.path, f.open)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, bom)
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return graph.Errorf(graph.EINVALID, f.path, "is neither an Atom nor an RSS feed")
		}
		return graph.Errorf(graph.EINVALID, f.path, "not a valid feed: %v", err)
	}
	if len(feed.Items) > MaxFeedEntries {
		return graph.Errorf(graph.EINVALID, f.path, "has %s entries, over the limit of %s for one file", thousands(len(feed.Items)), thousands(MaxFeedEntries))
	}
	at := feedEntries(data)
	byLine := len(at) == len(feed.Items)
	for i := 1; byLine && i < len(at); i++ {
		byLine = at[i].line > at[i-1].line // one entry a line at most, or lines cannot tell them apart
	}
	source := f.pt.text(feed.Title)
	if source == "" {
		if u, err := url.Parse(feed.Link); err == nil {
			source = u.Host
		}
	}
	for i, it := range feed.Items {
		line, src, lang, size := i+1, f.path+": entry "+strconv.Itoa(i+1), "", 0
		if byLine {
			line, src, lang, size = at[i].line, f.path+":"+strconv.Itoa(at[i].line), at[i].lang, at[i].size
		}
		var rec *graph.Record
		var err error
		if size > MaxRecordBytes {
			err = graph.Errorf(graph.EINVALID, src, "the entry is %s bytes long, over the limit of %s bytes for one record", thousands(size), thousands(MaxRecordBytes))
		} else {
			rec, err = f.entry(src, it, pickLang(f.opts, lang, feed.Language), source)
		}
		if err := fn(line, rec, err); err != nil {
			return err
		}
	}
	return nil
}

// entry turns one entry or item into a news record.
func (f *feedFile) entry(src string, it *gofeed.Item, lang, source string) (*graph.Record, error) {
	uid := strings.TrimSpace(it.GUID)
	if uid == "" {
		uid = strings.TrimSpace(it.Link)
	}
	if uid == "" {
		return nil, entryErr(src, "id", "the entry has no id (Atom), guid (RSS) or link to name it by")
	}
	title := f.pt.text(it.Title)
	if title == "" {
		return nil, entryErr(src, "title", "is required (entry %s)", uid)
	}
	var day time.Time
	switch {
	case it.PublishedParsed != nil:
		day = *it.PublishedParsed
	case it.Published != "":
		return nil, entryErr(src, "date", "%q is not a date (entry %s)", it.Published, uid)
	case it.UpdatedParsed != nil:
		day = *it.UpdatedParsed
	case it.Updated != "":
		return nil, entryErr(src, "date", "%q is not a date (entry %s)", it.Updated, uid)
	default:
		return nil, entryErr(src, "date", "the entry has no published or updated date (entry %s)", uid)
	}
	if lang == "" {
		return nil, entryErr(src, "lang", "the entry names no language (xml:lang in Atom, <language> in RSS) and none was given with --lang (entry %s)", uid)
	}
	summary := f.pt.text(it.Description)
	if summary == "" {
		summary = f.pt.text(it.Content)
	}
	obj := map[string]any{
		"type": "news", "id": feedID("feed-", uid), "title": title, "lang": lang,
		"summary": clip(summary, TextLimit("summary")), "date": graph.DateOf(day).String(),
		"source": clip(source, TextLimit("source")), "url": strings.TrimSpace(it.Link),
	}
	if themes := matchThemes(f.themes, it.Categories); len(themes) > 0 {
		obj["themes"] = themes
	}
	return feedRecord(src, obj)
}
