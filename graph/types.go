package graph

import (
	"time"

	"github.com/paulmach/orb"
)

// Node is anything in the graph addressable by a global id.
type Node interface {
	NodeID() string
	NodeKind() Kind
}

// Meta is what every node carries: a stable id, its timestamps, whether it is
// generated demo content, and its publication status.
type Meta struct {
	ID        string    `json:"id" prop:"id"`
	CreatedAt time.Time `json:"-" prop:"createdAt,readonly"`
	UpdatedAt time.Time `json:"-" prop:"updatedAt,readonly"`
	Demo      bool      `json:"demo,omitempty" prop:"demo"`
	Status    Status    `json:"status,omitempty" prop:"status"`
}

// NodeID returns the node's id.
func (m *Meta) NodeID() string { return m.ID }

// IsDemo says whether the node is generated demo content.
func (m *Meta) IsDemo() bool { return m.Demo }

// Theme is one of the six themes of the site.
type Theme struct {
	Meta
	Slug   string `json:"slug" prop:"slug"`
	Order  int    `json:"order" prop:"order"`
	NameEn string `json:"nameEn" prop:"nameEn"`
	NameFr string `json:"nameFr" prop:"nameFr"`
	NameDe string `json:"nameDe" prop:"nameDe"`
}

// Name returns the theme's name in lang, English when lang has none.
func (t *Theme) Name(lang *Lang) string { return pick(lang, t.NameEn, t.NameFr, t.NameDe) }

// NodeKind returns KindTheme.
func (t *Theme) NodeKind() Kind { return KindTheme }

// Subtheme is part of a theme.
type Subtheme struct {
	Meta
	Slug   string `json:"slug" prop:"slug"`
	Order  int    `json:"order" prop:"order"`
	NameEn string `json:"nameEn" prop:"nameEn"`
	NameFr string `json:"nameFr" prop:"nameFr"`
	NameDe string `json:"nameDe" prop:"nameDe"`
}

// Name returns the subtheme's name in lang, English when lang has none.
func (t *Subtheme) Name(lang *Lang) string { return pick(lang, t.NameEn, t.NameFr, t.NameDe) }

// NodeKind returns KindSubtheme.
func (t *Subtheme) NodeKind() Kind { return KindSubtheme }

// Principle is one of the eleven Common Basic Principles for immigrant integration policy.
// Its short title and text are in English, French and German.
type Principle struct {
	Meta
	Number  int    `json:"number" prop:"number"`
	ShortEn string `json:"short" prop:"short"`
	ShortFr string `json:"shortFr,omitempty" prop:"shortFr"`
	ShortDe string `json:"shortDe,omitempty" prop:"shortDe"`
	TextEn  string `json:"text" prop:"text"`
	TextFr  string `json:"textFr,omitempty" prop:"textFr"`
	TextDe  string `json:"textDe,omitempty" prop:"textDe"`
}

// Short returns the principle's short title in lang, English when lang has none.
func (p *Principle) Short(lang *Lang) string { return pick(lang, p.ShortEn, p.ShortFr, p.ShortDe) }

// Text returns what the principle says in lang, English when lang has none.
func (p *Principle) Text(lang *Lang) string { return pick(lang, p.TextEn, p.TextFr, p.TextDe) }

// NodeKind returns KindPrinciple.
func (p *Principle) NodeKind() Kind { return KindPrinciple }

// Country is a country on the map.
type Country struct {
	Meta
	ISO2      string     `json:"iso2" prop:"iso2"`
	ISO3      string     `json:"iso3" prop:"iso3"`
	Eurostat  string     `json:"eurostat" prop:"eurostat"`
	NameEn    string     `json:"nameEn" prop:"nameEn"`
	NameFr    string     `json:"nameFr" prop:"nameFr"`
	NameDe    string     `json:"nameDe" prop:"nameDe"`
	EU        bool       `json:"eu" prop:"eu"`
	Languages []string   `json:"languages" prop:"languages"`
	Location  *orb.Point `json:"-" prop:"location"`
}

