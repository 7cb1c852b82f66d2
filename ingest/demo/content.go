package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// writeFunding writes 04-funding.jsonl and fills g.funds: EU-wide calls (no
// country), national programmes, private foundations and city grants.
func (g *gen) writeFunding(s *sink) error {
	r := newRNG(g.o.Seed, streamFunding)
	w := g.w
	g.fundByCountry = make([][]int32, len(w.countries))
	foundation := orgTypeIndex("foundation")
	for i := range g.want.Funding {
		deadline := day(r.Between(-365, 540))
		year := strconv.Itoa(deadline.Year())
		themes, _, main := topicsOf(r, 2)
		rec := fundingRecord{head: newHead("funding", i+1), Themes: themes, Deadline: ymd(deadline)}
		k, l := -1, en
		switch u := r.Float64(); {
		case u < 0.3:
			rec.FunderKind = "eu"
			rec.Programme = pick(r, euProgrammes)
			rec.Amount = r.Between(50, 5000) * 1000
			rec.URL = "https://funding.example.invalid/eu/" + slug(rec.Programme) + "/" + localPart(i+1)
		default:
			o := g.orgs[r.IntN(len(g.orgs))]
			k = int(o.Country)
			l = w.lang(r, k)
			c := &w.cities[o.City]
			switch {
			case u < 0.65:
				rec.FunderKind = "national"
				rec.Programme = nationalProgramme[l]
				rec.Amount = r.Between(10, 500) * 1000
			case u < 0.9:
				rec.FunderKind = "private_foundation"
				rec.Programme = fill(orgTypes[foundation].Name[l], "coin", pick(r, coins))
				rec.Amount = r.Between(5, 100) * 1000
			default:
				rec.FunderKind = "other"
				rec.Programme = fill(localProgramme[l], "place", localName(c, l))
				rec.Amount = r.Between(2, 50) * 1000
			}
			rec.Country = c.Country
			rec.URL = "https://funding." + strings.ToLower(c.Country) + ".example.invalid/calls/" + localPart(i+1)
		}
		rec.Applicants = demoApplicants[i%len(demoApplicants)]
		label := pick(r, callLabels)
		rec.Title = fill(templates[l].FundingTitle, "label", label[l], "year", year, "topic", topic(main, l))
		rec.text = texts(l, func(l int) string {
			return fill(templates[l].FundingSummary, "deadline", ymd(deadline), "topic", topic(main, l))
		})
		if err := s.emit(&rec); err != nil {
			return err
		}
		g.funds = append(g.funds, fund{Country: int32(k), Programme: rec.Programme})
		if k < 0 {
			g.fundEU = append(g.fundEU, int32(i))
		} else {
			g.fundByCountry[k] = append(g.fundByCountry[k], int32(i))
		}
	}
	return nil
}

