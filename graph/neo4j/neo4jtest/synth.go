package neo4jtest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/ingest/reference"
)

// Sizes are how many records of each kind Synth makes.
type Sizes struct {
	Organisations, Authorities, Practices, Documents, News, Events, Funding int
}

// Scale returns the sizes of the demo generator's scale n (5,000 organisations
// per unit), so that benchmarks run on graphs of the same shape.
func Scale(n int) Sizes {
	return Sizes{Organisations: 5000 * n, Authorities: 1500 * n, Practices: 3000 * n,
		Documents: 15000 * n, News: 20000 * n, Events: 5000 * n, Funding: 1000 * n}
}

// Item is what Synth knows of a record it made, for judges of relevance tests:
// the facts the records' links and properties say, in plain Go.
type Item struct {
	ID         string
	Kind       graph.Kind
	Country    string // ISO alpha-2
	Themes     []string
	Subthemes  []string
	Principles []int
	Orgs       []string // implementers and partners of a practice; publisher of a document
	Funding    []string
	Type       graph.OrgType
	Languages  []string
	Location   orb.Point
	Looking    bool
}

// Country is one of Synth's countries.
type Country struct {
	ISO2     string
	Name     string
	Langs    []string
	Location orb.Point
}

// Countries are the countries Synth places things in.
var Countries = []Country{
	{"FR", "France", []string{"fr"}, orb.Point{2.4, 46.6}}, {"DE", "Germany", []string{"de"}, orb.Point{10.4, 51.1}},
	{"PL", "Poland", []string{"pl"}, orb.Point{19.1, 52}}, {"IT", "Italy", []string{"it"}, orb.Point{12.5, 42.8}},
	{"ES", "Spain", []string{"es"}, orb.Point{-3.7, 40.2}}, {"NL", "Netherlands", []string{"nl"}, orb.Point{5.5, 52.2}},
	{"SE", "Sweden", []string{"sv"}, orb.Point{15, 62}}, {"AT", "Austria", []string{"de"}, orb.Point{14.1, 47.6}},
	{"BE", "Belgium", []string{"nl", "fr"}, orb.Point{4.6, 50.6}}, {"PT", "Portugal", []string{"pt"}, orb.Point{-8, 39.6}},
}

// Synth is a deterministic synthetic graph: the reference themes, subthemes and
// principles, ten countries, and content whose themes follow a skewed popularity
// (some themes and subthemes are hubs, others rare), for relevance tests and
// benchmarks of ranking.
type Synth struct {
	Records []graph.Record
	Items   map[string]*Item
	// Subthemes maps each theme id to its subtheme ids, most popular first.
	Subthemes map[string][]string
	Themes    []string // most popular first
	rng       *rand.Rand
}

// themePopularity is how often each theme (in Themes order) is picked.
var themePopularity = []float64{0.30, 0.25, 0.18, 0.12, 0.10, 0.05}

