package graph

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"ewsi/markup"
)

// ContributionInput is the fields of a contribution, of every kind at once;
// each kind takes its own (contributionFields). It is stored as JSON.
type ContributionInput struct {
	Lang          Lang        `json:"lang"`
	Title         string      `json:"title,omitempty"`
	Summary       string      `json:"summary,omitempty"`
	Country       string      `json:"country,omitempty"`
	Themes        []string    `json:"themes,omitempty"`
	Organisation  string      `json:"organisation,omitempty"`
	Lat           *float64    `json:"lat,omitempty"`
	Lon           *float64    `json:"lon,omitempty"`
	Area          string      `json:"area,omitempty"`
	Challenge     string      `json:"challenge,omitempty"`
	HowItWorks    string      `json:"howItWorks,omitempty"`
	Results       string      `json:"results,omitempty"`
	Evaluation    string      `json:"evaluation,omitempty"`
	Beneficiaries []string    `json:"beneficiaries,omitempty"`
	StartDate     *Date       `json:"startDate,omitempty"`
	EndDate       *Date       `json:"endDate,omitempty"`
	Stage         string      `json:"stage,omitempty"`
	Budget        *float64    `json:"budget,omitempty"`
	FundingSource string      `json:"fundingSource,omitempty"`
	Resources     string      `json:"resources,omitempty"`
	Contact       string      `json:"contact,omitempty"`
	Website       string      `json:"website,omitempty"`
	DocType       *DocType    `json:"docType,omitempty"`
	Date          *Date       `json:"date,omitempty"`
	URL           string      `json:"url,omitempty"`
	Source        string      `json:"source,omitempty"`
	Start         *Date       `json:"start,omitempty"`
	End           *Date       `json:"end,omitempty"`
	Place         string      `json:"place,omitempty"`
	FunderKind    *FunderKind `json:"funderKind,omitempty"`
	Programme     string      `json:"programme,omitempty"`
	Deadline      *Date       `json:"deadline,omitempty"`
	Amount        *float64    `json:"amount,omitempty"`
	OrgType       *OrgType    `json:"orgType,omitempty"`
	City          string      `json:"city,omitempty"`
	Languages     []string    `json:"languages,omitempty"`
}

// common are the fields every kind takes.
var common = []string{"lang", "title", "summary", "country", "themes"}

// contributionFields are the fields each kind takes besides common.
var contributionFields = map[ContributionKind][]string{
	ContribPractice: {"organisation", "lat", "lon", "area", "challenge", "howItWorks", "results", "evaluation",
		"beneficiaries", "startDate", "endDate", "stage", "budget", "fundingSource", "resources", "contact", "website"},
	ContribDocument:     {"organisation", "docType", "date", "url"},
	ContribNews:         {"date", "source", "url"},
	ContribEvent:        {"start", "end", "place", "url", "lat", "lon"},
	ContribFunding:      {"funderKind", "programme", "deadline", "amount", "url"},
	ContribLink:         {"url"},
	ContribOrganisation: {"orgType", "website", "city", "languages", "lat", "lon"},
}

// requiredLinks are the fields a kind needs to be placed in the graph.
var requiredLinks = map[ContributionKind][]string{
	ContribPractice:     {"country", "themes"},
	ContribOrganisation: {"country"},
}

// TextFields are the fields that take plain text or Markdown.
var TextFields = []string{"summary", "challenge", "howItWorks", "results", "evaluation", "resources"}

// ContributionFieldsOf lists the fields kind k takes.
func ContributionFieldsOf(k ContributionKind) []string {
	return append(slices.Clone(common), contributionFields[k]...)
}

// values returns the input's fields that are set, by json name, as text (a
// list joined by ", "); it is what revisions compare.
func (in *ContributionInput) values() map[string]string {
	b, _ := json.Marshal(in)
	var raw map[string]any
	_ = json.Unmarshal(b, &raw)
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		switch x := v.(type) {
		case string:
			out[k] = x
		case []any:
			parts := make([]string, len(x))
			for i, p := range x {
				parts[i] = fmt.Sprint(p)
			}
			out[k] = strings.Join(parts, ", ")
		default:
			out[k] = fmt.Sprint(x)
		}
	}
	return out
}

// Normalize trims the text fields, upper-cases the country (EL is GR) and
// lower-cases and deduplicates themes.
func (in *ContributionInput) Normalize() {
	v := reflect.ValueOf(in).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.String {
			f.SetString(strings.TrimSpace(f.String()))
		}
	}
	if c, ok := CountryCode(in.Country); ok {
		in.Country = c
	}
	var th []string
	for _, t := range in.Themes {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !slices.Contains(th, t) {
			th = append(th, t)
		}
	}
	in.Themes = th
}

