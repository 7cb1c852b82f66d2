package graph

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The library: documents with facets, the news archive, the links directory
// and editorial dossiers.

// ScopeEU is the scope of content that names no country: it holds across the EU.
const ScopeEU = "EU"

var (
	// celexRE is a CELEX number: the sector (1-9, C or E), a year, a type of
	// one or two letters and a number of four digits, e.g. 32003L0086.
	celexRE = regexp.MustCompile(`^([1-9CE])(\d{4})([A-Z]{1,2})(\d{4})$`)
	// eliRE is the ELI of an act as published in the Official Journal, in its
	// official form: http://data.europa.eu/eli/dir/2003/86/oj.
	eliRE = regexp.MustCompile(`^http://data\.europa\.eu/eli/(dir|reg|dec|dir_impl|reg_impl|dec_impl|dir_del|reg_del|dec_del|reco)/(\d{4})/([1-9]\d{0,4})/oj$`)
)

// ELIType is the ELI document type of each CELEX type letter of sector 3 acts.
var eliType = map[string]string{"L": "dir", "R": "reg", "D": "dec", "H": "reco"}

// CheckCELEX reports why s is not a CELEX number, nil when it is one.
func CheckCELEX(s string) error {
	if !celexRE.MatchString(s) {
		return fmt.Errorf("%q is not a CELEX number (sector, year, type letter and four digits, e.g. 32003L0086)", s)
	}
	return nil
}

// CheckELI reports why s is not an ELI in its official form, nil when it is one.
func CheckELI(s string) error {
	if !eliRE.MatchString(s) {
		return fmt.Errorf("%q is not an ELI of the form http://data.europa.eu/eli/{dir|reg|dec|...}/YYYY/N/oj", s)
	}
	return nil
}

// ELIOfCELEX returns the ELI of the act of the Official Journal that a CELEX
// number of sector 3 (legislation) names: 32003L0086 is
// http://data.europa.eu/eli/dir/2003/86/oj. It fails for other sectors and types.
func ELIOfCELEX(celex string) (string, error) {
	m := celexRE.FindStringSubmatch(celex)
	if m == nil {
		return "", CheckCELEX(celex)
	}
	if m[1] != "3" {
		return "", fmt.Errorf("%q is not a CELEX number of sector 3 (legislation)", celex)
	}
	typ, ok := eliType[m[3]]
	if !ok {
		return "", fmt.Errorf("%q: type %s has no ELI type here", celex, m[3])
	}
	n, _ := strconv.Atoi(m[4])
	if n == 0 {
		return "", fmt.Errorf("%q: number 0000", celex)
	}
	return fmt.Sprintf("http://data.europa.eu/eli/%s/%s/%d/oj", typ, m[2], n), nil
}

// EULawIDPrefix begins the ids of the EU acts shipped as reference data
// ("document:celex-32003L0086"): each start and each ingest loads them again,
// so an export leaves them out.
const EULawIDPrefix = "document:celex-"

// WebLink is an entry of the links directory: an outside website of a kind.
type WebLink struct {
	Meta
	Title         string `json:"title" prop:"title"`
	URL           string `json:"url" prop:"url"`
	Type          string `json:"linkType" prop:"type"`
	Lang          Lang   `json:"lang,omitempty" prop:"lang"`
	DescriptionEn string `json:"description,omitempty" prop:"description"`
	DescriptionFr string `json:"descriptionFr,omitempty" prop:"descriptionFr"`
	DescriptionDe string `json:"descriptionDe,omitempty" prop:"descriptionDe"`
}

// NodeKind returns KindLink.
func (l *WebLink) NodeKind() Kind { return KindLink }

// Description returns the description in lang, English when lang has none.
func (l *WebLink) Description(lang *Lang) string {
	return pick(lang, l.DescriptionEn, l.DescriptionFr, l.DescriptionDe)
}

var linkKinds = []string{"eu_institution", "eu_agency", "national_authority", "international_organisation",
	"civil_society", "research", "statistics", "legal_database", "funding", "other"}

