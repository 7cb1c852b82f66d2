package graph

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb"
)

// Validation of each node kind. Each Validate returns an *Error or Errors with
// EINVALID naming the field; Where is filled in by the caller (file:line).

type checker struct{ errs Errors }

func (c *checker) fail(field, format string, args ...any) {
	c.errs = append(c.errs, Errorf(EINVALID, field, format, args...))
}

func (c *checker) required(field, v string) {
	if strings.TrimSpace(v) == "" {
		c.fail(field, "is required")
	}
}

func (c *checker) maxLen(field, v string, n int) {
	if len(v) > n {
		c.fail(field, "is longer than %d characters", n)
	}
}

func (c *checker) lang(field string, l Lang, required bool) {
	if l == "" {
		if required {
			c.fail(field, "is required (ISO 639-1 code of an EU official language)")
		}
		return
	}
	if !l.Valid() {
		c.fail(field, "%q is not the ISO 639-1 code of an EU official language", l)
	}
}

func (c *checker) url(field, v string) {
	if v == "" {
		return
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.fail(field, "%q is not an http(s) address", v)
	}
}

func (c *checker) dates(fromField string, from *Date, toField string, to *Date) {
	if from != nil && to != nil && to.Before(*from) {
		c.fail(toField, "%s is before %s %s", to, fromField, from)
	}
}

func (c *checker) meta(m *Meta, k Kind) {
	if m.ID == "" {
		c.fail("id", "is required")
	} else if kind, ok := KindOfID(m.ID); !ok || kind != k {
		c.fail("id", "%q is not an id of a %s (%s:...)", m.ID, k, k.Prefix())
	}
	c.maxLen("id", m.ID, 200)
	if m.Status != "" && !m.Status.Valid() {
		c.fail("status", "%q is not one of %s", m.Status, strings.Join(statuses, ", "))
	}
}

// ValidPoint checks a latitude and longitude in WGS 84 degrees.
func ValidPoint(lat, lon float64) error {
	var c checker
	if lat < -90 || lat > 90 || lat != lat {
		c.fail("lat", "%v is out of range (-90 to 90)", lat)
	}
	if lon < -180 || lon > 180 || lon != lon {
		c.fail("lon", "%v is out of range (-180 to 180)", lon)
	}
	return c.errs.Err()
}

// Validate checks a practice against the common template.
func (p *Practice) Validate() error {
	var c checker
	c.meta(&p.Meta, KindPractice)
	c.required("title", p.Title)
	c.maxLen("title", p.Title, 500)
	c.required("summary", p.Summary)
	c.lang("lang", p.Lang, true)
	c.url("website", p.Website)
	c.dates("startDate", p.StartDate, "endDate", p.EndDate)
	if p.Stage != "" && !slices.Contains(stages, p.Stage) {
		c.fail("stage", "%q is not one of planned, ongoing, completed", p.Stage)
	}
	if p.Budget < 0 {
		c.fail("budget", "must not be negative")
	}
	return c.errs.Err()
}

// Validate checks an organisation.
func (o *Organisation) Validate() error {
	var c checker
	c.meta(&o.Meta, KindOrganisation)
	c.required("name", o.Name)
	c.maxLen("name", o.Name, 300)
	if !o.Type.Valid() {
		c.fail("orgType", "%q is not one of %s", o.Type, strings.Join(orgTypes, ", "))
	}
	c.lang("lang", o.Lang, false)
	c.url("website", o.Website)
	for _, l := range o.Languages {
		if !isISO639(l) {
			c.fail("languages", "%q is not an ISO 639-1 language code (two lower-case letters)", l)
		}
	}
	return c.errs.Err()
}

