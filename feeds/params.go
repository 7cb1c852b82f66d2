package feeds

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"ewsi/graph"
)

// The parameters that narrow a feed: each may repeat or list values separated
// by commas; a feed keeps what matches any value of a parameter and every
// parameter given.
const (
	paramTheme   = "theme"   // theme slug or id: social-cohesion, theme:social-cohesion
	paramCountry = "country" // ISO 3166 alpha-2 (EL and UK read as GR and GB)
	paramLang    = "lang"    // ISO 639-1 code of the item's own language
	paramID      = "id"      // an event's id (event.ics)
)

// maxValues bounds the values of one parameter.
const maxValues = 20

// values returns a parameter's values, split on commas, trimmed, without blanks.
func values(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for s := range strings.SplitSeq(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// checkParams reports the first parameter of q that is not one of allowed.
func checkParams(q url.Values, allowed ...string) error {
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if !slices.Contains(allowed, k) {
			return graph.Errorf(graph.EINVALID, k, "is not a parameter of this feed (it takes %s)", strings.Join(allowed, ", "))
		}
	}
	return nil
}

// parseFilter reads theme, country and lang into a filter, checking each
// value's form (whether the theme and country exist is known to the store:
// see checkExists), and returns the filter's canonical key.
func parseFilter(q url.Values) (graph.Filter, string, error) {
	var f graph.Filter
	if err := checkParams(q, paramTheme, paramCountry, paramLang); err != nil {
		return f, "", err
	}
	var errs graph.Errors
	for _, name := range []string{paramTheme, paramCountry, paramLang} {
		if n := len(values(q, name)); n > maxValues {
			errs = append(errs, graph.Errorf(graph.EINVALID, name, "at most %d values, got %d", maxValues, n))
		}
	}
	for _, v := range values(q, paramTheme) {
		f.Themes = append(f.Themes, graph.ID(graph.KindTheme, strings.ToLower(v)))
	}
	for _, v := range values(q, paramCountry) {
		iso, ok := graph.CountryCode(v)
		if !ok {
			errs = append(errs, graph.Errorf(graph.EINVALID, paramCountry, "%q is not a two-letter country code (ISO 3166 alpha-2, e.g. FR)", v))
			continue
		}
		f.Countries = append(f.Countries, iso)
	}
	for _, v := range values(q, paramLang) {
		l, err := graph.ParseLang(v)
		if err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, paramLang, "%q is not the ISO 639-1 code of an EU official language (e.g. fr)", v))
			continue
		}
		f.Langs = append(f.Langs, string(l))
	}
	if err := errs.Err(); err != nil {
		return f, "", err
	}
	for _, s := range []*[]string{&f.Themes, &f.Countries, &f.Langs} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	key := strings.Join(f.Themes, ",") + "|" + strings.Join(f.Countries, ",") + "|" + strings.Join(f.Langs, ",")
	return f, key, nil
}

// checkExists reports a theme or a country of f that the graph does not hold.
func checkExists(ctx context.Context, st Store, f graph.Filter) error {
	if len(f.Themes) > 0 {
		themes, err := st.Themes(ctx)
		if err != nil {
			return err
		}
		for _, id := range f.Themes {
			if !slices.ContainsFunc(themes, func(t *graph.Theme) bool { return t.ID == id }) {
				slugs := make([]string, len(themes))
				for i, t := range themes {
					slugs[i] = t.Slug
				}
				return graph.Errorf(graph.EINVALID, paramTheme, "%q is not a theme (one of %s)",
					strings.TrimPrefix(id, "theme:"), strings.Join(slugs, ", "))
			}
		}
	}
	if len(f.Countries) > 0 {
		countries, err := st.Countries(ctx, nil)
		if err != nil {
			return err
		}
		for _, iso := range f.Countries {
			if !slices.ContainsFunc(countries, func(c *graph.Country) bool { return c.ISO2 == iso }) {
				return graph.Errorf(graph.EINVALID, paramCountry, "%q is not a country of the graph", iso)
			}
		}
	}
	return nil
}
