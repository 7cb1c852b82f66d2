package demo

// beneficiaryTable lists target groups: the English label (the value written in
// a practice's beneficiaries) and the form each language uses after "for"
// (French with its article, Polish in the genitive).
var beneficiaryTable = []words{
	{"refugees", "les réfugiés", "Geflüchtete", "rifugiati", "personas refugiadas", "uchodźców", "vluchtelingen"},
	{"asylum seekers", "les demandeurs d'asile", "Asylsuchende", "richiedenti asilo", "solicitantes de asilo", "osób ubiegających się o azyl", "asielzoekers"},
	{"third-country nationals", "les ressortissants de pays tiers", "Drittstaatsangehörige", "cittadini di paesi terzi", "nacionales de terceros países", "obywateli państw trzecich", "derdelanders"},
	{"newly arrived migrants", "les primo-arrivants", "Neuzugewanderte", "migranti appena arrivati", "migrantes recién llegados", "nowo przybyłych migrantów", "nieuwkomers"},
	{"women", "les femmes", "Frauen", "donne", "mujeres", "kobiet", "vrouwen"},
	{"young people", "les jeunes", "junge Menschen", "giovani", "jóvenes", "młodzieży", "jongeren"},
	{"children", "les enfants", "Kinder", "bambini", "niños y niñas", "dzieci", "kinderen"},
	{"families", "les familles", "Familien", "famiglie", "familias", "rodzin", "gezinnen"},
	{"unaccompanied minors", "les mineurs non accompagnés", "unbegleitete Minderjährige", "minori stranieri non accompagnati", "menores no acompañados", "małoletnich bez opieki", "alleenstaande minderjarige vreemdelingen"},
	{"older migrants", "les migrants âgés", "ältere Zugewanderte", "migranti anziani", "personas mayores migrantes", "starszych migrantów", "oudere migranten"},
	{"students", "les étudiants", "Studierende", "studenti", "estudiantes", "studentów", "studenten"},
	{"employers", "les employeurs", "Arbeitgeber", "datori di lavoro", "empleadores", "pracodawców", "werkgevers"},
	{"teachers", "les enseignants", "Lehrkräfte", "insegnanti", "docentes", "nauczycieli", "leerkrachten"},
	{"public officials", "les agents publics", "Beschäftigte der Verwaltung", "funzionari pubblici", "personal de la administración", "urzędników", "ambtenaren"},
	{"health professionals", "les professionnels de santé", "Gesundheitsfachkräfte", "operatori sanitari", "profesionales sanitarios", "pracowników ochrony zdrowia", "zorgprofessionals"},
	{"local residents", "les habitants", "Anwohnerinnen und Anwohner", "residenti", "vecinos y vecinas", "mieszkańców", "buurtbewoners"},
}

// orgTypeDef is an organisation type with its words.
type orgTypeDef struct {
	Slug   string
	Weight float64
	Label  words  // what the organisation is, for summaries
	Name   words  // name template with {coin} and {place}
	Office string // the English name of its contact office
}

