package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"

	"ewsi/graph"
	"ewsi/ingest/reference"
)

// Limits of the feed formats (iCalendar, Atom, RSS), which are read whole: a
// file over MaxFeedBytes or with more than MaxFeedEntries entries is refused as
// a whole, before anything is written. One entry is bounded by MaxRecordBytes
// like a JSON Lines line, and its fields by the same text limits.
const (
	MaxFeedBytes   = 64 << 20
	MaxFeedEntries = 100_000
)

// Options are what a feed may lack: the language of entries that name none.
type Options struct {
	// Lang is the language of the entries whose feed names none (LANGUAGE,
	// xml:lang, <language>); without it such an entry is rejected.
	Lang graph.Lang
}

// feedID is the stable local id of a feed entry: a prefix and the first 16
// bytes of the SHA-256 of its UID, id or guid, in hex.
func feedID(prefix, uid string) string {
	sum := sha256.Sum256([]byte(uid))
	return prefix + hex.EncodeToString(sum[:16])
}

// readAll reads a whole feed file, refusing one over MaxFeedBytes.
func readAll(path string, open func() (io.ReadCloser, error)) ([]byte, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFeedBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFeedBytes {
		return nil, graph.Errorf(graph.EINVALID, path, "the file is over the limit of %s bytes for a feed", thousands(MaxFeedBytes))
	}
	return b, nil
}

// themeSlugs returns the slugs of the site's themes, which categories are
// matched against: read once from the embedded reference data, which never
// changes, and never written after.
var themeSlugs = sync.OnceValues(readThemeSlugs)

func readThemeSlugs() (map[string]bool, error) {
	recs, err := reference.Records()
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range recs {
		if t, ok := r.Node.(*graph.Theme); ok {
			out[t.Slug] = true
		}
	}
	return out, nil
}

// matchThemes keeps the categories that are theme slugs (in any case).
func matchThemes(slugs map[string]bool, cats []string) []string {
	var out []string
	for _, c := range cats {
		s := strings.ToLower(strings.TrimSpace(c))
		if slugs[s] && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// langOf turns a language tag ("pl", "pl-PL", "de_AT") into its primary code;
// "" when tag is empty.
func langOf(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// pickLang returns the first language tag given, or the default of opts;
// "" when there is none.
func pickLang(opts Options, tags ...string) string {
	for _, t := range tags {
		if l := langOf(t); l != "" {
			return l
		}
	}
	return string(opts.Lang)
}

// blockBreak finds the tags that start or end a block of text.
var blockBreak = regexp.MustCompile(`(?i)<(/?(p|div|li|ul|ol|h[1-6]|tr|blockquote|pre|table|section|article)|br|hr)\b[^>]*>`)

// plainText turns the HTML of a feed entry into plain text: bluemonday's strict
// policy drops every element (with the content of script and style) and keeps
// the text, which is then unescaped. It goes round again while the text still
// changes, so that markup escaped once in the source (&lt;script&gt;) does not
// come out as markup either. A line break goes before each block element
// (paragraphs, list items, headings, br) so that their text stays apart. Runs of spaces and tabs become one space; line
// breaks are kept, with at most one blank line in a row.
type plainText struct {
	once   sync.Once
	policy *bluemonday.Policy
}

func (p *plainText) text(s string) string {
	p.once.Do(func() {
		p.policy = bluemonday.StrictPolicy()
	})
	for i := 0; i < 3; i++ {
		out := html.UnescapeString(p.policy.Sanitize(blockBreak.ReplaceAllString(s, "\n$0")))
		if out == s {
			break
		}
		s = out
	}
	var lines []string
	blank := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank++
			if blank > 1 || len(lines) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		lines = append(lines, l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// clip cuts text to at most limit characters, at a space where it can, with
// an ellipsis: a feed's content becomes a summary.
func clip(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit-1]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}

// feedRecord turns the fields of an entry into a record through Parse, so that
// entries are checked by exactly the rules of JSON Lines; src names the entry.
func feedRecord(src string, obj map[string]any) (*graph.Record, error) {
	for k, v := range obj {
		s, ok := v.(string)
		switch {
		case ok && s == "":
			delete(obj, k)
		case ok && !utf8.ValidString(s):
			return nil, entryErr(src, k, "is not valid UTF-8 (byte %d); save the file as UTF-8", badByte([]byte(s)))
		}
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, src, "cannot read the entry: %v", err)
	}
	if len(b) > MaxRecordBytes {
		return nil, graph.Errorf(graph.EINVALID, src, "the entry is %s bytes long, over the limit of %s bytes for one record", thousands(len(b)), thousands(MaxRecordBytes))
	}
	return Parse(src, b)
}

// entryErr is the error of an entry that cannot become a record.
func entryErr(src, field, format string, args ...any) error {
	where := src
	if field != "" {
		where += ": " + field
	}
	return graph.Errorf(graph.EINVALID, where, format, args...)
}

// Warner is a source that has something to say about entries it loaded in
// part (a recurring event loaded as its first occurrence).
type Warner interface {
	Warnings() []string
}

// Warnings returns what src had to say when it was last read, if anything.
func Warnings(src Source) []string {
	if w, ok := src.(Warner); ok {
		return w.Warnings()
	}
	return nil
}

// warnings collects a source's warnings; safe for concurrent use.
type warnings struct {
	mu   sync.Mutex
	list []string
}

func (w *warnings) reset() { w.mu.Lock(); w.list = nil; w.mu.Unlock() }

func (w *warnings) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.list = append(w.list, fmt.Sprintf(format, args...))
}

// Warnings returns the warnings collected.
func (w *warnings) Warnings() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.list...)
}
