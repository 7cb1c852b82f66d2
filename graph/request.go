package graph

import (
	"io"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Labels and id prefixes of partner requests and their replies. They are not
// content kinds: they are never listed, searched, mapped or linked by editors.
const (
	KindPartnerRequest Kind = "PartnerRequest"
	KindPartnerReply   Kind = "PartnerReply"
	RequestIDPrefix         = "request:"
	ReplyIDPrefix           = "reply:"
)

// Limits of the texts of a request and a reply.
const (
	MaxRequestTitle   = 200
	MaxRequestText    = 5000
	MaxReplyText      = 3000
	MaxOutcomeText    = 2000
	MaxContactName    = 200
	MaxRequestListLen = 30
	MaxRequestAhead   = 365 // days: a request closes within a year
)

// RequestStatus is the state of a partner request as stored: open or closed.
// A request open past its closing date reads as expired.
type RequestStatus string

// The states of a request.
const (
	RequestOpen    RequestStatus = "open"
	RequestClosed  RequestStatus = "closed"
	RequestExpired RequestStatus = "expired" // open, but past its closing date (computed on read)
)

var requestStatuses = []string{"open", "closed", "expired"}

// MarshalGQL writes the GraphQL enum value.
func (s RequestStatus) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }

// UnmarshalGQL reads the GraphQL enum value.
func (s *RequestStatus) UnmarshalGQL(v any) error {
	return readEnum(v, "RequestStatus", requestStatuses, (*string)(s))
}

// ReplyStatus is the state of a reply as the poster decided it.
type ReplyStatus string

// The states of a reply.
const (
	ReplyReceived    ReplyStatus = "received"
	ReplyShortlisted ReplyStatus = "shortlisted"
	ReplyDeclined    ReplyStatus = "declined" // declined with thanks, by hand or when the request closed
)

var replyStatuses = []string{"received", "shortlisted", "declined"}

// MarshalGQL writes the GraphQL enum value.
func (s ReplyStatus) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }

// UnmarshalGQL reads the GraphQL enum value.
func (s *ReplyStatus) UnmarshalGQL(v any) error {
	return readEnum(v, "ReplyStatus", replyStatuses, (*string)(s))
}

// DefaultThanks is the message a declined reply carries when the poster wrote none.
const DefaultThanks = "Thank you for your reply. We have chosen other partners for this project."

// Contact is a person's name and email address. It is private: it leaves the
// server only to the other side of a reply once both sides agreed to share.
type Contact struct {
	Name  string
	Email string
}

// validate checks a contact; where names the field ("input.contact").
func (c *Contact) validate(ck *checker, where string) {
	c.Name, c.Email = strings.TrimSpace(c.Name), strings.TrimSpace(c.Email)
	ck.required(where+".name", c.Name)
	ck.maxLen(where+".name", c.Name, MaxContactName)
	if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || !strings.Contains(c.Email, ".") {
		ck.fail(where+".email", "%q is not an email address (name@example.org)", c.Email)
	}
}

// PartnerRequest is a call for project partners posted by an organisation. Its
// contact and manage-key hash stay in the store: they are not fields here.
type PartnerRequest struct {
	ID           string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Status       RequestStatus
	Lang         Lang
	Demo         bool
	Title        string
	Description  string
	Organisation string   // the poster's organisation id
	Themes       []string // theme ids
	Subthemes    []string // subtheme ids
	Countries    []string // ISO alpha-2 of the countries partners are sought in
	Types        []OrgType
	Languages    []string // ISO 639-1 languages of the project
	Funding      string   // the funding call targeted; optional
	Closes       Date
	Outcome      string
	ClosedAt     *time.Time
	ReplyCount   int
}

// NodeID returns the request's id (request:...).
func (r *PartnerRequest) NodeID() string { return r.ID }

// NodeKind returns KindPartnerRequest.
func (r *PartnerRequest) NodeKind() Kind { return KindPartnerRequest }

// IsRequestID reports whether id has the form of a partner request id.
func IsRequestID(id string) bool {
	return strings.HasPrefix(id, RequestIDPrefix) && len(id) > len(RequestIDPrefix)
}

