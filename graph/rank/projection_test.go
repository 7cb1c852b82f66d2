package rank

import (
	"math"
	"testing"

	"ewsi/graph"
)

// small builds: two practices and a document about one subtheme (the first
// practice twice, as a duplicated relationship), both practices in one country,
// and an unpublished practice about the subtheme.
func small() *Projection {
	b := NewBuilder("v1")
	b.Node(50, "subtheme:lang", graph.KindSubtheme, true, "Language")
	b.Node(10, "practice:b", graph.KindPractice, true, "B")
	b.Node(20, "practice:a", graph.KindPractice, true, "A")
	b.Node(30, "document:c", graph.KindDocument, true, "C")
	b.Node(40, "practice:draft", graph.KindPractice, false, "Draft")
	b.Node(60, "country:FR", graph.KindCountry, true, "France")
	b.Country(60, "FR")
	b.EdgesTo(RelAbout, []int64{10, 10, 20, 30, 40}, 50)
	b.EdgesTo(RelIn, []int64{10, 20}, 60)
	b.Edges(RelAbout, 99, []int64{50}) // an end never added: dropped
	return b.Build()
}

func TestBuildNumbersNodesInIDOrder(t *testing.T) {
	p := small()
	prev := ""
	for n := int32(0); n < int32(p.Len()); n++ {
		if id := p.ID(n); id <= prev {
			t.Fatalf("node %d is %q, after %q", n, id, prev)
		} else {
			prev = id
		}
		if got, ok := p.Lookup(p.ID(n)); !ok || got != n {
			t.Fatalf("Lookup(%q) = %d %v, want %d", p.ID(n), got, ok, n)
		}
	}
	if _, ok := p.Lookup("practice:nope"); ok {
		t.Fatal("Lookup found an id never added")
	}
	sub, _ := p.Lookup("subtheme:lang")
	if p.Degree(sub) != 5 || p.inDegree(sub, RelAbout) != 5 {
		t.Fatalf("subtheme degree %d, ABOUT in %d; want 5 relationships, the duplicate counted", p.Degree(sub), p.inDegree(sub, RelAbout))
	}
	if p.contentTotal != 4 {
		t.Fatalf("content total %d, want 4", p.contentTotal)
	}
}

func TestRelatedCountsEachConnectorOnce(t *testing.T) {
	p := small()
	a, _ := p.Lookup("practice:a")
	got := p.Related(a, nil, nil, 10)
	sub := ConnectorWeight(graph.KindSubtheme, 5)
	country := ConnectorWeight(graph.KindCountry, 2)
	want := []struct {
		id    string
		score float64
	}{{"practice:b", graph.RoundScore(sub + country)}, {"document:c", graph.RoundScore(sub)}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %v (the draft is not published)", got, want)
	}
	for i, w := range want {
		if got[i].ID != w.id || math.Abs(got[i].Score-w.score) > 1e-9 || len(got[i].Reasons) == 0 {
			t.Errorf("#%d: %s %.4f, want %s %.4f", i, got[i].ID, got[i].Score, w.id, w.score)
		}
	}
	// an editor's link to a node the projection does not hold counts on its own
	got = p.Related(a, []EditorLink{{ID: "news:new", Kind: graph.KindNews, Published: true, Note: "same event"}}, nil, 1)
	if len(got) != 1 || got[0].ID != "news:new" || got[0].Score != EditorLinkWeight || got[0].Reasons[0].Kind != graph.ReasonEditorLink {
		t.Fatalf("editor link outside the projection: %+v", got)
	}
}

func TestTopKBreaksTiesByNumber(t *testing.T) {
	score := []float64{1, 2, 2, 0.5, 2}
	got := topK(score, []int32{4, 0, 3, 2, 1}, 3)
	if len(got) != 3 || got[0] != 1 || got[1] != 2 || got[2] != 4 {
		t.Fatalf("topK = %v, want [1 2 4]", got)
	}
}

func TestCandKeepsThreeSmallest(t *testing.T) {
	var c cand
	for _, x := range []int32{9, 5, 7, 1, 8, 3} {
		c.keep(x)
	}
	if c.practices != 6 || c.first != [3]int32{1, 3, 5} {
		t.Fatalf("practices %d, first %v; want 6 and [1 3 5]", c.practices, c.first)
	}
}