// Name returns the country's name in lang, English when lang has none.
func (c *Country) Name(lang *Lang) string { return pick(lang, c.NameEn, c.NameFr, c.NameDe) }

// NodeKind returns KindCountry.
func (c *Country) NodeKind() Kind { return KindCountry }

// LocalAuthority is a city, municipality or region that shares practices.
type LocalAuthority struct {
	Meta
	Name       string     `json:"name" prop:"name"`
	Level      string     `json:"level" prop:"level"`
	Website    string     `json:"website,omitempty" prop:"website"`
	Population int        `json:"population,omitempty" prop:"population"`
	Lang       Lang       `json:"lang,omitempty" prop:"lang"`
	Summary    string     `json:"summary,omitempty" prop:"summary"`
	SummaryEn  string     `json:"summaryEn,omitempty" prop:"summaryEn"`
	Location   *orb.Point `json:"-" prop:"location"`
}

// NodeKind returns KindLocalAuthority.
func (a *LocalAuthority) NodeKind() Kind { return KindLocalAuthority }

// Organisation is an organisation working on integration.
type Organisation struct {
	Meta
	Name               string     `json:"name" prop:"name"`
	Type               OrgType    `json:"orgType" prop:"type"`
	Website            string     `json:"website,omitempty" prop:"website"`
	Languages          []string   `json:"languages,omitempty" prop:"languages"`
	LookingForPartners bool       `json:"lookingForPartners,omitempty" prop:"lookingForPartners"`
	City               string     `json:"city,omitempty" prop:"city"`
	Lang               Lang       `json:"lang,omitempty" prop:"lang"`
	Summary            string     `json:"summary,omitempty" prop:"summary"`
	SummaryEn          string     `json:"summaryEn,omitempty" prop:"summaryEn"`
	Location           *orb.Point `json:"-" prop:"location"`
}

// NodeKind returns KindOrganisation.
func (o *Organisation) NodeKind() Kind { return KindOrganisation }

// Person is a registered user. Email and PasswordHash never leave the server;
// the rest is public only when ShareDetails is true.
type Person struct {
	Meta
	Name         string   `json:"name" prop:"name"`
	Email        string   `json:"email" prop:"email,private"`
	ShareDetails bool     `json:"shareDetails" prop:"shareDetails"`
	Languages    []string `json:"languages,omitempty" prop:"languages"`
	Roles        []string `json:"roles,omitempty" prop:"roles"`
	PasswordHash string   `json:"-" prop:"passwordHash,private"`
}

// NodeKind returns KindPerson.
func (p *Person) NodeKind() Kind { return KindPerson }

// Practice is a good practice in the common template.
type Practice struct {
	Meta
	Title         string     `json:"title" prop:"title"`
	Lang          Lang       `json:"lang" prop:"lang"`
	Summary       string     `json:"summary" prop:"summary"`
	SummaryEn     string     `json:"summaryEn,omitempty" prop:"summaryEn"`
	Area          string     `json:"area,omitempty" prop:"area"`
	Challenge     string     `json:"challenge,omitempty" prop:"challenge"`
	HowItWorks    string     `json:"howItWorks,omitempty" prop:"howItWorks"`
	Results       string     `json:"results,omitempty" prop:"results"`
	Evaluation    string     `json:"evaluation,omitempty" prop:"evaluation"`
	Beneficiaries []string   `json:"beneficiaries,omitempty" prop:"beneficiaries"`
	StartDate     *Date      `json:"startDate,omitempty" prop:"startDate"`
	EndDate       *Date      `json:"endDate,omitempty" prop:"endDate"`
	Stage         string     `json:"stage,omitempty" prop:"stage"`
	Budget        float64    `json:"budget,omitempty" prop:"budget"`
	FundingSource string     `json:"fundingSource,omitempty" prop:"fundingSource"`
	Resources     string     `json:"resources,omitempty" prop:"resources"`
	Contact       string     `json:"contact,omitempty" prop:"contact"`
	Website       string     `json:"website,omitempty" prop:"website"`
	Location      *orb.Point `json:"-" prop:"location"`
}

