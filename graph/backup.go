package graph

import (
	"context"
	"time"
)

// Dismissal records that an editor found To no good suggestion for From.
type Dismissal struct {
	From, To string
	By       string
	At       time.Time
	Note     string
}

// RequestBackup is a partner request as stored, for export and restore: its
// properties (dates as graph.Date, timestamps as time.Time; the contact only in
// an export with private data; the hashes of its manage key and of the input it
// was posted with) and the nodes it links to.
type RequestBackup struct {
	ID           string
	Props        map[string]any
	Organisation string   // POSTED_BY
	Topics       []string // ABOUT: theme and subtheme ids
	Countries    []string // SEEKS_IN: ISO alpha-2
	Funding      string   // TARGETS
}

// ReplyBackup is a partner reply as stored, for export and restore.
type ReplyBackup struct {
	ID           string
	Props        map[string]any
	Request      string // ANSWERS
	Organisation string // FROM
}

// RequestProps and ReplyProps are the properties a request and a reply may hold,
// with their type: "string", "bool", "strings", "date" or "time". Private ones
// (contacts) are exported only with private data.
var (
	RequestProps = map[string]string{"status": "string", "lang": "string", "demo": "bool", "title": "string",
		"description": "string", "types": "strings", "languages": "strings", "closes": "date", "outcome": "string",
		"closedAt": "time", "createdAt": "time", "updatedAt": "time", "contactName": "string", "contactEmail": "string",
		"manageKeyHash": "string", "inputHash": "string"}
	ReplyProps = map[string]string{"status": "string", "lang": "string", "demo": "bool", "fit": "string", "offer": "string",
		"message": "string", "posterAgreed": "bool", "replierAgreed": "bool", "createdAt": "time", "updatedAt": "time",
		"contactName": "string", "contactEmail": "string", "replyKeyHash": "string", "inputHash": "string", "slot": "string"}
	PrivateProps = map[string]bool{"contactName": true, "contactEmail": true}
)

// ExportFilter chooses the content an export reads: kinds (all content kinds when
// empty) and a country (ISO alpha-2; any when empty).
type ExportFilter struct {
	Kinds   []Kind
	Country string
}

// Backup is the part of the store that exports the graph and restores what the
// ingest format does not write as content: editors' links and dismissals,
// partner requests and replies. Restoring is idempotent.
type Backup interface {
	// ExportNodes calls fn with every content node that f chooses, by kind then
	// id, with the links it owns. Private properties (a person's email and
	// password hash) are read only when private is true.
	ExportNodes(ctx context.Context, f ExportFilter, private bool, fn func(Record) error) error
	// ExportLinks calls fn with every editor link, active or retired, oldest first.
	ExportLinks(ctx context.Context, fn func(EditorLink) error) error
	// ExportDismissals calls fn with every dismissal, oldest first.
	ExportDismissals(ctx context.Context, fn func(Dismissal) error) error
	// ExportRequests calls fn with every partner request and its replies, by id;
	// contacts are read only when private is true.
	ExportRequests(ctx context.Context, private bool, fn func(RequestBackup, []ReplyBackup) error) error
	// RestoreLinks merges editor links with their history; both ends must exist.
	RestoreLinks(ctx context.Context, links []EditorLink) error
	// RestoreDismissals merges dismissals; both ends must exist.
	RestoreDismissals(ctx context.Context, ds []Dismissal) error
	// RestoreRequests merges requests and then replies on id, with their links,
	// timestamps and key hashes.
	RestoreRequests(ctx context.Context, reqs []RequestBackup, replies []ReplyBackup) error
}