// orgTypes are the organisation types in graph.OrgTypes order, with the share
// of organisations of each type drawn at random (EU institutions are placed by
// index instead, see organisations.go).
var orgTypes = []orgTypeDef{
	{"civil_society", 30, words{"Civil society organisation", "Organisation de la société civile", "Zivilgesellschaftliche Organisation", "Organizzazione della società civile", "Organización de la sociedad civil", "Organizacja pozarządowa", "Maatschappelijke organisatie"},
		words{"{coin} Integration Network {place}", "Association {coin} {place}", "{coin} e.V. {place}", "Associazione {coin} {place}", "Asociación {coin} {place}", "Stowarzyszenie {coin} {place}", "Vereniging {coin} {place}"}, "Project team"},
	{"local_authority", 8, words{"Local authority", "Collectivité locale", "Kommunalverwaltung", "Ente locale", "Entidad local", "Samorząd lokalny", "Lokale overheid"},
		words{"{place} City Council – Integration Department", "Ville de {place} – Service Intégration", "Stadt {place} – Integrationsbüro", "Comune di {place} – Ufficio Immigrazione", "Ayuntamiento de {place} – Servicio de Inmigración", "Urząd Miasta {place} – Biuro ds. Cudzoziemców", "Gemeente {place} – Afdeling Inburgering"}, "Integration Department"},
	{"regional_authority", 4, words{"Regional authority", "Collectivité régionale", "Regionalverwaltung", "Ente regionale", "Administración regional", "Samorząd regionalny", "Regionale overheid"},
		words{"{place} Regional Integration Office", "Conseil régional – Délégation de {place}", "Regionalverband {place} – Integration", "Regione – Sede di {place}", "Delegación Regional de {place}", "Urząd Wojewódzki – Oddział {place}", "Provincie – Regiokantoor {place}"}, "Regional Integration Office"},
	{"national_government", 5, words{"National government body", "Administration nationale", "Nationale Behörde", "Amministrazione nazionale", "Administración nacional", "Administracja rządowa", "Nationale overheid"},
		words{"National Integration Agency – {place} Office", "Office national de l'intégration – {place}", "Bundesamt für Integration – Außenstelle {place}", "Agenzia nazionale per l'integrazione – {place}", "Agencia Nacional de Integración – {place}", "Krajowa Agencja ds. Integracji – {place}", "Rijksdienst voor Integratie – {place}"}, "Information Desk"},
	{"eu_institution", 0, words{"EU body", "Organe de l'UE", "EU-Einrichtung", "Organismo dell'UE", "Organismo de la UE", "Instytucja UE", "EU-instelling"},
		words{"European {coin} Office for Integration", "European {coin} Office for Integration", "European {coin} Office for Integration", "European {coin} Office for Integration", "European {coin} Office for Integration", "European {coin} Office for Integration", "European {coin} Office for Integration"}, "Secretariat"},
	{"international_organisation", 3, words{"International organisation", "Organisation internationale", "Internationale Organisation", "Organizzazione internazionale", "Organización internacional", "Organizacja międzynarodowa", "Internationale organisatie"},
		words{"{coin} International – {place} Office", "{coin} International – {place} Office", "{coin} International – {place} Office", "{coin} International – {place} Office", "{coin} International – {place} Office", "{coin} International – {place} Office", "{coin} International – {place} Office"}, "Country Office"},
	{"academia", 12, words{"Research institute", "Institut de recherche", "Forschungsinstitut", "Istituto di ricerca", "Instituto de investigación", "Instytut badawczy", "Onderzoeksinstituut"},
		words{"{place} Centre for Migration Studies", "Centre d'études des migrations de {place}", "Zentrum für Migrationsforschung {place}", "Centro studi sulle migrazioni di {place}", "Centro de Estudios Migratorios de {place}", "Ośrodek Badań nad Migracjami – {place}", "Centrum voor Migratiestudies {place}"}, "Research Office"},
	{"business", 8, words{"Company", "Entreprise", "Unternehmen", "Impresa", "Empresa", "Przedsiębiorstwo", "Bedrijf"},
		words{"{coin} Consulting {place}", "{coin} Conseil {place}", "{coin} Beratung GmbH {place}", "{coin} Consulenze S.r.l. {place}", "{coin} Consultores S.L. {place}", "{coin} Doradztwo sp. z o.o. {place}", "{coin} Advies B.V. {place}"}, "Diversity Office"},
	{"foundation", 8, words{"Foundation", "Fondation", "Stiftung", "Fondazione", "Fundación", "Fundacja", "Stichting"},
		words{"{coin} Foundation", "Fondation {coin}", "{coin}-Stiftung", "Fondazione {coin}", "Fundación {coin}", "Fundacja {coin}", "Stichting {coin}"}, "Grants Office"},
	{"social_partner", 8, words{"Social partner", "Partenaire social", "Sozialpartner", "Parte sociale", "Agente social", "Partner społeczny", "Sociale partner"},
		words{"{place} Trade Union Council – Migrant Workers Desk", "Union syndicale de {place} – Pôle travailleurs migrants", "Gewerkschaftsbund Region {place}", "Camera del Lavoro di {place} – Sportello migranti", "Unión Sindical de {place} – Centro para Trabajadores Migrantes", "Związek Zawodowy Region {place}", "Vakbond Regio {place} – Steunpunt arbeidsmigranten"}, "Migrant Workers Desk"},
	{"migrant_association", 12, words{"Migrant association", "Association de migrants", "Migrantenorganisation", "Associazione di migranti", "Asociación de migrantes", "Stowarzyszenie migrantów", "Migrantenorganisatie"},
		words{"{coin} Migrant Association {place}", "Association {coin} des migrants de {place}", "Migrantenverein {coin} {place}", "Associazione migranti {coin} {place}", "Asociación de Migrantes {coin} {place}", "Stowarzyszenie Migrantów {coin} {place}", "Migrantenorganisatie {coin} {place}"}, "Community Desk"},
}

// docTypeDef is a document type with its share and title label.
type docTypeDef struct {
	Slug   string
	Weight float64
	Label  words
}

