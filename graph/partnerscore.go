package graph

import (
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
)

// The weights of a partner score. A shared topic weighs its IDF (see IDF); the
// other parts weigh these constants, so that one rare shared subtheme counts
// about as much as a complementary kind or a nearby office.
const (
	WeightPrincipleFactor = 0.5  // a shared principle weighs half its IDF
	WeightType            = 1.0  // the kind asked for, or complementary to ours
	WeightLanguage        = 0.5  // per shared language, at most two
	WeightDistance        = 1.5  // at the place asked, falling to 0 at the radius
	WeightPractice        = 0.75 // times ln(1 + practices of theirs on our topics)
	WeightLooking         = 0.5  // they look for partners
)

// IDF is the weight of a topic (theme, subtheme, principle) that degree of the
// total content nodes are about: ln(1 + total/(1+degree)). A theme shared by a
// third of the graph weighs about 1.1, a subtheme shared by 1% about 4.6.
func IDF(total, degree int) float64 {
	return math.Log(1 + float64(total)/float64(1+degree))
}

// Topic is a theme, subtheme or principle of a resolved profile, with its weight.
type Topic struct {
	ID     string
	Kind   Kind
	Name   string
	Degree int // how many nodes are about it
	Weight float64
}

// PartnerProfile is a partner query resolved against the graph: what we work on
// with the weight of each topic, what we are and speak, and the place to search.
type PartnerProfile struct {
	Self      string  // our organisation, excluded from the results
	SelfType  OrgType // our kind, for complementary kinds when none are asked for
	Topics    map[string]Topic
	Languages []string
	Types     []string // kinds asked for (the store keeps only these)
	Near      *orb.Point
	RadiusKm  float64
}

// Collaborator is an organisation both we and a candidate worked with, and on how
// many practices it worked in all (the more, the less the shared tie says).
type Collaborator struct {
	ID     string
	Name   string
	Degree int
}

// PartnerCandidate is what the store reads of a candidate organisation.
type PartnerCandidate struct {
	ID            string
	Type          OrgType
	Languages     []string
	Looking       bool
	DistanceKm    *float64
	Topics        []string // ids of the profile's topics it is about
	Practices     int      // its practices about the profile's topics
	PracticeIDs   []string // a few of them
	Collaborators []Collaborator
}

// complements lists, for a kind of organisation, the kinds it usually looks for in
// a partnership (a city looking for NGOs, an NGO looking for a city or a university).
var complements = map[OrgType][]OrgType{
	OrgLocalAuthority:     {OrgCivilSociety, OrgMigrantAssociation, OrgAcademia, OrgFoundation, OrgSocialPartner},
	OrgRegionalAuthority:  {OrgCivilSociety, OrgMigrantAssociation, OrgAcademia, OrgFoundation, OrgSocialPartner},
	OrgNationalGovernment: {OrgCivilSociety, OrgAcademia, OrgLocalAuthority, OrgRegionalAuthority, OrgInternational},
	OrgCivilSociety:       {OrgLocalAuthority, OrgRegionalAuthority, OrgAcademia, OrgFoundation, OrgMigrantAssociation},
	OrgMigrantAssociation: {OrgLocalAuthority, OrgRegionalAuthority, OrgCivilSociety, OrgAcademia, OrgFoundation},
	OrgAcademia:           {OrgLocalAuthority, OrgRegionalAuthority, OrgCivilSociety, OrgMigrantAssociation, OrgNationalGovernment},
	OrgBusiness:           {OrgCivilSociety, OrgMigrantAssociation, OrgLocalAuthority, OrgSocialPartner},
	OrgSocialPartner:      {OrgBusiness, OrgCivilSociety, OrgLocalAuthority, OrgRegionalAuthority},
	OrgFoundation:         {OrgCivilSociety, OrgMigrantAssociation, OrgLocalAuthority},
	OrgEUInstitution:      {OrgNationalGovernment, OrgLocalAuthority, OrgRegionalAuthority, OrgCivilSociety},
	OrgInternational:      {OrgNationalGovernment, OrgLocalAuthority, OrgCivilSociety, OrgAcademia},
}

// Complements reports whether kind b complements kind a in a partnership.
func Complements(a, b OrgType) bool { return slices.Contains(complements[a], b) }

// The weights of the parts of a partner score other than shared topics, which
// ScorePartner and faster rankings add in the same order: type, languages,
// distance, practices, collaborators (by id), looking. Each is rounded to a
// float64 on its own (the explicit conversion forbids fusing it into the sum),
// so that every way of adding them gives the same bits.

// TypeWeight is what an organisation of kind t adds: the kind asked for, or, when
// none is asked for, a kind complementary to ours.
func TypeWeight(p *PartnerProfile, t OrgType) float64 {
	if (len(p.Types) > 0 && slices.Contains(p.Types, string(t))) ||
		(len(p.Types) == 0 && p.SelfType != "" && Complements(p.SelfType, t)) {
		return WeightType
	}
	return 0
}

// LanguageWeight is what shared languages add (two at most count).
func LanguageWeight(shared int) float64 { return float64(WeightLanguage * float64(min(shared, 2))) }

// DistanceWeight is what being km away adds within a search radius.
func DistanceWeight(km, radiusKm float64) float64 {
	return float64(WeightDistance * max(0, 1-km/radiusKm))
}

