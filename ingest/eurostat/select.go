package eurostat

import (
	"fmt"
	"sort"
	"strings"

	"ewsi/graph"
)

// Select says which series of a table are the values of one indicator.
type Select struct {
	Indicator string            // indicator id or slug (employment-rate)
	Where     map[string]string // dimension code -> the value to keep (citizen=NEU27_2020_FOR)
	Source    string            // "Eurostat", or graph.SourceSampleFile
	Sample    bool              // the table is a sample file, not Eurostat's figures
}

// ParseWhere reads "dim=value,dim=value" (the --where flag).
func ParseWhere(s string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, graph.Errorf(graph.EINVALID, "--where", "%q is not dimension=value", kv)
		}
		out[k] = v
	}
	return out, nil
}

// Summary counts what Observations kept and left out.
type Summary struct {
	Kept      int // observations
	Missing   int // cells of the series kept with no value (":")
	Aggregate int // cells of geo codes that are no country (EU27_2020, EA20...)
	Other     int // cells of other series (not matching Where)
}

func (s Summary) String() string {
	return fmt.Sprintf("%d observations; left out %d missing values, %d aggregates, %d cells of other series", s.Kept, s.Missing, s.Aggregate, s.Other)
}

// Observations turns the table's rows of the selected series into
// observations of one indicator, one per country and year. A dimension of
// Where the table lacks is an error; so are two values for one country and
// year (the selection leaves several series: the error names both lines and
// the dimensions that differ, to add to Where).
func Observations(t *Table, sel Select) ([]graph.Observation, Summary, error) {
	var sum Summary
	ind := sel.Indicator
	if !strings.HasPrefix(ind, "indicator:") {
		ind = graph.ID(graph.KindIndicator, ind)
	}
	if len(t.Rows) > 0 {
		for d := range sel.Where {
			if _, ok := t.Rows[0].Dims[d]; !ok {
				return nil, sum, graph.Errorf(graph.EINVALID, "--where", "%s has no dimension %q (it has %s)", t.File, d, dimList(t.Rows[0].Dims))
			}
		}
	}
	source := sel.Source
	if sel.Sample {
		source = graph.SourceSampleFile
	}
	if source == "" {
		source = "Eurostat"
	}
	seen := map[string]Row{}
	var out []graph.Observation
	var errs graph.Errors
	for _, r := range t.Rows {
		if !matches(r, sel.Where) {
			sum.Other++
			continue
		}
		iso, ok := countryOf(r.Dims["geo"])
		if !ok {
			sum.Aggregate++
			continue
		}
		if r.Missing {
			sum.Missing++
			continue
		}
		k := fmt.Sprintf("%s|%d", iso, r.Year)
		if first, dup := seen[k]; dup {
			errs = append(errs, lineErr(t.File, r.Line, "a second value for %s %d (the first at line %d): the series differ in %s; choose one with --where",
				r.Dims["geo"], r.Year, first.Line, differing(first.Dims, r.Dims)))
			continue
		}
		seen[k] = r
		o := graph.Observation{Indicator: ind, Country: iso, Year: r.Year, Value: r.Value, Flags: r.Flags,
			Source: source, Dataset: t.Dataset, Sample: sel.Sample}
		if err := o.Validate(); err != nil {
			errs = append(errs, lineErr(t.File, r.Line, "%s", graph.ErrorMessage(err)))
			continue
		}
		out = append(out, o)
	}
	if len(errs) > 0 {
		return nil, sum, errs
	}
	sum.Kept = len(out)
	return out, sum, nil
}

func matches(r Row, where map[string]string) bool {
	for d, v := range where {
		if !strings.EqualFold(r.Dims[d], v) {
			return false
		}
	}
	return true
}

// countryOf reads a geo code that is a country (Eurostat's EL and UK included);
// aggregates (EU27_2020, EA20, EFTA) are not.
func countryOf(geo string) (string, bool) {
	if len(geo) != 2 {
		return "", false
	}
	return graph.CountryCode(geo)
}

func differing(a, b map[string]string) string {
	var out []string
	for d, v := range a {
		if b[d] != v {
			out = append(out, fmt.Sprintf("%s (%s, %s)", d, v, b[d]))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return "nothing: the table repeats a series"
	}
	return strings.Join(out, ", ")
}

func dimList(d map[string]string) string {
	out := make([]string, 0, len(d))
	for k := range d {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