// NewSynth generates a graph of the given sizes from seed.
func NewSynth(seed uint64, sz Sizes) (*Synth, error) {
	ref, err := reference.Records()
	if err != nil {
		return nil, err
	}
	s := &Synth{Items: map[string]*Item{}, Subthemes: map[string][]string{}, rng: rand.New(rand.NewPCG(seed, 7))}
	for _, r := range ref {
		switch n := r.Node.(type) {
		case *graph.Theme, *graph.Principle:
			s.Records = append(s.Records, r)
		case *graph.Subtheme:
			s.Records = append(s.Records, r)
			s.Subthemes[r.Links[0].To] = append(s.Subthemes[r.Links[0].To], n.ID)
		}
	}
	// order themes by a fixed shuffle so that popularity is not the seed file's order
	for _, r := range ref {
		if t, ok := r.Node.(*graph.Theme); ok {
			s.Themes = append(s.Themes, t.ID)
		}
	}
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(s.Themes), func(i, j int) { s.Themes[i], s.Themes[j] = s.Themes[j], s.Themes[i] })
	for _, c := range Countries {
		loc := c.Location
		s.Records = append(s.Records, graph.Record{Node: &graph.Country{Meta: graph.Meta{ID: "country:" + c.ISO2, Status: graph.StatusPublished},
			ISO2: c.ISO2, NameEn: c.Name, EU: true, Languages: c.Langs, Location: &loc}})
	}
	for i := 0; i < sz.Funding; i++ {
		it := s.topical(fmt.Sprintf("funding:f%06d", i), graph.KindFunding)
		s.add(it, &graph.Funding{Meta: meta(it.ID), Title: "Funding " + it.ID, Lang: "en", FunderKind: graph.FunderEU})
	}
	orgTypes := graph.OrgTypes()
	for i := 0; i < sz.Organisations; i++ {
		it := s.topical(fmt.Sprintf("organisation:o%06d", i), graph.KindOrganisation)
		it.Type = graph.OrgType(orgTypes[s.rng.IntN(len(orgTypes))])
		it.Languages = s.languages(it.Country)
		it.Looking = s.rng.IntN(10) < 3
		loc := it.Location
		s.add(it, &graph.Organisation{Meta: meta(it.ID), Name: "Organisation " + it.ID[len("organisation:"):], Type: it.Type,
			Languages: it.Languages, LookingForPartners: it.Looking, Location: &loc})
	}
	for i := 0; i < sz.Authorities; i++ {
		it := s.topical(fmt.Sprintf("authority:a%06d", i), graph.KindLocalAuthority)
		loc := it.Location
		s.add(it, &graph.LocalAuthority{Meta: meta(it.ID), Name: "Authority " + it.ID, Level: "local", Location: &loc})
	}
	for i := 0; i < sz.Practices; i++ {
		it := s.topical(fmt.Sprintf("practice:p%06d", i), graph.KindPractice)
		n := 1 + s.rng.IntN(3)
		for j := 0; j < n && sz.Organisations > 0; j++ {
			it.Orgs = append(it.Orgs, fmt.Sprintf("organisation:o%06d", s.rng.IntN(sz.Organisations)))
		}
		if sz.Authorities > 0 && s.rng.IntN(3) == 0 {
			it.Orgs = append(it.Orgs, fmt.Sprintf("authority:a%06d", s.rng.IntN(sz.Authorities)))
		}
		if sz.Funding > 0 && s.rng.IntN(2) == 0 {
			it.Funding = []string{fmt.Sprintf("funding:f%06d", s.rng.IntN(sz.Funding))}
		}
		loc := it.Location
		start := graph.Date{Year: 2010 + s.rng.IntN(15), Month: 1, Day: 1}
		s.add(it, &graph.Practice{Meta: meta(it.ID), Title: "Practice " + it.ID, Lang: "en", Summary: "A synthetic practice.", StartDate: &start, Location: &loc})
	}
	for i := 0; i < sz.Documents; i++ {
		it := s.topical(fmt.Sprintf("document:d%06d", i), graph.KindDocument)
		if sz.Organisations > 0 && s.rng.IntN(3) == 0 {
			it.Orgs = []string{fmt.Sprintf("organisation:o%06d", s.rng.IntN(sz.Organisations))}
		}
		s.add(it, &graph.Document{Meta: meta(it.ID), Title: "Document " + it.ID, Type: graph.DocReport, Lang: "en"})
	}
	for i := 0; i < sz.News; i++ {
		it := s.topical(fmt.Sprintf("news:n%06d", i), graph.KindNews)
		s.add(it, &graph.News{Meta: meta(it.ID), Title: "News " + it.ID, Lang: "en"})
	}
	for i := 0; i < sz.Events; i++ {
		it := s.topical(fmt.Sprintf("event:e%06d", i), graph.KindEvent)
		s.add(it, &graph.Event{Meta: meta(it.ID), Title: "Event " + it.ID, Lang: "en"})
	}
	return s, nil
}

