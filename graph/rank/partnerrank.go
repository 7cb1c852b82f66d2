package rank

import "ewsi/graph"

// FindPartners ranks the organisations that fit q (see Profile and Candidates)
// with graph.RankPartners, and returns the window w with reasons and how many fit
// in all.
func (p *Projection) FindPartners(q graph.PartnerQuery, w graph.Window) ([]graph.PartnerMatch, int, error) {
	pr, from, err := p.Profile(q)
	if err != nil {
		return nil, 0, err
	}
	cands := p.Candidates(q, pr, from)
	return graph.RankPartners(pr, cands, w), len(cands), nil
}