// AcceptsReplies reports whether the request takes replies on day today: it is
// open, not past its closing date, and not demo content (nobody could read them).
func (r *PartnerRequest) AcceptsReplies(today Date) bool {
	return r.Status == RequestOpen && !r.Closes.Before(today) && !r.Demo
}

// RequestInput is what a poster sends to post a request.
type RequestInput struct {
	Organisation string
	Title        string
	Description  string
	Lang         Lang
	Themes       []string
	Subthemes    []string
	Countries    []string
	Types        []string
	Languages    []string
	Funding      string
	Closes       Date
	Contact      Contact
}

// Validate normalises the input (slugs to ids, codes to canonical forms) and
// checks every field against today; errors name the field under "input".
func (in *RequestInput) Validate(today Date) error {
	var c checker
	in.Title, in.Description = strings.TrimSpace(in.Title), strings.TrimSpace(in.Description)
	if k, ok := KindOfID(in.Organisation); !ok || k != KindOrganisation {
		c.fail("input.organisation", "%q is not an organisation id (organisation:...)", in.Organisation)
	}
	c.required("input.title", in.Title)
	c.maxLen("input.title", in.Title, MaxRequestTitle)
	if n := len([]rune(in.Description)); n < 20 || len(in.Description) > MaxRequestText {
		c.fail("input.description", "say what the project is about in 20 to %d characters, got %d", MaxRequestText, n)
	}
	c.lang("input.lang", in.Lang, true)
	if len(in.Themes)+len(in.Subthemes) == 0 {
		c.fail("input.themes", "give at least one theme or subtheme")
	}
	f := Filter{Themes: in.Themes, Subthemes: in.Subthemes, Countries: in.Countries, Langs: in.Languages}
	if err := f.Normalize("input"); err != nil {
		for _, e := range ErrorList(err) {
			if e.Where == "input.langs" {
				e.Where = "input.languages"
			}
			c.errs = append(c.errs, e)
		}
	}
	normalizeOrgTypes(&c, "input.types", in.Types)
	for name, n := range map[string]int{"themes": len(in.Themes), "subthemes": len(in.Subthemes), "countries": len(in.Countries), "types": len(in.Types), "languages": len(in.Languages)} {
		if n > MaxRequestListLen {
			c.fail("input."+name, "at most %d values, got %d", MaxRequestListLen, n)
		}
	}
	in.Themes, in.Subthemes, in.Countries = dedupe(in.Themes), dedupe(in.Subthemes), dedupe(in.Countries)
	in.Types, in.Languages = dedupe(in.Types), dedupe(in.Languages)
	if in.Funding != "" {
		if k, ok := KindOfID(in.Funding); !ok || k != KindFunding {
			c.fail("input.funding", "%q is not a funding id (funding:...)", in.Funding)
		}
	}
	checkCloses(&c, "input.closes", in.Closes, today)
	in.Contact.validate(&c, "input.contact")
	return c.errs.Err()
}

// checkCloses checks a closing date: after today and within MaxRequestAhead days.
func checkCloses(c *checker, field string, d, today Date) {
	switch {
	case d.IsZero():
		c.fail(field, "is required (YYYY-MM-DD)")
	case !today.Before(d):
		c.fail(field, "must be after today, got %s", d)
	case d.Time().After(today.Time().AddDate(0, 0, MaxRequestAhead)):
		c.fail(field, "must be within a year (by %s), got %s", DateOf(today.Time().AddDate(0, 0, MaxRequestAhead)), d)
	}
}

// PartnerReply is one organisation's structured answer to a request. Contact is
// the other side's contact, filled only when both sides agreed to share and the
// reader is one of them; the reply's own contact is never a field here.
type PartnerReply struct {
	ID            string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Status        ReplyStatus
	Lang          Lang
	Demo          bool
	Request       string // the request's id
	Organisation  string // the replying organisation's id
	Fit           string // why this fits
	Offer         string // what they bring
	Message       string // the poster's thanks when declined
	PosterAgreed  bool   // the poster agreed to share contacts
	ReplierAgreed bool   // the replier agreed to share contacts
	Contact       *Contact
}

