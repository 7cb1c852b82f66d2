package reference

import (
	"slices"
	"strconv"

	"ewsi/graph"
)

// milestoneJSON is one step of the EU framework in milestones.json.
type milestoneJSON struct {
	Slug       string   `json:"slug"`
	Kind       string   `json:"kind"`
	Date       string   `json:"date"`
	Title      string   `json:"title"`
	TitleFr    string   `json:"titleFr"`
	TitleDe    string   `json:"titleDe"`
	Summary    string   `json:"summary"`
	SummaryFr  string   `json:"summaryFr"`
	SummaryDe  string   `json:"summaryDe"`
	URL        string   `json:"url,omitempty"`
	Themes     []string `json:"themes"`
	Principles []int    `json:"principles"`

	date graph.Date // Date, parsed
}

// indicatorJSON is one common integration indicator in indicators.json.
type indicatorJSON struct {
	Slug          string `json:"slug"`
	Area          string `json:"area"`
	Name          string `json:"name"`
	NameFr        string `json:"nameFr"`
	NameDe        string `json:"nameDe"`
	Description   string `json:"description"`
	DescriptionFr string `json:"descriptionFr"`
	DescriptionDe string `json:"descriptionDe"`
	Unit          string `json:"unit"`
	Theme         string `json:"theme"`
}

var (
	milestoneKinds = []string{"policy", "conference", "fund", "forum", "handbook", "modules", "indicators", "website"}
	indicatorAreas = []string{"employment", "education", "social_inclusion", "active_citizenship"}
)

// MilestoneKinds lists the kinds a milestone may have.
func MilestoneKinds() []string { return slices.Clone(milestoneKinds) }

// IndicatorAreas lists the four policy areas of the common integration indicators.
func IndicatorAreas() []string { return slices.Clone(indicatorAreas) }

// parseMilestones reads and checks milestones.json against the known theme slugs and
// principle numbers, and returns the milestones in date order (file order for ties).
func parseMilestones(file string, data []byte, themes map[string]bool, principles map[int]bool) ([]milestoneJSON, error) {
	elems, err := decodeArray[milestoneJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{}
	out := make([]milestoneJSON, 0, len(elems))
	for _, e := range elems {
		m := e.Value
		c := checker{at: where(file, e.Line)}
		c.slug("slug", m.Slug)
		if prev, dup := seen[m.Slug]; dup {
			c.failf("slug", "%q is already used at %s", m.Slug, prev)
		}
		seen[m.Slug] = c.at
		c.text("title", m.Title)
		c.text("titleFr", m.TitleFr)
		c.text("titleDe", m.TitleDe)
		c.text("summary", m.Summary)
		c.text("summaryFr", m.SummaryFr)
		c.text("summaryDe", m.SummaryDe)
		if !slices.Contains(milestoneKinds, m.Kind) {
			c.failf("kind", "%q is not one of %v", m.Kind, milestoneKinds)
		}
		d, err := graph.ParseDate(m.Date)
		if err != nil {
			c.failf("date", "%v", err)
		}
		m.date = d
		for i, s := range m.Themes {
			f := "themes[" + strconv.Itoa(i) + "]"
			if !themes[s] {
				c.failf(f, "%q is not the slug of a theme", s)
			}
			if slices.Index(m.Themes, s) < i {
				c.failf(f, "%q is listed twice", s)
			}
		}
		for i, n := range m.Principles {
			f := "principles[" + strconv.Itoa(i) + "]"
			if !principles[n] {
				c.failf(f, "%d is not the number of a Common Basic Principle", n)
			}
			if slices.Index(m.Principles, n) < i {
				c.failf(f, "%d is listed twice", n)
			}
		}
		errs = append(errs, c.errs...)
		out = append(out, m)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b milestoneJSON) int { return a.date.Time().Compare(b.date.Time()) })
	return out, nil
}

// parseIndicators reads and checks indicators.json against the known theme slugs.
func parseIndicators(file string, data []byte, themes map[string]bool) ([]indicatorJSON, error) {
	elems, err := decodeArray[indicatorJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{}
	out := make([]indicatorJSON, 0, len(elems))
	for _, e := range elems {
		ind := e.Value
		c := checker{at: where(file, e.Line)}
		c.slug("slug", ind.Slug)
		if prev, dup := seen[ind.Slug]; dup {
			c.failf("slug", "%q is already used at %s", ind.Slug, prev)
		}
		seen[ind.Slug] = c.at
		c.text("name", ind.Name)
		c.text("nameFr", ind.NameFr)
		c.text("nameDe", ind.NameDe)
		c.text("description", ind.Description)
		c.text("descriptionFr", ind.DescriptionFr)
		c.text("descriptionDe", ind.DescriptionDe)
		c.text("unit", ind.Unit)
		if !slices.Contains(indicatorAreas, ind.Area) {
			c.failf("area", "%q is not one of %v", ind.Area, indicatorAreas)
		}
		if !themes[ind.Theme] {
			c.failf("theme", "%q is not the slug of a theme", ind.Theme)
		}
		errs = append(errs, c.errs...)
		out = append(out, ind)
	}
	return out, errs.Err()
}

// milestoneRecords returns a record per milestone, in the given (date) order, each
// ABOUT its themes, APPLIES its principles and NEXT to the milestone after it.
func milestoneRecords(ms []milestoneJSON) []graph.Record {
	out := make([]graph.Record, 0, len(ms))
	for i, m := range ms {
		d := m.date
		var links []graph.Link
		for _, s := range m.Themes {
			links = append(links, graph.Link{Type: graph.RelAbout, To: graph.ID(graph.KindTheme, s)})
		}
		for _, n := range m.Principles {
			links = append(links, graph.Link{Type: graph.RelApplies, To: graph.ID(graph.KindPrinciple, strconv.Itoa(n))})
		}
		if i+1 < len(ms) {
			links = append(links, graph.Link{Type: graph.RelNext, To: graph.ID(graph.KindMilestone, ms[i+1].Slug)})
		}
		out = append(out, graph.Record{
			Node: &graph.Milestone{Meta: published(graph.KindMilestone, m.Slug), Kind: m.Kind, Date: &d, URL: m.URL,
				TitleEn: m.Title, TitleFr: m.TitleFr, TitleDe: m.TitleDe,
				SummaryEn: m.Summary, SummaryFr: m.SummaryFr, SummaryDe: m.SummaryDe},
			Links:  links,
			Source: source(milestonesFile),
		})
	}
	return out
}

// indicatorRecords returns a record per indicator, MEASURES its theme.
func indicatorRecords(inds []indicatorJSON) []graph.Record {
	out := make([]graph.Record, 0, len(inds))
	for _, ind := range inds {
		out = append(out, graph.Record{
			Node: &graph.Indicator{Meta: published(graph.KindIndicator, ind.Slug), Area: ind.Area, Unit: ind.Unit,
				NameEn: ind.Name, NameFr: ind.NameFr, NameDe: ind.NameDe,
				DescriptionEn: ind.Description, DescriptionFr: ind.DescriptionFr, DescriptionDe: ind.DescriptionDe},
			Links:  []graph.Link{{Type: graph.RelMeasures, To: graph.ID(graph.KindTheme, ind.Theme)}},
			Source: source(indicatorsFile),
		})
	}
	return out
}
