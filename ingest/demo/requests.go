package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"ewsi/graph"
)

// streamRequests is the random stream of partner requests, apart from the files'.
const streamRequests uint64 = 101

// requestTopic is how a request names its theme, in English, French and German.
var requestTopic = map[string][3]string{
	"theme:active-citizenship":           {"migrants' participation in local decisions", "la participation des personnes migrantes aux décisions locales", "die Beteiligung von Zugewanderten an lokalen Entscheidungen"},
	"theme:economic-participation":       {"first jobs and skills recognition", "le premier emploi et la reconnaissance des compétences", "den Berufseinstieg und die Anerkennung von Qualifikationen"},
	"theme:social-cohesion":              {"neighbourhood ties between newcomers and residents", "les liens de voisinage entre nouveaux arrivants et habitants", "Nachbarschaft zwischen Neuankommenden und Alteingesessenen"},
	"theme:education-culture":            {"language learning for parents and children", "l'apprentissage de la langue pour parents et enfants", "Sprachlernen für Eltern und Kinder"},
	"theme:anti-discrimination-equality": {"fair access to housing and services", "l'accès équitable au logement et aux services", "fairen Zugang zu Wohnraum und Diensten"},
	"theme:tools-techniques":             {"shared tools to measure integration work", "des outils communs pour évaluer le travail d'intégration", "gemeinsame Werkzeuge zur Bewertung der Integrationsarbeit"},
}

// requestTexts are the sentences of a request and its replies, per language (en, fr, de).
var requestTexts = [3]struct{ title, desc, fit, offer, outcome, thanks string }{
	{"%s: a project on %s", "We are preparing a project on %s and look for partners who work on it already. We would share methods, run pilots in each city and publish what we learn together.",
		"We have worked on %s for several years with volunteers and the city.", "Staff time, a network of local groups and rooms for meetings.",
		"We formed a partnership with the organisations we shortlisted.", "Thank you for your reply; we chose partners closer to the pilot cities."},
	{"%s : un projet sur %s", "Nous préparons un projet sur %s et cherchons des partenaires qui y travaillent déjà. Nous voulons partager nos méthodes, mener des essais dans chaque ville et publier ensemble ce que nous apprenons.",
		"Nous travaillons depuis plusieurs années sur %s avec des bénévoles et la ville.", "Du temps de personnel, un réseau d'associations locales et des salles de réunion.",
		"Nous avons formé un partenariat avec les organisations présélectionnées.", "Merci pour votre réponse ; nous avons choisi des partenaires plus proches des villes pilotes."},
	{"%s: ein Projekt über %s", "Wir bereiten ein Projekt über %s vor und suchen Partner, die bereits daran arbeiten. Wir möchten Methoden teilen, in jeder Stadt Pilotversuche durchführen und gemeinsam veröffentlichen, was wir lernen.",
		"Wir arbeiten seit mehreren Jahren mit Ehrenamtlichen und der Stadt an %s.", "Personalzeit, ein Netz lokaler Gruppen und Räume für Treffen.",
		"Wir haben mit den vorgemerkten Organisationen eine Partnerschaft gebildet.", "Vielen Dank für Ihre Antwort; wir haben Partner näher an den Pilotstädten gewählt."},
}

var requestLangs = [3]graph.Lang{graph.LangEN, graph.LangFR, graph.LangDE}

// requestLang picks the language an organisation writes its request in: French
// or German where it works in them, English otherwise.
func requestLang(o graph.DemoOrg) int {
	for _, l := range o.Languages {
		switch l {
		case "fr":
			return 1
		case "de":
			return 2
		}
	}
	return 0
}

