package webmap

import (
	"container/heap"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// Extent is the spatial and temporal extent of the points of one kind.
type Extent struct {
	Count      int
	Bound      orb.Bound // meaningful when Count > 0
	Start, End *time.Time
	Dated      bool // some point has a date; Start or End nil means open on that side
}

// prepare ranks the points in id order and measures the extent of each kind,
// once per hierarchy (a hierarchy lives for one graph version).
func (ix *Index) prepare() {
	ix.pagesOnce.Do(func() {
		order := make([]int32, len(ix.points))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(ix.points[a].ID, ix.points[b].ID) })
		ix.order = order
		ix.rank = make([]int32, len(ix.points))
		for r, i := range order {
			ix.rank[i] = int32(r)
		}
		ix.extents = map[graph.MapKind]Extent{}
		for _, p := range ix.points {
			e := ix.extents[p.Kind]
			if e.Count == 0 {
				e.Bound = p.Location.Bound()
			} else {
				e.Bound = e.Bound.Extend(p.Location)
			}
			e.Count++
			if p.Start != nil || p.End != nil {
				e.Dated = true
				if s := p.Start; s != nil && (e.Start == nil || s.Time().Before(*e.Start)) {
					t := s.Time()
					e.Start = &t
				}
				end := p.End
				if end == nil {
					end = p.Start
				}
				if end != nil && (e.End == nil || end.Time().After(*e.End)) {
					t := end.Time()
					e.End = &t
				}
			}
			ix.extents[p.Kind] = e
		}
	})
}

// Extent returns the extent of the points of kind k.
func (ix *Index) Extent(k graph.MapKind) Extent {
	ix.prepare()
	return ix.extents[k]
}

// Page is one page of the points of a box, in id order.
type Page struct {
	Points  []*graph.MapPoint
	Matched int // points in the box that match
}

// PageOf returns the points inside box that keep says to keep, in id order,
// skipping offset of them and returning at most limit. The box's points are
// found through the kd index and only the page is ordered (a bounded heap of
// offset+limit ranks), never every point of the box.
func (ix *Index) PageOf(box BBox, keep func(*graph.MapPoint) bool, offset, limit int) Page {
	ix.prepare()
	top := ix.levels[len(ix.levels)-1]
	var hits []int32
	for _, b := range box.Bounds() {
		hits = kdRange(top, lngX(b.Min[0]), latY(b.Max[1]), lngX(b.Max[0]), latY(b.Min[1]), hits)
	}
	want := offset + limit
	h := &rankHeap{}
	matched := 0
	for _, i := range hits {
		p := top[i].ref
		if keep != nil && !keep(&ix.points[p]) {
			continue
		}
		matched++
		r := ix.rank[p]
		if h.Len() < want {
			heap.Push(h, r)
		} else if want > 0 && r < (*h)[0] {
			(*h)[0] = r
			heap.Fix(h, 0)
		}
	}
	ranks := []int32(*h)
	slices.Sort(ranks)
	pg := Page{Matched: matched}
	if offset >= len(ranks) {
		return pg
	}
	for _, r := range ranks[offset:] {
		pg.Points = append(pg.Points, &ix.points[ix.order[r]])
	}
	return pg
}

// rankHeap is a max-heap of ranks: the largest of the smallest kept on top.
type rankHeap []int32

func (h rankHeap) Len() int           { return len(h) }
func (h rankHeap) Less(i, j int) bool { return h[i] > h[j] }
func (h rankHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)        { *h = append(*h, x.(int32)) }
func (h *rankHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
