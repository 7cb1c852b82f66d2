package graph

import (
	"io"
	"slices"
	"strings"
)

// Criterion is a publishing criterion a moderator checks a contribution against.
type Criterion string

// The criteria. The first five are EWSI's for practices; the others are ours for
// the other kinds.
const (
	CritRunningAYear        Criterion = "running_a_year"
	CritClearDescription    Criterion = "clear_description"
	CritRespondsToNeeds     Criterion = "responds_to_needs"
	CritEngagesStakeholders Criterion = "engages_stakeholders"
	CritTransferable        Criterion = "transferable"
	CritOnTopic             Criterion = "on_topic"
	CritSourceLinked        Criterion = "source_linked"
	CritAccurate            Criterion = "accurate"
	CritNotPromotional      Criterion = "not_promotional"
	CritCurrent             Criterion = "current"
	CritVerifiable          Criterion = "verifiable"
)

var allCriteria = []string{"running_a_year", "clear_description", "responds_to_needs", "engages_stakeholders",
	"transferable", "on_topic", "source_linked", "accurate", "not_promotional", "current", "verifiable"}

// Valid reports whether c is a criterion.
func (c Criterion) Valid() bool { return slices.Contains(allCriteria, string(c)) }

// MarshalGQL writes the GraphQL enum value.
func (c Criterion) MarshalGQL(w io.Writer) { writeEnum(w, string(c)) }

// UnmarshalGQL reads the GraphQL enum value.
func (c *Criterion) UnmarshalGQL(v any) error {
	return readEnum(v, "Criterion", allCriteria, (*string)(c))
}

// kindCriteria are the criteria each kind is published against, in the order
// forms show them.
var kindCriteria = map[ContributionKind][]Criterion{
	ContribPractice:     {CritRunningAYear, CritClearDescription, CritRespondsToNeeds, CritEngagesStakeholders, CritTransferable},
	ContribDocument:     {CritOnTopic, CritSourceLinked, CritAccurate},
	ContribNews:         {CritOnTopic, CritSourceLinked, CritAccurate, CritCurrent},
	ContribEvent:        {CritOnTopic, CritSourceLinked, CritCurrent, CritNotPromotional},
	ContribFunding:      {CritOnTopic, CritSourceLinked, CritCurrent},
	ContribLink:         {CritOnTopic, CritSourceLinked, CritNotPromotional},
	ContribOrganisation: {CritOnTopic, CritVerifiable, CritNotPromotional},
}

// CriteriaOf returns the criteria of kind k.
func CriteriaOf(k ContributionKind) []Criterion { return slices.Clone(kindCriteria[k]) }

// criterionTexts word each criterion in English, French and German.
var criterionTexts = map[Criterion][3]string{
	CritRunningAYear: {
		"It has been running for at least a year, or has become a regular service.",
		"Elle fonctionne depuis au moins un an, ou est devenue un service régulier.",
		"Sie läuft seit mindestens einem Jahr oder ist zu einem regulären Angebot geworden."},
	CritClearDescription: {
		"Its context, objectives and actions are described clearly.",
		"Son contexte, ses objectifs et ses actions sont décrits clairement.",
		"Ihr Kontext, ihre Ziele und ihre Maßnahmen sind klar beschrieben."},
	CritRespondsToNeeds: {
		"It responds to the needs of the people it serves.",
		"Elle répond aux besoins des personnes auxquelles elle s'adresse.",
		"Sie entspricht dem Bedarf der Menschen, an die sie sich richtet."},
	CritEngagesStakeholders: {
		"It engages stakeholders, migrants among them.",
		"Elle associe les parties prenantes, dont les personnes migrantes.",
		"Sie bezieht die Beteiligten ein, darunter Migrantinnen und Migranten."},
	CritTransferable: {
		"Others could take it up elsewhere.",
		"D'autres pourraient la reprendre ailleurs.",
		"Andere könnten sie anderswo übernehmen."},
	CritOnTopic: {
		"It is about the integration of migrants in Europe.",
		"Il porte sur l'intégration des personnes migrantes en Europe.",
		"Es geht um die Integration von Migrantinnen und Migranten in Europa."},
	CritSourceLinked: {
		"It links to its source or to the organisation behind it, and the link works.",
		"Il renvoie à sa source ou à l'organisation qui en est à l'origine, et le lien fonctionne.",
		"Es verlinkt seine Quelle oder die Organisation dahinter, und der Link funktioniert."},
	CritAccurate: {
		"What it says can be checked against its source.",
		"Ce qu'il affirme peut être vérifié auprès de sa source.",
		"Was es aussagt, lässt sich an seiner Quelle überprüfen."},
	CritNotPromotional: {
		"It informs; it does not advertise a product or a paid service.",
		"Il informe ; il ne fait pas la publicité d'un produit ou d'un service payant.",
		"Es informiert; es wirbt nicht für ein Produkt oder eine bezahlte Dienstleistung."},
	CritCurrent: {
		"It is current: recent news, an event still to come, a call still open.",
		"Il est d'actualité : une nouvelle récente, un événement à venir, un appel encore ouvert.",
		"Es ist aktuell: eine neue Meldung, eine kommende Veranstaltung, ein noch offener Aufruf."},
	CritVerifiable: {
		"The organisation exists and can be checked: a website, an address.",
		"L'organisation existe et peut être vérifiée : un site web, une adresse.",
		"Die Organisation existiert und lässt sich überprüfen: eine Website, eine Adresse."},
}

// CriterionText is a criterion worded in one language.
type CriterionText struct {
	Criterion Criterion
	Text      string
}

// CriteriaText returns the criteria of kind k worded in lang (English when lang
// is neither French nor German).
func CriteriaText(k ContributionKind, lang Lang) []*CriterionText {
	out := []*CriterionText{}
	for _, c := range kindCriteria[k] {
		t := criterionTexts[c]
		out = append(out, &CriterionText{Criterion: c, Text: lang.Pick(t[0], t[1], t[2])})
	}
	return out
}

// CheckDecision checks a decision against the criteria of kind k: publishing
// needs every criterion of the kind; rejecting needs a reason. It returns the
// criteria met, deduplicated in the kind's order.
func CheckDecision(k ContributionKind, d ReviewDecision, met []Criterion, reason string) ([]Criterion, error) {
	var errs Errors
	if d != DecisionPublish && d != DecisionReject {
		errs = append(errs, Errorf(EINVALID, "decision", "%q is not PUBLISH or REJECT", d))
	}
	want := kindCriteria[k]
	for _, c := range met {
		if !slices.Contains(want, c) {
			errs = append(errs, Errorf(EINVALID, "criteriaMet", "%s is not a criterion of a %s", strings.ToUpper(string(c)), k))
		}
	}
	var out []Criterion
	var missing []string
	for _, c := range want {
		if slices.Contains(met, c) {
			out = append(out, c)
		} else {
			missing = append(missing, strings.ToUpper(string(c)))
		}
	}
	if d == DecisionPublish && len(missing) > 0 {
		errs = append(errs, Errorf(EINVALID, "criteriaMet", "a %s is published only when it meets every criterion; not met: %s", k, strings.Join(missing, ", ")))
	}
	if d == DecisionReject && strings.TrimSpace(reason) == "" {
		errs = append(errs, Errorf(EINVALID, "reason", "is required to reject: the contributor reads it"))
	}
	if len(reason) > 5000 {
		errs = append(errs, Errorf(EINVALID, "reason", "is longer than 5000 characters"))
	}
	if out == nil {
		out = []Criterion{}
	}
	return out, errs.Err()
}
