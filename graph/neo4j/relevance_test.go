package neo4j_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
)

// The relevance test set: 20 partner queries and 20 related-content queries over
// a fixed synthetic graph with planted scenarios, judged by the rubrics in
// testdata/relevance/README.md, applied to every organisation or content item
// from the generator's own facts (never from the ranker's scores).

// Thresholds: the mean nDCG@10 reached when the set was made (0.976 and 0.816),
// truncated; the graph is deterministic, so a drop means the ranking changed.
const (
	minPartnerNDCG = 0.97
	minRelatedNDCG = 0.81
)

// partnerCase is one judged partner query.
type partnerCase struct {
	q      graph.PartnerQuery
	theme  string
	sub    string
	wanted graph.OrgType // hand profiles: the kind asked for ("" for a seeker)
	seeker *neo4jtest.Item
	place  orb.Point
}

// relatedCase is one judged related-content query.
type relatedCase struct {
	source *neo4jtest.Item
	linked string // the item an editor links to the source
}

func relevanceGraph(t *testing.T) (*neo4jtest.Synth, []partnerCase, []relatedCase) {
	t.Helper()
	s, err := neo4jtest.NewSynth(42, neo4jtest.Sizes{Organisations: 3000, Authorities: 300, Practices: 2000,
		Documents: 2000, News: 1500, Events: 500, Funding: 100})
	if err != nil {
		t.Fatal(err)
	}
	rng := s.Rand()
	n := 0
	id := func(kind string) string { n++; return fmt.Sprintf("%s:z%05d", kind, rng.IntN(90000)*10+n%10) }
	wantedTypes := []graph.OrgType{graph.OrgCivilSociety, graph.OrgAcademia, graph.OrgMigrantAssociation, graph.OrgFoundation}
	org := func(c neo4jtest.Country, near orb.Point, km float64, typ graph.OrgType, langs []string, looking bool, themes, subs []string) *neo4jtest.Item {
		loc := orb.Point{near[0] + km/111*math.Cos(float64(n)), near[1] + km/111*math.Sin(float64(n))*0.7}
		it := &neo4jtest.Item{ID: id("organisation"), Kind: graph.KindOrganisation, Country: c.ISO2, Themes: themes, Subthemes: subs,
			Type: typ, Languages: langs, Location: loc, Looking: looking, Principles: []int{1 + rng.IntN(11)}}
		s.Plant(it, &graph.Organisation{Meta: graph.Meta{ID: it.ID, Status: graph.StatusPublished}, Name: it.ID, Type: typ,
			Languages: langs, LookingForPartners: looking, Location: &loc})
		return it
	}
	practice := func(c neo4jtest.Country, themes, subs, orgs, funding []string) *neo4jtest.Item {
		it := &neo4jtest.Item{ID: id("practice"), Kind: graph.KindPractice, Country: c.ISO2, Themes: themes, Subthemes: subs,
			Orgs: orgs, Funding: funding, Principles: []int{1 + rng.IntN(11)}}
		s.Plant(it, &graph.Practice{Meta: graph.Meta{ID: it.ID, Status: graph.StatusPublished}, Title: it.ID, Lang: "en", Summary: "x"})
		return it
	}
	content := func(kind graph.Kind, c neo4jtest.Country, themes, subs, orgs []string) *neo4jtest.Item {
		it := &neo4jtest.Item{ID: id(kind.Prefix()), Kind: kind, Country: c.ISO2, Themes: themes, Subthemes: subs, Orgs: orgs}
		meta := graph.Meta{ID: it.ID, Status: graph.StatusPublished}
		switch kind {
		case graph.KindDocument:
			s.Plant(it, &graph.Document{Meta: meta, Title: it.ID, Type: graph.DocReport, Lang: "en"})
		default:
			s.Plant(it, &graph.News{Meta: meta, Title: it.ID, Lang: "en"})
		}
		return it
	}
	var pcs []partnerCase
	for q := 0; q < 20; q++ {
		theme := s.Themes[q%len(s.Themes)]
		subs := s.Subthemes[theme]
		sub := subs[len(subs)-1-(q/6)%2] // a rare subtheme of the theme
		c := neo4jtest.Countries[q%len(neo4jtest.Countries)]
		place := orb.Point{c.Location[0] + 0.3, c.Location[1] - 0.2}
		lang := c.Langs[0]
		pc := partnerCase{theme: theme, sub: sub, place: place}
		var wanted graph.OrgType
		var bridge *neo4jtest.Item
		if q%2 == 0 {
			wanted = wantedTypes[q/2%len(wantedTypes)]
			pc.wanted = wanted
			pc.q = graph.PartnerQuery{Themes: []string{theme}, Subthemes: []string{sub}, Languages: []string{lang}, Near: &place, RadiusKm: 400}
		} else {
			pc.seeker = org(c, place, 1, graph.OrgLocalAuthority, []string{lang}, false, []string{theme}, []string{sub})
			bridge = org(c, place, 5, graph.OrgAcademia, []string{lang}, false, nil, nil)
			practice(c, []string{theme}, []string{sub}, []string{pc.seeker.ID, bridge.ID}, nil)
			wanted = wantedTypes[q/2%len(wantedTypes)] // complementary to a city
			pc.q = graph.PartnerQuery{Organisation: pc.seeker.ID}
		}
		other := neo4jtest.Countries[(q+3)%len(neo4jtest.Countries)]
		for i := 0; i < 3; i++ { // ideal: everything fits
			o := org(c, place, 20+10*float64(i), wanted, []string{lang, "en"}, true, []string{theme}, []string{sub})
			orgs := []string{o.ID}
			if bridge != nil {
				orgs = append(orgs, bridge.ID)
			}
			practice(c, []string{theme}, []string{sub}, orgs, nil)
		}
		for i := 0; i < 4; i++ { // the subtheme, little else
			o := org(c, place, 150+20*float64(i), graph.OrgBusiness, []string{other.Langs[0]}, i == 0, []string{theme}, []string{sub})
			_ = o
		}
		for i := 0; i < 4; i++ { // the theme with two soft criteria
			org(c, place, 100, wanted, []string{lang}, false, []string{theme}, nil)
		}
		pcs = append(pcs, pc)
	}
	var rcs []relatedCase
	for q := 0; q < 20; q++ {
		theme := s.Themes[(q+2)%len(s.Themes)]
		subs := s.Subthemes[theme]
		sub := subs[len(subs)-1-q%3]
		c := neo4jtest.Countries[(q*3)%len(neo4jtest.Countries)]
		other := neo4jtest.Countries[(q*3+1)%len(neo4jtest.Countries)]
		a := org(c, c.Location, 10, graph.OrgCivilSociety, c.Langs, false, []string{theme}, nil)
		fund := fmt.Sprintf("funding:f%06d", q)
		src := practice(c, []string{theme}, []string{sub}, []string{a.ID}, []string{fund})
		practice(c, []string{theme}, []string{sub}, []string{a.ID}, nil)
		practice(other, []string{theme}, []string{sub}, []string{a.ID}, nil)
		content(graph.KindDocument, c, []string{theme}, []string{sub}, []string{a.ID})
		linked := content(graph.KindNews, other, []string{theme}, nil, nil)
		for i := 0; i < 3; i++ {
			content(graph.KindNews, c, []string{theme}, []string{sub}, nil)
			content(graph.KindDocument, other, []string{theme}, []string{sub}, nil)
			content(graph.KindNews, c, []string{theme}, nil, nil)
		}
		rcs = append(rcs, relatedCase{source: src, linked: linked.ID})
	}
	db.Reset(t)
	load(t, s.Records)
	for _, rc := range rcs {
		if _, _, err := db.Store.Link(context.Background(), rc.source.ID, rc.linked, graph.LinkSeeAlso, "planted", "judge"); err != nil {
			t.Fatal(err)
		}
	}
	return s, pcs, rcs
}

