package webmap

import (
	"math"
	"sort"
	"sync"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// Options shape the cluster hierarchy. The defaults suit Leaflet's 256-pixel
// tiles: points closer than Radius pixels at a zoom merge into one cluster.
type Options struct {
	MinZoom int     // lowest zoom with its own level, default 0
	MaxZoom int     // highest zoom that clusters, default 16; above it every point shows
	Radius  float64 // cluster radius in pixels, default 60
	Extent  float64 // tile size in pixels, default 256
	// Places names clusters by the largest place near one of their points;
	// nil leaves them unnamed.
	Places *Gazetteer
}

func (o *Options) defaults() {
	if o.MaxZoom == 0 {
		o.MaxZoom = 16
	}
	if o.Radius == 0 {
		o.Radius = 60
	}
	if o.Extent == 0 {
		o.Extent = 256
	}
}

// Cluster is a group of points shown as one marker.
type Cluster struct {
	ID            int             // index in the hierarchy, stable while the index lives
	Count         int             // points it holds
	Center        orb.Point       // weighted centroid (lon, lat)
	Bounds        orb.Bound       // box of its points
	ExpansionZoom int             // the zoom at which it splits into two or more markers
	ThemeCounts   []int32         // points per theme, in the order of Index.Themes
	KindCounts    [numKinds]int32 // points per kind, in the order of graph.MapKinds
	place         int32           // index in Options.Places of its largest place, -1 for none
}

// numKinds is the number of map kinds (graph.MapKinds).
const numKinds = 5

// kindIndex returns k's place in graph.MapKinds, or -1.
func kindIndex(k graph.MapKind) int {
	for i, x := range graph.MapKinds() {
		if x == k {
			return i
		}
	}
	return -1
}

// Kinds returns the cluster's points per kind, for the kinds it holds, in the
// order of graph.MapKinds.
func (c *Cluster) Kinds() []KindCount {
	var out []KindCount
	for i, k := range graph.MapKinds() {
		if c.KindCounts[i] > 0 {
			out = append(out, KindCount{Kind: k, Count: int(c.KindCounts[i])})
		}
	}
	return out
}

// KindCount is how many points of a cluster are of a kind.
type KindCount struct {
	Kind  graph.MapKind
	Count int
}

// Item is what a viewport shows: a cluster or a single point.
type Item struct {
	Cluster *Cluster
	Place   *Place // the place that names the cluster, if any
	Point   *graph.MapPoint
}

// Count returns how many points the item stands for.
func (it Item) Count() int {
	if it.Cluster != nil {
		return it.Cluster.Count
	}
	return 1
}

// Index is a supercluster-style hierarchy over a set of points: one kd-sorted
// level per zoom, each made by greedily merging the items of the level above
// that lie within the radius of one another. It is immutable once built.
type Index struct {
	opts       Options
	points     []graph.MapPoint
	themes     []string // theme ids, sorted
	pointPlace []int32  // place index of each point in opts.Places, -1 for none; nil without places
	levels     [][]item // levels[z-MinZoom] for z in MinZoom..MaxZoom+1
	clusters   []Cluster
	byID       map[string]int32 // point index by node id
	version    string           // the graph version its points were read at

	pagesOnce sync.Once // rank and extents, made on first use (see pages.go)
	order     []int32   // point indexes in id order
	rank      []int32   // rank[i]: the place of point i in order
	extents   map[graph.MapKind]Extent
}

// NewIndex builds the hierarchy over points.
func NewIndex(points []graph.MapPoint, opts Options) *Index {
	opts.defaults()
	ix := &Index{opts: opts, points: points, byID: make(map[string]int32, len(points))}
	for i, p := range points {
		ix.byID[p.ID] = int32(i)
	}
	themeAt := map[string]int{}
	for _, p := range points {
		for _, t := range p.Themes {
			if _, ok := themeAt[t]; !ok {
				themeAt[t] = 0
				ix.themes = append(ix.themes, t)
			}
		}
	}
	sort.Strings(ix.themes)
	for i, t := range ix.themes {
		themeAt[t] = i
	}
	pointThemes := make([][]int32, len(points))
	for i, p := range points {
		for _, t := range p.Themes {
			pointThemes[i] = append(pointThemes[i], int32(themeAt[t]))
		}
	}
	if opts.Places.Len() > 0 {
		ix.pointPlace = make([]int32, len(points))
		for i, p := range points {
			ix.pointPlace[i] = opts.Places.Largest(p.Location)
		}
	}
	top := make([]item, len(points))
	for i, p := range points {
		top[i] = item{x: lngX(p.Location[0]), y: latY(p.Location[1]), count: 1, ref: int32(i)}
	}
	kdSort(top, 0, len(top)-1, 0)
	n := opts.MaxZoom - opts.MinZoom + 2
	ix.levels = make([][]item, n)
	ix.levels[n-1] = top
	for z := opts.MaxZoom; z >= opts.MinZoom; z-- {
		lvl := ix.merge(ix.levels[z+1-opts.MinZoom], z, pointThemes)
		kdSort(lvl, 0, len(lvl)-1, 0)
		ix.levels[z-opts.MinZoom] = lvl
	}
	return ix
}

// merge makes the level of zoom z from prev, the level of zoom z+1.
func (ix *Index) merge(prev []item, z int, pointThemes [][]int32) []item {
	r := ix.opts.Radius / (ix.opts.Extent * math.Pow(2, float64(z)))
	r2 := r * r
	done := make([]bool, len(prev))
	out := make([]item, 0, len(prev))
	var near []int32
	for i := range prev {
		if done[i] {
			continue
		}
		done[i] = true
		p := prev[i]
		near = kdRange(prev, p.x-r, p.y-r, p.x+r, p.y+r, near[:0])
		total := p.count
		for _, j := range near {
			q := &prev[j]
			if !done[j] && (q.x-p.x)*(q.x-p.x)+(q.y-p.y)*(q.y-p.y) <= r2 {
				total += q.count
			}
		}
		if total == p.count {
			out = append(out, p)
			continue
		}
		c := Cluster{ID: len(ix.clusters), ExpansionZoom: z + 1, ThemeCounts: make([]int32, len(ix.themes)), place: -1, Bounds: orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}}
		wx, wy := 0.0, 0.0
		add := func(q item) {
			wx += q.x * float64(q.count)
			wy += q.y * float64(q.count)
			if q.ref >= 0 {
				c.Bounds = c.Bounds.Extend(ix.points[q.ref].Location)
				for _, t := range pointThemes[q.ref] {
					c.ThemeCounts[t]++
				}
				if k := kindIndex(ix.points[q.ref].Kind); k >= 0 {
					c.KindCounts[k]++
				}
				if ix.pointPlace != nil {
					c.place = ix.opts.Places.larger(c.place, ix.pointPlace[q.ref])
				}
				return
			}
			child := &ix.clusters[-q.ref-1]
			c.Bounds = c.Bounds.Union(child.Bounds)
			for t, k := range child.ThemeCounts {
				c.ThemeCounts[t] += k
			}
			for k, n := range child.KindCounts {
				c.KindCounts[k] += n
			}
			if ix.pointPlace != nil {
				c.place = ix.opts.Places.larger(c.place, child.place)
			}
		}
		add(p)
		for _, j := range near {
			q := prev[j]
			if !done[j] && (q.x-p.x)*(q.x-p.x)+(q.y-p.y)*(q.y-p.y) <= r2 {
				done[j] = true
				add(q)
			}
		}
		c.Count = int(total)
		cx, cy := wx/float64(total), wy/float64(total)
		// the projection's round trip may leave the centre a hair outside its box
		c.Center = orb.Point{min(max(xLng(cx), c.Bounds.Min[0]), c.Bounds.Max[0]), min(max(yLat(cy), c.Bounds.Min[1]), c.Bounds.Max[1])}
		ix.clusters = append(ix.clusters, c)
		out = append(out, item{x: cx, y: cy, count: total, ref: -int32(len(ix.clusters))})
	}
	return out
}