// WebLinkTypes lists the kinds of website of the links directory.
func WebLinkTypes() []string { return slices.Clone(linkKinds) }

// Validate checks a link of the directory.
func (l *WebLink) Validate() error {
	var c checker
	c.meta(&l.Meta, KindLink)
	c.required("title", l.Title)
	c.required("url", l.URL)
	c.url("url", l.URL)
	if !slices.Contains(linkKinds, l.Type) {
		c.fail("linkType", "%q is not one of %s", l.Type, strings.Join(linkKinds, ", "))
	}
	c.lang("lang", l.Lang, false)
	return c.errs.Err()
}

// Dossier is an editorial piece, an integration dossier or a special feature,
// that links news to the graph's content: editors link content into it with
// links of type in_dossier, which its page shows live.
type Dossier struct {
	Meta
	Title     string `json:"title" prop:"title"`
	Format    string `json:"format" prop:"format"`
	Lang      Lang   `json:"lang" prop:"lang"`
	Summary   string `json:"summary" prop:"summary"`
	SummaryEn string `json:"summaryEn,omitempty" prop:"summaryEn"`
	Body      string `json:"body,omitempty" prop:"body"`
	Date      *Date  `json:"date" prop:"date"`
}

// NodeKind returns KindDossier.
func (d *Dossier) NodeKind() Kind { return KindDossier }

var dossierFormats = []string{"dossier", "feature"}

// Validate checks a dossier.
func (d *Dossier) Validate() error {
	var c checker
	c.meta(&d.Meta, KindDossier)
	c.required("title", d.Title)
	c.required("summary", d.Summary)
	c.lang("lang", d.Lang, true)
	if !slices.Contains(dossierFormats, d.Format) {
		c.fail("format", "%q is not one of %s", d.Format, strings.Join(dossierFormats, ", "))
	}
	if d.Date == nil {
		c.fail("date", "is required")
	}
	return c.errs.Err()
}

// LibraryFilter narrows the library's documents: the content filter, whose
// countries may name ScopeEU for documents that name no country.
type LibraryFilter struct {
	Filter
	// EU matches documents of EU scope (no country), besides Filter.Countries.
	EU bool
}

// FacetCount is how many documents have one value of a facet.
type FacetCount struct {
	Value string
	Count int
}

// DocumentFacets are the counts per value of each facet of the library. The
// counts of one facet apply every filter but that facet's own (so the other
// values of a facet show what choosing them would give).
type DocumentFacets struct {
	Types, Themes, Principles, Scopes, Langs, Years []FacetCount
}

// ArchiveMonth is how many news items one month holds.
type ArchiveMonth struct {
	Year, Month, Count int
}

// DossierItem is a node linked into a dossier, with the editor's note.
type DossierItem struct {
	Node Node
	Note string
}

// Library reads the library: documents with their facets, the news archive,
// the links directory and dossiers. Every method returns EINVALID for bad
// arguments.
type Library interface {
	// LibraryDocuments returns the window w of published documents matching f in
	// order o, how many match, and the facets, in one round trip.
	LibraryDocuments(ctx context.Context, f LibraryFilter, o Order, w Window) ([]Node, int, DocumentFacets, error)
	// NewsArchive returns the months holding published news matching f with
	// their counts, newest first.
	NewsArchive(ctx context.Context, f Filter) ([]ArchiveMonth, error)
	// WebLinks returns the links of the directory of the given types (all when
	// empty), by type then title.
	WebLinks(ctx context.Context, types []string) ([]*WebLink, error)
	// Dossiers returns the window w of published dossiers, newest first, and
	// how many there are.
	Dossiers(ctx context.Context, w Window) ([]*Dossier, int, error)
	// DossierItems returns the published nodes linked into dossier id by an
	// active in_dossier editor link, in the order they were linked.
	DossierItems(ctx context.Context, id string, first int) ([]DossierItem, error)
	// Tagged returns the window w of published content of kinds (every
	// content kind when empty) that APPLIES principle number n, newest first,
	// and how many there are.
	Tagged(ctx context.Context, n int, kinds []Kind, w Window) ([]Node, int, error)
}
