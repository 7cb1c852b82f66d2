package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"ewsi/graph"
)

// Source is a list of records that can be read more than once (the loader reads
// it in passes). Scan calls fn for each record in order with its line number, or
// with the error that made the record unreadable.
type Source interface {
	Name() string
	Scan(fn func(line int, rec *graph.Record, err error) error) error
}

// Open returns the source for a file by its extension: JSON Lines for .jsonl,
// .ndjson and .json, CSV with a header for .csv, iCalendar for .ics, Atom for
// .atom, RSS for .rss, and Atom or RSS for .xml by its root element.
func Open(path string) (Source, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with the options of the feed formats.
func OpenWith(path string, opts Options) (Source, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, graph.Errorf(graph.EINVALID, path, "cannot read: %v", errors.Unwrap(err))
	}
	return byExt(path, func() (io.ReadCloser, error) { return os.Open(path) }, opts)
}

// OpenBytes returns the source of data as if it were a file named name (its
// extension picks the format), for tests and fuzzing.
func OpenBytes(name string, data []byte) (Source, error) {
	return byExt(name, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }, Options{})
}

func byExt(name string, open func() (io.ReadCloser, error), opts Options) (Source, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".jsonl", ".ndjson", ".json":
		return jsonLines{name, open}, nil
	case ".csv":
		return csvFile{name, open}, nil
	case ".ics", ".atom", ".rss", ".xml":
		if opts.Lang != "" && !opts.Lang.Valid() {
			return nil, graph.Errorf(graph.EINVALID, "lang", "%q is not the ISO 639-1 code of an EU official language", opts.Lang)
		}
		themes, err := themeSlugs()
		if err != nil {
			return nil, err
		}
		if ext == ".ics" {
			return &icsFile{path: name, open: open, opts: opts, themes: themes, warnings: &warnings{}}, nil
		}
		if ext == ".xml" {
			if err := sniffFeed(name, open); err != nil {
				return nil, err
			}
		}
		return &feedFile{path: name, open: open, opts: opts, themes: themes}, nil
	}
	return nil, graph.Errorf(graph.EINVALID, name, "unknown format: use .jsonl (JSON Lines), .csv (with a header), .ics (iCalendar), .atom or .rss (news feeds; .xml when its root element is <feed> or <rss>)")
}

// sniffFeed checks that an .xml file is an Atom or RSS feed, by its root element.
func sniffFeed(name string, open func() (io.ReadCloser, error)) error {
	f, err := open()
	if err != nil {
		return graph.Errorf(graph.EINVALID, name, "cannot read: %v", err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	switch gofeed.DetectFeedType(bytes.NewReader(head[:n])) {
	case gofeed.FeedTypeAtom, gofeed.FeedTypeRSS:
		return nil
	}
	return graph.Errorf(graph.EINVALID, name, "unknown format: an .xml file is read when it is an Atom feed (root <feed>) or an RSS feed (root <rss> or <rdf:RDF>)")
}

// bom is the UTF-8 byte order mark some editors write at the start of a file.
var bom = []byte("\ufeff")

// skipBOM drops a byte order mark at the start of r.
func skipBOM(r *bufio.Reader) {
	if b, err := r.Peek(len(bom)); err == nil && bytes.Equal(b, bom) {
		_, _ = r.Discard(len(bom))
	}
}

// jsonLines reads one JSON object per line; blank lines and lines starting with
// # or // are skipped, and a byte order mark at the start is dropped.
type jsonLines struct {
	path string
	open func() (io.ReadCloser, error)
}

func (j jsonLines) Name() string { return j.path }

func (j jsonLines) Scan(fn func(int, *graph.Record, error) error) error {
	f, err := j.open()
	if err != nil {
		return err
	}
	defer f.Close()
	return scanParallel(func(emit func(pending) bool) error {
		r := bufio.NewReaderSize(f, 1<<20)
		skipBOM(r)
		for n := 1; ; n++ {
			line, size, err := readLine(r, MaxRecordBytes)
			if size > MaxRecordBytes {
				src := j.path + ":" + strconv.Itoa(n)
				perr := graph.Errorf(graph.EINVALID, src, "the line is %s bytes long, over the limit of %s bytes for one record", thousands(size), thousands(MaxRecordBytes))
				if !emit(pending{line: n, parse: func() (*graph.Record, error) { return nil, perr }}) {
					return nil
				}
			} else if len(line) > 0 {
				text := bytes.TrimSpace(line)
				if len(text) > 0 && !bytes.HasPrefix(text, []byte("#")) && !bytes.HasPrefix(text, []byte("//")) {
					src := j.path + ":" + strconv.Itoa(n)
					if !emit(pending{line: n, parse: func() (*graph.Record, error) { return Parse(src, text) }}) {
						return nil
					}
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}, fn)
}

// readLine reads one line of r with its newline, keeping at most limit+1 bytes
// of it; size is the length of the whole line. err is io.EOF at the end of r.
func readLine(r *bufio.Reader, limit int) (line []byte, size int, err error) {
	for {
		part, err := r.ReadSlice('\n')
		size += len(part)
		if len(line) <= limit {
			line = append(line, part[:min(len(part), limit+1-len(line))]...)
		}
		if err != bufio.ErrBufferFull {
			return line, size, err
		}
	}
}

// Records is an in-memory source, for reference data.
type Records struct {
	Label string
	Recs  []graph.Record
}

// Name returns the label.
func (r Records) Name() string { return r.Label }

// Scan calls fn for each record, numbering them from 1.
func (r Records) Scan(fn func(int, *graph.Record, error) error) error {
	for i := range r.Recs {
		if err := fn(i+1, &r.Recs[i], nil); err != nil {
			return err
		}
	}
	return nil
}