// PracticeWeight is what n practices on our topics add.
func PracticeWeight(n int) float64 { return float64(WeightPractice * math.Log1p(float64(n))) }

// CollaboratorWeight is what a common collaborator that worked on degree
// practices adds.
func CollaboratorWeight(degree int) float64 { return float64(1 / math.Log(2+float64(degree))) }

// ScorePartner scores one candidate against the profile; with explain it also
// returns the reasons, which add up to the score.
func ScorePartner(p *PartnerProfile, c *PartnerCandidate, explain bool) (float64, []Reason) {
	var reasons []Reason
	score := 0.0
	add := func(kind ReasonKind, w float64, via []string, says func() Message) {
		if w <= 0 {
			return
		}
		score += w
		if explain {
			reasons = append(reasons, Reason{Kind: kind, Weight: RoundScore(w), Says: []Message{says()}, Via: via})
		}
	}
	for _, id := range c.Topics {
		t, ok := p.Topics[id]
		if !ok {
			continue
		}
		add(topicReason(t.Kind), t.Weight, []string{t.ID}, func() Message {
			return Msg("reason.partner.topic."+string(t.Kind), NodeArg("name", t.ID, t.Name), MsgArg("items", rarity(t.Degree)))
		})
	}
	add(ReasonType, TypeWeight(p, c.Type), nil, func() Message {
		if len(p.Types) > 0 {
			return Msg("reason.partner.typeAsked", LabelsArg("type", LabelKey("OrgType", string(c.Type))))
		}
		return Msg("reason.partner.typeComplements", LabelsArg("type", LabelKey("OrgType", string(c.Type))),
			LabelsArg("self", LabelKey("OrgType", string(p.SelfType))))
	})
	var shared []string
	for _, l := range p.Languages {
		if slices.Contains(c.Languages, l) {
			shared = append(shared, LabelKey("Lang", l))
		}
	}
	add(ReasonLanguage, LanguageWeight(len(shared)), nil, func() Message {
		return Msg("reason.partner.languages", LabelsArg("languages", shared...))
	})
	if c.DistanceKm != nil && p.Near != nil && p.RadiusKm > 0 {
		d := *c.DistanceKm
		add(ReasonDistance, DistanceWeight(d, p.RadiusKm), nil, func() Message {
			return Msg("reason.partner.distance", IntArg("km", int(math.Round(d))), IntArg("radius", int(math.Round(p.RadiusKm))))
		})
	}
	add(ReasonPractice, PracticeWeight(c.Practices), c.PracticeIDs, func() Message {
		return Msg("reason.partner.practices", IntArg("n", c.Practices))
	})
	for _, col := range c.Collaborators {
		add(ReasonCollaborator, CollaboratorWeight(col.Degree), []string{col.ID}, func() Message {
			return Msg("reason.partner.collaborator", TextArg("name", col.Name), IntArg("n", col.Degree))
		})
	}
	if c.Looking {
		add(ReasonLooking, WeightLooking, nil, func() Message { return Msg("reason.partner.looking") })
	}
	return RoundScore(score), reasons
}

// RankPartners scores every candidate and sorts them best first, ties by id.
// Reasons are filled in only for the window w, the page that will be shown.
func RankPartners(p *PartnerProfile, cands []PartnerCandidate, w Window) []PartnerMatch {
	out := make([]PartnerMatch, len(cands))
	for i := range cands {
		s, _ := ScorePartner(p, &cands[i], false)
		out[i] = PartnerMatch{ID: cands[i].ID, Score: s, DistanceKm: cands[i].DistanceKm}
	}
	byID := make(map[string]*PartnerCandidate, len(cands))
	for i := range cands {
		byID[cands[i].ID] = &cands[i]
	}
	SortMatches(out)
	lo, hi := min(w.Offset, len(out)), min(w.Offset+w.Limit, len(out))
	page := out[lo:hi]
	for i := range page {
		page[i].Reasons = ExplainPartner(p, byID[page[i].ID])
	}
	return page
}

// ExplainPartner returns the reasons of c's score, heaviest first (ties in the
// order ScorePartner gives them).
func ExplainPartner(p *PartnerProfile, c *PartnerCandidate) []Reason {
	_, reasons := ScorePartner(p, c, true)
	sort.SliceStable(reasons, func(a, b int) bool { return reasons[a].Weight > reasons[b].Weight })
	return reasons
}

// SortMatches orders matches by score, best first, then by id.
func SortMatches(m []PartnerMatch) {
	sort.Slice(m, func(i, j int) bool {
		if m[i].Score != m[j].Score {
			return m[i].Score > m[j].Score
		}
		return m[i].ID < m[j].ID
	})
}

// topicReason is the kind of reason a shared topic of kind k gives.
func topicReason(k Kind) ReasonKind {
	switch k {
	case KindTheme:
		return ReasonTheme
	case KindSubtheme:
		return ReasonSubtheme
	case KindPrinciple:
		return ReasonPrinciple
	}
	return ""
}

// rarity says how common a topic is, for reasons: rare when nothing else is
// about it, else how many items are about it in all.
func rarity(degree int) Message {
	if degree <= 0 {
		return Msg("reason.rare")
	}
	return Msg("reason.items", IntArg("n", degree))
}