// isISO639 reports whether s has the form of an ISO 639-1 code. Organisations and
// people work in any language (Tigrinya, Farsi, Ukrainian), not only EU ones.
func isISO639(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// Validate checks a local or regional authority.
func (a *LocalAuthority) Validate() error {
	var c checker
	c.meta(&a.Meta, KindLocalAuthority)
	c.required("name", a.Name)
	if !slices.Contains(levels, a.Level) {
		c.fail("level", "%q is not local or regional", a.Level)
	}
	c.lang("lang", a.Lang, false)
	c.url("website", a.Website)
	if a.Location == nil {
		c.fail("lat", "an authority needs lat and lon to be on the map")
	}
	return c.errs.Err()
}

// Validate checks a person; the email is required (it is never shown).
func (p *Person) Validate() error {
	var c checker
	c.meta(&p.Meta, KindPerson)
	c.required("name", p.Name)
	if _, err := mail.ParseAddress(p.Email); err != nil {
		c.fail("email", "%q is not an email address", p.Email)
	}
	for _, l := range p.Languages {
		if !isISO639(l) {
			c.fail("languages", "%q is not an ISO 639-1 language code (two lower-case letters)", l)
		}
	}
	return c.errs.Err()
}

// Validate checks a document.
func (d *Document) Validate() error {
	var c checker
	c.meta(&d.Meta, KindDocument)
	c.required("title", d.Title)
	c.lang("lang", d.Lang, true)
	if !d.Type.Valid() {
		c.fail("docType", "%q is not one of %s", d.Type, strings.Join(docTypes, ", "))
	}
	c.url("url", d.URL)
	if d.CELEX != "" {
		if err := CheckCELEX(d.CELEX); err != nil {
			c.fail("celex", "%v", err)
		}
	}
	if d.ELI != "" {
		if err := CheckELI(d.ELI); err != nil {
			c.fail("eli", "%v", err)
		}
	}
	return c.errs.Err()
}

// Validate checks a news item.
func (n *News) Validate() error {
	var c checker
	c.meta(&n.Meta, KindNews)
	c.required("title", n.Title)
	c.lang("lang", n.Lang, true)
	if n.Date == nil {
		c.fail("date", "is required")
	}
	c.url("url", n.URL)
	return c.errs.Err()
}

// Validate checks an event.
func (e *Event) Validate() error {
	var c checker
	c.meta(&e.Meta, KindEvent)
	c.required("title", e.Title)
	c.lang("lang", e.Lang, true)
	if e.Start == nil {
		c.fail("start", "is required")
	}
	c.dates("start", e.Start, "end", e.End)
	if e.StartsAt != nil && e.EndsAt != nil && e.EndsAt.Before(*e.StartsAt) {
		c.fail("endsAt", "%s is before startsAt %s", e.EndsAt.UTC().Format(time.RFC3339), e.StartsAt.UTC().Format(time.RFC3339))
	}
	c.url("url", e.URL)
	return c.errs.Err()
}

// Validate checks a funding opportunity.
func (f *Funding) Validate() error {
	var c checker
	c.meta(&f.Meta, KindFunding)
	c.required("title", f.Title)
	c.lang("lang", f.Lang, true)
	if !f.FunderKind.Valid() {
		c.fail("funderKind", "%q is not one of %s", f.FunderKind, strings.Join(funderKinds, ", "))
	}
	if f.Amount < 0 {
		c.fail("amount", "must not be negative")
	}
	for _, a := range f.Applicants {
		if !slices.Contains(orgTypes, a) {
			c.fail("applicants", "%q is not one of %s", a, strings.Join(orgTypes, ", "))
		}
	}
	c.url("url", f.URL)
	return c.errs.Err()
}

// Validator is a node that can check itself.
type Validator interface {
	Node
	Validate() error
}

// PointFrom returns the point of lat and lon, nil when both are absent; one
// without the other, or either out of range, is EINVALID naming it.
func PointFrom(lat, lon *float64) (*orb.Point, error) {
	if lat == nil && lon == nil {
		return nil, nil
	}
	if lat == nil || lon == nil {
		return nil, Errorf(EINVALID, "lat", "lat and lon go together")
	}
	if err := ValidPoint(*lat, *lon); err != nil {
		return nil, err
	}
	return &orb.Point{*lon, *lat}, nil
}
