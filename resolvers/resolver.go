// Package resolvers holds the GraphQL resolvers of EWSI Graph. They are thin: they
// check arguments, then call the store through graph.Reader, batching the nested
// reads of one request with per-request loaders so that a nested query costs a
// bounded number of round trips to Neo4j.
package resolvers

import (
	"ewsi/auth"
	"ewsi/graph"
	"ewsi/graph/labels"
	"ewsi/markup"
	"ewsi/search"
	"ewsi/webmap"
)

// Resolver is the root resolver: the dependencies of every resolver enter here.
type Resolver struct {
	Store graph.Reader
	// Partners ranks partners and related content; nil where the store cannot.
	Partners graph.Partners
	// Editing writes editors' links; nil where the store cannot.
	Editing graph.Editing
	// Requests keeps partner requests and replies; nil where the store cannot.
	Requests graph.Requests
	// Library reads the library (documents with facets, news archive, links,
	// dossiers); nil where the store cannot.
	Library graph.Library
	// Contributions keeps contributions and their reviews; nil where the store cannot.
	Contributions graph.Contributions
	// Markup renders contributors' Markdown; nil builds one per use.
	Markup *markup.Renderer
	// SubmissionLimit bounds each person's submissions; nil: graph.DefaultSubmissionLimit.
	SubmissionLimit *graph.SubmissionLimit
	// Calendar reads events by month and funding by deadline; Sheets keeps the
	// country sheets; Indicators the observations. nil where the store cannot.
	Calendar   graph.Calendar
	Sheets     graph.Sheets
	Indicators graph.Indicators
	// Map is the cache of the map's cluster hierarchies; nil switches mapLayer off.
	Map *webmap.Layers
	// Accounts runs accounts, sessions and tokens; nil switches them off.
	Accounts *auth.Service
	// Labels words enum labels and reasons; nil uses the message files built in.
	Labels *labels.Catalog
	// Notifier records mails to send (confirmations, contributions); nil where
	// mail is off.
	Notifier graph.Notifier
	// Search runs the one search and the type-ahead over the index the server
	// keeps; nil where the store cannot.
	Search *search.Engine
}