// writeDocuments writes 06-documents.jsonl. Some legislation is EU law with a
// CELEX number, published by an EU body and valid EU-wide (no country).
func (g *gen) writeDocuments(s *sink) error {
	r := newRNG(g.o.Seed, streamDocuments)
	w := g.w
	wt := make([]float64, len(docTypes))
	for i, t := range docTypes {
		wt[i] = t.Weight
	}
	types := newWeights(wt)
	euBodies := g.orgsByType[orgTypeIndex("eu_institution")]
	celexN := 0
	for i := range g.want.Documents {
		t := types.Pick(r)
		themes, _, main := topicsOf(r, 2)
		rec := documentRecord{head: newHead("document", i+1), DocType: docTypes[t].Slug, Themes: themes}
		if docTypes[t].Slug == "legislation" && len(euBodies) > 0 && r.Chance(0.4) {
			o := pick(r, euBodies)
			celex, title, date := euAct(celexN, r, topic(main, en))
			celexN++
			rec.Title, rec.CELEX, rec.Date = title, celex, date
			rec.PublishedBy = orgID(o)
			rec.URL = "https://eur-lex.example.invalid/legal-content/EN/TXT/?uri=CELEX:" + celex
			rec.text = text{Lang: "en", Summary: fmt.Sprintf("%s: EU act published in %s.", topic(main, en), date[:4])}
		} else {
			o := g.publisher(r, t)
			pub := g.orgs[o]
			l := int(pub.Lang)
			c := &w.cities[pub.City]
			date := day(r.recentDay(20 * 365))
			year := strconv.Itoa(date.Year())
			rec.Title = fill(pick(r, templates[l].DocTitles), "label", docTypes[t].Label[l], "topic", topic(main, l), "year", year)
			rec.text = texts(l, func(l int) string {
				return fill(templates[l].DocSummary, "topic", topic(main, l), "publisher", pub.Name, "year", year)
			})
			rec.Date = ymd(date)
			rec.PublishedBy = orgID(o)
			rec.URL = website(pub.Name, c.Country) + "/publications/" + localPart(i+1) + ".pdf"
			rec.Country = c.Country
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
	}
	return nil
}

// publishers says which organisation types publish a document type (by slug),
// and how often a document of that type comes from one of them.
var publishers = map[string]struct {
	types []string
	p     float64
}{
	"legislation":       {[]string{"national_government", "regional_authority", "local_authority"}, 1},
	"tender":            {[]string{"local_authority", "regional_authority", "national_government"}, 1},
	"policy_paper":      {[]string{"national_government", "regional_authority", "local_authority", "civil_society", "social_partner", "international_organisation"}, 0.8},
	"research":          {[]string{"academia", "international_organisation"}, 0.7},
	"impact_assessment": {[]string{"national_government", "regional_authority", "academia"}, 0.7},
	"statistics":        {[]string{"national_government", "regional_authority", "international_organisation"}, 0.7},
}

// publisher picks the publishing organisation of a document of type t.
func (g *gen) publisher(r *rng, t int) int32 {
	if pref, ok := publishers[docTypes[t].Slug]; ok && r.Chance(pref.p) {
		n := 0
		for _, ot := range pref.types {
			n += len(g.orgsByType[orgTypeIndex(ot)])
		}
		if n > 0 {
			j := r.IntN(n)
			for _, ot := range pref.types {
				list := g.orgsByType[orgTypeIndex(ot)]
				if j < len(list) {
					return list[j]
				}
				j -= len(list)
			}
		}
	}
	return int32(r.IntN(len(g.orgs)))
}

// euAct returns the n-th EU act: a CELEX number, unique for n < 78000 (26
// years, 3 act types, numbers 9000-9999 that real acts do not reach, so that
// demo numbers do not shadow real ones), its title and its date in that year.
func euAct(n int, r *rng, topicEn string) (celex, title, date string) {
	year := 2000 + n%26
	kind := n / 26 % 3
	num := 9000 + n/78%1000
	letter := "LRD"[kind]
	celex = fmt.Sprintf("3%04d%c%04d", year, letter, num)
	on := " on " + lowerFirst(topicEn)
	switch letter {
	case 'L':
		title = fmt.Sprintf("Directive %d/%d/EU%s", year, num, on)
	case 'R':
		title = fmt.Sprintf("Regulation (EU) %d/%d%s", year, num, on)
	default:
		title = fmt.Sprintf("Decision (EU) %d/%d%s", year, num, on)
	}
	d := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
	return celex, title, ymd(d)
}

// writeNews writes 07-news.jsonl: local news in the local language.
func (g *gen) writeNews(s *sink) error {
	r := newRNG(g.o.Seed, streamNews)
	w := g.w
	for i := range g.want.News {
		city := w.weights.Pick(r)
		c := &w.cities[city]
		l := w.lang(r, w.cityCountry[city])
		themes, _, main := topicsOf(r, 2)
		date := day(r.recentDay(8 * 365))
		source := fill(pick(r, templates[l].NewsSources), "place", localName(c, l))
		rec := newsRecord{
			head:  newHead("news", i+1),
			Title: fill(pick(r, templates[l].NewsTitles), "topic", topic(main, l), "place", localName(c, l)),
			text: texts(l, func(l int) string {
				return fill(templates[l].NewsSummary, "topic", topic(main, l), "place", localName(c, l))
			}),
			Date:    ymd(date),
			Source:  source,
			URL:     "https://" + slug(source) + ".example.invalid/" + date.Format("2006/01/") + localPart(i+1),
			Themes:  themes,
			Country: c.Country,
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
	}
	return nil
}

// writeEvents writes 08-events.jsonl: events from two years before to one
// year after the reference date, lasting one to three days.
func (g *gen) writeEvents(s *sink) error {
	r := newRNG(g.o.Seed, streamEvents)
	w := g.w
	for i := range g.want.Events {
		city := w.weights.Pick(r)
		c := &w.cities[city]
		l := w.lang(r, w.cityCountry[city])
		themes, _, main := topicsOf(r, 2)
		kind := pick(r, eventKinds)
		start := day(r.Between(-730, 365))
		end := start.AddDate(0, 0, pick(r, []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 2}))
		lat, lon := r.jitter(c.Lat, c.Lon, 2)
		rec := eventRecord{
			head:  newHead("event", i+1),
			Title: fill(templates[l].EventTitle, "kind", kind[l], "topic", topic(main, l), "place", localName(c, l)),
			text: texts(l, func(l int) string {
				return fill(templates[l].EventSummary, "kind", kind[l], "topic", topic(main, l), "place", localName(c, l))
			}),
			Start:   ymd(start),
			End:     ymd(end),
			Place:   c.Name,
			Lat:     lat,
			Lon:     lon,
			URL:     "https://events." + strings.ToLower(c.Country) + ".example.invalid/" + localPart(i+1),
			Themes:  themes,
			Country: c.Country,
		}
		if err := s.emit(&rec); err != nil {
			return err
		}
	}
	return nil
}

// demoApplicants are who may apply to demo calls, in turn (no draw of the
// generator, so the other fields stay as they were).
var demoApplicants = [][]string{
	{"civil_society", "migrant_association"},
	{"local_authority", "regional_authority"},
	{"civil_society", "local_authority", "academia"},
	nil,
	{"migrant_association"},
}
