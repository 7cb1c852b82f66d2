package demo

import (
	"context"
	"fmt"
	"time"

	"ewsi/graph"
)

// Demo country information sheets: one per EU country of the graph, written
// from templates (deterministic: the same countries give the same sheets), all
// marked demo. Every third country, and France, has a second revision that
// rewrites its strategy and funding sections and adds a stakeholder, so that
// the view of what changed between two revisions has something to show.

var sheetTexts = map[string]string{
	"strategy":     "{country} has a national integration strategy adopted in {year}. It sets goals for language learning, work and housing, and asks regions and cities to draw up plans of their own.",
	"programmes":   "Integration courses combine language lessons with an orientation on the society of {country}. Newcomers with a residence permit may attend them free of charge.",
	"laws":         "The law on residence of foreign nationals governs entry, stay and family reunification. The law on equal treatment forbids discrimination on grounds of racial or ethnic origin.",
	"stakeholders": "The ministry of the interior coordinates integration policy. Cities, civil society organisations and migrant associations run most of the services.",
	"evaluation":   "An evaluation of the integration courses was published in {evalYear}. It found that most participants reached the target language level.",
	"funding":      "The state budget funds the integration courses. Projects of civil society are co-financed by the Asylum, Migration and Integration Fund (AMIF).",
}

var sheetRevised = map[string]string{
	"strategy":     "{country} has a national integration strategy adopted in {year} and revised in {revYear}. The revision adds goals for the recognition of qualifications and for political participation, and asks regions and cities to draw up plans of their own.",
	"stakeholders": "The ministry of the interior coordinates integration policy. Cities, civil society organisations and migrant associations run most of the services. A national advisory council of migrant organisations was set up in {revYear}.",
	"funding":      "The state budget funds the integration courses. Projects of civil society are co-financed by the Asylum, Migration and Integration Fund (AMIF) and the European Social Fund Plus (ESF+).",
}

// Sheets returns the demo revisions for the countries given (ISO code and
// English name), in a fixed order.
func Sheets(countries []graph.Country) []graph.SheetRevision {
	var out []graph.SheetRevision
	for i, c := range countries {
		year := 2010 + (i*7)%12
		vars := []string{"country", c.NameEn, "year", fmt.Sprint(year), "evalYear", fmt.Sprint(year + 3), "revYear", "2025"}
		first := map[string]string{}
		for k, t := range sheetTexts {
			first[k] = fill(t, vars...)
		}
		out = append(out, graph.SheetRevision{Country: c.ISO2, Number: 1, At: time.Date(2024, 3, 1+i%28, 10, 0, 0, 0, time.UTC),
			ByRole: "demo", Note: "First version of the sheet (demo).", Demo: true, Sections: first})
		if i%3 != 0 && c.ISO2 != "FR" {
			continue
		}
		second := map[string]string{}
		for k, v := range first {
			second[k] = v
		}
		for k, t := range sheetRevised {
			second[k] = fill(t, vars...)
		}
		out = append(out, graph.SheetRevision{Country: c.ISO2, Number: 2, At: time.Date(2025, 9, 1+i%28, 10, 0, 0, 0, time.UTC),
			ByRole: "demo", Note: "Strategy revised; new advisory council; ESF+ funding (demo).", Demo: true, Sections: second})
	}
	return out
}

// DemoSheetWriter is what LoadSheets needs of the store.
type DemoSheetWriter interface {
	Countries(ctx context.Context, eu *bool) ([]*graph.Country, error)
	SheetRevision(ctx context.Context, iso2 string, n int) (*graph.SheetRevision, error)
	WriteDemoSheets(ctx context.Context, revs []graph.SheetRevision) error
}

// LoadSheets writes the demo sheets of the EU countries when France has no
// sheet yet (the demo sheets were never loaded), and returns how many
// revisions it wrote. Writing them again changes nothing.
func LoadSheets(ctx context.Context, w DemoSheetWriter) (int, error) {
	if have, err := w.SheetRevision(ctx, "FR", 0); err != nil || have != nil {
		return 0, err
	}
	eu := true
	cs, err := w.Countries(ctx, &eu)
	if err != nil {
		return 0, err
	}
	list := make([]graph.Country, len(cs))
	for i, c := range cs {
		list[i] = *c
	}
	revs := Sheets(list)
	return len(revs), w.WriteDemoSheets(ctx, revs)
}
