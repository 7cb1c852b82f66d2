// Package eurostat reads the statistical tables that Eurostat distributes, in
// both of its download formats, into rows of dimensions, year, value and flags:
//
//   - TSV: a header "freq,unit,...,geo\TIME_PERIOD" (older files: "...\time")
//     followed by one column per period; each row names its series by the
//     dimension codes, comma-separated, then one cell per period: a number with
//     optional flags after a space ("12.3 b"), or ":" for a missing value,
//     itself with optional flags (": c").
//   - SDMX-CSV 1.0 (first column DATAFLOW) and 2.0 (STRUCTURE, STRUCTURE_ID and
//     optionally ACTION): one observation a row, with a column per dimension,
//     TIME_PERIOD, OBS_VALUE (empty when missing) and OBS_FLAG. Headers and codes
//     written "code:label" (downloads with labels) are read by their code.
//
// Only annual tables are read (periods "2019"). A bad line is an error naming
// file:line; Parse returns every such error and no rows when there is one.
package eurostat

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"ewsi/graph"
)

// Row is one cell of a table: a series (its dimension codes), a year, the
// value (Missing when Eurostat gives none) and its flags.
type Row struct {
	Line    int
	Dims    map[string]string // dimension code -> value code, geo included
	Year    int
	Value   float64
	Missing bool
	Flags   string
}

// Table is a parsed file: its format, dataset code (from DATAFLOW or the file
// name) and rows.
type Table struct {
	File    string
	Format  string // "tsv", "sdmx-csv-1", "sdmx-csv-2"
	Dataset string
	Rows    []Row
}

// maxLine bounds one line of a table.
const maxLine = 1 << 20

// Parse reads a table in either format, told apart by its first line.
func Parse(file string, r io.Reader) (*Table, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	first, _, _ := bytes.Cut(head, []byte("\n"))
	switch {
	case len(bytes.TrimSpace(first)) == 0:
		return nil, lineErr(file, 1, "the file is empty: want a Eurostat TSV or SDMX-CSV header")
	case bytes.Contains(first, []byte("\\TIME_PERIOD")) || bytes.Contains(first, []byte("\\time")):
		return parseTSV(file, br)
	case bytes.HasPrefix(first, []byte("DATAFLOW")) || bytes.HasPrefix(first, []byte("STRUCTURE")):
		return parseSDMX(file, br)
	}
	return nil, lineErr(file, 1, "not a Eurostat table: want a TSV header ending in \\TIME_PERIOD or an SDMX-CSV header starting with DATAFLOW or STRUCTURE")
}

func lineErr(file string, line int, format string, args ...any) *graph.Error {
	return graph.Errorf(graph.EINVALID, fmt.Sprintf("%s:%d", file, line), format, args...)
}

// parseYear reads an annual period ("2019", with spaces around in TSV headers).
func parseYear(s string) (int, bool) {
	s = strings.TrimSpace(s)
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1900 || y > 2200 {
		return 0, false
	}
	return y, true
}

// parseFlags checks that flags are lower-case letters, as Eurostat's are
// (b, c, d, e, f, n, p, r, s, u, z...).
func parseFlags(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return "", false
		}
	}
	return s, len(s) <= 10
}

// parseValue reads a number: finite, with a dot as decimal separator.
func parseValue(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "xXnNiI") { // no hex, NaN, Inf
		return 0, false
	}
	return v, true
}

