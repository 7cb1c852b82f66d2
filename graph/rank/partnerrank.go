package rank

import (
	"math"
	"slices"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// search is one partner search under way: the query, its profile, what was
// gathered and what the hard filters and the score need per kind of organisation.
type search struct {
	p        *Projection
	q        graph.PartnerQuery
	pr       *graph.PartnerProfile
	from     *orb.Point
	g        *gathered
	me       int32
	since    int32
	typeOK   []bool    // per type code: passes q.Types
	typeW    []float64 // per type code: graph.TypeWeight
	langs    []int32   // the profile's languages as numbers
	distance bool      // the distance adds to the score
}

// newSearch gathers the organisations the profile reaches; release the search's
// arrays with s.g.release().
func (p *Projection) newSearch(q graph.PartnerQuery, pr *graph.PartnerProfile, from *orb.Point) *search {
	s := &search{p: p, q: q, pr: pr, from: from, g: p.newGathered(), since: noDay,
		typeOK: make([]bool, len(p.types)), typeW: make([]float64, len(p.types)), langs: p.languageIDs(pr.Languages),
		distance: from != nil && pr.Near != nil && pr.RadiusKm > 0}
	if q.ActiveSince != nil {
		s.since = dayOf(q.ActiveSince.Time())
	}
	for i, t := range p.types {
		s.typeOK[i] = len(q.Types) == 0 || slices.Contains(q.Types, string(t))
		s.typeW[i] = graph.TypeWeight(pr, t)
	}
	s.me = p.gather(pr, s.g)
	return s
}

// Candidates returns every organisation that passes q's hard filters and has
// something in common with the profile (a topic, practices on its topics, a
// common collaborator; or every one when the profile has no topic), with what
// graph.ScorePartner needs. FindPartners ranks the same candidates without
// making them all.
func (p *Projection) Candidates(q graph.PartnerQuery, pr *graph.PartnerProfile, from *orb.Point) []graph.PartnerCandidate {
	s := p.newSearch(q, pr, from)
	defer s.g.release()
	out := make([]graph.PartnerCandidate, 0, len(s.g.touched))
	for _, slot := range s.g.touched {
		if _, ok := s.pass(slot); ok {
			out = append(out, s.candidate(slot))
		}
	}
	return out
}

// FindPartners ranks the organisations that fit q (see Profile and Candidates)
// exactly as graph.RankPartners ranks the candidates, and returns the window w
// with reasons and how many fit in all. It scores each candidate from the
// gathered arrays and keeps only the best Offset+Limit; reasons are made for the
// page alone.
func (p *Projection) FindPartners(q graph.PartnerQuery, w graph.Window) ([]graph.PartnerMatch, int, error) {
	pr, from, err := p.Profile(q)
	if err != nil {
		return nil, 0, err
	}
	s := p.newSearch(q, pr, from)
	defer s.g.release()
	off := max(w.Offset, 0)
	best := bestOf{k: off + max(w.Limit, 0)}
	if best.k < off { // overflow
		best.k = math.MaxInt
	}
	n := 0
	for _, slot := range s.g.touched {
		if m, ok := s.pass(slot); ok {
			n++
			best.offer(ranked{score: s.score(slot, m), node: p.orgNode[slot], slot: slot})
		}
	}
	top := best.sorted()
	page := make([]graph.PartnerMatch, 0, max(len(top)-off, 0))
	for _, r := range top[min(off, len(top)):] {
		c := s.candidate(r.slot)
		page = append(page, graph.PartnerMatch{ID: c.ID, Score: r.score, DistanceKm: c.DistanceKm, Reasons: graph.ExplainPartner(pr, &c)})
	}
	return page, n, nil
}

// pass applies q's hard filters to the organisation in slot; with a place asked
// it also returns the distance to it in metres.
func (s *search) pass(slot int32) (float64, bool) {
	p, q := s.p, &s.q
	o := p.orgNode[slot]
	if o == s.me || !p.pub[o] {
		return 0, false
	}
	h := &p.hot[slot]
	m := 0.0
	if q.Near != nil {
		if !h.located || farInLatitude(*q.Near, h.loc, q.RadiusKm*1000) {
			return 0, false
		}
		if m = Distance(*q.Near, h.loc); m > q.RadiusKm*1000 {
			return 0, false
		}
	}
	if !s.typeOK[p.typeOf[slot]] || (q.OnlyLooking && !h.looking) ||
		(len(q.Countries) > 0 && !p.inCountry(o, q.Countries)) || (s.since != noDay && !p.activeSince(o, s.since)) {
		return 0, false
	}
	return m, true
}

// score is graph.ScorePartner's score of the organisation in slot, to the bit:
// the same parts added in the same order. m is its distance to the place asked.
func (s *search) score(slot int32, m float64) float64 {
	p, c, h := s.p, &s.g.c[slot], &s.p.hot[slot]
	v := c.topic
	v += s.typeW[p.typeOf[slot]]
	v += graph.LanguageWeight(p.speaks(slot, s.langs))
	if s.distance && h.located {
		v += graph.DistanceWeight(s.km(h, m), s.pr.RadiusKm)
	}
	v += graph.PracticeWeight(int(c.practices))
	if c.collab {
		for _, col := range s.g.cols[slot] {
			v += graph.CollaboratorWeight(col.Degree)
		}
	}
	if h.looking {
		v += graph.WeightLooking
	}
	return graph.RoundScore(v)
}

// km is the distance shown for organisation h: from the point distances are
// shown from, reusing m, its distance to the place asked, when that is the point.
func (s *search) km(h *orgHot, m float64) float64 {
	if s.q.Near != nil && *s.q.Near == *s.from {
		return m / 1000
	}
	return Distance(*s.from, h.loc) / 1000
}

// candidate makes the organisation in slot into what graph.ScorePartner reads:
// its topics among the profile's (in the order gather added their weights), its
// distance, practices and collaborators.
func (s *search) candidate(slot int32) graph.PartnerCandidate {
	p, c, a := s.p, &s.g.c[slot], &s.p.orgs[slot]
	o := p.orgNode[slot]
	pc := graph.PartnerCandidate{ID: p.ID(o), Type: a.Type, Languages: a.Languages, Looking: a.Looking,
		Practices: int(c.practices), Collaborators: s.g.cols[slot]}
	nbrs, rels := p.edges(o)
	for _, t := range s.g.topics {
		for i, x := range nbrs {
			if x == t.node && rels[i] == t.rel|1 {
				pc.Topics = append(pc.Topics, t.id)
			}
		}
	}
	if s.from != nil && a.Location != nil {
		km := Distance(*s.from, orb.Point(*a.Location)) / 1000
		pc.DistanceKm = &km
	}
	for _, x := range c.first[:min(c.practices, 3)] {
		pc.PracticeIDs = append(pc.PracticeIDs, p.ID(x))
	}
	return pc
}

// farInLatitude reports whether b is surely farther than metres from a by their
// latitudes alone (a great-circle distance is at least the difference of
// latitudes), with a margin for rounding; Distance decides the others.
func farInLatitude(a, b orb.Point, metres float64) bool {
	if math.Abs(a[1]) > 90 || math.Abs(b[1]) > 90 {
		return false
	}
	return math.Abs(b[1]-a[1])*math.Pi/180*EarthRadiusM > metres*(1+1e-9)+1
}
