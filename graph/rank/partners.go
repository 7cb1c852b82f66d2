package rank

import (
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// Profile resolves a normalised partner query against the projection (see
// graph.ResolveProfile): our organisation's kind, languages, topics (its own and
// its practices' subthemes) and place, and the weight of every topic. It also
// returns the point distances are shown from. Unknown organisations and topics
// are ENOTFOUND errors naming the field.
func (p *Projection) Profile(q graph.PartnerQuery) (*graph.PartnerProfile, *orb.Point, error) {
	var self *graph.SelfFacts
	if q.Organisation != "" {
		self = p.selfFacts(q.Organisation)
	}
	return graph.ResolveProfile(q, self, p.contentTotal, func(k graph.Kind, id string) (graph.TopicFacts, bool) {
		t, ok := p.Lookup(id)
		if !ok || p.Kind(t) != k {
			return graph.TopicFacts{}, false
		}
		rel := RelAbout
		if k == graph.KindPrinciple {
			rel = RelApplies
		}
		return graph.TopicFacts{Name: p.Name(t), Degree: p.inDegree(t, rel)}, true
	})
}

// selfFacts reads what a partner profile needs of the published organisation
// id, nil when there is none.
func (p *Projection) selfFacts(id string) *graph.SelfFacts {
	me, ok := p.Lookup(id)
	slot := p.slot(me)
	if !ok || slot < 0 || p.Kind(me) != graph.KindOrganisation || !p.pub[me] {
		return nil
	}
	a := p.orgs[slot]
	f := &graph.SelfFacts{Type: a.Type, Languages: a.Languages}
	if a.Location != nil {
		f.Location = &orb.Point{a.Location[0], a.Location[1]}
	}
	nbrs, rels := p.edges(me)
	for i, x := range nbrs {
		r := Rel(rels[i] >> 1)
		out := rels[i]&1 == 1
		switch {
		case out && r == RelAbout && p.Kind(x) == graph.KindTheme:
			f.Themes = append(f.Themes, p.ID(x))
		case out && r == RelAbout && p.Kind(x) == graph.KindSubtheme:
			f.Subthemes = append(f.Subthemes, p.ID(x))
		case out && r == RelApplies && p.Kind(x) == graph.KindPrinciple:
			f.Principles = append(f.Principles, p.ID(x))
		case out && (r == RelImplements || r == RelPartnerIn) && p.Kind(x) == graph.KindPractice:
			pn, prels := p.edges(x)
			for j, t := range pn {
				if prels[j] == uint8(RelAbout)<<1|1 && p.Kind(t) == graph.KindSubtheme {
					f.PracticeSubthemes = append(f.PracticeSubthemes, p.ID(t))
				}
			}
		}
	}
	return f
}

// kindCode returns the code of kind k in this projection.
func (p *Projection) kindCode(k graph.Kind) (uint8, bool) {
	for i, x := range p.kinds {
		if x == k {
			return uint8(i), true
		}
	}
	return 255, false
}

// workers returns the nodes that implement or partner in practice x (one per
// relationship).
func (p *Projection) workers(x int32) []int32 {
	nbrs, rels := p.edges(x)
	var out []int32
	for i, o := range nbrs {
		if rels[i] == uint8(RelImplements)<<1 || rels[i] == uint8(RelPartnerIn)<<1 {
			out = append(out, o)
		}
	}
	return out
}

// collaborators calls fn for every organisation o and every distinct
// organisation or authority x that worked on a practice with me and on one with
// o, x having worked on at most MaxCollaboratorDegree practices.
func (p *Projection) collaborators(me int32, fn func(o int32, col graph.Collaborator)) {
	seenX := map[int32]bool{}
	nbrs, rels := p.edges(me)
	for i, pr := range nbrs {
		if !worksOn(rels[i]) || p.Kind(pr) != graph.KindPractice {
			continue
		}
		for _, x := range p.workers(pr) {
			k := p.Kind(x)
			if x == me || seenX[x] || (k != graph.KindOrganisation && k != graph.KindLocalAuthority) {
				continue
			}
			seenX[x] = true
			xn, xr := p.edges(x)
			var practices []int32
			for j, y := range xn {
				if worksOn(xr[j]) && p.Kind(y) == graph.KindPractice {
					practices = append(practices, y)
				}
			}
			if len(practices) > MaxCollaboratorDegree {
				continue
			}
			col := graph.Collaborator{ID: p.ID(x), Name: p.Name(x), Degree: len(practices)}
			seenO := map[int32]bool{}
			for _, y := range practices {
				for _, o := range p.workers(y) {
					if o != me && o != x && !seenO[o] {
						seenO[o] = true
						fn(o, col)
					}
				}
			}
		}
	}
}

// worksOn reports whether rel is an IMPLEMENTS or PARTNER_IN going out.
func worksOn(rel uint8) bool {
	return rel == uint8(RelImplements)<<1|1 || rel == uint8(RelPartnerIn)<<1|1
}

// inCountry reports whether o is in one of the countries (ISO codes).
func (p *Projection) inCountry(o int32, countries []string) bool {
	nbrs, rels := p.edges(o)
	for i, c := range nbrs {
		if rels[i] == uint8(RelIn)<<1|1 && slices.Contains(countries, p.iso2[c]) {
			return true
		}
	}
	return false
}

// activeSince reports whether o works on a practice (of any status) running on
// or after the day: its end date, else its start date, else no date at all.
func (p *Projection) activeSince(o int32, day int32) bool {
	nbrs, rels := p.edges(o)
	for i, x := range nbrs {
		if worksOn(rels[i]) && p.Kind(x) == graph.KindPractice && p.activeDay[x] >= day {
			return true
		}
	}
	return false
}

// EarthRadiusM is the radius of the sphere distances are measured on, the one
// Neo4j's point.distance uses for WGS 84 points.
const EarthRadiusM = 6378140.0

// Distance is the great-circle distance in metres between two lon/lat points,
// by the haversine formula on Neo4j's sphere.
func Distance(a, b orb.Point) float64 {
	lat1, lat2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dlat, dlon := lat2-lat1, (b[0]-a[0])*math.Pi/180
	h := math.Pow(math.Sin(dlat/2), 2) + math.Cos(lat1)*math.Cos(lat2)*math.Pow(math.Sin(dlon/2), 2)
	return EarthRadiusM * 2 * math.Atan2(math.Sqrt(h), math.Sqrt(1-h))
}

// sortCollaborators orders a candidate's collaborators by id, for stable reasons.
func sortCollaborators(cs []graph.Collaborator) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
}
