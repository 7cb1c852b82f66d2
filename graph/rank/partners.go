package rank

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// Profile resolves a normalised partner query against the projection: our
// organisation's kind, languages, topics (its own and its practices'
// subthemes) and place, and the weight of every topic. It also returns the point
// distances are shown from (the place asked, else our organisation's). Unknown
// organisations and topics are ENOTFOUND errors naming the field.
func (p *Projection) Profile(q graph.PartnerQuery) (*graph.PartnerProfile, *orb.Point, error) {
	pr := &graph.PartnerProfile{Self: q.Organisation, Languages: q.Languages, Types: q.Types, Near: q.Near, RadiusKm: q.RadiusKm, Topics: map[string]graph.Topic{}}
	themes, subthemes := q.Themes, q.Subthemes
	principles := make([]string, 0, len(q.Principles))
	for _, n := range q.Principles {
		principles = append(principles, graph.PrincipleID(n))
	}
	from := q.Near
	if q.Organisation != "" {
		me, ok := p.Lookup(q.Organisation)
		slot := p.slot(me)
		if !ok || slot < 0 || p.Kind(me) != graph.KindOrganisation || !p.pub[me] {
			return nil, nil, graph.Errorf(graph.ENOTFOUND, "input.organisation", "no organisation %q", q.Organisation)
		}
		a := p.orgs[slot]
		pr.SelfType = a.Type
		pr.Languages = Union(pr.Languages, a.Languages)
		var own [3][]string
		var practiceSubs []string
		nbrs, rels := p.edges(me)
		for i, x := range nbrs {
			r := Rel(rels[i] >> 1)
			out := rels[i]&1 == 1
			switch {
			case out && r == RelAbout && p.Kind(x) == graph.KindTheme:
				own[0] = append(own[0], p.ID(x))
			case out && r == RelAbout && p.Kind(x) == graph.KindSubtheme:
				own[1] = append(own[1], p.ID(x))
			case out && r == RelApplies && p.Kind(x) == graph.KindPrinciple:
				own[2] = append(own[2], p.ID(x))
			case out && (r == RelImplements || r == RelPartnerIn) && p.Kind(x) == graph.KindPractice:
				pn, prels := p.edges(x)
				for j, t := range pn {
					if prels[j] == uint8(RelAbout)<<1|1 && p.Kind(t) == graph.KindSubtheme {
						practiceSubs = append(practiceSubs, p.ID(t))
					}
				}
			}
		}
		themes = Union(themes, own[0])
		subthemes = Union(subthemes, own[1], practiceSubs)
		principles = Union(principles, own[2])
		if a.Location != nil && from == nil {
			from = &orb.Point{a.Location[0], a.Location[1]}
		}
	}
	for _, group := range []struct {
		ids   []string
		kind  graph.Kind
		rel   Rel
		field string
	}{{themes, graph.KindTheme, RelAbout, "input.themes"}, {subthemes, graph.KindSubtheme, RelAbout, "input.subthemes"},
		{principles, graph.KindPrinciple, RelApplies, "input.principles"}} {
		for _, id := range group.ids {
			t, ok := p.Lookup(id)
			if !ok || p.Kind(t) != group.kind {
				return nil, nil, graph.Errorf(graph.ENOTFOUND, group.field, "no %s %q", strings.ToLower(string(group.kind)), id)
			}
			deg := p.inDegree(t, group.rel)
			w := graph.IDF(p.contentTotal, deg)
			if group.kind == graph.KindPrinciple {
				w *= graph.WeightPrincipleFactor
			}
			pr.Topics[id] = graph.Topic{ID: id, Kind: group.kind, Name: p.Name(t), Degree: deg, Weight: w}
		}
	}
	return pr, from, nil
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

// Union appends the lists, keeping the first of each value.
func Union(lists ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lists {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// sortCollaborators orders a candidate's collaborators by id, for stable reasons.
func sortCollaborators(cs []graph.Collaborator) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
}
