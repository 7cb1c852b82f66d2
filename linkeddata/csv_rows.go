package linkeddata

import (
	"strconv"
	"strings"

	"ewsi/graph"
)

// csvHeader is the header row of a kind's CSV; every row ends with the
// countries, the themes and the node's page.
func csvHeader(k graph.Kind) []string {
	var h []string
	switch k {
	case graph.KindPractice:
		h = []string{"id", "title", "language", "start_date", "end_date", "stage", "website", "summary"}
	case graph.KindOrganisation:
		h = []string{"id", "name", "type", "city", "languages", "looking_for_partners", "website", "summary"}
	case graph.KindLocalAuthority:
		h = []string{"id", "name", "level", "population", "website", "summary"}
	case graph.KindDocument:
		h = []string{"id", "title", "type", "language", "date", "publisher", "celex", "url", "summary"}
	case graph.KindNews:
		h = []string{"id", "title", "language", "date", "source", "url", "summary"}
	case graph.KindEvent:
		h = []string{"id", "title", "language", "start", "end", "place", "url", "summary"}
	case graph.KindFunding:
		h = []string{"id", "title", "language", "funder_kind", "programme", "deadline", "amount", "url", "summary"}
	}
	return append(h, "countries", "themes", "page")
}

// csvRow is the row of node n, in the order of csvHeader.
func csvRow(n graph.Node, base string, countries, themes, pubs []graph.Node) []string {
	var row []string
	switch v := n.(type) {
	case *graph.Practice:
		row = []string{v.ID, v.Title, string(v.Lang), date(v.StartDate), date(v.EndDate), v.Stage, v.Website, firstOf(v.SummaryEn, v.Summary)}
	case *graph.Organisation:
		row = []string{v.ID, v.Name, string(v.Type), v.City, strings.Join(v.Languages, " "), strconv.FormatBool(v.LookingForPartners), v.Website, firstOf(v.SummaryEn, v.Summary)}
	case *graph.LocalAuthority:
		pop := ""
		if v.Population > 0 {
			pop = strconv.Itoa(v.Population)
		}
		row = []string{v.ID, v.Name, v.Level, pop, v.Website, firstOf(v.SummaryEn, v.Summary)}
	case *graph.Document:
		pub := v.Publisher
		if len(pubs) > 0 {
			if o, ok := pubs[0].(*graph.Organisation); ok {
				pub = o.Name
			}
		}
		row = []string{v.ID, v.Title, string(v.Type), string(v.Lang), date(v.Date), pub, v.CELEX, v.URL, firstOf(v.SummaryEn, v.Summary)}
	case *graph.News:
		row = []string{v.ID, v.Title, string(v.Lang), date(v.Date), v.Source, v.URL, firstOf(v.SummaryEn, v.Summary)}
	case *graph.Event:
		row = []string{v.ID, v.Title, string(v.Lang), date(v.Start), date(v.End), v.Place, v.URL, firstOf(v.SummaryEn, v.Summary)}
	case *graph.Funding:
		amount := ""
		if v.Amount > 0 {
			amount = strconv.FormatFloat(v.Amount, 'f', -1, 64)
		}
		row = []string{v.ID, v.Title, string(v.Lang), string(v.FunderKind), v.Programme, date(v.Deadline), amount, v.URL, firstOf(v.SummaryEn, v.Summary)}
	}
	var cs, ts []string
	for _, c := range countries {
		if c, ok := c.(*graph.Country); ok {
			cs = append(cs, c.ISO2)
		}
	}
	for _, t := range themes {
		if t, ok := t.(*graph.Theme); ok {
			ts = append(ts, t.Slug)
		}
	}
	return append(row, strings.Join(cs, " "), strings.Join(ts, " "), pageLink(base, n.NodeID()))
}

func date(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