func meta(id string) graph.Meta { return graph.Meta{ID: id, Status: graph.StatusPublished, Demo: true} }

// topical makes an item with a country, a place in it, one or two themes and up to
// two subthemes of them, and a principle or two, drawn with the skewed popularity.
func (s *Synth) topical(id string, k graph.Kind) *Item {
	c := Countries[s.rng.IntN(len(Countries))]
	it := &Item{ID: id, Kind: k, Country: c.ISO2,
		Location: orb.Point{c.Location[0] + (s.rng.Float64()-0.5)*4, c.Location[1] + (s.rng.Float64()-0.5)*3}}
	for n := 1 + s.rng.IntN(2); len(it.Themes) < n; {
		t := s.Themes[s.pick(themePopularity)]
		if !contains(it.Themes, t) {
			it.Themes = append(it.Themes, t)
		}
	}
	for _, t := range it.Themes {
		subs := s.Subthemes[t]
		w := make([]float64, len(subs))
		for i := range w {
			w[i] = 1 / float64(i+1) // Zipf: the first subtheme of a theme is a hub
		}
		if s.rng.IntN(4) > 0 {
			it.Subthemes = append(it.Subthemes, subs[s.pick(w)])
		}
	}
	it.Principles = []int{1 + s.rng.IntN(11)}
	return it
}

// Plant adds an item made by hand (for judged scenarios) with its node.
func (s *Synth) Plant(it *Item, n graph.Node) { s.add(it, n) }

func (s *Synth) add(it *Item, n graph.Node) {
	rec := graph.Record{Node: n, Source: it.ID}
	rec.Links = append(rec.Links, graph.Link{Type: graph.RelIn, To: "country:" + it.Country})
	for _, t := range it.Themes {
		rec.Links = append(rec.Links, graph.Link{Type: graph.RelAbout, To: t})
	}
	for _, t := range it.Subthemes {
		rec.Links = append(rec.Links, graph.Link{Type: graph.RelAbout, To: t})
	}
	for _, p := range it.Principles {
		rec.Links = append(rec.Links, graph.Link{Type: graph.RelApplies, To: graph.PrincipleID(p)})
	}
	for i, o := range it.Orgs {
		switch {
		case it.Kind == graph.KindDocument:
			rec.Links = append(rec.Links, graph.Link{Type: graph.RelPublishedBy, To: o})
		case i == 0 || strings.HasPrefix(o, "authority:"):
			rec.Links = append(rec.Links, graph.Link{Type: graph.RelImplements, To: o, Incoming: true})
		default:
			rec.Links = append(rec.Links, graph.Link{Type: graph.RelPartnerIn, To: o, Incoming: true})
		}
	}
	for _, f := range it.Funding {
		rec.Links = append(rec.Links, graph.Link{Type: graph.RelFundedBy, To: f})
	}
	rec.Links = dedupe(rec.Links)
	s.Records = append(s.Records, rec)
	s.Items[it.ID] = it
}

// Rand returns the generator's random source, for planting scenarios after it.
func (s *Synth) Rand() *rand.Rand { return s.rng }

func (s *Synth) languages(iso string) []string {
	for _, c := range Countries {
		if c.ISO2 == iso {
			out := append([]string(nil), c.Langs...)
			if s.rng.IntN(2) == 0 {
				out = append(out, "en")
			}
			return out
		}
	}
	return []string{"en"}
}

// pick draws an index with the given weights.
func (s *Synth) pick(w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	r := s.rng.Float64() * total
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return len(w) - 1
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func dedupe(links []graph.Link) []graph.Link {
	seen := map[string]bool{}
	out := links[:0]
	for _, l := range links {
		if !seen[l.Key()] {
			seen[l.Key()] = true
			out = append(out, l)
		}
	}
	return out
}
