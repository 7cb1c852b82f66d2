package graph

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// SheetSections are the sections of a country information sheet, in order.
var SheetSections = []string{"strategy", "programmes", "laws", "stakeholders", "evaluation", "funding"}

// Limits of a sheet revision.
const (
	MaxSheetSection = 20000 // characters of one section
	MaxSheetNote    = 500   // characters of a revision's note
)

// SheetRevision is one revision of a country's information sheet: every
// revision is kept, numbered from 1 in the order they were made.
type SheetRevision struct {
	Country  string // ISO 3166 alpha-2
	Number   int
	At       time.Time
	By       string // the person who made it ("" for demo revisions)
	ByRole   string // the role they made it in: editor, coordinator, admin; "demo"
	Note     string
	Demo     bool
	Sections map[string]string // by SheetSections key
}

// Section returns the text of section key ("" when empty).
func (r *SheetRevision) Section(key string) string { return r.Sections[key] }

// SheetInput is a new revision of a sheet: Base is the revision it was edited
// from (0 for a first one); a revision on a stale base is a CONFLICT.
type SheetInput struct {
	Country  string
	Base     int
	Sections map[string]string
	Note     string
}

// Validate checks and normalises the input; errors name the field under "input".
func (in *SheetInput) Validate() error {
	var c checker
	iso, ok := CountryCode(in.Country)
	if !ok {
		c.fail("input.country", "%q is not a two-letter country code", in.Country)
	}
	in.Country = iso
	if in.Base < 0 {
		c.fail("input.base", "must be 0 or more, got %d", in.Base)
	}
	for k, v := range in.Sections {
		if !isSheetSection(k) {
			c.fail("input.sections", "%q is not a section (%s)", k, strings.Join(SheetSections, ", "))
			continue
		}
		if !utf8.ValidString(v) {
			c.fail("input."+k, "is not valid UTF-8")
		}
		if n := utf8.RuneCountInString(v); n > MaxSheetSection {
			c.fail("input."+k, "is longer than %d characters (%d)", MaxSheetSection, n)
		}
		in.Sections[k] = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	}
	if n := utf8.RuneCountInString(in.Note); n > MaxSheetNote {
		c.fail("input.note", "is longer than %d characters (%d)", MaxSheetNote, n)
	}
	in.Note = strings.TrimSpace(in.Note)
	return c.errs.Err()
}

func isSheetSection(k string) bool {
	for _, s := range SheetSections {
		if s == k {
			return true
		}
	}
	return false
}

// Sheets keeps the country information sheets and every revision of them.
type Sheets interface {
	// SheetRevision returns revision n of iso2's sheet, the latest when n is 0,
	// nil when there is none.
	SheetRevision(ctx context.Context, iso2 string, n int) (*SheetRevision, error)
	// SheetRevisions returns the window w of iso2's revisions, newest first, and
	// how many there are.
	SheetRevisions(ctx context.Context, iso2 string, w Window) ([]*SheetRevision, int, error)
	// ReviseSheet stores in as the revision after in.Base, made by by in role at
	// at, in one transaction. The same idempotency key again returns the revision
	// it made (created false); a key reused for other input is a CONFLICT, and so
	// is a base that is not the latest revision.
	ReviseSheet(ctx context.Context, in SheetInput, by, role, key string, at time.Time) (*SheetRevision, bool, error)
	// WriteDemoSheets writes demo revisions, merged on country and number.
	WriteDemoSheets(ctx context.Context, revs []SheetRevision) error
}
