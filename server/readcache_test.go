package server_test

import (
	"testing"
)

// TestQueryReadsTheVersionOnce: a page that asks for several lists of content
// and the filter forms' lists, asked again while the graph is unchanged, costs
// one round trip in all (the graph's version, read once for the request), and
// gives the same answer. A mutation in between changes the version, and the
// lists are read again.
func TestQueryReadsTheVersionOnce(t *testing.T) {
	q := `{ a: practices(first: 3) { totalCount edges { node { id title country { iso2 } themes { slug } } } }
	  b: events(first: 3) { totalCount } c: funding(first: 3) { totalCount } countries(eu: true) { iso2 } themes { slug } }`
	first := mustData(t, post(t, q, nil))
	before := db.Store.RoundTrips()
	again := mustData(t, post(t, q, nil))
	if trips := db.Store.RoundTrips() - before; trips != 1 {
		t.Errorf("the same page again cost %d round trips, want 1 (the graph's version)", trips)
	}
	if dig(again, "a", "totalCount") != dig(first, "a", "totalCount") || len(dig(again, "countries").([]any)) != 27 {
		t.Errorf("the same page again answered otherwise: %v", again)
	}
	execCypher(t, `MERGE (v:GraphVersion {id: 'graph'}) SET v.token = randomUUID()`, nil)
	before = db.Store.RoundTrips()
	mustData(t, post(t, q, nil))
	if trips := db.Store.RoundTrips() - before; trips < 3 {
		t.Errorf("after the graph changed the page cost %d round trips; its lists were not read again", trips)
	}
}
