package resolvers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// relatedPage is a page of related practices with three relations of each read
// through the loaders (the related nodes are primed together, then each relation
// is loaded per node).
type relatedPage struct {
	Related []struct {
		Node struct {
			ID      string
			Themes  []struct{ Slug string }
			Country *struct{ Iso2 string }
			// implementers are read along two hops: authorities and organisations
			Implementers []struct{ Name string }
		}
	}
}

const relatedQuery = `query($n: Int) { related(id: "practice:lyon-00", kinds: [PRACTICE], first: $n) { node {
  ... on Practice { id themes { slug } country { iso2 } implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } } }`

// A page of N related nodes costs one round trip for the ranking's live read,
// one for the page's nodes and one per relation, whatever N: the siblings'
// relations are read together.
func TestLoadersBatchSiblings(t *testing.T) {
	c := newClient()
	for _, n := range []int{2, 10, 25} {
		t.Run("", func(t *testing.T) {
			before := db.Store.RoundTrips()
			var resp relatedPage
			if err := c.Post(relatedQuery, &resp, client.Var("n", n)); err != nil {
				t.Fatal(err)
			}
			trips := db.Store.RoundTrips() - before
			if len(resp.Related) != n {
				t.Fatalf("asked for %d related practices, got %d", n, len(resp.Related))
			}
			for _, it := range resp.Related {
				nd := it.Node
				if nd.Country == nil || nd.Country.Iso2 != "FR" || len(nd.Themes) == 0 || len(nd.Implementers) != 2 {
					t.Fatalf("%s: relations not all read: %+v", nd.ID, nd)
				}
			}
			// editor links (1) + the page's nodes (1) + themes, country, and
			// implementers along two hops (4)
			if want := int64(1 + 1 + 4); trips != want {
				t.Errorf("a page of %d cost %d round trips, want %d", n, trips, want)
			}
		})
	}
}

// Siblings are primed: the nodes of a page, and the nodes found for a page, have
// their relations read in one batch, so one relation of the second level costs
// one round trip too.
func TestLoadersPrimeSiblingsOfNeighbours(t *testing.T) {
	c := newClient()
	q := `{ related(id: "practice:lyon-00", kinds: [PRACTICE], first: 20) { node {
	  ... on Practice { implementers { ... on Organisation { id country { iso2 } practices { id } } } } } } }`
	before := db.Store.RoundTrips()
	var resp struct {
		Related []struct {
			Node struct {
				Implementers []struct {
					ID        string
					Country   *struct{ Iso2 string }
					Practices []struct{ ID string }
				}
			}
		}
	}
	if err := c.Post(q, &resp); err != nil {
		t.Fatal(err)
	}
	trips := db.Store.RoundTrips() - before
	for _, it := range resp.Related {
		var orgs []string
		for _, o := range it.Node.Implementers {
			if o.ID == "" {
				continue // the authority
			}
			orgs = append(orgs, o.ID)
			if o.Country == nil || o.Country.Iso2 != "FR" || len(o.Practices) < 30 {
				t.Fatalf("%s: second-level relations not read: %+v", o.ID, o)
			}
		}
		if !slices.Equal(orgs, []string{"organisation:ville-lyon"}) {
			t.Fatalf("implementers %v", orgs)
		}
	}
	// editor links + nodes + implementers (two hops) + the organisation's
	// country and practices
	if want := int64(1 + 1 + 2 + 2); trips != want {
		t.Errorf("a related page with second-level relations cost %d round trips, want %d", trips, want)
	}
}

// Each key gets its own answer: an unknown id is null at its place while its
// siblings resolve with their relations, and a malformed id fails only its own
// field.
func TestLoadersAnswerPerKey(t *testing.T) {
	c := newClient()
	var resp struct {
		Nodes []*struct {
			ID     string
			Themes []struct{ Slug string }
		}
	}
	err := c.Post(`{ nodes(ids: ["practice:lyon-01", "practice:nope", "practice:lyon-02"]) { ... on Practice { id themes { slug } } } }`, &resp)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Nodes) != 3 || resp.Nodes[1] != nil || resp.Nodes[0] == nil || resp.Nodes[2] == nil ||
		resp.Nodes[0].ID != "practice:lyon-01" || resp.Nodes[2].ID != "practice:lyon-02" ||
		len(resp.Nodes[0].Themes) == 0 || len(resp.Nodes[2].Themes) == 0 {
		t.Fatalf("nodes: %+v", resp.Nodes)
	}

	raw, err := c.RawPost(`{ good: node(id: "practice:lyon-03") { ... on Practice { id themes { slug } } }
	  bad: node(id: "not an id") { id }
	  alsoGood: related(id: "practice:lyon-03", kinds: [PRACTICE], first: 3) { node { id } } }`)
	if err != nil {
		t.Fatal(err)
	}
	errs := errorsOf(t, raw)
	if len(errs) != 1 || len(errs[0].Path) != 1 || errs[0].Path[0] != "bad" || !strings.Contains(errs[0].Message, `"not an id" is not an id`) {
		t.Fatalf("want one error at bad naming the id, got %+v", errs)
	}
	data, _ := raw.Data.(map[string]any)
	good, _ := data["good"].(map[string]any)
	related, _ := data["alsoGood"].([]any)
	if good["id"] != "practice:lyon-03" || len(good["themes"].([]any)) == 0 || len(related) != 3 || data["bad"] != nil {
		t.Fatalf("the bad id failed its siblings: %+v", data)
	}
}