// Validate checks the input for kind k with the rules of the node it becomes
// (the same field-named errors as ingest), each error naming input.<field>.
// A draft may leave required fields empty.
func (in *ContributionInput) Validate(k ContributionKind, draft bool) error {
	if !k.Valid() {
		return Errorf(EINVALID, "kind", "%q is not a kind of contribution", k)
	}
	var errs Errors
	allowed := ContributionFieldsOf(k)
	for f := range in.values() {
		if !slices.Contains(allowed, f) {
			errs = append(errs, Errorf(EINVALID, "input."+f, "is not a field of a %s contribution (it takes %s)", k, strings.Join(allowed, ", ")))
		}
	}
	if len(errs) > 0 {
		return errs.Err()
	}
	var c checker
	if in.Country != "" {
		if _, ok := CountryCode(in.Country); !ok {
			c.fail("country", "%q is not a two-letter country code", in.Country)
		}
	}
	for _, f := range requiredLinks[k] {
		if v := in.values()[f]; v == "" {
			c.fail(f, "is required for a %s", k)
		}
	}
	if k == ContribLink {
		c.required("url", in.URL)
	}
	for _, f := range TextFields {
		for _, href := range markup.Links(in.values()[f]) {
			c.url(f, href)
		}
	}
	for _, l := range in.Languages {
		if !isISO639(l) {
			c.fail("languages", "%q is not an ISO 639-1 language code (two lower-case letters)", l)
		}
	}
	errs = append(errs, c.errs...)
	n, _, err := in.node(k, ID(k.NodeKind(), "check"))
	if err != nil {
		errs = append(errs, ErrorList(err)...)
	} else if err := n.(Validator).Validate(); err != nil {
		errs = append(errs, ErrorList(err)...)
	}
	var out Errors
	for _, e := range errs {
		if draft && strings.HasPrefix(e.Message, "is required") {
			continue
		}
		if e.Where == "name" {
			e.Where = "title" // an organisation's name is the form's title
		}
		if !strings.HasPrefix(e.Where, "input.") && e.Where != "kind" {
			e.Where = "input." + e.Where
		}
		out = append(out, e)
	}
	return out.Err()
}

// Record returns the node the input becomes once published, with id and
// status, and the links it owns (country, themes, implementer, publisher).
func (in *ContributionInput) Record(k ContributionKind, id string, demo bool) (Record, error) {
	n, links, err := in.node(k, id)
	if err != nil {
		return Record{}, err
	}
	m := reflect.ValueOf(n).Elem().FieldByName("Meta").Addr().Interface().(*Meta)
	m.Status, m.Demo = StatusPublished, demo
	return Record{Node: n, Links: links, Source: "input"}, nil
}

func num(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// node builds the node of kind k with the input's fields, and its links.
func (in *ContributionInput) node(k ContributionKind, id string) (Node, []Link, error) {
	meta := Meta{ID: id, Status: StatusPublished}
	loc, err := PointFrom(in.Lat, in.Lon)
	if err != nil {
		return nil, nil, err
	}
	var n Node
	switch k {
	case ContribPractice:
		n = &Practice{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, Area: in.Area, Challenge: in.Challenge,
			HowItWorks: in.HowItWorks, Results: in.Results, Evaluation: in.Evaluation, Beneficiaries: in.Beneficiaries,
			StartDate: in.StartDate, EndDate: in.EndDate, Stage: in.Stage, Budget: num(in.Budget), FundingSource: in.FundingSource,
			Resources: in.Resources, Contact: in.Contact, Website: in.Website, Location: loc}
	case ContribDocument:
		d := &Document{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, Date: in.Date, URL: in.URL}
		if in.DocType != nil {
			d.Type = *in.DocType
		}
		n = d
	case ContribNews:
		n = &News{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, Date: in.Date, Source: in.Source, URL: in.URL}
	case ContribEvent:
		n = &Event{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, Start: in.Start, End: in.End, Place: in.Place,
			URL: in.URL, Location: loc}
	case ContribFunding:
		f := &Funding{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, Programme: in.Programme,
			Deadline: in.Deadline, Amount: num(in.Amount), URL: in.URL}
		if in.FunderKind != nil {
			f.FunderKind = *in.FunderKind
		}
		n = f
	case ContribLink:
		n = &WebLink{Meta: meta, Title: in.Title, Lang: in.Lang, Summary: in.Summary, URL: in.URL}
	case ContribOrganisation:
		o := &Organisation{Meta: meta, Name: in.Title, Lang: in.Lang, Summary: in.Summary, Website: in.Website,
			City: in.City, Languages: in.Languages, Location: loc}
		if in.OrgType != nil {
			o.Type = *in.OrgType
		}
		n = o
	default:
		return nil, nil, Errorf(EINVALID, "kind", "%q is not a kind of contribution", k)
	}
	var links []Link
	if in.Country != "" {
		links = append(links, Link{Type: RelIn, To: ID(KindCountry, in.Country)})
	}
	for _, t := range in.Themes {
		links = append(links, Link{Type: RelAbout, To: ID(KindTheme, t)})
	}
	if in.Organisation != "" {
		org := ID(KindOrganisation, in.Organisation)
		switch k {
		case ContribPractice:
			links = append(links, Link{Type: RelImplements, To: org, Incoming: true})
		case ContribDocument:
			links = append(links, Link{Type: RelPublishedBy, To: org})
		}
	}
	return n, links, nil
}

// Diff returns the fields that differ between two versions of the input, in
// field order; before is nil for a first version.
func Diff(before, after *ContributionInput) []*FieldChange {
	var b map[string]string
	if before != nil {
		b = before.values()
	}
	a := after.values()
	out := []*FieldChange{}
	seen := map[string]bool{}
	var names []string
	for f := range a {
		names = append(names, f)
	}
	for f := range b {
		names = append(names, f)
	}
	slices.Sort(names)
	for _, f := range names {
		if seen[f] || a[f] == b[f] {
			continue
		}
		seen[f] = true
		c := &FieldChange{Field: f}
		if v, ok := b[f]; ok {
			c.Before = &v
		}
		if v, ok := a[f]; ok {
			c.After = &v
		}
		out = append(out, c)
	}
	return out
}

// NormalizedTitle is the key of the same-title duplicate check: lower case,
// letters and digits only, single spaces.
func NormalizedTitle(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	return strings.Join(f, " ")
}

// Text returns the value of a field by json name, as text ("" when unset).
func (in *ContributionInput) Text(field string) string { return in.values()[field] }
