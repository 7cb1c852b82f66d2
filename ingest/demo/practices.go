package demo

import (
	"math"
	"slices"
	"strings"
	"time"
)

// writePractices writes 05-practices.jsonl: good practices implemented by
// authorities and organisations of one country, with partners from anywhere.
func (g *gen) writePractices(s *sink) error {
	r := newRNG(g.o.Seed, streamPractices)
	w := g.w
	for i := range g.want.Practices {
		lead, impl := g.implementers(r)
		k := lead.Country
		c := &w.cities[lead.City]
		l := int(lead.Lang)
		place := localName(c, l)
		themes, subs, main := topicsOf(r, 3)
		principles := r.pickDistinct(11, 1+r.IntN(4))
		for j := range principles {
			principles[j]++
		}
		benef := r.pickDistinct(len(beneficiaryTable), 1+r.IntN(3))
		var benefEn []string
		for _, b := range benef {
			benefEn = append(benefEn, beneficiaryTable[b][en])
		}
		b0 := benef[r.IntN(len(benef))]

		stage, start, end := practiceDates(r)
		evaluated, evalYear := evaluation(r, stage, start, end)
		body := writePractice(r, topic(main, en), c.Name, benefEn, start.Year(), evaluated, evalYear)

		funded := g.practiceFunding(r, k)
		var fundedBy, programmes []string
		for _, f := range funded {
			fundedBy = append(fundedBy, fundID(f))
			programmes = append(programmes, g.funds[f].Programme)
		}
		source := pick(r, fundingSources)
		if len(programmes) > 0 {
			source = strings.Join(programmes, "; ")
			if r.Chance(0.4) {
				source += "; co-financed from the municipal budget"
			}
		}
		office := orgTypes[lead.Type].Office
		if r.Chance(0.3) {
			office = pick(r, contactOffices)
		}
		area := c.Name
		if lead.Authority && orgTypes[lead.Type].Slug == "regional_authority" {
			area = lead.Name // a regional authority works across its region
		}
		rec := practiceRecord{
			head:  newHead("practice", i+1),
			Title: fill(pick(r, templates[l].PracticeTitles), "topic", topic(main, l), "place", place, "name", projectName(r)),
			text: texts(l, func(l int) string {
				return fill(templates[l].PracticeSummary, "topic", topic(main, l),
					"place", localName(c, l), "benef", beneficiaryTable[b0][l])
			}),
			Area:          area,
			Challenge:     body.Challenge,
			HowItWorks:    body.HowItWorks,
			Results:       body.Results,
			Evaluation:    body.Evaluation,
			Beneficiaries: benefEn,
			StartDate:     ymd(start),
			Stage:         stage,
			Budget:        budget(r),
			FundingSource: source,
			Resources:     body.Resources,
			Contact:       contact(office, lead.Name),
			Website:       website(lead.Name, c.Country) + "/practices/" + localPart(i+1),
			Themes:        themes,
			Subthemes:     subs,
			Principles:    principles,
			Country:       c.Country,
			Lat:           round5(c.Lat),
			Lon:           round5(c.Lon),
			Implementers:  impl,
			Partners:      g.partners(r, k, impl),
			FundedBy:      fundedBy,
		}
		if !end.IsZero() {
			rec.EndDate = ymd(end)
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
	}
	return nil
}

// implementers picks the lead implementer of a practice, an authority or an
// organisation, and sometimes a second one of the same country. The lead
// fixes the practice's country, place and language.
func (g *gen) implementers(r *rng) (lead actor, impl []string) {
	if len(g.auths) > 0 && r.Chance(0.5) {
		a := int32(r.IntN(len(g.auths)))
		lead, impl = g.auths[a], []string{authID(a)}
	} else {
		o := int32(r.IntN(len(g.orgs)))
		lead, impl = g.orgs[o], []string{orgID(o)}
	}
	if !r.Chance(0.3) {
		return lead, impl
	}
	var id string
	if as := g.authByCountry[lead.Country]; len(as) > 0 && r.Chance(0.3) {
		id = authID(pick(r, as))
	} else if os := g.orgByCountry[lead.Country]; len(os) > 0 {
		id = orgID(pick(r, os))
	}
	if id != "" && !slices.Contains(impl, id) {
		impl = append(impl, id)
	}
	return lead, impl
}

// evaluation says whether a practice has been evaluated and in which year it
// was or will be: completed ones after they ended, some long-running ongoing
// ones lately, the others after the reference year.
func evaluation(r *rng, stage string, start, end time.Time) (bool, int) {
	ref := ReferenceDate.Year()
	switch {
	case stage == "completed":
		return true, min(end.Year()+r.IntN(2), ref)
	case stage == "ongoing" && start.Before(day(-730)) && r.Chance(0.5):
		return true, ref - r.IntN(2)
	}
	return false, max(start.Year()+1, ref+1)
}

// practiceDates draws a stage and dates consistent with it on ReferenceDate:
// completed practices ended before it, ongoing ones started on or before it
// and end after it or are open-ended, planned ones start after it. A zero end
// means no end date.
func practiceDates(r *rng) (stage string, start, end time.Time) {
	switch u := r.Float64(); {
	case u < 0.45:
		start = day(-r.Between(400, 4000))
		end = start.AddDate(0, 0, r.Between(90, 1800))
		if !end.Before(ReferenceDate) {
			end = day(-r.Between(1, 200))
		}
		return "completed", start, end
	case u < 0.85:
		start = day(-r.Between(0, 2000))
		if r.Chance(0.7) {
			end = day(r.Between(1, 1100))
		}
		return "ongoing", start, end
	default:
		start = day(r.Between(1, 365))
		if r.Chance(0.8) {
			end = start.AddDate(0, 0, r.Between(180, 1100))
		}
		return "planned", start, end
	}
}

// budget draws a budget in euros, log-normal around 80 000, rounded to 100.
func budget(r *rng) int {
	b := math.Exp(r.NormFloat64()*1.1 + math.Log(80000))
	b = math.Max(3000, math.Min(5e6, b))
	return int(math.Round(b/100) * 100)
}

// practiceFunding picks up to two funding calls open to country k.
func (g *gen) practiceFunding(r *rng, k int32) []int32 {
	n := 0
	switch u := r.Float64(); {
	case u < 0.15:
		n = 2
	case u < 0.6:
		n = 1
	}
	pool := len(g.fundEU) + len(g.fundByCountry[k])
	var out []int32
	for _, j := range r.pickDistinct(pool, n) {
		if j < len(g.fundEU) {
			out = append(out, g.fundEU[j])
		} else {
			out = append(out, g.fundByCountry[k][j-len(g.fundEU)])
		}
	}
	slices.Sort(out)
	return out
}

// partners picks 0-4 partner organisations, most from country k and some from
// other countries, none of them an implementer.
func (g *gen) partners(r *rng, k int32, impl []string) []string {
	n := pick(r, []int{0, 0, 0, 1, 1, 1, 2, 2, 3, 4})
	var out []string
	for try := 0; len(out) < n && try < 4*n; try++ {
		o := int32(r.IntN(len(g.orgs)))
		if same := g.orgByCountry[k]; len(same) > 0 && r.Chance(0.7) {
			o = pick(r, same)
		}
		id := orgID(o)
		if !slices.Contains(impl, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// localPart returns the local part of the n-th demo id ("demo-000123").
func localPart(n int) string {
	_, local, _ := strings.Cut(demoID("x", n), ":")
	return local
}

// contact names the office to contact at an implementer.
func contact(office, name string) string {
	if strings.Contains(name, office) {
		return name
	}
	return office + ", " + name
}
