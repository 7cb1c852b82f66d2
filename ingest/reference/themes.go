package reference

import (
	"strconv"

	"ewsi/graph"
)

// themeJSON is one theme of themes.json, with its subthemes in the order the site lists them.
type themeJSON struct {
	Slug      string         `json:"slug"`
	Order     int            `json:"order"`
	NameEn    string         `json:"nameEn"`
	NameFr    string         `json:"nameFr"`
	NameDe    string         `json:"nameDe"`
	Subthemes []subthemeJSON `json:"subthemes"`
}

// subthemeJSON is one subtheme; its order is its place in the theme's list.
type subthemeJSON struct {
	Slug   string `json:"slug"`
	NameEn string `json:"nameEn"`
	NameFr string `json:"nameFr"`
	NameDe string `json:"nameDe"`
}

// principleJSON is one Common Basic Principle of principles.json.
// Short and text are given in English, French and German.
type principleJSON struct {
	Number  int    `json:"number"`
	Short   string `json:"short"`
	ShortFr string `json:"shortFr"`
	ShortDe string `json:"shortDe"`
	Text    string `json:"text"`
	TextFr  string `json:"textFr"`
	TextDe  string `json:"textDe"`
}

// PrincipleCount is the number of Common Basic Principles.
const PrincipleCount = 11

// parseThemes reads and checks themes.json: slugs unique across themes and
// subthemes, orders 1..n, every name given in English, French and German.
func parseThemes(file string, data []byte) ([]themeJSON, error) {
	elems, err := decodeArray[themeJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{} // slug -> where first used
	out := make([]themeJSON, 0, len(elems))
	for i, e := range elems {
		t := e.Value
		c := checker{at: where(file, e.Line)}
		c.slug("slug", t.Slug)
		c.text("nameEn", t.NameEn)
		c.text("nameFr", t.NameFr)
		c.text("nameDe", t.NameDe)
		if t.Order != i+1 {
			c.failf("order", "is %d, but the theme is number %d in the file", t.Order, i+1)
		}
		if prev, dup := seen[t.Slug]; dup {
			c.failf("slug", "%q is already used at %s", t.Slug, prev)
		}
		seen[t.Slug] = c.at
		if len(t.Subthemes) == 0 {
			c.failf("subthemes", "a theme needs at least one subtheme")
		}
		for j, s := range t.Subthemes {
			f := "subthemes[" + strconv.Itoa(j) + "]."
			c.slug(f+"slug", s.Slug)
			c.text(f+"nameEn", s.NameEn)
			c.text(f+"nameFr", s.NameFr)
			c.text(f+"nameDe", s.NameDe)
			if prev, dup := seen[s.Slug]; dup {
				c.failf(f+"slug", "%q is already used at %s", s.Slug, prev)
			}
			seen[s.Slug] = c.at
		}
		errs = append(errs, c.errs...)
		out = append(out, t)
	}
	if len(out) == 0 {
		errs = append(errs, graph.Errorf(graph.EINVALID, file, "no themes"))
	}
	return out, errs.Err()
}

// parsePrinciples reads and checks principles.json: exactly the principles 1..11,
// in order, each with a short title and a text in English, French and German.
func parsePrinciples(file string, data []byte) ([]principleJSON, error) {
	elems, err := decodeArray[principleJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	out := make([]principleJSON, 0, len(elems))
	for i, e := range elems {
		p := e.Value
		c := checker{at: where(file, e.Line)}
		if p.Number != i+1 {
			c.failf("number", "is %d, but principles must be numbered 1 to %d in order (expected %d)", p.Number, PrincipleCount, i+1)
		}
		c.text("short", p.Short)
		c.text("shortFr", p.ShortFr)
		c.text("shortDe", p.ShortDe)
		c.text("text", p.Text)
		c.text("textFr", p.TextFr)
		c.text("textDe", p.TextDe)
		errs = append(errs, c.errs...)
		out = append(out, p)
	}
	if len(out) != PrincipleCount {
		errs = append(errs, graph.Errorf(graph.EINVALID, file, "has %d principles, expected %d", len(out), PrincipleCount))
	}
	return out, errs.Err()
}

// themeRecords returns a record per theme, then one per subtheme PART_OF its theme.
func themeRecords(themes []themeJSON) []graph.Record {
	var out, subs []graph.Record
	for _, t := range themes {
		id := graph.ID(graph.KindTheme, t.Slug)
		out = append(out, graph.Record{
			Node: &graph.Theme{Meta: published(graph.KindTheme, t.Slug), Slug: t.Slug, Order: t.Order,
				NameEn: t.NameEn, NameFr: t.NameFr, NameDe: t.NameDe},
			Source: source(themesFile),
		})
		for j, s := range t.Subthemes {
			subs = append(subs, graph.Record{
				Node: &graph.Subtheme{Meta: published(graph.KindSubtheme, s.Slug), Slug: s.Slug, Order: j + 1,
					NameEn: s.NameEn, NameFr: s.NameFr, NameDe: s.NameDe},
				Links:  []graph.Link{{Type: graph.RelPartOf, To: id}},
				Source: source(themesFile),
			})
		}
	}
	return append(out, subs...)
}

// principleRecords returns a record per principle, id "principle:<number>".
func principleRecords(principles []principleJSON) []graph.Record {
	out := make([]graph.Record, 0, len(principles))
	for _, p := range principles {
		out = append(out, graph.Record{
			Node: &graph.Principle{Meta: published(graph.KindPrinciple, strconv.Itoa(p.Number)), Number: p.Number,
				ShortEn: p.Short, ShortFr: p.ShortFr, ShortDe: p.ShortDe, TextEn: p.Text, TextFr: p.TextFr, TextDe: p.TextDe},
			Source: source(principlesFile),
		})
	}
	return out
}
