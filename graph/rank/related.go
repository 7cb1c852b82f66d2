package rank

import (
	"slices"
	"sort"
	"sync"

	"ewsi/graph"
)

// scorePool holds dense score arrays, one per concurrent ranking, sized to a
// projection.
var scorePool sync.Pool

func scores(n int) []float64 {
	if s, ok := scorePool.Get().(*[]float64); ok && len(*s) == n {
		return *s
	}
	return make([]float64, n)
}

// release zeroes the touched entries and returns the array to the pool.
func release(s []float64, touched []int32) {
	for _, x := range touched {
		s[x] = 0
	}
	scorePool.Put(&s)
}

// Connectors returns the distinct neighbours of src that connect related
// content, rarest first, then by id, with their Adamic-Adar weights.
func (p *Projection) Connectors(src int32) ([]int32, []Connector) {
	nbrs, _ := p.edges(src)
	var ns []int32
	var cs []Connector
	for i, c := range nbrs {
		if (i > 0 && nbrs[i-1] == c) || c == src || !Connects(p.Kind(c)) {
			continue
		}
		ns = append(ns, c)
		cs = append(cs, Connector{ID: p.ID(c), Name: p.Name(c), Kind: p.Kind(c), Degree: p.Degree(c), Weight: ConnectorWeight(p.Kind(c), p.Degree(c))})
	}
	ix := make([]int, len(ns))
	for i := range ix {
		ix[i] = i
	}
	sort.SliceStable(ix, func(a, b int) bool { return cs[ix[a]].Degree < cs[ix[b]].Degree })
	outN, outC := make([]int32, len(ns)), make([]Connector, len(ns))
	for i, j := range ix {
		outN[i], outC[i] = ns[j], cs[j]
	}
	return outN, outC
}

// Related ranks the nodes of the given kinds (all content kinds when empty) most
// related to src by weighted paths of length two through shared neighbours
// (Adamic-Adar: hubs weigh less), plus direct relationships and the editors'
// links given (read live by the caller), best first, ties by id, and returns the
// first of them with reasons. Links to nodes the projection does not hold yet
// count with their own weight only.
func (p *Projection) Related(src int32, links []EditorLink, kinds []graph.Kind, first int) []graph.RelatedItem {
	if first <= 0 {
		return []graph.RelatedItem{}
	}
	if len(kinds) == 0 {
		kinds = graph.ContentKinds()
	}
	want := make([]bool, len(p.kinds))
	for i, k := range p.kinds {
		want[i] = slices.Contains(kinds, k)
	}
	ok := func(x int32) bool { return x != src && want[p.kind[x]] && p.pub[x] }
	conns, cs := p.Connectors(src)
	score := scores(p.Len())
	var touched []int32
	add := func(x int32, w float64) {
		if score[x] == 0 {
			touched = append(touched, x)
		}
		score[x] += w
	}
	for i, c := range conns {
		nbrs, _ := p.edges(c)
		w := cs[i].Weight
		for j, x := range nbrs {
			if (j > 0 && nbrs[j-1] == x) || !ok(x) {
				continue
			}
			add(x, w)
		}
	}
	for _, c := range conns {
		if isContent(p.Kind(c)) && ok(c) {
			add(c, DirectWeight)
		}
	}
	linked := map[string][]EditorLink{}
	var outside []graph.RelatedItem // linked nodes the projection does not hold
	for _, l := range links {
		linked[l.ID] = append(linked[l.ID], l)
		if x, found := p.Lookup(l.ID); found {
			if ok(x) {
				add(x, EditorLinkWeight)
			}
		} else if l.Published && slices.Contains(kinds, l.Kind) && len(linked[l.ID]) == 1 {
			outside = append(outside, graph.RelatedItem{ID: l.ID, Kind: l.Kind})
		}
	}
	top := topK(score, touched, first)
	release(score, touched)
	out := make([]graph.RelatedItem, 0, len(top)+len(outside))
	for _, x := range top {
		out = append(out, p.explain(src, x, conns, cs, linked[p.ID(x)]))
	}
	for _, it := range outside {
		bonus, reasons := map[string]float64{}, map[string]graph.Reason{}
		for _, l := range linked[it.ID] {
			AddLink(bonus, reasons, l)
		}
		it.Score, it.Reasons = graph.RoundScore(bonus[it.ID]), []graph.Reason{reasons[it.ID]}
		out = append(out, it)
	}
	if len(outside) > 0 {
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Score != out[j].Score {
				return out[i].Score > out[j].Score
			}
			return out[i].ID < out[j].ID
		})
		out = out[:min(first, len(out))]
	}
	return out
}

// explain scores x again with its reasons: the direct and editor links first,
// then each connector it shares with the source, heaviest first.
func (p *Projection) explain(src, x int32, conns []int32, cs []Connector, links []EditorLink) graph.RelatedItem {
	id := p.ID(x)
	it := graph.RelatedItem{ID: id, Kind: p.Kind(x)}
	bonus, reasons := map[string]float64{}, map[string]graph.Reason{}
	if i := slices.Index(conns, x); i >= 0 && isContent(p.Kind(x)) {
		bonus[id], reasons[id] = DirectWeight, DirectReason(id)
	}
	for _, l := range links {
		AddLink(bonus, reasons, l)
	}
	if r, ok := reasons[id]; ok {
		it.Score += bonus[id]
		it.Reasons = append(it.Reasons, r)
	}
	for i, c := range conns {
		nbrs, _ := p.edges(c)
		if _, found := slices.BinarySearch(nbrs, x); found {
			it.Score += cs[i].Weight
			it.Reasons = append(it.Reasons, cs[i].Reason())
		}
	}
	it.Score = graph.RoundScore(it.Score)
	sort.SliceStable(it.Reasons, func(a, b int) bool { return it.Reasons[a].Weight > it.Reasons[b].Weight })
	return it
}

// topK returns the k touched nodes of highest rounded score, best first, ties by
// node number (which is id order).
func topK(score []float64, touched []int32, k int) []int32 {
	type entry struct {
		s float64
		x int32
	}
	better := func(a, b entry) bool { return a.s > b.s || (a.s == b.s && a.x < b.x) }
	// h is a heap whose root is the worst entry kept.
	h := make([]entry, 0, k)
	down := func(i int) {
		for {
			l, w := 2*i+1, i
			if l < len(h) && better(h[w], h[l]) {
				w = l
			}
			if r := l + 1; r < len(h) && better(h[w], h[r]) {
				w = r
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for _, x := range touched {
		e := entry{graph.RoundScore(score[x]), x}
		if len(h) < k {
			h = append(h, e)
			for i := len(h) - 1; i > 0; {
				parent := (i - 1) / 2
				if !better(h[parent], h[i]) {
					break
				}
				h[parent], h[i] = h[i], h[parent]
				i = parent
			}
			continue
		}
		if better(e, h[0]) {
			h[0] = e
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b entry) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	out := make([]int32, len(h))
	for i, e := range h {
		out[i] = e.x
	}
	return out
}
