package reference

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"ewsi/graph"
)

// The library's reference data: the EU legal acts on integration and migration
// (real acts of the Official Journal, with their CELEX numbers and ELIs, from
// EUR-Lex; reusable under Commission Decision 2011/833/EU), the links directory,
// and the editorial dossiers of this project with the content they gather.

// The embedded files of the library, as named in errors.
const (
	euLawFile    = "eu-law.json"
	linksFile    = "links.json"
	dossiersFile = "dossiers.json"
)

// EULawSource and EULawLicence say where the EU acts come from and under which
// terms they are reused.
const (
	EULawSource  = "EUR-Lex (eur-lex.europa.eu), the Official Journal of the European Union"
	EULawLicence = "reuse authorised by Commission Decision 2011/833/EU on the reuse of Commission documents; the Official Journal texts are public"
)

// actJSON is one EU legal act in eu-law.json.
type actJSON struct {
	CELEX      string   `json:"celex"`
	ELI        string   `json:"eli"`
	Date       string   `json:"date"`
	Publisher  string   `json:"publisher"`
	Title      string   `json:"title"`
	TitleFr    string   `json:"titleFr"`
	TitleDe    string   `json:"titleDe"`
	Summary    string   `json:"summary"`
	Themes     []string `json:"themes"`
	Principles []int    `json:"principles"`

	date graph.Date
}

// linkJSON is one website of the directory in links.json.
type linkJSON struct {
	Slug          string   `json:"slug"`
	LinkType      string   `json:"linkType"`
	Title         string   `json:"title"`
	URL           string   `json:"url"`
	Lang          string   `json:"lang"`
	Country       string   `json:"country,omitempty"`
	Description   string   `json:"description"`
	DescriptionFr string   `json:"descriptionFr"`
	DescriptionDe string   `json:"descriptionDe"`
	Themes        []string `json:"themes"`
}