// NodeKind returns KindPractice.
func (p *Practice) NodeKind() Kind { return KindPractice }

// Document is a piece of legislation, a policy paper, a report or similar.
type Document struct {
	Meta
	Title     string  `json:"title" prop:"title"`
	Type      DocType `json:"docType" prop:"type"`
	Lang      Lang    `json:"lang" prop:"lang"`
	Summary   string  `json:"summary,omitempty" prop:"summary"`
	SummaryEn string  `json:"summaryEn,omitempty" prop:"summaryEn"`
	Date      *Date   `json:"date,omitempty" prop:"date"`
	URL       string  `json:"url,omitempty" prop:"url"`
	CELEX     string  `json:"celex,omitempty" prop:"celex"`
	ELI       string  `json:"eli,omitempty" prop:"eli"`
	// Publisher names who published it when no organisation node does (EU law:
	// the Council, the European Parliament and the Council); TitleFr and TitleDe
	// are its official titles in French and German where it has them (EU law).
	Publisher string `json:"publisher,omitempty" prop:"publisher"`
	TitleFr   string `json:"titleFr,omitempty" prop:"titleFr"`
	TitleDe   string `json:"titleDe,omitempty" prop:"titleDe"`
}

// NodeKind returns KindDocument.
func (d *Document) NodeKind() Kind { return KindDocument }

// News is a news item, in the language of its source.
type News struct {
	Meta
	Title     string `json:"title" prop:"title"`
	Lang      Lang   `json:"lang" prop:"lang"`
	Summary   string `json:"summary,omitempty" prop:"summary"`
	SummaryEn string `json:"summaryEn,omitempty" prop:"summaryEn"`
	Date      *Date  `json:"date" prop:"date"`
	Source    string `json:"source,omitempty" prop:"source"`
	URL       string `json:"url,omitempty" prop:"url"`
}

// NodeKind returns KindNews.
func (n *News) NodeKind() Kind { return KindNews }

// Event is a conference, workshop or seminar.
type Event struct {
	Meta
	Title     string     `json:"title" prop:"title"`
	Lang      Lang       `json:"lang" prop:"lang"`
	Summary   string     `json:"summary,omitempty" prop:"summary"`
	SummaryEn string     `json:"summaryEn,omitempty" prop:"summaryEn"`
	Start     *Date      `json:"start" prop:"start"`
	End       *Date      `json:"end,omitempty" prop:"end"`
	Place     string     `json:"place,omitempty" prop:"place"`
	URL       string     `json:"url,omitempty" prop:"url"`
	Location  *orb.Point `json:"-" prop:"location"`
	// StartsAt and EndsAt are the instants (UTC) of a timed event, as an
	// iCalendar feed gives them; Start and End are then its days where it
	// takes place. An all-day event has neither.
	StartsAt *time.Time `json:"startsAt,omitempty" prop:"startsAt"`
	EndsAt   *time.Time `json:"endsAt,omitempty" prop:"endsAt"`
}

// NodeKind returns KindEvent.
func (e *Event) NodeKind() Kind { return KindEvent }

// Funding is a funding opportunity with a deadline.
type Funding struct {
	Meta
	Title      string     `json:"title" prop:"title"`
	Lang       Lang       `json:"lang" prop:"lang"`
	Summary    string     `json:"summary,omitempty" prop:"summary"`
	SummaryEn  string     `json:"summaryEn,omitempty" prop:"summaryEn"`
	FunderKind FunderKind `json:"funderKind" prop:"funderKind"`
	Programme  string     `json:"programme,omitempty" prop:"programme"`
	Deadline   *Date      `json:"deadline,omitempty" prop:"deadline"`
	Amount     float64    `json:"amount,omitempty" prop:"amount"`
	URL        string     `json:"url,omitempty" prop:"url"`
	// Applicants are the kinds of organisation that may apply (OrgType values).
	Applicants []string `json:"applicants,omitempty" prop:"applicants"`
}