// ndcg10 is the nDCG@10 of a ranked list of ids against graded judgments.
func ndcg10(ranked []string, grades map[string]int) float64 {
	dcg := 0.0
	for i, id := range ranked[:min(10, len(ranked))] {
		dcg += (math.Pow(2, float64(grades[id])) - 1) / math.Log2(float64(i+2))
	}
	var ideal []int
	for _, g := range grades {
		ideal = append(ideal, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	idcg := 0.0
	for i, g := range ideal[:min(10, len(ideal))] {
		idcg += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}

func TestRelevance(t *testing.T) {
	s, pcs, rcs := relevanceGraph(t)
	ctx := context.Background()
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			total := 0.0
			for i, pc := range pcs {
				got, _, err := r.FindPartners(ctx, pc.q, graph.Window{Limit: 10})
				if err != nil {
					t.Fatal(err)
				}
				ids := make([]string, len(got))
				for j, m := range got {
					ids[j] = m.ID
				}
				v := ndcg10(ids, judgePartners(s, pc))
				t.Logf("partner query %2d: nDCG@10 %.3f", i, v)
				total += v
			}
			partner := total / float64(len(pcs))
			total = 0
			for i, rc := range rcs {
				got, err := r.Related(ctx, rc.source.ID, nil, 10)
				if err != nil {
					t.Fatal(err)
				}
				ids := make([]string, len(got))
				for j, it := range got {
					ids[j] = it.ID
				}
				v := ndcg10(ids, judgeRelated(s, rc))
				t.Logf("related query %2d: nDCG@10 %.3f", i, v)
				total += v
			}
			related := total / float64(len(rcs))
			t.Logf("mean nDCG@10: partners %.3f over %d queries, related %.3f over %d queries", partner, len(pcs), related, len(rcs))
			if partner < minPartnerNDCG {
				t.Errorf("partner nDCG@10 %.3f fell under %.2f", partner, minPartnerNDCG)
			}
			if related < minRelatedNDCG {
				t.Errorf("related nDCG@10 %.3f fell under %.2f", related, minRelatedNDCG)
			}
		})
	}
}

