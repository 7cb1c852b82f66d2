package graph

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

func TestResolveProfile(t *testing.T) {
	topics := map[string]TopicFacts{"theme:education-culture": {Name: "Education", Degree: 99},
		"subtheme:language-competencies": {Name: "Language", Degree: 9}, "principle:4": {Name: "Basic knowledge", Degree: 9}}
	lookup := func(k Kind, id string) (TopicFacts, bool) {
		f, ok := topics[id]
		if kk, _ := KindOfID(id); kk != k {
			return TopicFacts{}, false
		}
		return f, ok
	}
	lyon, paris := orb.Point{4.84, 45.76}, orb.Point{2.35, 48.86}
	self := &SelfFacts{Type: OrgLocalAuthority, Languages: []string{"fr", "en"}, Location: &lyon,
		Themes: []string{"theme:education-culture"}, PracticeSubthemes: []string{"subtheme:language-competencies"}}
	for _, c := range []struct {
		name       string
		q          PartnerQuery
		self       *SelfFacts
		code       string
		where      string
		topics     []string
		languages  []string
		from       *orb.Point
		selfType   OrgType
		principleW float64
	}{
		{name: "our organisation's topics, languages and place", q: PartnerQuery{Organisation: "organisation:me", Languages: []string{"en", "de"}}, self: self,
			topics: []string{"subtheme:language-competencies", "theme:education-culture"}, languages: []string{"en", "de", "fr"}, from: &lyon, selfType: OrgLocalAuthority},
		{name: "the place asked wins over ours", q: PartnerQuery{Organisation: "organisation:me", Near: &paris, RadiusKm: 10}, self: self,
			topics: []string{"subtheme:language-competencies", "theme:education-culture"}, languages: []string{"fr", "en"}, from: &paris, selfType: OrgLocalAuthority},
		{name: "a principle weighs half its IDF", q: PartnerQuery{Principles: []int{4}},
			topics: []string{"principle:4"}, principleW: WeightPrincipleFactor * IDF(1000, 9)},
		{name: "facts of no organisation asked are ignored", q: PartnerQuery{Themes: []string{"theme:education-culture"}}, self: self,
			topics: []string{"theme:education-culture"}},
		{name: "unknown organisation", q: PartnerQuery{Organisation: "organisation:nope"}, code: ENOTFOUND, where: "input.organisation"},
		{name: "unknown subtheme of our practices", q: PartnerQuery{Organisation: "organisation:me"},
			self: &SelfFacts{PracticeSubthemes: []string{"subtheme:gone"}}, code: ENOTFOUND, where: "input.subthemes"},
		{name: "a theme id under subthemes", q: PartnerQuery{Subthemes: []string{"theme:education-culture"}}, code: ENOTFOUND, where: "input.subthemes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, from, err := ResolveProfile(c.q, c.self, 1000, lookup)
			if c.code != "" {
				if e, ok := err.(*Error); !ok || e.Code != c.code || e.Where != c.where {
					t.Fatalf("got %v, want %s at %s", err, c.code, c.where)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for id, tp := range p.Topics {
				ids = append(ids, id)
				if want := IDF(1000, topics[id].Degree); tp.Kind != KindPrinciple && math.Abs(tp.Weight-want) > 1e-12 {
					t.Errorf("%s weighs %v, want %v", id, tp.Weight, want)
				}
				if tp.Kind == KindPrinciple && math.Abs(tp.Weight-c.principleW) > 1e-12 {
					t.Errorf("%s weighs %v, want %v", id, tp.Weight, c.principleW)
				}
			}
			slices.Sort(ids)
			if !slices.Equal(ids, c.topics) || !slices.Equal(p.Languages, c.languages) || p.SelfType != c.selfType {
				t.Errorf("topics %v languages %v type %q, want %v %v %q", ids, p.Languages, p.SelfType, c.topics, c.languages, c.selfType)
			}
			if (from == nil) != (c.from == nil) || (from != nil && *from != *c.from) {
				t.Errorf("distances from %v, want %v", from, c.from)
			}
		})
	}
}