// docTypes are the document types in graph.DocTypes order with their share and
// the label titles start with.
var docTypes = []docTypeDef{
	{"legislation", 10, words{"Law", "Loi", "Gesetz", "Legge", "Ley", "Ustawa", "Wet"}},
	{"policy_paper", 12, words{"Policy paper", "Note d'orientation", "Positionspapier", "Documento programmatico", "Documento de política", "Dokument programowy", "Beleidsnota"}},
	// no generated policy measures (weight 0 keeps the generated data as it was)
	{"policy_measure", 0, words{"Policy measure", "Mesure politique", "Politische Maßnahme", "Misura politica", "Medida política", "Działanie polityczne", "Beleidsmaatregel"}},
	{"report", 18, words{"Report", "Rapport", "Bericht", "Rapporto", "Informe", "Raport", "Rapport"}},
	{"research", 14, words{"Study", "Étude", "Studie", "Studio", "Estudio", "Badanie", "Onderzoek"}},
	{"impact_assessment", 4, words{"Impact assessment", "Étude d'impact", "Folgenabschätzung", "Valutazione d'impatto", "Evaluación de impacto", "Ocena skutków regulacji", "Effectbeoordeling"}},
	{"evaluation", 7, words{"Evaluation", "Évaluation", "Evaluation", "Valutazione", "Evaluación", "Ewaluacja", "Evaluatie"}},
	{"statistics", 8, words{"Statistics", "Statistiques", "Statistik", "Statistiche", "Estadísticas", "Statystyki", "Statistieken"}},
	{"tender", 3, words{"Call for tenders", "Appel d'offres", "Ausschreibung", "Bando di gara", "Licitación", "Przetarg", "Aanbesteding"}},
	{"project_description", 10, words{"Project description", "Description de projet", "Projektbeschreibung", "Descrizione del progetto", "Descripción del proyecto", "Opis projektu", "Projectbeschrijving"}},
	{"handbook", 8, words{"Handbook", "Guide pratique", "Handbuch", "Manuale", "Manual", "Podręcznik", "Handboek"}},
	{"other", 6, words{"Fact sheet", "Fiche d'information", "Faktenblatt", "Scheda informativa", "Ficha informativa", "Ulotka informacyjna", "Factsheet"}},
}

// eventKinds name kinds of event.
var eventKinds = []words{
	{"Conference", "Conférence", "Konferenz", "Conferenza", "Conferencia", "Konferencja", "Conferentie"},
	{"Workshop", "Atelier", "Workshop", "Laboratorio", "Taller", "Warsztaty", "Workshop"},
	{"Seminar", "Séminaire", "Seminar", "Seminario", "Seminario", "Seminarium", "Seminar"},
	{"Webinar", "Webinaire", "Webinar", "Webinar", "Webinario", "Webinarium", "Webinar"},
	{"Round table", "Table ronde", "Runder Tisch", "Tavola rotonda", "Mesa redonda", "Okrągły stół", "Rondetafel"},
	{"Training", "Formation", "Fortbildung", "Formazione", "Formación", "Szkolenie", "Training"},
}

// callLabels name kinds of funding call.
var callLabels = []words{
	{"Call for proposals", "Appel à projets", "Förderaufruf", "Bando", "Convocatoria de subvenciones", "Nabór wniosków", "Subsidieoproep"},
	{"Small grants", "Petites subventions", "Kleinprojektefonds", "Piccoli contributi", "Pequeñas ayudas", "Mikrogranty", "Kleine subsidies"},
	{"Grant programme", "Programme de subventions", "Förderprogramm", "Programma di finanziamento", "Programa de ayudas", "Program grantowy", "Subsidieprogramma"},
}

// euProgrammes are EU funding programmes relevant to integration.
var euProgrammes = []string{
	"Asylum, Migration and Integration Fund (AMIF)",
	"European Social Fund Plus (ESF+)",
	"Erasmus+",
	"Citizens, Equality, Rights and Values (CERV)",
	"European Regional Development Fund (ERDF)",
	"Creative Europe",
	"Horizon Europe",
}

// nationalProgramme names a country's own integration funding.
var nationalProgramme = words{"National integration programme", "Programme national d'intégration", "Bundesprogramm Integration", "Programma nazionale per l'integrazione", "Programa nacional de integración", "Krajowy program integracji", "Nationaal integratieprogramma"}

// localProgramme names a city's own grants; {place} is the city.
var localProgramme = words{"{place} community grants", "Subventions municipales de {place}", "Integrationsfonds der Stadt {place}", "Contributi comunali di {place}", "Subvenciones municipales de {place}", "Granty miejskie – {place}", "Subsidies gemeente {place}"}

// exonyms gives the local name of cities the reference data spells in English,
// by "CC/Name" and bank language; titles and names use it, the city and place
// fields keep the reference spelling.
var exonyms = map[string]map[int]string{
	"AT/Vienna":    {de: "Wien"},
	"BE/Brussels":  {fr: "Bruxelles", nl: "Brussel", de: "Brüssel"},
	"CH/Geneva":    {fr: "Genève", de: "Genf"},
	"CH/Zurich":    {de: "Zürich"},
	"DE/Munich":    {de: "München"},
	"DE/Cologne":   {de: "Köln"},
	"IT/Florence":  {it: "Firenze"},
	"IT/Genoa":     {it: "Genova"},
	"IT/Milan":     {it: "Milano"},
	"IT/Naples":    {it: "Napoli"},
	"IT/Padua":     {it: "Padova"},
	"IT/Rome":      {it: "Roma"},
	"IT/Turin":     {it: "Torino"},
	"IT/Venice":    {it: "Venezia"},
	"NL/The Hague": {nl: "Den Haag"},
	"PL/Warsaw":    {pl: "Warszawa"},
}

// localName returns the name of city c in bank language l.
func localName(c *City, l int) string {
	if m, ok := exonyms[c.Country+"/"+c.Name]; ok {
		if n, ok := m[l]; ok {
			return n
		}
	}
	return c.Name
}
