package webmap

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
)

// requestTimeout bounds the work of one map request.
const requestTimeout = 15 * time.Second

// list reads a query parameter given as repeated values or a comma-separated list.
func list(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// boolParam reads an optional true or false.
func boolParam(q url.Values, name string) (*bool, error) {
	v := q.Get(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, name, "%q is not true or false", v)
	}
	return &b, nil
}

// FilterFromQuery reads the map filter from query parameters: theme, subtheme,
// principle, country, orgType, from, to, hasPractices, demo (lists repeated or
// comma-separated). The result is normalised.
func FilterFromQuery(q url.Values) (graph.MapFilter, error) {
	var f graph.MapFilter
	var errs graph.Errors
	add := func(err error) {
		var es graph.Errors
		var e *graph.Error
		switch {
		case err == nil:
		case errors.As(err, &es):
			errs = append(errs, es...)
		case errors.As(err, &e):
			errs = append(errs, e)
		default:
			errs = append(errs, graph.Errorf(graph.EINVALID, "", "%v", err))
		}
	}
	f.Themes, f.Subthemes, f.Countries, f.Types = list(q, "theme"), list(q, "subtheme"), list(q, "country"), list(q, "orgType")
	for _, p := range list(q, "principle") {
		n, err := strconv.Atoi(p)
		if err != nil {
			add(graph.Errorf(graph.EINVALID, "principle", "%q is not a number", p))
			continue
		}
		f.Principles = append(f.Principles, n)
	}
	for _, name := range []string{"from", "to"} {
		if v := q.Get(name); v != "" {
			d, err := graph.ParseDate(v)
			if err != nil {
				add(graph.Errorf(graph.EINVALID, name, "%q is not a date (YYYY-MM-DD)", v))
				continue
			}
			if name == "from" {
				f.From = &d
			} else {
				f.To = &d
			}
		}
	}
	var err error
	f.HasPractices, err = boolParam(q, "hasPractices")
	add(err)
	f.Demo, err = boolParam(q, "demo")
	add(err)
	if len(errs) == 0 {
		add(f.Normalize(""))
	}
	return f, errs.Err()
}