// Place returns the place that names cluster c: the most populous place within
// PlaceRadiusKm of one of its points, or nil when there is none
// (or the index has no gazetteer).
func (ix *Index) Place(c *Cluster) *Place {
	if c == nil || c.place < 0 || ix.opts.Places == nil {
		return nil
	}
	return ix.opts.Places.Place(c.place)
}

// Themes returns the theme ids that ThemeCounts count, in order.
func (ix *Index) Themes() []string { return ix.themes }

// Len returns the number of points indexed.
func (ix *Index) Len() int { return len(ix.points) }

// Version returns the graph version the points were read at ("" when built
// outside Layers).
func (ix *Index) Version() string { return ix.version }

// MaxZoom returns the highest zoom that clusters.
func (ix *Index) MaxZoom() int { return ix.opts.MaxZoom }

// level returns the level shown at zoom z.
func (ix *Index) level(z int) []item {
	z = min(max(z, ix.opts.MinZoom), ix.opts.MaxZoom+1)
	return ix.levels[z-ix.opts.MinZoom]
}

// Query returns the clusters and points shown at zoom z whose position lies in
// box (west <= east; split a box across the antimeridian first).
func (ix *Index) Query(box orb.Bound, z int) []Item {
	lvl := ix.level(z)
	hits := kdRange(lvl, lngX(box.Min[0]), latY(box.Max[1]), lngX(box.Max[0]), latY(box.Min[1]), nil)
	out := make([]Item, 0, len(hits))
	for _, h := range hits {
		it := lvl[h]
		if it.ref >= 0 {
			out = append(out, Item{Point: &ix.points[it.ref]})
		} else {
			c := &ix.clusters[-it.ref-1]
			out = append(out, Item{Cluster: c, Place: ix.Place(c)})
		}
	}
	return out
}

// Point returns the indexed point with the given id, or nil.
func (ix *Index) Point(id string) *graph.MapPoint {
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	return &ix.points[i]
}
