package webmap

import (
	"fmt"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// testPlaces are a few real places (GeoNames coordinates and populations).
var testPlaces = []Place{
	{Name: "Lyon", Country: "FR", Location: orb.Point{4.84671, 45.74846}, Population: 472317},
	{Name: "Villeurbanne", Country: "FR", Location: orb.Point{4.88333, 45.76667}, Population: 130405},
	{Name: "Vienne", Country: "FR", Location: orb.Point{4.87147, 45.52569}, Population: 29162},
	{Name: "Kraków", Country: "PL", Location: orb.Point{19.93658, 50.06143}, Population: 755050},
	{Name: "Suva", Country: "FJ", Location: orb.Point{178.44149, -18.14161}, Population: 77366},
}

func TestGazetteerLargest(t *testing.T) {
	g := NewGazetteer(testPlaces)
	for _, c := range []struct {
		name string
		p    orb.Point
		want string // "" for none
	}{
		{"at Villeurbanne's town hall, 4 km from Lyon", orb.Point{4.8798, 45.7665}, "Lyon"},
		{"in the centre of Lyon", orb.Point{4.8357, 45.764}, "Lyon"},
		{"east of Villeurbanne, 22 km from Lyon", orb.Point{5.12, 45.79}, "Villeurbanne"},
		{"just outside Vienne, 25 km from Lyon", orb.Point{4.90, 45.52}, "Vienne"},
		{"in the Massif Central, 100 km from any", orb.Point{3.5, 45.0}, ""},
		{"in the middle of the sea", orb.Point{0, 70}, ""},
		{"near Suva", orb.Point{178.5, -18.1}, "Suva"},
		{"at the pole", orb.Point{0, 90}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			if i := g.Largest(c.p); i >= 0 {
				got = g.Place(i).Name
			}
			if got != c.want {
				t.Errorf("Largest(%v) = %q, want %q", c.p, got, c.want)
			}
		})
	}
	var none *Gazetteer
	if none.Largest(orb.Point{4.8, 45.7}) != -1 || none.Len() != 0 {
		t.Error("a nil gazetteer finds a place")
	}
}

func TestNumKindsMatchesMapKinds(t *testing.T) {
	if len(graph.MapKinds()) != numKinds {
		t.Fatalf("numKinds is %d, graph.MapKinds has %d", numKinds, len(graph.MapKinds()))
	}
}

// TestClustersCountKindsAndTakeTheLargestPlace: around Lyon, a practice in
// Villeurbanne, two organisations in Vienne and an authority in Lyon make one
// cluster at a low zoom, named Lyon (the largest of the three), with its counts
// by kind; points far from any place leave a cluster unnamed.
func TestClustersCountKindsAndTakeTheLargestPlace(t *testing.T) {
	pts := []graph.MapPoint{
		{ID: "practice:v", Kind: graph.MapPractice, Location: orb.Point{4.88, 45.77}},
		{ID: "organisation:v1", Kind: graph.MapOrganisation, Location: orb.Point{4.875, 45.53}},
		{ID: "organisation:v2", Kind: graph.MapOrganisation, Location: orb.Point{4.876, 45.531}},
		{ID: "authority:lyon", Kind: graph.MapLocalAuthority, Location: orb.Point{4.8357, 45.764}},
		{ID: "practice:sea1", Kind: graph.MapPractice, Location: orb.Point{-20, 50}},
		{ID: "event:sea2", Kind: graph.MapEvent, Location: orb.Point{-20.01, 50.01}},
	}
	ix := NewIndex(pts, Options{Places: NewGazetteer(testPlaces)})
	plain := NewIndex(pts, Options{})
	for z := 3; z <= 6; z++ {
		var lyon, sea *Item
		for _, it := range ix.Query(World, z) {
			if it.Cluster == nil {
				continue
			}
			it := it
			if it.Cluster.Bounds.Contains(orb.Point{4.8357, 45.764}) {
				lyon = &it
			} else {
				sea = &it
			}
		}
		if lyon == nil || sea == nil {
			t.Fatalf("zoom %d: want a cluster around Lyon and one at sea", z)
		}
		if lyon.Cluster.Count != 4 || lyon.Place == nil || lyon.Place.Name != "Lyon" || lyon.Place.Country != "FR" {
			t.Errorf("zoom %d: Lyon's cluster of %d is named %+v", z, lyon.Cluster.Count, lyon.Place)
		}
		got := fmt.Sprint(lyon.Cluster.Kinds())
		want := fmt.Sprint([]KindCount{{graph.MapLocalAuthority, 1}, {graph.MapOrganisation, 2}, {graph.MapPractice, 1}})
		if got != want {
			t.Errorf("zoom %d: kinds %s, want %s", z, got, want)
		}
		if sea.Place != nil {
			t.Errorf("zoom %d: the cluster at sea is named %+v", z, sea.Place)
		}
		if got := fmt.Sprint(sea.Cluster.Kinds()); got != fmt.Sprint([]KindCount{{graph.MapPractice, 1}, {graph.MapEvent, 1}}) {
			t.Errorf("zoom %d: kinds at sea %s", z, got)
		}
	}
	for _, it := range plain.Query(World, 0) {
		if it.Place != nil {
			t.Errorf("an index without a gazetteer names a cluster %+v", it.Place)
		}
	}
}

// TestKindCountsAddUpAtEveryZoom: every cluster's counts by kind add up to its count.
func TestKindCountsAddUpAtEveryZoom(t *testing.T) {
	pts := randomPoints(3000, 11)
	kinds := graph.MapKinds()
	for i := range pts {
		pts[i].Kind = kinds[i%len(kinds)]
	}
	ix := NewIndex(pts, Options{Places: NewGazetteer(testPlaces)})
	named := 0
	for z := 0; z <= ix.MaxZoom(); z++ {
		for _, it := range ix.Query(World, z) {
			if it.Cluster == nil {
				continue
			}
			sum := 0
			for _, k := range it.Cluster.Kinds() {
				sum += k.Count
			}
			if sum != it.Cluster.Count {
				t.Errorf("zoom %d: cluster %d counts %d by kind, holds %d", z, it.Cluster.ID, sum, it.Cluster.Count)
			}
			if it.Place != nil {
				named++
			}
		}
	}
	if named == 0 {
		t.Error("no cluster around Lyon or Kraków is named")
	}
}
