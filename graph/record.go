package graph

import "strings"

// Relationship types (DESIGN.md). Direction matters; see each constant.
const (
	RelPartOf      = "PART_OF"      // (Subtheme)-[:PART_OF]->(Theme)
	RelAbout       = "ABOUT"        // (x)-[:ABOUT]->(Theme|Subtheme)
	RelApplies     = "APPLIES"      // (x)-[:APPLIES]->(Principle)
	RelIn          = "IN"           // (x)-[:IN]->(Country|Region)
	RelImplements  = "IMPLEMENTS"   // (LocalAuthority|Organisation)-[:IMPLEMENTS]->(Practice)
	RelPartnerIn   = "PARTNER_IN"   // (Organisation)-[:PARTNER_IN]->(Practice)
	RelMemberOf    = "MEMBER_OF"    // (Person)-[:MEMBER_OF]->(Organisation)
	RelFundedBy    = "FUNDED_BY"    // (x)-[:FUNDED_BY]->(Funding)
	RelPublishedBy = "PUBLISHED_BY" // (Document)-[:PUBLISHED_BY]->(Organisation)
	RelRelatedTo   = "RELATED_TO"   // (x)-[:RELATED_TO {by, at, note}]->(y), drawn by editors
	RelSubmitted   = "SUBMITTED"    // (Person)-[:SUBMITTED]->(x)
	RelReviewed    = "REVIEWED"     // (Person)-[:REVIEWED {decision, reason, at}]->(x)
	RelNext        = "NEXT"         // (Milestone)-[:NEXT]->(Milestone), the framework timeline
	RelMeasures    = "MEASURES"     // (Indicator)-[:MEASURES]->(Theme)
)

// OwnedIncoming are the relationship types a Practice record owns in the incoming
// direction: its implementers and partners are listed on the practice.
var OwnedIncoming = []string{RelImplements, RelPartnerIn}

// OwnedOutgoing are the relationship types every record owns in the outgoing direction.
var OwnedOutgoing = []string{RelPartOf, RelAbout, RelApplies, RelIn, RelMemberOf,
	RelFundedBy, RelPublishedBy, RelNext, RelMeasures}

// Link is a relationship a record owns. Outgoing links go from the record's node
// to To; Incoming ones from To to the record's node (a practice owns the
// IMPLEMENTS links of its implementers).
type Link struct {
	Type     string
	To       string
	Incoming bool
}

// Key identifies the link within its record: "IN>country:FR" or "IMPLEMENTS<organisation:x".
func (l Link) Key() string {
	dir := ">"
	if l.Incoming {
		dir = "<"
	}
	return l.Type + dir + l.To
}

// Record is one node to write with the links it owns, and where it came from
// ("file.jsonl:12") for error messages.
type Record struct {
	Node   Node
	Links  []Link
	Source string
}

// Validate checks the record's links: known types and well-formed target ids.
// The node itself is checked by the reader that built it.
func (r *Record) Validate() error {
	var errs Errors
	where := r.Source
	if where != "" {
		where += ": "
	}
	for _, l := range r.Links {
		if !owned(l) {
			errs = append(errs, Errorf(EINVALID, strings.TrimSuffix(where, ": "), "relationship type %s is not one a record may own", l.Type))
		}
		if _, ok := KindOfID(l.To); !ok {
			errs = append(errs, Errorf(EINVALID, strings.TrimSuffix(where, ": "), "%s: %q is not an id of the form kind:local", l.Type, l.To))
		}
	}
	return errs.Err()
}

func owned(l Link) bool {
	list := OwnedOutgoing
	if l.Incoming {
		list = OwnedIncoming
	}
	for _, m := range list {
		if m == l.Type {
			return true
		}
	}
	return false
}
