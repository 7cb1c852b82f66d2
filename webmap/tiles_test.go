package webmap_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"ewsi/graph"
	"ewsi/webmap"
)

func TestTiles(t *testing.T) {
	want := count(t, locatedCypher+"RETURN count(n) AS c", nil)
	r, b := get(t, "/tiles/all/0/0/0.mvt", "Accept-Encoding", "gzip")
	if r.StatusCode != 200 || r.Header.Get("Content-Encoding") != "gzip" || r.Header.Get("ETag") == "" ||
		!strings.Contains(r.Header.Get("Cache-Control"), "max-age") || r.Header.Get("Vary") != "Accept-Encoding" {
		t.Fatalf("tile: %d %v", r.StatusCode, r.Header)
	}
	layers, err := mvt.UnmarshalGzipped(b)
	if err != nil {
		t.Fatalf("tile does not decode: %v", err)
	}
	if len(layers) != 1 || layers[0].Name != "all" || layers[0].Extent != 4096 || layers[0].Version != 2 {
		t.Fatalf("layers: %d, first %q extent %d version %d; want one layer all, 4096, version 2", len(layers), layers[0].Name, layers[0].Extent, layers[0].Version)
	}
	sum, clusters := 0, 0
	ids := map[uint64]bool{}
	for _, f := range layers[0].Features {
		n, _ := f.Properties["count"].(float64)
		sum += int(n)
		if f.Properties["cluster"] == true {
			clusters++
		}
		idf, ok := f.ID.(float64) // as orb's decoder gives it
		id := uint64(idf)
		if !ok || float64(id) != idf || id >= 1<<53 || ids[id] {
			t.Errorf("feature id %v (%T): want a unique number below 2^53", f.ID, f.ID)
		}
		ids[id] = true
	}
	if sum != want || clusters == 0 {
		t.Errorf("tile 0/0/0 stands for %d points in %d clusters; the graph has %d", sum, clusters, want)
	}
	r2, _ := get(t, "/tiles/all/0/0/0.mvt", "If-None-Match", r.Header.Get("ETag"), "Accept-Encoding", "gzip")
	if r2.StatusCode != http.StatusNotModified || r2.Header.Get("ETag") != r.Header.Get("ETag") {
		t.Errorf("If-None-Match: %d, want 304", r2.StatusCode)
	}
	// a filtered layer at a deeper zoom: Lyon is in tile 6/32/22; its points carry their node id
	_, b = get(t, "/tiles/practices/6/32/22.mvt?theme=education-culture", "Accept-Encoding", "gzip")
	layers, err = mvt.UnmarshalGzipped(b)
	if err != nil || len(layers) != 1 || len(layers[0].Features) == 0 {
		t.Fatalf("practices tile near Lyon: %v %v", err, layers)
	}
	// at zoom 17 every point shows alone, under its numeric id
	tile := maptile.At(orb.Point{4.832, 45.7578}, 17)
	_, b = get(t, fmt.Sprintf("/tiles/practices/17/%d/%d.mvt", tile.X, tile.Y), "Accept-Encoding", "gzip")
	if layers, err = mvt.UnmarshalGzipped(b); err != nil || len(layers) != 1 {
		t.Fatalf("practices tile at zoom 17: %v %v", err, layers)
	}
	found := false
	for _, f := range layers[0].Features {
		if f.Properties["id"] == "practice:language-cafes" {
			found = f.ID == float64(webmap.PointFeatureID("practice:language-cafes"))
		}
	}
	if !found {
		t.Errorf("practice:language-cafes is not in tile %v under its numeric id", tile)
	}
}

// TestTilesGzipOnlyWhenAccepted checks the tile's encoding against Accept-Encoding.
func TestTilesGzipOnlyWhenAccepted(t *testing.T) {
	for _, c := range []struct {
		accept string
		gzip   bool
	}{
		{"gzip", true}, {"gzip, deflate, br", true}, {"br;q=1, gzip;q=0.5", true}, {"*", true},
		{"identity", false}, {"", false}, {"gzip;q=0", false}, {"br", false}, {"*;q=0", false},
	} {
		r, b := get(t, "/tiles/all/1/1/0.mvt", "Accept-Encoding", c.accept)
		if r.StatusCode != 200 {
			t.Fatalf("%q: %d", c.accept, r.StatusCode)
		}
		var err error
		if c.gzip {
			_, err = mvt.UnmarshalGzipped(b)
		} else {
			_, err = mvt.Unmarshal(b)
		}
		if got := r.Header.Get("Content-Encoding") == "gzip"; got != c.gzip || err != nil {
			t.Errorf("Accept-Encoding %q: gzip %v (want %v), decodes: %v", c.accept, got, c.gzip, err)
		}
	}
	gz, _ := get(t, "/tiles/all/1/1/0.mvt", "Accept-Encoding", "gzip")
	id, _ := get(t, "/tiles/all/1/1/0.mvt", "Accept-Encoding", "identity")
	if gz.Header.Get("ETag") == id.Header.Get("ETag") {
		t.Error("the gzipped and identity tiles share an ETag")
	}
}