// NodeKind returns KindFunding.
func (f *Funding) NodeKind() Kind { return KindFunding }

// Indicator is one of the common EU integration indicators.
// Its name and description are in English, French and German.
type Indicator struct {
	Meta
	Area          string `json:"area" prop:"area"`
	NameEn        string `json:"name" prop:"name"`
	NameFr        string `json:"nameFr,omitempty" prop:"nameFr"`
	NameDe        string `json:"nameDe,omitempty" prop:"nameDe"`
	DescriptionEn string `json:"description,omitempty" prop:"description"`
	DescriptionFr string `json:"descriptionFr,omitempty" prop:"descriptionFr"`
	DescriptionDe string `json:"descriptionDe,omitempty" prop:"descriptionDe"`
	Unit          string `json:"unit,omitempty" prop:"unit"`
}

// Name returns the indicator's name in lang, English when lang has none.
func (i *Indicator) Name(lang *Lang) string { return pick(lang, i.NameEn, i.NameFr, i.NameDe) }

// Description returns the indicator's description in lang, English when lang has
// none, nil when it has none at all.
func (i *Indicator) Description(lang *Lang) *string {
	if s := pick(lang, i.DescriptionEn, i.DescriptionFr, i.DescriptionDe); s != "" {
		return &s
	}
	return nil
}

// NodeKind returns KindIndicator.
func (i *Indicator) NodeKind() Kind { return KindIndicator }

// Milestone is a step of the EU framework for integration: a policy, a conference,
// a fund, a forum, a handbook, a set of modules or indicators.
// Its title and summary are in English, French and German.
type Milestone struct {
	Meta
	TitleEn   string `json:"title" prop:"title"`
	TitleFr   string `json:"titleFr,omitempty" prop:"titleFr"`
	TitleDe   string `json:"titleDe,omitempty" prop:"titleDe"`
	Kind      string `json:"kind" prop:"kind"`
	Date      *Date  `json:"date" prop:"date"`
	SummaryEn string `json:"summary" prop:"summary"`
	SummaryFr string `json:"summaryFr,omitempty" prop:"summaryFr"`
	SummaryDe string `json:"summaryDe,omitempty" prop:"summaryDe"`
	URL       string `json:"url,omitempty" prop:"url"`
}

// Title returns the milestone's title in lang, English when lang has none.
func (m *Milestone) Title(lang *Lang) string { return pick(lang, m.TitleEn, m.TitleFr, m.TitleDe) }

// Summary returns the milestone's summary in lang, English when lang has none.
func (m *Milestone) Summary(lang *Lang) string {
	return pick(lang, m.SummaryEn, m.SummaryFr, m.SummaryDe)
}

// NodeKind returns KindMilestone.
func (m *Milestone) NodeKind() Kind { return KindMilestone }

func pick(lang *Lang, en, fr, de string) string {
	if lang == nil {
		return en
	}
	return lang.Pick(en, fr, de)
}

// New returns a new, empty node of kind k, and nil for kinds with no Go type yet.
func New(k Kind) Node {
	switch k {
	case KindTheme:
		return &Theme{}
	case KindSubtheme:
		return &Subtheme{}
	case KindPrinciple:
		return &Principle{}
	case KindCountry:
		return &Country{}
	case KindLocalAuthority:
		return &LocalAuthority{}
	case KindOrganisation:
		return &Organisation{}
	case KindPerson:
		return &Person{}
	case KindPractice:
		return &Practice{}
	case KindDocument:
		return &Document{}
	case KindNews:
		return &News{}
	case KindEvent:
		return &Event{}
	case KindFunding:
		return &Funding{}
	case KindIndicator:
		return &Indicator{}
	case KindMilestone:
		return &Milestone{}
	case KindLink:
		return &WebLink{}
	case KindDossier:
		return &Dossier{}
	}
	return nil
}
