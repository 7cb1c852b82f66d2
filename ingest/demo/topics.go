package demo

// The languages with word banks, in the column order of every bank table.
const (
	en = iota
	fr
	de
	it
	es
	pl
	nl
	nBankLangs
)

// bankLangs are the ISO 639-1 codes of the bank columns.
var bankLangs = [nBankLangs]string{"en", "fr", "de", "it", "es", "pl", "nl"}

// bankOf returns the bank column of an ISO 639-1 code, or -1.
func bankOf(code string) int {
	for i, c := range bankLangs {
		if c == code {
			return i
		}
	}
	return -1
}

// words is one phrase in every bank language, in bankLangs order.
type words [nBankLangs]string

// topicTable gives each subtheme a noun phrase that titles and summaries are
// built around. Phrases start with a capital and read well at the start of a
// title or after a colon.
var topicTable = map[string]words{
	"residence-work-permits":            {"Guidance on residence and work permits", "Accompagnement pour les titres de séjour et permis de travail", "Beratung zu Aufenthalts- und Arbeitserlaubnissen", "Orientamento su permessi di soggiorno e di lavoro", "Asesoramiento sobre permisos de residencia y trabajo", "Doradztwo w sprawie zezwoleń na pobyt i pracę", "Begeleiding bij verblijfs- en werkvergunningen"},
	"civic-citizenship":                 {"Civic participation of newcomers", "Participation civique des nouveaux arrivants", "Bürgerschaftliche Teilhabe von Neuzugewanderten", "Partecipazione civica dei nuovi arrivati", "Participación cívica de los recién llegados", "Aktywność obywatelska nowo przybyłych", "Burgerschap van nieuwkomers"},
	"naturalisation":                    {"Support on the path to naturalisation", "Accompagnement vers la naturalisation", "Begleitung auf dem Weg zur Einbürgerung", "Percorsi verso la cittadinanza", "Acompañamiento hacia la nacionalidad", "Wsparcie w drodze do obywatelstwa", "Ondersteuning op weg naar naturalisatie"},
	"political-participation":           {"Migrant voices in local politics", "La voix des migrants dans la politique locale", "Migrantische Stimmen in der Kommunalpolitik", "La voce dei migranti nella politica locale", "La voz de los migrantes en la política local", "Głos migrantów w polityce lokalnej", "Stem van migranten in de lokale politiek"},
	"volunteering-third-sector":         {"Volunteering for and with refugees", "Bénévolat avec et pour les réfugiés", "Ehrenamt mit und für Geflüchtete", "Volontariato con e per i rifugiati", "Voluntariado con y para personas refugiadas", "Wolontariat z uchodźcami i dla uchodźców", "Vrijwilligerswerk met en voor vluchtelingen"},
	"consultation":                      {"Consultation of migrant communities", "Consultation des communautés immigrées", "Beteiligung migrantischer Communities", "Consultazione delle comunità migranti", "Consulta a las comunidades migrantes", "Konsultacje ze społecznościami migrantów", "Inspraak van migrantengemeenschappen"},
	"mediation-dialogue-platforms":      {"Neighbourhood mediation and dialogue", "Médiation de quartier et dialogue", "Nachbarschaftsmediation und Dialog", "Mediazione di quartiere e dialogo", "Mediación vecinal y diálogo", "Mediacje sąsiedzkie i dialog", "Buurtbemiddeling en dialoog"},
	"civic-education":                   {"Civic orientation courses", "Formation civique des primo-arrivants", "Orientierungskurse für Neuzugewanderte", "Corsi di educazione civica", "Cursos de orientación cívica", "Kursy edukacji obywatelskiej", "Maatschappelijke oriëntatie voor nieuwkomers"},
	"employment":                        {"Job coaching for newcomers", "Accompagnement vers l'emploi des nouveaux arrivants", "Jobcoaching für Neuzugewanderte", "Accompagnamento al lavoro per i nuovi arrivati", "Orientación laboral para recién llegados", "Aktywizacja zawodowa nowo przybyłych", "Jobcoaching voor nieuwkomers"},
	"recognition-qualifications-skills": {"Recognition of foreign qualifications", "Reconnaissance des diplômes étrangers", "Anerkennung ausländischer Berufsabschlüsse", "Riconoscimento dei titoli di studio esteri", "Reconocimiento de titulaciones extranjeras", "Uznawanie kwalifikacji zagranicznych", "Erkenning van buitenlandse diploma's"},
	"vocational-training-career":        {"Vocational training and apprenticeships", "Formation professionnelle et apprentissage", "Berufliche Qualifizierung und Ausbildung", "Formazione professionale e apprendistato", "Formación profesional y aprendizaje", "Kształcenie zawodowe i praktyki", "Beroepsopleiding en leerwerktrajecten"},
	"workforce-diversity":               {"Diversity management in the workplace", "Gestion de la diversité en entreprise", "Diversity-Management in Unternehmen", "Gestione della diversità sul lavoro", "Gestión de la diversidad en el trabajo", "Zarządzanie różnorodnością w miejscu pracy", "Diversiteitsbeleid op de werkvloer"},
	"self-employment-entrepreneurship":  {"Mentoring for migrant entrepreneurs", "Mentorat pour entrepreneurs immigrés", "Mentoring für migrantische Gründerinnen und Gründer", "Mentoring per imprenditori migranti", "Mentoría para emprendedores migrantes", "Mentoring dla przedsiębiorców migrantów", "Mentoring voor ondernemers met een migratieachtergrond"},
	"supplier-diversity":                {"Opening public procurement to migrant-owned businesses", "Ouverture des marchés publics aux entreprises de migrants", "Öffentliche Aufträge für migrantische Unternehmen", "Appalti pubblici aperti alle imprese di migranti", "Contratación pública abierta a empresas de migrantes", "Zamówienia publiczne dla firm prowadzonych przez migrantów", "Aanbestedingen open voor migrantenondernemers"},
	"housing-urban-development":         {"Affordable housing for refugees", "Logement abordable pour les réfugiés", "Bezahlbarer Wohnraum für Geflüchtete", "Alloggi accessibili per i rifugiati", "Vivienda asequible para personas refugiadas", "Przystępne mieszkania dla uchodźców", "Betaalbare huisvesting voor vluchtelingen"},
	"social-inclusion":                  {"Welcome centres and social inclusion", "Centres d'accueil et inclusion sociale", "Willkommenszentren und soziale Inklusion", "Centri di accoglienza e inclusione sociale", "Centros de acogida e inclusión social", "Centra wsparcia i włączenie społeczne", "Welkomstcentra en sociale inclusie"},
	"social-protection":                 {"Access to social benefits", "Accès aux prestations sociales", "Zugang zu Sozialleistungen", "Accesso alle prestazioni sociali", "Acceso a las prestaciones sociales", "Dostęp do świadczeń socjalnych", "Toegang tot sociale voorzieningen"},
	"health":                            {"Intercultural health mediation", "Médiation interculturelle en santé", "Interkulturelle Gesundheitslotsen", "Mediazione interculturale in sanità", "Mediación intercultural en salud", "Międzykulturowa mediacja w ochronie zdrowia", "Interculturele bemiddeling in de zorg"},
	"other-services":                    {"One-stop shops for migrants", "Guichets uniques pour les migrants", "Anlaufstellen für Zugewanderte", "Sportelli unici per migranti", "Ventanillas únicas para migrantes", "Punkty kompleksowej obsługi migrantów", "Eén loket voor migranten"},
	"school-education":                  {"Welcome classes in primary schools", "Classes d'accueil à l'école primaire", "Willkommensklassen an Grundschulen", "Classi di accoglienza nella scuola primaria", "Aulas de acogida en primaria", "Klasy przygotowawcze w szkołach podstawowych", "Schakelklassen in het basisonderwijs"},
	"out-of-school-education":           {"Lifelong learning for adult migrants", "Formation tout au long de la vie pour adultes migrants", "Lebenslanges Lernen für erwachsene Zugewanderte", "Apprendimento permanente per adulti migranti", "Aprendizaje permanente para personas adultas migrantes", "Kształcenie ustawiczne dorosłych migrantów", "Levenslang leren voor volwassen migranten"},
	"language-competencies":             {"Language cafés and conversation groups", "Cafés linguistiques et groupes de conversation", "Sprachcafés und Gesprächsgruppen", "Caffè linguistici e gruppi di conversazione", "Cafés de idiomas y grupos de conversación", "Kawiarenki językowe i grupy konwersacyjne", "Taalcafés en conversatiegroepen"},
	"e-learning":                        {"Online language learning for refugees", "Apprentissage des langues en ligne pour les réfugiés", "Digitales Sprachenlernen für Geflüchtete", "Apprendimento linguistico online per rifugiati", "Aprendizaje de idiomas en línea para refugiados", "Nauka języka online dla uchodźców", "Online taalonderwijs voor vluchtelingen"},
	"intercultural-dialogue":            {"Interreligious dialogue in the neighbourhood", "Dialogue interreligieux dans le quartier", "Interreligiöser Dialog im Stadtteil", "Dialogo interreligioso nel quartiere", "Diálogo interreligioso en el barrio", "Dialog międzyreligijny w sąsiedztwie", "Interreligieuze dialoog in de wijk"},
	"cultural-activities-diversity":     {"Community arts and cultural diversity", "Arts participatifs et diversité culturelle", "Kulturelle Vielfalt und Stadtteilkultur", "Arte partecipativa e diversità culturale", "Arte comunitario y diversidad cultural", "Sztuka społeczna i różnorodność kulturowa", "Gemeenschapskunst en culturele diversiteit"},
	"anti-discrimination-work":          {"Tackling discrimination in recruitment", "Lutte contre les discriminations à l'embauche", "Diskriminierungsfreie Personalauswahl", "Contrasto alle discriminazioni nelle assunzioni", "Contra la discriminación en la contratación", "Przeciwdziałanie dyskryminacji w rekrutacji", "Aanpak van discriminatie bij werving"},
	"anti-discrimination-services":      {"Equal treatment in public services", "Égalité de traitement dans les services publics", "Gleichbehandlung in öffentlichen Diensten", "Parità di trattamento nei servizi pubblici", "Igualdad de trato en los servicios públicos", "Równe traktowanie w usługach publicznych", "Gelijke behandeling in de publieke dienstverlening"},
	"access-to-justice":                 {"Free legal advice for migrants", "Conseil juridique gratuit pour les migrants", "Kostenlose Rechtsberatung für Zugewanderte", "Consulenza legale gratuita per migranti", "Asesoría jurídica gratuita para migrantes", "Bezpłatna pomoc prawna dla migrantów", "Gratis juridisch advies voor migranten"},
	"equal-opportunities":               {"Equal opportunities for migrant women", "Égalité des chances pour les femmes migrantes", "Chancengleichheit für zugewanderte Frauen", "Pari opportunità per le donne migranti", "Igualdad de oportunidades para mujeres migrantes", "Równe szanse dla kobiet migrantek", "Gelijke kansen voor migrantenvrouwen"},
	"positive-action":                   {"Traineeships for young people with a migrant background", "Stages pour les jeunes issus de l'immigration", "Praktika für junge Menschen mit Migrationsgeschichte", "Tirocini per giovani con background migratorio", "Prácticas para jóvenes de origen migrante", "Staże dla młodzieży z doświadczeniem migracji", "Stages voor jongeren met een migratieachtergrond"},
	"benchmarking":                      {"Benchmarking local integration policies", "Évaluation comparative des politiques locales d'intégration", "Benchmarking kommunaler Integrationspolitik", "Benchmarking delle politiche locali di integrazione", "Evaluación comparativa de políticas locales de integración", "Benchmarking lokalnych polityk integracyjnych", "Benchmarking van lokaal integratiebeleid"},
	"indicators":                        {"Local integration indicators", "Indicateurs locaux d'intégration", "Kommunale Integrationsindikatoren", "Indicatori locali di integrazione", "Indicadores locales de integración", "Lokalne wskaźniki integracji", "Lokale integratie-indicatoren"},
	"evaluation-impact-assessment":      {"Impact assessment of integration programmes", "Évaluation d'impact des programmes d'intégration", "Wirkungsanalyse von Integrationsprogrammen", "Valutazione d'impatto dei programmi di integrazione", "Evaluación de impacto de los programas de integración", "Ocena skutków programów integracyjnych", "Effectmeting van integratieprogramma's"},
	"mainstreaming":                     {"Mainstreaming integration across departments", "Intégration transversale dans les services", "Integration als Querschnittsaufgabe der Verwaltung", "Integrazione trasversale nelle politiche comunali", "Transversalidad de la integración en la administración", "Integracja jako zadanie całej administracji", "Integratie als taak van alle afdelingen"},
	"infrastructure":                    {"Integration centres and shared infrastructure", "Maisons de l'intégration et équipements partagés", "Integrationszentren und gemeinsame Infrastruktur", "Centri per l'integrazione e infrastrutture condivise", "Centros de integración e infraestructuras compartidas", "Centra integracji i wspólna infrastruktura", "Integratiecentra en gedeelde voorzieningen"},
	"media":                             {"Diversity in local media", "Diversité dans les médias locaux", "Vielfalt in lokalen Medien", "Diversità nei media locali", "Diversidad en los medios locales", "Różnorodność w mediach lokalnych", "Diversiteit in de lokale media"},
	"awareness-raising":                 {"Awareness campaigns against prejudice", "Campagnes de sensibilisation contre les préjugés", "Sensibilisierungskampagnen gegen Vorurteile", "Campagne di sensibilizzazione contro i pregiudizi", "Campañas de sensibilización contra los prejuicios", "Kampanie społeczne przeciw uprzedzeniom", "Bewustwordingscampagnes tegen vooroordelen"},
}

// topic returns the phrase of a subtheme in bank language l.
func topic(sub string, l int) string { return topicTable[sub][l] }
