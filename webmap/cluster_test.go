package webmap

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// randomPoints makes n points around a few European cities, with duplicates.
func randomPoints(n int, seed uint64) []graph.MapPoint {
	r := rand.New(rand.NewPCG(seed, 1))
	centres := []orb.Point{{4.8357, 45.764}, {19.9366, 50.0614}, {13.405, 52.52}, {-3.7038, 40.4168}, {179.9, -16.5}}
	themes := []string{"theme:a", "theme:b", "theme:c"}
	out := make([]graph.MapPoint, n)
	for i := range out {
		c := centres[r.IntN(len(centres))]
		p := orb.Point{c[0] + r.NormFloat64()*0.5, c[1] + r.NormFloat64()*0.5}
		if i%10 == 0 {
			p = c // many points at exactly one place
		}
		p[0] = min(180, max(-180, p[0]))
		out[i] = graph.MapPoint{ID: fmt.Sprintf("p%d", i), Kind: graph.MapPractice, Location: p,
			Themes: themes[:1+i%3]}
	}
	return out
}

func TestClustersConserveCountsAtEveryZoom(t *testing.T) {
	pts := randomPoints(5000, 7)
	ix := NewIndex(pts, Options{})
	for z := 0; z <= MaxZoom; z++ {
		items := ix.Query(World, z)
		total, clusters := 0, 0
		for _, it := range items {
			total += it.Count()
			if it.Cluster != nil {
				clusters++
				c := it.Cluster
				if c.ExpansionZoom <= z {
					t.Errorf("zoom %d: cluster %d splits at %d, not deeper", z, c.ID, c.ExpansionZoom)
				}
				if !c.Bounds.Contains(c.Center) {
					t.Errorf("zoom %d: centre %v outside bounds %v", z, c.Center, c.Bounds)
				}
				// the points with theme a: every point has it
				if int(c.ThemeCounts[0]) != c.Count {
					t.Errorf("zoom %d: theme a counts %d of %d points", z, c.ThemeCounts[0], c.Count)
				}
			}
		}
		if total != len(pts) {
			t.Errorf("zoom %d: items stand for %d points, want %d", z, total, len(pts))
		}
		if z <= 3 && clusters == 0 {
			t.Errorf("zoom %d: no clusters", z)
		}
		if z > ix.MaxZoom() && clusters != 0 {
			t.Errorf("zoom %d: %d clusters above the max zoom", z, clusters)
		}
	}
}

func TestClusterSplitsAtItsExpansionZoom(t *testing.T) {
	pts := randomPoints(2000, 3)
	ix := NewIndex(pts, Options{})
	for _, it := range ix.Query(World, 2) {
		c := it.Cluster
		if c == nil {
			continue
		}
		// at the expansion zoom the cluster's box holds at least two markers
		n := 0
		for _, sub := range ix.Query(c.Bounds, c.ExpansionZoom) {
			if sub.Cluster == nil || sub.Cluster.ID != c.ID {
				n++
			}
		}
		if n < 2 {
			t.Errorf("cluster %d of %d points shows %d markers at its expansion zoom %d", c.ID, c.Count, n, c.ExpansionZoom)
		}
	}
}

func TestQueryMatchesBruteForce(t *testing.T) {
	pts := randomPoints(3000, 11)
	ix := NewIndex(pts, Options{})
	box := orb.Bound{Min: orb.Point{4, 45}, Max: orb.Point{6, 46.5}}
	want := 0
	for _, p := range pts {
		if box.Contains(p.Location) {
			want++
		}
	}
	got := 0
	for _, it := range ix.Query(box, MaxZoom) {
		if it.Point == nil || !box.Contains(it.Point.Location) {
			t.Fatalf("item %+v outside %v at the top zoom", it, box)
		}
		got++
	}
	if got != want || want == 0 {
		t.Errorf("points in box: %d, brute force %d", got, want)
	}
}

func TestViewportAcrossAntimeridian(t *testing.T) {
	pts := randomPoints(2000, 5)
	ix := NewIndex(pts, Options{})
	b := BBox{West: 170, South: -30, East: -170, North: 0}
	if err := b.Check("bbox"); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, bb := range b.Bounds() {
		n += len(ix.Query(bb, MaxZoom))
	}
	want := 0
	for _, p := range pts {
		if (p.Location[0] >= 170 || p.Location[0] <= -170) && p.Location[1] >= -30 && p.Location[1] <= 0 {
			want++
		}
	}
	if n != want || want == 0 {
		t.Errorf("across the antimeridian: %d points, want %d", n, want)
	}
}

func TestBadViewports(t *testing.T) {
	for _, c := range []struct {
		in, where string
	}{
		{"0,50,10,40", "bbox.south"},
		{"0,-91,10,40", "bbox.south"},
		{"0,0,181,10", "bbox.east"},
		{"0,0,10", "bbox"},
		{"a,0,10,10", "bbox"},
		{"NaN,0,10,10", "bbox"},
	} {
		_, err := ParseBBox("bbox", c.in)
		var e *graph.Error
		if err == nil || !asErr(err, &e) || e.Code != graph.EINVALID || e.Where != c.where {
			t.Errorf("%q: got %v, want INVALID at %s", c.in, err, c.where)
		}
	}
	for _, z := range []float64{-1, 23, 1e9} {
		if _, err := CheckZoom("zoom", z); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("zoom %v: %v", z, err)
		}
	}
	if z, err := CheckZoom("zoom", 6.7); err != nil || z != 6 {
		t.Errorf("zoom 6.7: %d %v", z, err)
	}
}