// dossierJSON is one editorial piece in dossiers.json with the nodes it gathers.
type dossierJSON struct {
	Slug    string `json:"slug"`
	Format  string `json:"format"`
	Date    string `json:"date"`
	Lang    string `json:"lang"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Body    string `json:"body"`
	Items   []struct {
		ID   string `json:"id"`
		Note string `json:"note"`
	} `json:"items"`
}

// DossierLink is one node that a shipped dossier gathers: an editor's link of
// type in_dossier from the dossier to the node.
type DossierLink struct {
	Dossier, Node, Note string
}

// LibraryData is the library's reference data: records to write, then the
// dossiers' links to draw once they exist.
type LibraryData struct {
	Records []graph.Record
	Links   []DossierLink
}

// The act number in a title: 2003/86 of 32003L0086, 2024/1233 of 32024L1233.
var celexParts = regexp.MustCompile(`^3(\d{4})[A-Z](\d{4})$`)

// Library returns the embedded library data, checked against the embedded
// themes and principles. Errors name the file, the line and the field.
func Library() (LibraryData, error) {
	var files [5][]byte
	for i, name := range []string{themesFile, principlesFile, euLawFile, linksFile, dossiersFile} {
		b, err := readData(name)
		if err != nil {
			return LibraryData{}, err
		}
		files[i] = b
	}
	return buildLibrary(files[0], files[1], files[2], files[3], files[4])
}

// buildLibrary parses and cross-checks the files of the library.
func buildLibrary(themesData, principlesData, lawData, linksData, dossiersData []byte) (LibraryData, error) {
	themes, err := parseThemes(themesFile, themesData)
	if err != nil {
		return LibraryData{}, err
	}
	principles, err := parsePrinciples(principlesFile, principlesData)
	if err != nil {
		return LibraryData{}, err
	}
	slugs := map[string]bool{}
	for _, t := range themes {
		slugs[t.Slug] = true
	}
	numbers := map[int]bool{}
	for _, p := range principles {
		numbers[p.Number] = true
	}
	acts, err := ParseEULaw(euLawFile, lawData, slugs, numbers)
	if err != nil {
		return LibraryData{}, err
	}
	links, err := parseLinks(linksFile, linksData, slugs)
	if err != nil {
		return LibraryData{}, err
	}
	dossiers, err := parseDossiers(dossiersFile, dossiersData)
	if err != nil {
		return LibraryData{}, err
	}
	var out LibraryData
	out.Records = append(out.Records, actRecords(acts)...)
	out.Records = append(out.Records, linkRecords(links)...)
	for _, d := range dossiers {
		date, _ := graph.ParseDate(d.Date)
		out.Records = append(out.Records, graph.Record{
			Node: &graph.Dossier{Meta: published(graph.KindDossier, d.Slug), Format: d.Format, Lang: graph.Lang(d.Lang),
				Title: d.Title, Summary: d.Summary, Body: d.Body, Date: &date},
			Source: source(dossiersFile),
		})
		for _, it := range d.Items {
			out.Links = append(out.Links, DossierLink{Dossier: graph.ID(graph.KindDossier, d.Slug), Node: it.ID, Note: it.Note})
		}
	}
	for i := range out.Records {
		if err := out.Records[i].Validate(); err != nil {
			return LibraryData{}, err
		}
	}
	return out, nil
}

// ParseEULaw reads and checks a file of EU acts: a CELEX number of sector 3, the
// ELI in its official form that the CELEX number names, a date in the CELEX
// number's year, the act's number in its title in every language, known themes
// and principles. Errors say file:line and the field.
func ParseEULaw(file string, data []byte, themes map[string]bool, principles map[int]bool) ([]actJSON, error) {
	elems, err := decodeArray[actJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{}
	out := make([]actJSON, 0, len(elems))
	for _, e := range elems {
		a := e.Value
		c := checker{at: where(file, e.Line)}
		for _, f := range []struct{ name, v string }{{"title", a.Title}, {"titleFr", a.TitleFr}, {"titleDe", a.TitleDe},
			{"summary", a.Summary}, {"publisher", a.Publisher}} {
			c.text(f.name, f.v)
		}
		if prev, dup := seen[a.CELEX]; dup {
			c.failf("celex", "%q is already used at %s", a.CELEX, prev)
		}
		seen[a.CELEX] = c.at
		m := celexParts.FindStringSubmatch(a.CELEX)
		if err := graph.CheckCELEX(a.CELEX); err != nil {
			c.failf("celex", "%v", err)
		} else if m == nil {
			c.failf("celex", "%q is not the CELEX number of an act of sector 3 (legislation)", a.CELEX)
		}
		if err := graph.CheckELI(a.ELI); err != nil {
			c.failf("eli", "%v", err)
		} else if want, err := graph.ELIOfCELEX(a.CELEX); err == nil && want != a.ELI {
			c.failf("eli", "%q is not the ELI of CELEX %s, which is %s", a.ELI, a.CELEX, want)
		}
		d, err := graph.ParseDate(a.Date)
		if err != nil {
			c.failf("date", "%v", err)
		} else if m != nil && strconv.Itoa(d.Year) != m[1] {
			c.failf("date", "%s is not in %s, the year of CELEX %s", a.Date, m[1], a.CELEX)
		}
		a.date = d
		if m != nil {
			n, _ := strconv.Atoi(m[2])
			number := m[1] + "/" + strconv.Itoa(n)
			for _, f := range []struct{ name, v string }{{"title", a.Title}, {"titleFr", a.TitleFr}, {"titleDe", a.TitleDe}} {
				if f.v != "" && !strings.Contains(f.v, number) {
					c.failf(f.name, "does not name the act %s", number)
				}
			}
		}
		checkTags(&c, a.Themes, themes, a.Principles, principles)
		errs = append(errs, c.errs...)
		out = append(out, a)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b actJSON) int { return a.date.Time().Compare(b.date.Time()) })
	return out, nil
}

// checkTags checks theme slugs and principle numbers.
func checkTags(c *checker, ts []string, themes map[string]bool, ps []int, principles map[int]bool) {
	for i, s := range ts {
		f := "themes[" + strconv.Itoa(i) + "]"
		if !themes[s] {
			c.failf(f, "%q is not the slug of a theme", s)
		}
		if slices.Index(ts, s) < i {
			c.failf(f, "%q is listed twice", s)
		}
	}
	for i, n := range ps {
		f := "principles[" + strconv.Itoa(i) + "]"
		if !principles[n] {
			c.failf(f, "%d is not the number of a Common Basic Principle", n)
		}
		if slices.Index(ps, n) < i {
			c.failf(f, "%d is listed twice", n)
		}
	}
}

// actRecords returns a document per act: legislation of EU scope (no country),
// real (not demo), ABOUT its themes and APPLIES its principles.
func actRecords(acts []actJSON) []graph.Record {
	out := make([]graph.Record, 0, len(acts))
	for _, a := range acts {
		d := a.date
		var links []graph.Link
		for _, s := range a.Themes {
			links = append(links, graph.Link{Type: graph.RelAbout, To: graph.ID(graph.KindTheme, s)})
		}
		for _, n := range a.Principles {
			links = append(links, graph.Link{Type: graph.RelApplies, To: graph.PrincipleID(n)})
		}
		out = append(out, graph.Record{
			Node: &graph.Document{Meta: published(graph.KindDocument, "celex-"+a.CELEX), Type: graph.DocLegislation,
				Lang: graph.Lang("en"), Title: a.Title, TitleFr: a.TitleFr, TitleDe: a.TitleDe, Summary: a.Summary,
				Date: &d, URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:" + a.CELEX,
				CELEX: a.CELEX, ELI: a.ELI, Publisher: a.Publisher},
			Links:  links,
			Source: source(euLawFile),
		})
	}
	return out
}

func parseLinks(file string, data []byte, themes map[string]bool) ([]linkJSON, error) {
	elems, err := decodeArray[linkJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	seen := map[string]string{}
	out := make([]linkJSON, 0, len(elems))
	for _, e := range elems {
		l := e.Value
		c := checker{at: where(file, e.Line)}
		c.slug("slug", l.Slug)
		if prev, dup := seen[l.Slug]; dup {
			c.failf("slug", "%q is already used at %s", l.Slug, prev)
		}
		seen[l.Slug] = c.at
		c.text("description", l.Description)
		c.text("descriptionFr", l.DescriptionFr)
		c.text("descriptionDe", l.DescriptionDe)
		if l.Country != "" {
			if _, ok := graph.CountryCode(l.Country); !ok {
				c.failf("country", "%q is not a two-letter country code", l.Country)
			}
		}
		checkTags(&c, l.Themes, themes, nil, nil)
		w := linkNode(l)
		if err := w.Validate(); err != nil {
			for _, x := range graph.ErrorList(err) {
				c.failf(x.Where, "%s", x.Message)
			}
		}
		errs = append(errs, c.errs...)
		out = append(out, l)
	}
	return out, errs.Err()
}

func linkNode(l linkJSON) *graph.WebLink {
	return &graph.WebLink{Meta: published(graph.KindLink, l.Slug), Title: l.Title, URL: l.URL, Type: l.LinkType,
		Lang: graph.Lang(l.Lang), DescriptionEn: l.Description, DescriptionFr: l.DescriptionFr, DescriptionDe: l.DescriptionDe}
}

func linkRecords(ls []linkJSON) []graph.Record {
	out := make([]graph.Record, 0, len(ls))
	for _, l := range ls {
		var links []graph.Link
		for _, s := range l.Themes {
			links = append(links, graph.Link{Type: graph.RelAbout, To: graph.ID(graph.KindTheme, s)})
		}
		if l.Country != "" {
			iso, _ := graph.CountryCode(l.Country)
			links = append(links, graph.Link{Type: graph.RelIn, To: graph.ID(graph.KindCountry, iso)})
		}
		out = append(out, graph.Record{Node: linkNode(l), Links: links, Source: source(linksFile)})
	}
	return out
}

func parseDossiers(file string, data []byte) ([]dossierJSON, error) {
	elems, err := decodeArray[dossierJSON](file, data)
	if err != nil {
		return nil, err
	}
	var errs graph.Errors
	out := make([]dossierJSON, 0, len(elems))
	for _, e := range elems {
		d := e.Value
		c := checker{at: where(file, e.Line)}
		c.slug("slug", d.Slug)
		date, err := graph.ParseDate(d.Date)
		if err != nil {
			c.failf("date", "%v", err)
		}
		node := &graph.Dossier{Meta: published(graph.KindDossier, d.Slug), Format: d.Format, Lang: graph.Lang(d.Lang),
			Title: d.Title, Summary: d.Summary, Body: d.Body, Date: &date}
		if err := node.Validate(); err != nil {
			for _, x := range graph.ErrorList(err) {
				c.failf(x.Where, "%s", x.Message)
			}
		}
		for i, it := range d.Items {
			if _, ok := graph.KindOfID(it.ID); !ok {
				c.failf("items["+strconv.Itoa(i)+"].id", "%q is not an id of the form kind:local", it.ID)
			}
		}
		errs = append(errs, c.errs...)
		out = append(out, d)
	}
	return out, errs.Err()
}

// LinkDossiers draws the shipped dossiers' links with ed, as the editor
// "reference"; links already drawn are left as they are, so it is idempotent.
// It returns how many links it created.
func LinkDossiers(ctx context.Context, ed graph.Editing, links []DossierLink) (int, error) {
	created := 0
	for _, l := range links {
		_, c, err := ed.Link(ctx, l.Dossier, l.Node, graph.LinkInDossier, l.Note, "reference:"+dossiersFile)
		if err != nil {
			return created, fmt.Errorf("reference: %s: linking %s to %s: %w", dossiersFile, l.Dossier, l.Node, err)
		}
		if c {
			created++
		}
	}
	return created, nil
}
