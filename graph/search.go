package graph

import (
	"context"
	"time"
)

// One search over every content kind (issue 15). The store answers full-text
// queries with scored ids and reads, in bulk, the corpus that the server's
// search index (package search) is built from: each published content node's
// label, facet values and date. Facets, order, paging, snippets and the
// type-ahead run over that index in the server.

// MaxSuggest bounds the type-ahead's proposals (suggest's first).
const MaxSuggest = 20

// SearchEntry is what the search index keeps of one published content node.
type SearchEntry struct {
	// Ref is the store's own reference of the node (Neo4j's element id), which
	// full-text hits carry: reading it costs no property.
	Ref       string
	ID        string
	Kind      Kind
	Label     string
	Themes    []string // theme ids
	Countries []string // ISO 3166 alpha-2
	Lang      string
	Date      *Date
	// Text is the node's other texts that the full-text indexes cover
	// (summaries, descriptions, places), one per line.
	Text string
}

// SearchName names a theme or a country in English, French and German; Key is
// the value the filter takes (a theme id, an ISO code), Alt another one it
// accepts (a theme's slug).
type SearchName struct {
	Key, Alt   string
	En, Fr, De string
}

// Name returns the name in lang, English when lang has none.
func (n SearchName) Name(lang Lang) string { return pick(&lang, n.En, n.Fr, n.De) }

// SearchCorpus is the whole of what the search index is built from, tagged
// with the graph version read before anything else.
type SearchCorpus struct {
	Version   string
	Entries   []SearchEntry
	Themes    []SearchName
	Countries []SearchName
}

// ScoredRef is one full-text hit: the node's Ref and its score.
type ScoredRef struct {
	Ref   string
	Score float64
}

// SearchMiss is a search that found nothing: the normalised words, how often,
// when last, and the languages of the pages it came from.
type SearchMiss struct {
	Query  string
	Count  int
	LastAt time.Time
	Langs  []string
}

// SearchSource is what the search reads from and writes to the store.
type SearchSource interface {
	// GraphVersion returns the graph's current version token.
	GraphVersion(ctx context.Context) (string, error)
	// SearchCorpus reads every published content node's entry, and the names of
	// themes and countries.
	SearchCorpus(ctx context.Context) (*SearchCorpus, error)
	// SearchEntries reads the entries of the published content nodes among
	// refs (hits the index does not know yet).
	SearchEntries(ctx context.Context, refs []string) ([]SearchEntry, error)
	// SearchRefs runs the Lucene query q (made by FullTextQuery) over the
	// full-text indexes and returns every hit with its best score, unordered:
	// any node the indexes hold, published or not (the index in the server
	// holds the published ones; SearchEntries checks the others).
	SearchRefs(ctx context.Context, q string) ([]ScoredRef, error)
	// SearchNodes returns the published content nodes with the given ids, by
	// id, with all their texts, in one round trip.
	SearchNodes(ctx context.Context, ids []string) (map[string]Node, error)
	// SearchNodesAt is SearchNodes that also returns the graph's version,
	// read in the same round trip.
	SearchNodesAt(ctx context.Context, ids []string) (map[string]Node, string, error)
	// RecordSearchMisses adds the misses (Count each) to the report, keeping
	// at most max distinct queries (the least frequent, oldest go first).
	RecordSearchMisses(ctx context.Context, misses []SearchMiss, max int) error
	// SearchMisses returns a window of the report, most frequent first, and
	// how many there are.
	SearchMisses(ctx context.Context, w Window) ([]SearchMiss, int, error)
}
