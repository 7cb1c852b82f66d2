package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

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

// ScorePartner scores one candidate against the profile; with explain it also
// returns the reasons, which add up to the score.
func ScorePartner(p *PartnerProfile, c *PartnerCandidate, explain bool) (float64, []Reason) {
	var reasons []Reason
	score := 0.0
	add := func(kind ReasonKind, w float64, via []string, text func() string) {
		if w <= 0 {
			return
		}
		score += w
		if explain {
			reasons = append(reasons, Reason{Kind: kind, Weight: RoundScore(w), Text: text(), Via: via})
		}
	}
	for _, id := range c.Topics {
		t, ok := p.Topics[id]
		if !ok {
			continue
		}
		add(topicReason(t.Kind), t.Weight, []string{t.ID}, func() string {
			return fmt.Sprintf("works on the %s %s (%s)", strings.ToLower(string(t.Kind)), t.Name, rarity(t.Degree))
		})
	}
	switch {
	case len(p.Types) > 0 && slices.Contains(p.Types, string(c.Type)):
		add(ReasonType, WeightType, nil, func() string { return "a " + typeName(c.Type) + ", the kind asked for" })
	case len(p.Types) == 0 && p.SelfType != "" && Complements(p.SelfType, c.Type):
		add(ReasonType, WeightType, nil, func() string {
			return "a " + typeName(c.Type) + ": complements a " + typeName(p.SelfType)
		})
	}
	var shared []string
	for _, l := range p.Languages {
		if slices.Contains(c.Languages, l) {
			shared = append(shared, l)
		}
	}
	add(ReasonLanguage, WeightLanguage*float64(min(len(shared), 2)), nil, func() string {
		return "speaks " + strings.Join(shared, ", ")
	})
	if c.DistanceKm != nil && p.Near != nil && p.RadiusKm > 0 {
		d := *c.DistanceKm
		add(ReasonDistance, WeightDistance*max(0, 1-d/p.RadiusKm), nil, func() string {
			return fmt.Sprintf("%.0f km away (within %.0f km)", d, p.RadiusKm)
		})
	}
	add(ReasonPractice, WeightPractice*math.Log1p(float64(c.Practices)), c.PracticeIDs, func() string {
		if c.Practices == 1 {
			return "has 1 practice on these topics"
		}
		return fmt.Sprintf("has %d practices on these topics", c.Practices)
	})
	for _, col := range c.Collaborators {
		add(ReasonCollaborator, 1/math.Log(2+float64(col.Degree)), []string{col.ID}, func() string {
			return fmt.Sprintf("you both worked with %s (on %d practices in all)", col.Name, col.Degree)
		})
	}
	if c.Looking {
		add(ReasonLooking, WeightLooking, nil, func() string { return "is looking for partners" })
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
		_, page[i].Reasons = ScorePartner(p, byID[page[i].ID], true)
		sort.SliceStable(page[i].Reasons, func(a, b int) bool { return page[i].Reasons[a].Weight > page[i].Reasons[b].Weight })
	}
	return page
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

// rarity describes how common a topic is, for reasons.
func rarity(degree int) string {
	switch {
	case degree <= 0:
		return "rare"
	case degree == 1:
		return "1 other item"
	}
	return fmt.Sprintf("%d items in all", degree)
}

func typeName(t OrgType) string { return strings.ReplaceAll(string(t), "_", " ") }