func parseTSV(file string, r io.Reader) (*Table, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	t := &Table{File: file, Format: "tsv", Dataset: datasetFromFile(file)}
	var errs graph.Errors
	var dims []string
	var years []int
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			cells := strings.Split(text, "\t")
			key, _, _ := strings.Cut(cells[0], "\\")
			dims = strings.Split(key, ",")
			for i := range dims {
				dims[i] = strings.TrimSpace(dims[i])
			}
			if !contains(dims, "geo") {
				return nil, lineErr(file, 1, "the header names no geo dimension (%s)", key)
			}
			for _, c := range cells[1:] {
				y, ok := parseYear(c)
				if !ok {
					return nil, lineErr(file, 1, "period %q is not a year: only annual tables are read", strings.TrimSpace(c))
				}
				years = append(years, y)
			}
			if len(years) == 0 {
				return nil, lineErr(file, 1, "the header has no period column")
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		if len(cells) != len(years)+1 {
			errs = append(errs, lineErr(file, line, "%d cells, want %d (the series and %d periods)", len(cells), len(years)+1, len(years)))
			continue
		}
		codes := strings.Split(cells[0], ",")
		if len(codes) != len(dims) {
			errs = append(errs, lineErr(file, line, "the series %q has %d codes, want %d (%s)", cells[0], len(codes), len(dims), strings.Join(dims, ",")))
			continue
		}
		series := map[string]string{}
		for i, d := range dims {
			series[d] = strings.TrimSpace(codes[i])
		}
		for i, c := range cells[1:] {
			row := Row{Line: line, Dims: series, Year: years[i]}
			c = strings.TrimSpace(c)
			num, flags, _ := strings.Cut(c, " ")
			f, ok := parseFlags(flags)
			if !ok {
				errs = append(errs, lineErr(file, line, "%d: flags %q are not Eurostat flags (lower-case letters)", years[i], flags))
				continue
			}
			row.Flags = f
			if num == ":" || num == "" {
				row.Missing = true
			} else if row.Value, ok = parseValue(num); !ok {
				errs = append(errs, lineErr(file, line, "%d: %q is not a number or \":\"", years[i], c))
				continue
			}
			t.Rows = append(t.Rows, row)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, lineErr(file, line+1, "%v", err)
	}
	if line == 0 {
		return nil, lineErr(file, 1, "the file is empty")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// sdmxFixed are the SDMX-CSV columns that are not dimensions.
var sdmxFixed = map[string]bool{"DATAFLOW": true, "STRUCTURE": true, "STRUCTURE_ID": true, "ACTION": true,
	"LAST UPDATE": true, "TIME_PERIOD": true, "OBS_VALUE": true, "OBS_FLAG": true, "OBS_STATUS": true, "CONF_STATUS": true}

func parseSDMX(file string, r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, lineErr(file, 1, "cannot read the header: %v", err)
	}
	col := map[string]int{}
	var dims []string
	var dimCol []int
	for i, h := range header {
		h = strings.TrimPrefix(h, "\ufeff")
		code, _, _ := strings.Cut(h, ":")
		code = strings.TrimSpace(code)
		col[code] = i
		if !sdmxFixed[code] {
			dims = append(dims, code)
			dimCol = append(dimCol, i)
		}
	}
	t := &Table{File: file, Format: "sdmx-csv-1", Dataset: datasetFromFile(file)}
	if _, ok := col["STRUCTURE"]; ok {
		t.Format = "sdmx-csv-2"
	}
	for _, need := range []string{"TIME_PERIOD", "OBS_VALUE", "geo"} {
		if _, ok := col[need]; !ok {
			return nil, lineErr(file, 1, "the header has no %s column", need)
		}
	}
	var errs graph.Errors
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, lineErr(file, pe.Line, "%v", pe.Err))
				continue
			}
			return nil, lineErr(file, line, "%v", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			errs = append(errs, lineErr(file, line, "%d columns, want %d as in the header", len(rec), len(header)))
			continue
		}
		code := func(i int) string { c, _, _ := strings.Cut(rec[i], ":"); return strings.TrimSpace(c) }
		if i, ok := col["DATAFLOW"]; ok && t.Dataset == datasetFromFile(file) {
			t.Dataset = dataflowCode(rec[i])
		} else if i, ok := col["STRUCTURE_ID"]; ok && t.Dataset == datasetFromFile(file) {
			t.Dataset = dataflowCode(rec[i])
		}
		row := Row{Line: line, Dims: map[string]string{}}
		for j, d := range dims {
			row.Dims[d] = code(dimCol[j])
		}
		y, ok := parseYear(rec[col["TIME_PERIOD"]])
		if !ok {
			errs = append(errs, lineErr(file, line, "TIME_PERIOD %q is not a year: only annual tables are read", rec[col["TIME_PERIOD"]]))
			continue
		}
		row.Year = y
		if i, ok := col["OBS_FLAG"]; ok {
			f, ok := parseFlags(code(i))
			if !ok {
				errs = append(errs, lineErr(file, line, "OBS_FLAG %q is not Eurostat flags (lower-case letters)", rec[i]))
				continue
			}
			row.Flags = f
		}
		v := strings.TrimSpace(rec[col["OBS_VALUE"]])
		if v == "" || v == ":" || strings.EqualFold(v, "NaN") {
			row.Missing = true
		} else if row.Value, ok = parseValue(v); !ok {
			errs = append(errs, lineErr(file, line, "OBS_VALUE %q is not a number", v))
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// dataflowCode reads "ESTAT:LFSA_ERGACOB(1.0)" or "LFSA_ERGACOB" as lfsa_ergacob.
func dataflowCode(s string) string {
	s = strings.TrimSpace(s)
	if _, after, ok := strings.Cut(s, ":"); ok {
		s = after
	}
	s, _, _ = strings.Cut(s, "(")
	return strings.ToLower(s)
}

// datasetFromFile takes the dataset code from a file named as Eurostat names
// its downloads (lfsa_ergacob.tsv, estat_lfsa_ergacob.tsv, lfsa_ergacob_linear.csv).
func datasetFromFile(file string) string {
	base := file
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base, _, _ = strings.Cut(base, ".")
	base = strings.TrimPrefix(base, "estat_")
	base = strings.TrimSuffix(base, "_linear")
	return strings.ToLower(base)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
