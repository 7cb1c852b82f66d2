package graph

import (
	"strings"

	"github.com/paulmach/orb"
)

// A partner profile is resolved the same way whatever reads the graph (the
// store's Cypher or the ranking projection): the store reads the facts below,
// ResolveProfile applies the rule.

// SelfFacts is what the store reads of the organisation a partner query names.
type SelfFacts struct {
	Type      OrgType
	Languages []string
	Location  *orb.Point
	// its own themes, subthemes and principles (ids), and the subthemes of the
	// practices it implements or partners in
	Themes, Subthemes, Principles, PracticeSubthemes []string
}

// TopicFacts is what the store reads of a topic: its display name and how many
// nodes are about it (ABOUT for themes and subthemes, APPLIES for principles).
type TopicFacts struct {
	Name   string
	Degree int
}

// ProfileTopics returns the ids of the topics a profile of q weighs, by kind:
// those q asks for and, with self, our organisation's own and its practices'
// subthemes.
func ProfileTopics(q PartnerQuery, self *SelfFacts) (themes, subthemes, principles []string) {
	themes, subthemes = q.Themes, q.Subthemes
	principles = make([]string, 0, len(q.Principles))
	for _, n := range q.Principles {
		principles = append(principles, PrincipleID(n))
	}
	if self != nil {
		themes = union(themes, self.Themes)
		subthemes = union(subthemes, self.Subthemes, self.PracticeSubthemes)
		principles = union(principles, self.Principles)
	}
	return themes, subthemes, principles
}

// ResolveProfile resolves a normalised partner query: our organisation's kind,
// languages, topics and place (self, nil when the store found none), and the
// weight of every topic, among total content nodes (topic reads a topic's facts,
// false when there is no topic of that kind and id). It also returns the point
// distances are shown from: the place asked, else our organisation's. An unknown
// organisation or topic is ENOTFOUND naming the field.
func ResolveProfile(q PartnerQuery, self *SelfFacts, total int, topic func(k Kind, id string) (TopicFacts, bool)) (*PartnerProfile, *orb.Point, error) {
	p := &PartnerProfile{Self: q.Organisation, Languages: q.Languages, Types: q.Types, Near: q.Near, RadiusKm: q.RadiusKm, Topics: map[string]Topic{}}
	from := q.Near
	if q.Organisation != "" {
		if self == nil {
			return nil, nil, Errorf(ENOTFOUND, "input.organisation", "no organisation %q", q.Organisation)
		}
		p.SelfType = self.Type
		p.Languages = union(p.Languages, self.Languages)
		if from == nil {
			from = self.Location
		}
	} else {
		self = nil
	}
	themes, subthemes, principles := ProfileTopics(q, self)
	for _, group := range []struct {
		ids   []string
		kind  Kind
		field string
	}{{themes, KindTheme, "input.themes"}, {subthemes, KindSubtheme, "input.subthemes"}, {principles, KindPrinciple, "input.principles"}} {
		for _, id := range group.ids {
			f, ok := topic(group.kind, id)
			if !ok {
				return nil, nil, Errorf(ENOTFOUND, group.field, "no %s %q", strings.ToLower(string(group.kind)), id)
			}
			w := IDF(total, f.Degree)
			if group.kind == KindPrinciple {
				w *= WeightPrincipleFactor
			}
			p.Topics[id] = Topic{ID: id, Kind: group.kind, Name: f.Name, Degree: f.Degree, Weight: w}
		}
	}
	return p, from, nil
}

// union appends the lists, keeping the first of each value.
func union(lists ...[]string) []string {
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