// PartnerRequests generates n demo partner requests posted by organisations of
// pool, with up to five replies each from other organisations, relative to the
// day today: most are open (closing within the year), some closed with an
// outcome, some past their closing date. Contacts are invented (example.org
// addresses); nobody holds a key to them. The same seed, pool, n and today give
// the same requests.
func PartnerRequests(seed int64, pool graph.DemoPool, n int, today graph.Date) []graph.DemoRequest {
	if len(pool.Orgs) < 2 || n <= 0 {
		return nil
	}
	r := newRNG(seed, streamRequests)
	day := today.Time()
	out := make([]graph.DemoRequest, 0, n)
	for i := 1; i <= n; i++ {
		o := pick(r, pool.Orgs)
		l := requestLang(o)
		theme := pick(r, o.Themes)
		topic := requestTopic[theme][l]
		if topic == "" {
			topic = strings.TrimPrefix(theme, "theme:")
		}
		created := day.AddDate(0, 0, -r.Between(0, 120)).Add(time.Duration(r.IntN(86400)) * time.Second)
		req := graph.PartnerRequest{ID: fmt.Sprintf("request:demo-%06d", i), CreatedAt: created, UpdatedAt: created,
			Status: graph.RequestOpen, Lang: requestLangs[l], Demo: true, Organisation: o.ID,
			Title: fmt.Sprintf(requestTexts[l].title, projectName(r), topic), Description: fmt.Sprintf(requestTexts[l].desc, topic),
			Themes: []string{theme}, Closes: graph.DateOf(day.AddDate(0, 0, r.Between(7, 300)))}
		if len(o.Subthemes) > 0 && r.Chance(0.6) {
			req.Subthemes = []string{pick(r, o.Subthemes)}
		}
		for k := r.Between(0, 3); k > 0; k-- {
			if c := pick(r, pool.Orgs).Country; c != "" && !slices.Contains(req.Countries, c) {
				req.Countries = append(req.Countries, c)
			}
		}
		if r.Chance(0.5) {
			req.Types = []graph.OrgType{pick(r, pool.Orgs).Type}
		}
		req.Languages = []string{string(requestLangs[l])}
		if l != 0 {
			req.Languages = append(req.Languages, "en")
		}
		if len(pool.Fundings) > 0 && r.Chance(0.3) {
			req.Funding = pick(r, pool.Fundings)
		}
		switch x := r.Float64(); {
		case x < 0.1: // closed by its poster
			closed := created.AddDate(0, 0, r.Between(1, 30))
			if closed.After(day) {
				closed = day
			}
			req.Status, req.Outcome, req.ClosedAt, req.UpdatedAt = graph.RequestClosed, requestTexts[l].outcome, &closed, closed
		case x < 0.2: // past its closing date
			req.Closes = graph.DateOf(day.AddDate(0, 0, -r.Between(1, 60)))
		}
		first, last := personName(r, langBank(l))
		d := graph.DemoRequest{Request: req, Contact: demoContact(first, last, i, 0)}
		d.Replies = demoReplies(r, pool, &d.Request, l, i, day)
		out = append(out, d)
	}
	return out
}

// demoReplies makes up to five replies to req from organisations other than its poster.
func demoReplies(r *rng, pool graph.DemoPool, req *graph.PartnerRequest, lreq, i int, day time.Time) []graph.DemoReply {
	var reps []graph.DemoReply
	seen := map[string]bool{req.Organisation: true}
	for k := 1; k <= r.Between(0, 5); k++ {
		o := pick(r, pool.Orgs)
		if seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		l := requestLang(o)
		at := req.CreatedAt.Add(time.Duration(r.Between(1, 20*24)) * time.Hour)
		if at.After(day) {
			at = req.CreatedAt.Add(time.Hour)
		}
		p := graph.PartnerReply{ID: fmt.Sprintf("reply:demo-%06d-%d", i, k), CreatedAt: at, UpdatedAt: at, Status: graph.ReplyReceived,
			Lang: requestLangs[l], Demo: true, Request: req.ID, Organisation: o.ID,
			Fit: fmt.Sprintf(requestTexts[l].fit, requestTopic[req.Themes[0]][l]), Offer: requestTexts[l].offer}
		if req.Status == graph.RequestClosed {
			p.Status, p.Message = graph.ReplyDeclined, requestTexts[lreq].thanks
			if r.Chance(0.4) {
				p.Status, p.Message = graph.ReplyShortlisted, ""
			}
		}
		first, last := personName(r, langBank(l))
		reps = append(reps, graph.DemoReply{Reply: p, Contact: demoContact(first, last, i, k)})
	}
	return reps
}

// demoContact invents a contact with an address under example.org, which no one receives mail at.
func demoContact(first, last string, i, k int) graph.Contact {
	return graph.Contact{Name: first + " " + last, Email: fmt.Sprintf("%s.%s.%d.%d@demo.example.org", slug(first), slug(last), i, k)}
}

// langBank maps a request language (en, fr, de) to the generator's name bank.
func langBank(l int) int { return [3]int{en, fr, de}[l] }

// LoadPartnerRequests generates n demo partner requests from the demo
// organisations and funding calls in the graph and writes them, unless the
// graph holds partner requests already. It returns how many it wrote.
func LoadPartnerRequests(ctx context.Context, w graph.DemoRequestWriter, seed int64, n int, today graph.Date) (int, error) {
	have, err := w.CountRequests(ctx)
	if err != nil || have > 0 {
		return 0, err
	}
	pool, err := w.DemoPool(ctx, 5000)
	if err != nil {
		return 0, err
	}
	reqs := PartnerRequests(seed, pool, n, today)
	if len(reqs) == 0 {
		return 0, nil
	}
	return len(reqs), w.WriteDemoRequests(ctx, reqs)
}
