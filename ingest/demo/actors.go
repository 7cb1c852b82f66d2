package demo

import (
	"slices"
	"strconv"
	"strings"
)

// euSeats are the cities EU bodies and international organisations prefer.
var euSeats = []string{"Brussels", "Luxembourg", "Strasbourg", "Geneva", "Genève", "Vienna", "The Hague", "Frankfurt am Main"}

// orgTypeIndex returns the index of an organisation type in orgTypes.
func orgTypeIndex(slug string) int {
	return slices.IndexFunc(orgTypes, func(t orgTypeDef) bool { return t.Slug == slug })
}

// writeOrganisations writes 01-organisations.jsonl and fills g.orgs.
func (g *gen) writeOrganisations(s *sink) error {
	r := newRNG(g.o.Seed, streamOrganisations)
	w := g.w
	var seats []int
	for _, name := range euSeats {
		if i := slices.IndexFunc(w.cities, func(c City) bool { return c.Name == name }); i >= 0 {
			seats = append(seats, i)
		}
	}
	wt := make([]float64, len(orgTypes))
	for i, t := range orgTypes {
		wt[i] = t.Weight
	}
	types := newWeights(wt)
	euType, intlType := orgTypeIndex("eu_institution"), orgTypeIndex("international_organisation")
	g.orgByCountry = make([][]int32, len(w.countries))
	g.orgsByType = make([][]int32, len(orgTypes))
	for i := range g.want.Organisations {
		t := types.Pick(r)
		if i%50 == 0 {
			t = euType // one in fifty, the first included, so that EU law has publishers
		}
		city := w.weights.Pick(r)
		if (t == euType || t == intlType) && len(seats) > 0 && (t == euType || r.Chance(0.5)) {
			city = pick(r, seats)
		}
		c := &w.cities[city]
		k := w.cityCountry[city]
		l := w.lang(r, k)
		name := fill(orgTypes[t].Name[l], "coin", pick(r, coins), "place", localName(c, l))
		themes, subs, main := topicsOf(r, 3)
		lat, lon := r.jitter(c.Lat, c.Lon, 2)
		langs := w.languages(r, k, l, 0.8)
		if x := pick(r, []string{"fr", "de", "es", "it"}); !slices.Contains(langs, x) && r.Chance(0.2) {
			langs = append(langs, x)
		}
		rec := organisationRecord{
			head: newHead("organisation", i+1),
			Name: name,
			text: texts(l, func(l int) string {
				return fill(templates[l].OrgSummary, "label", orgTypes[t].Label[l],
					"place", localName(c, l), "topic", topic(main, l))
			}),
			OrgType:            orgTypes[t].Slug,
			Website:            website(name, c.Country),
			Languages:          langs,
			LookingForPartners: r.Chance(0.35),
			City:               c.Name,
			Country:            c.Country,
			Lat:                lat,
			Lon:                lon,
			Themes:             themes,
			Subthemes:          subs,
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
		g.orgs = append(g.orgs, actor{City: int32(city), Country: int32(k), Lang: int8(l), Type: int8(t), Name: name})
		g.orgByCountry[k] = append(g.orgByCountry[k], int32(i))
		g.orgsByType[t] = append(g.orgsByType[t], int32(i))
	}
	return nil
}

// writeAuthorities writes 02-authorities.jsonl and fills g.auths.
func (g *gen) writeAuthorities(s *sink) error {
	r := newRNG(g.o.Seed, streamAuthorities)
	w := g.w
	seats, short := w.authorityPlan(r, g.want.Authorities)
	used := map[int]bool{}
	regional := 0
	for _, st := range seats {
		used[st.City] = true
		if st.Regional {
			regional++
		}
	}
	g.sum.CitiesUsed = len(used)
	if short > 0 {
		g.note("%d authorities wanted but only %d usable cities: wrote %d (%d local, %d regional reusing the largest cities), %d short",
			g.want.Authorities, len(w.cities), len(seats), len(seats)-regional, regional, short)
	} else if len(seats) > len(w.cities) {
		g.note("all %d cities have a local authority; %d regional authorities reuse the largest cities", len(w.cities), regional)
	}
	localType, regionType := orgTypeIndex("local_authority"), orgTypeIndex("regional_authority")
	g.authByCountry = make([][]int32, len(w.countries))
	for i, st := range seats {
		c := &w.cities[st.City]
		k := w.cityCountry[st.City]
		l := w.lang(r, k)
		tpl, level, t, pop := templates[l].AuthorityLocal, "local", localType, c.Population
		if st.Regional {
			tpl, level, t = templates[l].AuthorityRegion, "regional", regionType
			pop = c.Population * r.Between(15, 40) / 10
		}
		name := fill(tpl, "place", localName(c, l))
		rec := authorityRecord{
			head:       newHead("authority", i+1),
			Name:       name,
			Lang:       bankLangs[l],
			Summary:    fill(templates[l].AuthoritySummary, "label", orgTypes[t].Label[l], "place", localName(c, l)),
			Level:      level,
			Website:    website(name, c.Country),
			Population: pop,
			Country:    c.Country,
			Lat:        round5(c.Lat),
			Lon:        round5(c.Lon),
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
		g.auths = append(g.auths, actor{City: int32(st.City), Country: int32(k), Lang: int8(l), Type: int8(t), Authority: true, Name: name})
		g.authByCountry[k] = append(g.authByCountry[k], int32(i))
	}
	return nil
}

// writePeople writes 03-people.jsonl: members of one or two organisations.
func (g *gen) writePeople(s *sink) error {
	r := newRNG(g.o.Seed, streamPeople)
	for i := range g.want.People {
		o := int32(r.IntN(len(g.orgs)))
		orgs := []string{orgID(o)}
		if r.Chance(0.2) {
			other := int32(r.IntN(len(g.orgs)))
			if same := g.orgByCountry[g.orgs[o].Country]; r.Chance(0.7) {
				other = pick(r, same)
			}
			if other != o {
				orgs = append(orgs, orgID(other))
			}
		}
		l := int(g.orgs[o].Lang)
		first, last := personName(r, l)
		langs := g.w.languages(r, int(g.orgs[o].Country), l, 0.75)
		rl := []string{pick(r, roles)}
		if x := pick(r, roles); x != rl[0] && r.Chance(0.25) {
			rl = append(rl, x)
		}
		local := strings.ReplaceAll(slug(first), "-", "") + "." + strings.ReplaceAll(slug(last), "-", "")
		rec := personRecord{
			head:          newHead("person", i+1),
			Name:          first + " " + last,
			Email:         local + "." + strconv.Itoa(i+1) + "@example.org",
			ShareDetails:  r.Chance(0.4),
			Languages:     langs,
			Roles:         rl,
			Organisations: orgs,
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
	}
	return nil
}