// ContactShared reports whether both sides agreed to share their contacts.
func (r *PartnerReply) ContactShared() bool { return r.PosterAgreed && r.ReplierAgreed }

// ReplyInput is what a replier sends.
type ReplyInput struct {
	Request      string
	Organisation string
	Fit          string
	Offer        string
	Lang         Lang
	Contact      Contact
}

// Validate checks every field; errors name the field under "input".
func (in *ReplyInput) Validate() error {
	var c checker
	in.Fit, in.Offer = strings.TrimSpace(in.Fit), strings.TrimSpace(in.Offer)
	if !strings.HasPrefix(in.Request, RequestIDPrefix) || len(in.Request) == len(RequestIDPrefix) {
		c.fail("input.request", "%q is not a partner request id (request:...)", in.Request)
	}
	if k, ok := KindOfID(in.Organisation); !ok || k != KindOrganisation {
		c.fail("input.organisation", "%q is not an organisation id (organisation:...)", in.Organisation)
	}
	for field, v := range map[string]string{"input.fit": in.Fit, "input.offer": in.Offer} {
		if n := len([]rune(v)); n < 10 || len(v) > MaxReplyText {
			c.fail(field, "write 10 to %d characters, got %d", MaxReplyText, n)
		}
	}
	c.lang("input.lang", in.Lang, true)
	in.Contact.validate(&c, "input.contact")
	return c.errs.Err()
}

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// Validate checks a stored request's invariants (as the demo writer builds it).
func (r *PartnerRequest) Validate() error {
	var c checker
	if !strings.HasPrefix(r.ID, RequestIDPrefix) || len(r.ID) == len(RequestIDPrefix) {
		c.fail("id", "%q is not a partner request id (request:...)", r.ID)
	}
	if r.Status != RequestOpen && r.Status != RequestClosed {
		c.fail("status", "a stored request is open or closed, not %q", r.Status)
	}
	c.lang("lang", r.Lang, true)
	c.required("title", r.Title)
	c.maxLen("title", r.Title, MaxRequestTitle)
	c.required("description", r.Description)
	if k, ok := KindOfID(r.Organisation); !ok || k != KindOrganisation {
		c.fail("organisation", "%q is not an organisation id", r.Organisation)
	}
	if len(r.Themes)+len(r.Subthemes) == 0 {
		c.fail("themes", "give at least one theme or subtheme")
	}
	if r.Closes.IsZero() {
		c.fail("closes", "is required")
	}
	if r.Status == RequestClosed && strings.TrimSpace(r.Outcome) == "" {
		c.fail("outcome", "a closed request says how it ended")
	}
	return c.errs.Err()
}

// Validate checks a stored reply's invariants (as the demo writer builds it).
func (r *PartnerReply) Validate() error {
	var c checker
	if !strings.HasPrefix(r.ID, ReplyIDPrefix) || len(r.ID) == len(ReplyIDPrefix) {
		c.fail("id", "%q is not a partner reply id (reply:...)", r.ID)
	}
	if !slices.Contains(replyStatuses, string(r.Status)) {
		c.fail("status", "%q is not a reply status", r.Status)
	}
	c.lang("lang", r.Lang, true)
	c.required("fit", r.Fit)
	c.required("offer", r.Offer)
	if k, ok := KindOfID(r.Organisation); !ok || k != KindOrganisation {
		c.fail("organisation", "%q is not an organisation id", r.Organisation)
	}
	return c.errs.Err()
}

// normalizeOrgTypes puts each kind of organisation in types in its canonical form,
// in place, and fails field for each that is not one.
func normalizeOrgTypes(c *checker, field string, types []string) {
	for i, t := range types {
		l, ok := ParseEnum(t, orgTypes)
		if !ok {
			c.fail(field, "%q is not a kind of organisation", t)
			continue
		}
		types[i] = l
	}
}
