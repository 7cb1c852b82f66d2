// Package resolvers holds the GraphQL resolvers of EWSI Graph. They are thin: they
// check arguments, then call the store through graph.Reader, batching the nested
// reads of one request with per-request loaders so that a nested query costs a
// bounded number of round trips to Neo4j.
package resolvers

import (
	"ewsi/graph"
	"ewsi/graph/labels"
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
	// Calendar reads events by month and funding by deadline; Sheets keeps the
	// country sheets; Indicators the observations. nil where the store cannot.
	Calendar   graph.Calendar
	Sheets     graph.Sheets
	Indicators graph.Indicators
	// Map is the cache of the map's cluster hierarchies; nil switches mapLayer off.
	Map *webmap.Layers
	// EditorToken is the bearer token editors send; empty switches editing off.
	EditorToken string
	// Labels words enum labels and reasons; nil uses the message files built in.
	Labels *labels.Catalog
}
