package demo

import "strings"

// langTemplates are the sentence patterns of one bank language. Placeholders
// in braces are filled by fill; the patterns keep slotted phrases at the start
// or after a colon or preposition so that no language needs case or gender
// agreement with them.
type langTemplates struct {
	PracticeTitles   []string // {topic} {place} {name}
	PracticeSummary  string   // {topic} {place} {benef}
	AuthorityLocal   string   // {place}
	AuthorityRegion  string   // {place}
	AuthoritySummary string   // {label} {place}
	OrgSummary       string   // {label} {place} {topic}
	DocTitles        []string // {label} {topic} {year}
	DocSummary       string   // {topic} {publisher} {year}
	NewsTitles       []string // {topic} {place}
	NewsSummary      string   // {topic} {place}
	NewsSources      []string // {place}
	EventTitle       string   // {kind} {topic} {place}
	EventSummary     string   // {kind} {topic} {place}
	FundingTitle     string   // {label} {topic} {year}
	FundingSummary   string   // {topic} {deadline}
}

var templates = [nBankLangs]langTemplates{
	en: {
		PracticeTitles:   []string{"{topic} in {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: a local initiative in {place} for {benef}.",
		AuthorityLocal:   "City of {place}",
		AuthorityRegion:  "{place} Metropolitan Region",
		AuthoritySummary: "{label} ({place}) sharing its experience with local integration policies.",
		OrgSummary:       "{label} based in {place}. Main field of work: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: document published by {publisher} in {year}.",
		NewsTitles:       []string{"{topic}: {place} announces new measures", "{topic}: {place} presents first results", "{topic}: new figures published in {place}", "{topic}: partners in {place} sign agreement"},
		NewsSummary:      "Latest developments in {place}: {topic}.",
		NewsSources:      []string{"{place} Herald", "{place} Evening News", "Migration Matters Europe"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} in {place} for practitioners, policy makers and civil society: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Funding for organisations and authorities, deadline {deadline}: {topic}.",
	},
	fr: {
		PracticeTitles:   []string{"{topic} à {place}", "{name} : {topic}", "{place} : {topic}"},
		PracticeSummary:  "{topic} : une initiative locale à {place} pour {benef}.",
		AuthorityLocal:   "Ville de {place}",
		AuthorityRegion:  "Métropole de {place}",
		AuthoritySummary: "{label} ({place}) qui partage son expérience des politiques locales d'intégration.",
		OrgSummary:       "{label} – {place}. Domaine d'action principal : {topic}.",
		DocTitles:        []string{"{label} : {topic}", "{label} : {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic} : document publié par {publisher} en {year}.",
		NewsTitles:       []string{"{topic} : {place} annonce de nouvelles mesures", "{topic} : {place} présente ses premiers résultats", "{topic} : de nouveaux chiffres publiés à {place}", "{topic} : les partenaires de {place} signent un accord"},
		NewsSummary:      "Dernières évolutions à {place} : {topic}.",
		NewsSources:      []string{"Le Journal de {place}", "La Gazette de {place}", "Migrations Actualités"},
		EventTitle:       "{kind} : {topic} – {place}",
		EventSummary:     "{kind} à {place} pour les professionnels, les décideurs et la société civile : {topic}.",
		FundingTitle:     "{label} {year} : {topic}",
		FundingSummary:   "Financement pour les associations et les collectivités, date limite {deadline} : {topic}.",
	},
	de: {
		PracticeTitles:   []string{"{topic} in {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: eine lokale Initiative in {place} für {benef}.",
		AuthorityLocal:   "Stadt {place}",
		AuthorityRegion:  "Region {place}",
		AuthoritySummary: "{label} ({place}), die ihre Erfahrungen mit kommunaler Integrationspolitik teilt.",
		OrgSummary:       "{label} in {place}. Schwerpunkt: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: Veröffentlichung von {publisher} aus dem Jahr {year}.",
		NewsTitles:       []string{"{topic}: {place} kündigt neue Maßnahmen an", "{topic}: {place} stellt erste Ergebnisse vor", "{topic}: neue Zahlen aus {place}", "{topic}: Partner in {place} unterzeichnen Vereinbarung"},
		NewsSummary:      "Neueste Entwicklungen in {place}: {topic}.",
		NewsSources:      []string{"Rundschau {place}", "Tageblatt {place}", "Migration aktuell"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} in {place} für Fachleute, Verwaltung und Zivilgesellschaft: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Förderung für Vereine und Kommunen, Frist {deadline}: {topic}.",
	},
	it: {
		PracticeTitles:   []string{"{topic} a {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: un'iniziativa locale a {place} per {benef}.",
		AuthorityLocal:   "Comune di {place}",
		AuthorityRegion:  "Città metropolitana di {place}",
		AuthoritySummary: "{label} ({place}) che condivide la propria esperienza nelle politiche locali di integrazione.",
		OrgSummary:       "{label} con sede a {place}. Ambito principale: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: documento pubblicato da {publisher} nel {year}.",
		NewsTitles:       []string{"{topic}: {place} annuncia nuove misure", "{topic}: {place} presenta i primi risultati", "{topic}: nuovi dati pubblicati a {place}", "{topic}: firmato un accordo tra i partner di {place}"},
		NewsSummary:      "Ultimi sviluppi a {place}: {topic}.",
		NewsSources:      []string{"Il Corriere di {place}", "La Gazzetta di {place}", "Migrazioni Oggi"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} a {place} per operatori, decisori e società civile: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Finanziamenti per organizzazioni ed enti locali, scadenza {deadline}: {topic}.",
	},
	es: {
		PracticeTitles:   []string{"{topic} en {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: una iniciativa local en {place} para {benef}.",
		AuthorityLocal:   "Ayuntamiento de {place}",
		AuthorityRegion:  "Área Metropolitana de {place}",
		AuthoritySummary: "{label} ({place}) que comparte su experiencia en políticas locales de integración.",
		OrgSummary:       "{label} con sede en {place}. Ámbito principal: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: documento publicado por {publisher} en {year}.",
		NewsTitles:       []string{"{topic}: {place} anuncia nuevas medidas", "{topic}: {place} presenta los primeros resultados", "{topic}: nuevos datos publicados en {place}", "{topic}: los socios de {place} firman un acuerdo"},
		NewsSummary:      "Últimas novedades en {place}: {topic}.",
		NewsSources:      []string{"Diario de {place}", "El Correo de {place}", "Migraciones Hoy"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} en {place} para profesionales, responsables políticos y sociedad civil: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Financiación para organizaciones y entidades locales, plazo {deadline}: {topic}.",
	},
	pl: {
		PracticeTitles:   []string{"{topic} – {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: lokalna inicjatywa ({place}) skierowana do {benef}.",
		AuthorityLocal:   "Miasto {place}",
		AuthorityRegion:  "Metropolia {place}",
		AuthoritySummary: "{label} ({place}) dzielący się doświadczeniami w zakresie lokalnej polityki integracyjnej.",
		OrgSummary:       "{label} ({place}). Główny obszar działań: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: dokument opublikowany przez {publisher} w {year} r.",
		NewsTitles:       []string{"{topic}: {place} zapowiada nowe działania", "{topic}: {place} przedstawia pierwsze wyniki", "{topic}: nowe dane – {place}", "{topic}: porozumienie partnerów ({place})"},
		NewsSummary:      "Najnowsze informacje ({place}): {topic}.",
		NewsSources:      []string{"Gazeta {place}", "Kurier {place}", "Migracje Dziś"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} ({place}) dla praktyków, decydentów i organizacji społecznych: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Dofinansowanie dla organizacji i samorządów, termin {deadline}: {topic}.",
	},
	nl: {
		PracticeTitles:   []string{"{topic} in {place}", "{name}: {topic}", "{place}: {topic}"},
		PracticeSummary:  "{topic}: een lokaal initiatief in {place} voor {benef}.",
		AuthorityLocal:   "Gemeente {place}",
		AuthorityRegion:  "Regio {place}",
		AuthoritySummary: "{label} ({place}) die haar ervaring met lokaal integratiebeleid deelt.",
		OrgSummary:       "{label} in {place}. Belangrijkste werkterrein: {topic}.",
		DocTitles:        []string{"{label}: {topic}", "{label}: {topic} ({year})", "{topic} – {label} {year}"},
		DocSummary:       "{topic}: document gepubliceerd door {publisher} in {year}.",
		NewsTitles:       []string{"{topic}: {place} kondigt nieuwe maatregelen aan", "{topic}: {place} presenteert eerste resultaten", "{topic}: nieuwe cijfers uit {place}", "{topic}: partners in {place} tekenen akkoord"},
		NewsSummary:      "Laatste ontwikkelingen in {place}: {topic}.",
		NewsSources:      []string{"Dagblad {place}", "Nieuwsblad {place}", "Migratie Vandaag"},
		EventTitle:       "{kind}: {topic} – {place}",
		EventSummary:     "{kind} in {place} voor professionals, beleidsmakers en middenveld: {topic}.",
		FundingTitle:     "{label} {year}: {topic}",
		FundingSummary:   "Financiering voor organisaties en gemeenten, deadline {deadline}: {topic}.",
	},
}

// fill replaces each {key} of tpl by its value; kv alternates keys (without
// braces) and values.
func fill(tpl string, kv ...string) string {
	var b strings.Builder
	b.Grow(len(tpl) + 32)
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		b.WriteString(tpl[:i])
		key := tpl[i+1 : i+j]
		val, found := "", false
		for k := 0; k+1 < len(kv); k += 2 {
			if kv[k] == key {
				val, found = kv[k+1], true
				break
			}
		}
		if !found {
			val = tpl[i : i+j+1]
		}
		b.WriteString(val)
		tpl = tpl[i+j+1:]
	}
}
