package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"ewsi/graph"
)

// Source is a list of records that can be read more than once (the loader reads
// it in passes). Scan calls fn for each record in order with its line number, or
// with the error that made the record unreadable.
type Source interface {
	Name() string
	Scan(fn func(line int, rec *graph.Record, err error) error) error
}

// Open returns the source for a file: JSON Lines for .jsonl, .ndjson and .json,
// CSV with a header for .csv.
func Open(path string) (Source, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, graph.Errorf(graph.EINVALID, path, "cannot read: %v", errors.Unwrap(err))
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		return jsonLines{path}, nil
	case ".csv":
		return csvFile{path}, nil
	}
	return nil, graph.Errorf(graph.EINVALID, path, "unknown format: use .jsonl (JSON Lines) or .csv (with a header)")
}

// jsonLines reads one JSON object per line; blank lines and lines starting with
// # or // are skipped.
type jsonLines struct{ path string }

func (j jsonLines) Name() string { return j.path }

func (j jsonLines) Scan(fn func(int, *graph.Record, error) error) error {
	f, err := os.Open(j.path)
	if err != nil {
		return err
	}
	defer f.Close()
	return scanParallel(func(emit func(pending) bool) error {
		r := bufio.NewReaderSize(f, 1<<20)
		for n := 1; ; n++ {
			line, err := r.ReadBytes('\n')
			if len(line) > 0 {
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

// csvFile reads a CSV file with a header naming the same fields as JSON Lines.
// Lists are separated by ";", true/false and numbers are written plainly, and an
// empty cell means the field is absent.
type csvFile struct{ path string }

func (c csvFile) Name() string { return c.path }

var (
	csvLists   = map[string]bool{"themes": true, "subthemes": true, "principles": true, "implementers": true, "partners": true, "organisations": true, "fundedBy": true, "beneficiaries": true, "languages": true, "roles": true}
	csvNumbers = map[string]bool{"lat": true, "lon": true, "budget": true, "amount": true, "population": true, "principles": true}
	csvBools   = map[string]bool{"demo": true, "lookingForPartners": true, "shareDetails": true}
)

func (c csvFile) Scan(fn func(int, *graph.Record, error) error) error {
	f, err := os.Open(c.path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return graph.Errorf(graph.EINVALID, c.path+":1", "cannot read the header: %v", err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
	}
	return scanParallel(func(emit func(pending) bool) error {
		for {
			row, err := r.Read()
			if err == io.EOF {
				return nil
			}
			line, _ := r.FieldPos(0)
			src := fmt.Sprintf("%s:%d", c.path, line)
			p := pending{line: line, parse: func() (*graph.Record, error) { return csvRecord(src, header, row, err) }}
			if !emit(p) {
				return nil
			}
		}
	}, fn)
}

// csvRecord parses the CSV row read at src (or reports readErr, the error of reading it).
func csvRecord(src string, header, row []string, readErr error) (*graph.Record, error) {
	if readErr != nil {
		return nil, graph.Errorf(graph.EINVALID, src, "malformed CSV: %v", readErr)
	}
	if len(row) != len(header) {
		return nil, graph.Errorf(graph.EINVALID, src, "%d cells, the header has %d", len(row), len(header))
	}
	obj, err := csvObject(header, row)
	if err != nil {
		err.(*graph.Error).Where = src + ": " + err.(*graph.Error).Where
		return nil, err
	}
	b, _ := json.Marshal(obj)
	return Parse(src, b)
}

// csvObject turns a CSV row into the JSON object of the same record.
func csvObject(header, row []string) (map[string]any, error) {
	obj := map[string]any{}
	for i, name := range header {
		cell := strings.TrimSpace(row[i])
		if cell == "" {
			continue
		}
		num := func(s string) (any, error) {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, name, "%q is not a number", s)
			}
			return v, nil
		}
		switch {
		case csvLists[name]:
			var list []any
			for _, part := range strings.Split(cell, ";") {
				part = strings.TrimSpace(part)
				if part == "" {
					continue
				}
				if csvNumbers[name] {
					v, err := num(part)
					if err != nil {
						return nil, err
					}
					list = append(list, v)
				} else {
					list = append(list, part)
				}
			}
			obj[name] = list
		case csvNumbers[name]:
			v, err := num(cell)
			if err != nil {
				return nil, err
			}
			obj[name] = v
		case csvBools[name]:
			b, err := strconv.ParseBool(cell)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, name, "%q is not true or false", cell)
			}
			obj[name] = b
		default:
			obj[name] = cell
		}
	}
	return obj, nil
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