// judgePartners grades every organisation by the partner rubric (README).
func judgePartners(s *neo4jtest.Synth, pc partnerCase) map[string]int {
	worked := map[string][]*neo4jtest.Item{} // organisation -> its practices
	for _, it := range s.Items {
		if it.Kind == graph.KindPractice {
			for _, o := range it.Orgs {
				worked[o] = append(worked[o], it)
			}
		}
	}
	collaborators := func(id string) map[string]bool {
		out := map[string]bool{}
		for _, p := range worked[id] {
			for _, o := range p.Orgs {
				if o != id {
					out[o] = true
				}
			}
		}
		return out
	}
	var mine map[string]bool
	langs := pc.q.Languages
	if pc.seeker != nil {
		mine = collaborators(pc.seeker.ID)
		langs = pc.seeker.Languages
	}
	grades := map[string]int{}
	for _, o := range s.Items {
		if o.Kind != graph.KindOrganisation || (pc.seeker != nil && o.ID == pc.seeker.ID) {
			continue
		}
		if pc.q.Near != nil && geoKm(o.Location, pc.place) > pc.q.RadiusKm {
			continue // outside the hard filter: not a candidate at all
		}
		soft := 0
		if (pc.seeker == nil && o.Type == pc.wanted) || (pc.seeker != nil && graph.Complements(pc.seeker.Type, o.Type)) {
			soft++
		}
		for _, l := range langs {
			if slices.Contains(o.Languages, l) {
				soft++
				break
			}
		}
		if pc.seeker == nil && geoKm(o.Location, pc.place) <= pc.q.RadiusKm/2 {
			soft++
		}
		if pc.seeker != nil {
			for c := range collaborators(o.ID) {
				if mine[c] {
					soft++
					break
				}
			}
		}
		if o.Looking {
			soft++
		}
		for _, p := range worked[o.ID] {
			if slices.Contains(p.Subthemes, pc.sub) {
				soft++
				break
			}
		}
		onSub, onTheme := slices.Contains(o.Subthemes, pc.sub), slices.Contains(o.Themes, pc.theme)
		switch {
		case onSub && soft >= 3:
			grades[o.ID] = 3
		case onSub || (onTheme && soft >= 4):
			grades[o.ID] = 2
		case onTheme && soft >= 2:
			grades[o.ID] = 1
		}
	}
	return grades
}

// judgeRelated grades every content item by the related rubric (README).
func judgeRelated(s *neo4jtest.Synth, rc relatedCase) map[string]int {
	src := rc.source
	grades := map[string]int{}
	for _, x := range s.Items {
		if x.ID == src.ID {
			continue
		}
		tie := x.ID == rc.linked || slices.Contains(src.Orgs, x.ID) || slices.Contains(src.Funding, x.ID)
		for _, o := range x.Orgs {
			tie = tie || slices.Contains(src.Orgs, o)
		}
		for _, f := range x.Funding {
			tie = tie || slices.Contains(src.Funding, f)
		}
		sub := false
		for _, t := range x.Subthemes {
			sub = sub || slices.Contains(src.Subthemes, t)
		}
		theme := false
		for _, t := range x.Themes {
			theme = theme || slices.Contains(src.Themes, t)
		}
		place := x.Country == src.Country
		switch {
		case tie && sub:
			grades[x.ID] = 3
		case tie || (sub && place):
			grades[x.ID] = 2
		case sub || (theme && place):
			grades[x.ID] = 1
		}
	}
	return grades
}

// geoKm is the great-circle distance in km.
func geoKm(a, b orb.Point) float64 {
	const r = 6371.0
	la1, la2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dla, dlo := la2-la1, (b[0]-a[0])*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}
