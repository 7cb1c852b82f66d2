package graph

import (
	"strconv"
	"strings"
)

// Filter narrows a list of content. Empty fields do not filter.
type Filter struct {
	Themes     []string // theme ids or slugs
	Subthemes  []string // subtheme ids or slugs
	Principles []int    // CBP numbers 1-11
	Countries  []string // ISO 3166 alpha-2 (or Eurostat: EL, UK)
	Types      []string // organisation or document types, lower case
	Langs      []string // ISO 639-1
	From       *Date    // the node's date on or after
	To         *Date    // the node's date on or before
	Demo       *bool    // only demo (true) or only real (false) content
	Query      string   // full-text words (FullTextQuery); blank does not filter
}

// MaxFilterValues bounds each list of a filter.
const MaxFilterValues = 100

// Normalize turns slugs and codes into ids and canonical forms, and checks every
// value; errors name the field (prefixed with where, e.g. "filter").
func (f *Filter) Normalize(where string) error {
	var errs Errors
	field := func(name string) string {
		if where == "" {
			return name
		}
		return where + "." + name
	}
	check := func(name string, n int) {
		if n > MaxFilterValues {
			errs = append(errs, Errorf(EINVALID, field(name), "at most %d values, got %d", MaxFilterValues, n))
		}
	}
	check("themes", len(f.Themes))
	check("subthemes", len(f.Subthemes))
	check("principles", len(f.Principles))
	check("countries", len(f.Countries))
	check("types", len(f.Types))
	check("langs", len(f.Langs))
	for i, t := range f.Themes {
		f.Themes[i] = ID(KindTheme, strings.ToLower(strings.TrimSpace(t)))
	}
	for i, t := range f.Subthemes {
		f.Subthemes[i] = ID(KindSubtheme, strings.ToLower(strings.TrimSpace(t)))
	}
	for _, p := range f.Principles {
		if p < 1 || p > 11 {
			errs = append(errs, Errorf(EINVALID, field("principles"), "%d is not a Common Basic Principle (1-11)", p))
		}
	}
	for i, c := range f.Countries {
		iso, ok := CountryCode(c)
		if !ok {
			errs = append(errs, Errorf(EINVALID, field("countries"), "%q is not a two-letter country code", c))
			continue
		}
		f.Countries[i] = iso
	}
	for i, t := range f.Types {
		l, ok := ParseEnum(t, append(OrgTypes(), DocTypes()...))
		if !ok {
			errs = append(errs, Errorf(EINVALID, field("types"), "%q is not an organisation or document type", t))
			continue
		}
		f.Types[i] = l
	}
	for i, l := range f.Langs {
		p, err := ParseLang(l)
		if err != nil {
			errs = append(errs, Errorf(EINVALID, field("langs"), "%s", err))
			continue
		}
		f.Langs[i] = string(p)
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		errs = append(errs, Errorf(EINVALID, field("to"), "%s is before from %s", f.To, f.From))
	}
	f.Query = strings.TrimSpace(f.Query)
	if f.Query != "" {
		if _, err := FullTextQuery(f.Query, false, field("query")); err != nil {
			errs = append(errs, ErrorList(err)...)
		}
	}
	return errs.Err()
}

// CountryCode turns a two-letter code in any case into ISO 3166 alpha-2, mapping
// the Eurostat codes EL (Greece) and UK (United Kingdom) to GR and GB.
func CountryCode(s string) (string, bool) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return "", false
	}
	switch c {
	case "EL":
		return "GR", true
	case "UK":
		return "GB", true
	}
	return c, true
}

// PrincipleID returns the id of Common Basic Principle n.
func PrincipleID(n int) string { return ID(KindPrinciple, strconv.Itoa(n)) }
