package graph

import (
	"context"

	"github.com/paulmach/orb"
)

// Order is the sort order of a list: a field of the kind's choice and a direction.
type Order struct {
	Field string // "title" (name for organisations and authorities), "date", "updatedAt"
	Desc  bool
}

// Hop is one step along relationships from a node: the relationship type and the
// direction seen from the starting node, and the kind at the other end.
type Hop struct {
	Rel      string
	Incoming bool
	To       Kind
}

// CountryStats are the counts of content in one country.
type CountryStats struct {
	Practices     int
	Organisations int
	Authorities   int
	Documents     int
	Events        int
	News          int
	Funding       int
}

// Hit is a full-text search result.
type Hit struct {
	Node  Node
	Score float64
}

// Reader reads the graph. Every method returns an *Error with EINVALID for bad
// arguments; nodes that do not exist are simply absent from maps and lists.
type Reader interface {
	// Themes returns the six themes in their order.
	Themes(ctx context.Context) ([]*Theme, error)
	// Principles returns the Common Basic Principles by number.
	Principles(ctx context.Context) ([]*Principle, error)
	// Countries returns countries ordered by ISO code, only EU members when eu is true,
	// only non-members when false.
	Countries(ctx context.Context, eu *bool) ([]*Country, error)
	// Milestones returns the EU framework timeline in date order.
	Milestones(ctx context.Context) ([]*Milestone, error)
	// Indicators returns the common integration indicators.
	Indicators(ctx context.Context) ([]*Indicator, error)
	// List returns the window w of the published nodes of kind k that match f, sorted
	// by o then id, and how many match in all.
	List(ctx context.Context, k Kind, f Filter, o Order, w Window) ([]Node, int, error)
	// ListWith does List and, in the same round trip, what NeighboursMulti(hops)
	// returns for the nodes of the window.
	ListWith(ctx context.Context, k Kind, f Filter, o Order, w Window, hops []Hop) ([]Node, int, map[Hop]map[string][]Node, error)
	// Nodes returns the nodes with the given ids, by id.
	Nodes(ctx context.Context, ids []string) (map[string]Node, error)
	// Neighbours returns, for each id, the nodes one hop away, sorted by name or title.
	Neighbours(ctx context.Context, h Hop, ids []string) (map[string][]Node, error)
	// NeighboursMulti does Neighbours for several hops in one round trip.
	NeighboursMulti(ctx context.Context, hops []Hop, ids []string) (map[Hop]map[string][]Node, error)
	// CountryStats returns the counts for the given ISO codes.
	CountryStats(ctx context.Context, iso2 []string) (map[string]CountryStats, error)
	// Search runs a full-text query over content in every language; every word
	// must match. With prefix, the last word also matches the words it begins
	// (for type-ahead: "Cari" finds "Caritas").
	Search(ctx context.Context, q string, kinds []Kind, prefix bool, w Window) ([]Hit, int, error)
}

// WriteStats counts what a write did to nodes.
type WriteStats struct {
	Created   int
	Updated   int
	Unchanged int
}

// Add adds o to s.
func (s *WriteStats) Add(o WriteStats) {
	s.Created += o.Created
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
}

// Writer writes records. Every write is idempotent: writing the same records again
// changes nothing. A failed call leaves the graph as it was before that call.
type Writer interface {
	// WriteNodes merges the records' nodes on id and sets their properties.
	WriteNodes(ctx context.Context, recs []Record) (WriteStats, error)
	// WriteLinks replaces each record's owned links (OwnedOutgoing, and OwnedIncoming for practices) with rec.Links
	// and marks the record complete. Every target must exist.
	WriteLinks(ctx context.Context, recs []Record) error
	// Write does WriteNodes(nodes) and then WriteLinks(links) in one transaction.
	Write(ctx context.Context, nodes, links []Record) (WriteStats, error)
	// Existing returns which of ids exist in the graph, with their kind.
	Existing(ctx context.Context, ids []string) (map[string]Kind, error)
	// Bulk says that a load of n records is about to start. When the graph holds
	// next to no content yet, the writer may put off work that it does faster in
	// one pass at the end (a store builds its full-text indexes then, instead of
	// updating them with every write), and reports that it did; until Settle, a
	// search may then fail with EUNAVAIL.
	Bulk(ctx context.Context, n int) (bool, error)
	// Settle finishes what Bulk put off and waits until every index, full-text
	// ones included, shows all writes.
	Settle(ctx context.Context) error
}

// Store is the whole store the server needs.
type Store interface {
	Reader
	Writer
	// Ping checks that the database answers and the migrations are done.
	Ping(ctx context.Context) error
	// Points returns nodes with a location in the box, for maps.
	Points(ctx context.Context, box orb.Bound, kinds []Kind, f Filter) ([]Point, error)
}

// Point is a located node for the map.
type Point struct {
	ID       string
	Kind     Kind
	Name     string
	Location orb.Point
	Themes   []string
}
