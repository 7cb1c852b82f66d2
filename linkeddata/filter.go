package linkeddata

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
)

// filterParams name the query parameters of a filter: the GraphQL
// ContentFilter's fields, and the names the list pages use in their URLs.
var filterParams = struct {
	themes, subthemes, principles, countries, types, langs []string
}{
	themes:     []string{"themes", "theme"},
	subthemes:  []string{"subthemes", "subtheme"},
	principles: []string{"principles", "principle"},
	countries:  []string{"countries", "country"},
	types:      []string{"types", "type"},
	langs:      []string{"langs", "doclang", "clang"}, // lang is the site's language, not a filter
}

// values are the values of the parameters names, each also split at commas.
func values(q url.Values, names []string) []string {
	var out []string
	for _, n := range names {
		for _, v := range q[n] {
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// parseFilter reads a content filter from a query, as the list pages write
// it: themes, subthemes, principles, countries, types, langs, from, to (or
// month, YYYY-MM), query (or q) and demo. Errors name the parameter.
func parseFilter(q url.Values) (graph.Filter, error) {
	f := graph.Filter{
		Themes:    values(q, filterParams.themes),
		Subthemes: values(q, filterParams.subthemes),
		Countries: values(q, filterParams.countries),
		Types:     values(q, filterParams.types),
		Langs:     values(q, filterParams.langs),
		Query:     firstNonEmpty(q.Get("query"), q.Get("q")),
	}
	var errs graph.Errors
	for _, p := range values(q, filterParams.principles) {
		n, err := strconv.Atoi(p)
		if err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, "principles", "%q is not a number", p))
			continue
		}
		f.Principles = append(f.Principles, n)
	}
	for _, name := range []string{"from", "to"} {
		v := strings.TrimSpace(q.Get(name))
		if v == "" {
			continue
		}
		d, err := graph.ParseDate(v)
		if err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, name, "%q is not a date (YYYY-MM-DD)", v))
			continue
		}
		if name == "from" {
			f.From = &d
		} else {
			f.To = &d
		}
	}
	if y := strings.TrimSpace(q.Get("year")); y != "" && f.From == nil && f.To == nil {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1000 || n > 9999 {
			errs = append(errs, graph.Errorf(graph.EINVALID, "year", "%q is not a year", y))
		} else {
			from, to := graph.Date{Year: n, Month: 1, Day: 1}, graph.Date{Year: n, Month: 12, Day: 31}
			f.From, f.To = &from, &to
		}
	}
	if m := strings.TrimSpace(q.Get("month")); m != "" && f.From == nil && f.To == nil {
		t, err := time.Parse("2006-01", m)
		if err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, "month", "%q is not a month (YYYY-MM)", m))
		} else {
			from, to := graph.DateOf(t), graph.DateOf(t.AddDate(0, 1, -1))
			f.From, f.To = &from, &to
		}
	}
	if v := strings.TrimSpace(q.Get("demo")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, "demo", "%q is not true or false", v))
		} else {
			f.Demo = &b
		}
	}
	if len(errs) > 0 {
		return f, errs.Err()
	}
	if err := f.Normalize(""); err != nil {
		return f, err
	}
	return f, nil
}

// parseOrder reads sort (title or date) and order (asc or desc); def is the
// list's own order.
func parseOrder(q url.Values, def graph.Order) (graph.Order, error) {
	o := def
	switch s := q.Get("sort"); s {
	case "":
	case "title", "name":
		o = graph.Order{Field: "title"}
	case "date":
		o = graph.Order{Field: "date", Desc: def.Field == "date" && def.Desc}
	default:
		return o, graph.Errorf(graph.EINVALID, "sort", "%q is not title or date", s)
	}
	switch d := q.Get("order"); d {
	case "":
	case "asc":
		o.Desc = false
	case "desc":
		o.Desc = true
	default:
		return o, graph.Errorf(graph.EINVALID, "order", "%q is not asc or desc", d)
	}
	return o, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// errorText is the message of a bad request: each error with where it is.
func errorText(err error) string {
	var b strings.Builder
	for _, e := range graph.ErrorList(err) {
		fmt.Fprintln(&b, e.Error())
	}
	return b.String()
}

// fundingFilter adds the funding page's parameters to f: kind (funder kinds,
// also funderKinds) and closed=1 (the closed calls too).
func fundingFilter(q url.Values, f graph.Filter) (graph.FundingFilter, error) {
	ff := graph.FundingFilter{Filter: f}
	for _, k := range values(q, []string{"kind", "funderKinds"}) {
		fk := graph.FunderKind(strings.ToLower(k))
		if !fk.Valid() {
			return ff, graph.Errorf(graph.EINVALID, "kind", "%q is not a funder kind", k)
		}
		ff.FunderKinds = append(ff.FunderKinds, fk)
	}
	switch c := q.Get("closed"); c {
	case "", "0", "false":
	case "1", "true":
		ff.IncludeClosed = true
	default:
		return ff, graph.Errorf(graph.EINVALID, "closed", "%q is not 1 or 0", c)
	}
	if err := ff.Normalize(""); err != nil {
		return ff, err
	}
	return ff, nil
}

// libraryFilter adds the library's scopes to f: countries, and EU for the
// documents that name no country.
func libraryFilter(scopes []string, f graph.Filter) (graph.LibraryFilter, error) {
	lf := graph.LibraryFilter{Filter: f}
	for _, sc := range scopes {
		if strings.EqualFold(sc, graph.ScopeEU) {
			lf.EU = true
			continue
		}
		iso, ok := graph.CountryCode(sc)
		if !ok {
			return lf, graph.Errorf(graph.EINVALID, "scope", "%q is not EU or a two-letter country code", sc)
		}
		lf.Countries = append(lf.Countries, iso)
	}
	return lf, nil
}
