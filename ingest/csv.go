package ingest

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"ewsi/graph"
)

// csvFile reads a CSV file with a header naming the same fields as JSON Lines.
// Lists are separated by ";", true/false and numbers are written plainly, and an
// empty cell means the field is absent. A byte order mark at the start is dropped.
type csvFile struct {
	path string
	open func() (io.ReadCloser, error)
}

func (c csvFile) Name() string { return c.path }

var (
	csvLists   = map[string]bool{"themes": true, "subthemes": true, "principles": true, "implementers": true, "partners": true, "organisations": true, "fundedBy": true, "beneficiaries": true, "languages": true, "roles": true}
	csvNumbers = map[string]bool{"lat": true, "lon": true, "budget": true, "amount": true, "population": true, "principles": true}
	csvBools   = map[string]bool{"demo": true, "lookingForPartners": true, "shareDetails": true}
)

func (c csvFile) Scan(fn func(int, *graph.Record, error) error) error {
	f, err := c.open()
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	skipBOM(br)
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return graph.Errorf(graph.EINVALID, c.path+":1", "the file is empty: a CSV file starts with a header naming the fields")
		}
		return graph.Errorf(graph.EINVALID, c.path+":1", "cannot read the header: %s", csvProblem(err))
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if err := checkHeader(header); err != nil {
		err.Where = c.path + ":1"
		return err
	}
	return scanParallel(func(emit func(pending) bool) error {
		for {
			row, err := r.Read()
			if err == io.EOF {
				return nil
			}
			var line int
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe):
				line = pe.StartLine
			case err != nil:
				return err // reading the file failed: not a fault of the record
			default:
				line, _ = r.FieldPos(0)
			}
			src := fmt.Sprintf("%s:%d", c.path, line)
			p := pending{line: line, parse: func() (*graph.Record, error) { return csvRecord(src, header, row, err) }}
			if !emit(p) {
				return nil
			}
		}
	}, fn)
}

// csvProblem words a CSV reading error plainly.
func csvProblem(err error) string {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return fmt.Sprintf("a quote opened on line %d is never closed (is the file cut short?)", pe.StartLine)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf(`a quote in cell %d is not closed where the cell ends: a quoted cell ends with " before the comma, and a quote inside it is written twice ("")`, pe.Column)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a quote (") inside cell %d, which does not start with one: put the cell in quotes and write the quote twice ("")`, pe.Column)
	}
	return pe.Err.Error()
}

// csvFields are the names a CSV header may use: every field of every record type.
var csvFields = func() map[string]bool {
	known := map[string]bool{}
	for _, k := range recordTypes {
		for f := range fieldIndex(reflect.TypeOf(graph.New(k)).Elem()) {
			known[f] = true
		}
		for _, f := range linkRules[k].allowed {
			known[f] = true
		}
	}
	for f := range fieldIndex(reflect.TypeOf(linkFields{})) {
		known[f] = true
	}
	return known
}()

// checkHeader fails on columns that are no field of any record type, suggesting
// the delimiter when the header looks separated by something else.
func checkHeader(header []string) *graph.Error {
	var unknown []string
	for _, h := range header {
		if !csvFields[h] {
			unknown = append(unknown, strconv.Quote(h))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	msg := fmt.Sprintf("the header has unknown columns: %s", strings.Join(unknown, ", "))
	for _, d := range []string{";", "\t", "|"} {
		if len(header) == 1 && strings.Contains(header[0], d) {
			name := strconv.Quote(d)
			return graph.Errorf(graph.EINVALID, "", "%s; the file looks separated by %s: ewsi reads CSV separated by commas (save it with \",\" as the delimiter)", msg, name)
		}
	}
	known := make([]string, 0, len(csvFields))
	for f := range csvFields {
		known = append(known, f)
	}
	sort.Strings(known)
	return graph.Errorf(graph.EINVALID, "", "%s (fields are: %s)", msg, strings.Join(known, ", "))
}

// csvRecord parses the CSV row read at src (or reports readErr, the error of reading it).
func csvRecord(src string, header, row []string, readErr error) (*graph.Record, error) {
	if readErr != nil {
		return nil, graph.Errorf(graph.EINVALID, src, "malformed CSV: %s", csvProblem(readErr))
	}
	if len(row) != len(header) {
		return nil, graph.Errorf(graph.EINVALID, src, "%d cells, the header has %d", len(row), len(header))
	}
	size := 0
	for _, cell := range row {
		size += len(cell)
	}
	if size > MaxRecordBytes {
		return nil, graph.Errorf(graph.EINVALID, src, "the row is %s bytes long, over the limit of %s bytes for one record", thousands(size), thousands(MaxRecordBytes))
	}
	obj, err := csvObject(header, row)
	if err != nil {
		err.Where = src + ": " + err.Where
		return nil, err
	}
	b, merr := json.Marshal(obj)
	if merr != nil {
		return nil, graph.Errorf(graph.EINVALID, src, "cannot read the row: %v", merr)
	}
	return Parse(src, b)
}

// csvObject turns a CSV row into the JSON object of the same record.
func csvObject(header, row []string) (map[string]any, *graph.Error) {
	obj := map[string]any{}
	for i, name := range header {
		cell := strings.TrimSpace(row[i])
		if cell == "" {
			continue
		}
		if !utf8.ValidString(cell) {
			return nil, graph.Errorf(graph.EINVALID, name, "is not valid UTF-8 (byte %d); save the file as UTF-8", badByte([]byte(cell)))
		}
		num := func(s string) (any, *graph.Error) {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, name, "%q is not a number", s)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, graph.Errorf(graph.EINVALID, name, "%q is not a finite number", s)
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
