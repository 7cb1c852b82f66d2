package server_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

// Queries read only the long texts they ask for somewhere; a text asked for in a
// fragment, deep in the query, must still arrive whole.
func TestAskedTextsArriveWhereverTheyAreAsked(t *testing.T) {
	d := mustData(t, post(t, `{ practices(first: 3, filter: {countries: ["FR"]}) { edges { node { title
	  implementers { ... on Organisation { practices { ...T } } } } } } }
	fragment T on Practice { id summary }`, nil))
	var ids []string
	summaries := map[string]string{}
	for _, e := range dig(d, "practices", "edges").([]any) {
		for _, impl := range dig(e, "node", "implementers").([]any) {
			nested, _ := dig(impl, "practices").([]any) // empty for authorities
			for _, p := range nested {
				id := dig(p, "id").(string)
				ids = append(ids, id)
				summaries[id], _ = dig(p, "summary").(string)
			}
		}
	}
	if len(ids) == 0 {
		t.Fatal("no nested practices: the fixture changed")
	}
	whole, err := db.Store.Nodes(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if want := whole[id].(*graph.Practice).Summary; want == "" || summaries[id] != want {
			t.Errorf("%s: summary %q through a fragment, %q in the store", id, summaries[id], want)
		}
	}
	// and at the top, through an inline fragment on node
	n := mustData(t, post(t, `query($id: ID!) { node(id: $id) { ... on Practice { title summary } } }`, map[string]any{"id": ids[0]}))
	if got := dig(n, "node", "summary"); got != whole[ids[0]].(*graph.Practice).Summary {
		t.Errorf("node summary %q, want %q", got, whole[ids[0]].(*graph.Practice).Summary)
	}
}