// TestTilesCachedByVersionAndFilter checks that a tile is encoded once per graph
// version and filter: asked again it is a hit; another filter, or the graph
// after a write, is a miss with the new content.
func TestTilesCachedByVersionAndFilter(t *testing.T) {
	const path = "/tiles/practices/3/4/2.mvt?country=FR"
	cache := func(p string) (string, []byte) {
		r, b := get(t, p, "Accept-Encoding", "gzip")
		if r.StatusCode != 200 {
			t.Fatalf("%s: %d %s", p, r.StatusCode, b)
		}
		return r.Header.Get("X-Tile-Cache"), b
	}
	first, body := cache(path)
	if again, b := cache(path); again != "hit" || string(b) != string(body) {
		t.Errorf("the same tile again: %s (first %s), same bytes %v", again, first, string(b) == string(body))
	}
	if other, _ := cache("/tiles/practices/3/4/2.mvt?country=DE"); other != "miss" {
		t.Errorf("another filter: %s, want miss", other)
	}
	// a write changes the graph's version: once the hierarchy is rebuilt, the tile is encoded again
	rec := graph.Record{Node: &graph.News{Meta: graph.Meta{ID: "news:tile-touch", Status: graph.StatusPublished, Demo: true},
		Title: "Tile cache touch", Lang: "en", Summary: "Changes the graph's version."}, Source: "test"}
	if _, err := db.Store.Write(context.Background(), []graph.Record{rec}, []graph.Record{rec}); err != nil {
		t.Fatal(err)
	}
	f, _ := webmap.FilterFromQuery(map[string][]string{"country": {"FR"}})
	f.Kinds = []graph.MapKind{graph.MapPractice}
	freshIndex(t, f)
	if after, _ := cache(path); after != "miss" {
		t.Errorf("after a write: %s, want miss", after)
	}
}

// freshIndex waits until the server's hierarchy of f is not stale.
func freshIndex(t *testing.T, f graph.MapFilter) {
	t.Helper()
	for i := 0; i < 3000; i++ {
		layers.Recheck()
		_, stale, err := layers.Index(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if !stale {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the hierarchy was not rebuilt")
}

func TestTileJSON(t *testing.T) {
	r, b := get(t, "/tiles/practices.json?country=FR")
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil || r.StatusCode != 200 {
		t.Fatalf("%d %s", r.StatusCode, b)
	}
	if doc["tilejson"] != "3.0.0" {
		t.Errorf("tilejson %v", doc["tilejson"])
	}
	tiles := doc["tiles"].([]any)
	if len(tiles) != 1 || tiles[0] != baseURL+"/tiles/practices/{z}/{x}/{y}.mvt?country=FR" {
		t.Errorf("tiles %v", tiles)
	}
	vl := doc["vector_layers"].([]any)
	if len(vl) != 1 || vl[0].(map[string]any)["id"] != "practices" || vl[0].(map[string]any)["fields"].(map[string]any)["count"] == nil {
		t.Errorf("vector_layers %v", vl)
	}
	rows, err := db.Store.Query(context.Background(), `MATCH (n:Practice) WHERE n.location IS NOT NULL AND coalesce(n.status, 'published') = 'published'
RETURN [min(n.location.x), min(n.location.y), max(n.location.x), max(n.location.y)] AS b`, nil)
	if err != nil {
		t.Fatal(err)
	}
	bounds := doc["bounds"].([]any)
	for i, v := range rows[0]["b"].([]any) {
		if bounds[i] != v {
			t.Errorf("bounds %v, Cypher %v", bounds, rows[0]["b"])
			break
		}
	}
	if doc["minzoom"] != float64(0) || doc["maxzoom"] != float64(17) {
		t.Errorf("zooms %v..%v", doc["minzoom"], doc["maxzoom"])
	}
}
