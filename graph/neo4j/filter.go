package neo4j

import (
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// publishedPractice is the condition on a practice p that an authority or
// organisation implements, for the map's filters that match through it.
const publishedPractice = "coalesce(p.status, 'published') = 'published'"

// filterConds translates f into the WHERE conditions and parameters for nodes n
// of kind k, the published ones only: the one translation lists, search and the
// map share. With viaPractices (the map's authorities and organisations) a theme,
// subtheme or principle also matches through a published practice n implements,
// and the dates are those of such a practice.
func filterConds(k graph.Kind, f graph.Filter, viaPractices bool) ([]string, map[string]any) {
	conds := []string{published}
	params := map[string]any{}
	// link matches n's own link, or with viaPractices a practice's.
	link := func(path, cond string) string {
		own := fmt.Sprintf("EXISTS { MATCH (n)%s WHERE %s }", path, cond)
		if !viaPractices {
			return own
		}
		return fmt.Sprintf("(%s OR EXISTS { MATCH (n)-[:IMPLEMENTS]->(p:Practice)%s WHERE %s AND %s })", own, path, publishedPractice, cond)
	}
	if f.Demo != nil {
		conds = append(conds, "coalesce(n.demo, false) = $demo")
		params["demo"] = *f.Demo
	}
	if len(f.Langs) > 0 {
		conds = append(conds, "n.lang IN $langs")
		params["langs"] = f.Langs
	}
	if len(f.Types) > 0 {
		conds = append(conds, "n.type IN $types")
		params["types"] = f.Types
	}
	if len(f.Countries) > 0 {
		conds = append(conds, "EXISTS { MATCH (n)-[:IN]->(c:Country) WHERE c.iso2 IN $countries }")
		params["countries"] = f.Countries
	}
	if len(f.Themes) > 0 {
		conds = append(conds, link("-[:ABOUT]->(t:Theme)", "t.id IN $themes"))
		params["themes"] = f.Themes
	}
	if len(f.Subthemes) > 0 {
		conds = append(conds, link("-[:ABOUT]->(t:Subtheme)", "t.id IN $subthemes"))
		params["subthemes"] = f.Subthemes
	}
	if len(f.Principles) > 0 {
		conds = append(conds, link("-[:APPLIES]->(pr:Principle)", "pr.number IN $principles"))
		params["principles"] = f.Principles
	}
	if f.From != nil || f.To != nil {
		prop := "n." + dateProp(k)
		if viaPractices {
			prop = "p.startDate"
		}
		var date []string
		if f.From != nil {
			date = append(date, prop+" >= $from")
			params["from"] = dbtype.Date(f.From.Time())
		}
		if f.To != nil {
			date = append(date, prop+" <= $to")
			params["to"] = dbtype.Date(f.To.Time())
		}
		if viaPractices {
			date = []string{"EXISTS { MATCH (n)-[:IMPLEMENTS]->(p:Practice) WHERE " + publishedPractice + " AND " + strings.Join(date, " AND ") + " }"}
		}
		conds = append(conds, date...)
	}
	return conds, params
}
