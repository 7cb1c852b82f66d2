package webmap_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/paulmach/orb/encoding/mvt"
)

func get(t *testing.T, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", baseURL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// no Accept-Encoding: the client must not undo the tiles' gzip behind our back
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// checkRFC7946 checks a FeatureCollection of points against RFC 7946: members,
// types, positions as [lon, lat] in range, ids strings or numbers, no crs.
func checkRFC7946(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var fc map[string]any
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if fc["type"] != "FeatureCollection" {
		t.Fatalf("type %v", fc["type"])
	}
	if _, ok := fc["crs"]; ok {
		t.Error("RFC 7946 has no crs member")
	}
	feats, ok := fc["features"].([]any)
	if !ok {
		t.Fatalf("features is not an array: %T", fc["features"])
	}
	for i, f := range feats {
		f := f.(map[string]any)
		if f["type"] != "Feature" {
			t.Errorf("feature %d: type %v", i, f["type"])
		}
		switch f["id"].(type) {
		case string, float64:
		default:
			t.Errorf("feature %d: id %v is neither string nor number", i, f["id"])
		}
		if _, ok := f["properties"].(map[string]any); !ok {
			t.Errorf("feature %d: properties %v", i, f["properties"])
		}
		g, _ := f["geometry"].(map[string]any)
		c, _ := g["coordinates"].([]any)
		if g["type"] != "Point" || len(c) != 2 {
			t.Errorf("feature %d: geometry %v", i, g)
			continue
		}
		lon, lat := c[0].(float64), c[1].(float64)
		if math.Abs(lon) > 180 || math.Abs(lat) > 90 {
			t.Errorf("feature %d: position %v out of range", i, c)
		}
	}
	return fc
}

func TestCollections(t *testing.T) {
	r, b := get(t, "/collections")
	var doc struct {
		Collections []struct {
			ID    string              `json:"id"`
			Links []map[string]string `json:"links"`
		} `json:"collections"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || r.StatusCode != 200 {
		t.Fatalf("%d %v %s", r.StatusCode, err, b)
	}
	ids := map[string]bool{}
	for _, c := range doc.Collections {
		ids[c.ID] = true
		hasItems := false
		for _, l := range c.Links {
			hasItems = hasItems || (l["rel"] == "items" && l["href"] == "/collections/"+c.ID+"/items")
		}
		if !hasItems {
			t.Errorf("collection %s has no items link", c.ID)
		}
	}
	for _, want := range []string{"local-authorities", "regional-authorities", "organisations", "practices", "events"} {
		if !ids[want] {
			t.Errorf("no collection %s", want)
		}
	}
}

func TestItemsPageThroughEverything(t *testing.T) {
	want := count(t, "MATCH (n:Practice) WHERE n.location IS NOT NULL RETURN count(n) AS c", nil)
	seen := map[string]bool{}
	next := "/collections/practices/items?limit=70"
	pages := 0
	for next != "" {
		r, b := get(t, next)
		if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/geo+json" {
			t.Fatalf("%s: %d %s", next, r.StatusCode, r.Header.Get("Content-Type"))
		}
		fc := checkRFC7946(t, b)
		if int(fc["numberMatched"].(float64)) != want {
			t.Errorf("numberMatched %v, Cypher says %d", fc["numberMatched"], want)
		}
		feats := fc["features"].([]any)
		if int(fc["numberReturned"].(float64)) != len(feats) || len(feats) > 70 {
			t.Errorf("numberReturned %v for %d features", fc["numberReturned"], len(feats))
		}
		for _, f := range feats {
			id := f.(map[string]any)["id"].(string)
			if seen[id] {
				t.Errorf("%s on two pages", id)
			}
			seen[id] = true
		}
		next = ""
		for _, l := range fc["links"].([]any) {
			if l := l.(map[string]any); l["rel"] == "next" {
				next = l["href"].(string)
			}
		}
		if pages++; pages > 100 {
			t.Fatal("endless next links")
		}
	}
	if len(seen) != want || pages < 2 {
		t.Errorf("paged through %d features in %d pages, want %d", len(seen), pages, want)
	}
}

func TestItemsFiltersAgreeWithCypher(t *testing.T) {
	for _, c := range []struct{ query, cypher string }{
		{"bbox=4,45,6,46.5", "MATCH (n:Practice) WHERE point.withinBBox(n.location, point({longitude: 4, latitude: 45}), point({longitude: 6, latitude: 46.5})) RETURN count(n) AS c"},
		{"theme=social-cohesion&country=FR,DE", "MATCH (n:Practice)-[:ABOUT]->(:Theme {slug: 'social-cohesion'}) WHERE EXISTS { (n)-[:IN]->(c:Country) WHERE c.iso2 IN ['FR', 'DE'] } RETURN count(n) AS c"},
		{"principle=3&demo=false", "MATCH (n:Practice)-[:APPLIES]->(:Principle {number: 3}) WHERE NOT coalesce(n.demo, false) RETURN count(n) AS c"},
		{"from=2020-01-01", "MATCH (n:Practice) WHERE n.startDate >= date('2020-01-01') RETURN count(n) AS c"},
	} {
		_, b := get(t, "/collections/practices/items?limit=1&"+c.query)
		fc := checkRFC7946(t, b)
		if got, want := int(fc["numberMatched"].(float64)), count(t, c.cypher, nil); got != want || want == 0 {
			t.Errorf("%s: numberMatched %d, Cypher %d", c.query, got, want)
		}
	}
}

func TestItemAndErrors(t *testing.T) {
	r, b := get(t, "/collections/practices/items/practice:language-cafes")
	var f map[string]any
	if err := json.Unmarshal(b, &f); err != nil || r.StatusCode != 200 || f["id"] != "practice:language-cafes" || f["type"] != "Feature" {
		t.Errorf("item: %d %s", r.StatusCode, b)
	}
	for _, c := range []struct {
		path   string
		status int
		where  string
	}{
		{"/collections/practices/items/practice:nope", 404, "featureId"},
		{"/collections/nope/items", 404, "collectionId"},
		{"/collections/practices/items?limit=0", 400, "limit"},
		{fmt.Sprintf("/collections/practices/items?limit=%d", 1001), 400, "limit"},
		{"/collections/practices/items?offset=-1", 400, "offset"},
		{"/collections/practices/items?bbox=0,50,10,40", 400, "bbox.south"},
		{"/collections/practices/items?bbox=0,0,10", 400, "bbox"},
		{"/collections/practices/items?principle=12", 400, "principles"},
		{"/collections/practices/items?from=2020-13-01", 400, "from"},
		{"/tiles/all/23/0/0.mvt", 400, "z"},
		{"/tiles/all/2/4/0.mvt", 400, "x"},
		{"/tiles/all/2/0/0.png", 400, "y"},
		{"/tiles/nope/0/0/0.mvt", 404, "layer"},
	} {
		r, b := get(t, c.path)
		var e map[string]any
		_ = json.Unmarshal(b, &e)
		if r.StatusCode != c.status || e["where"] != c.where {
			t.Errorf("%s: %d %s, want %d at %s", c.path, r.StatusCode, b, c.status, c.where)
		}
	}
}

func TestTiles(t *testing.T) {
	want := count(t, locatedCypher+"RETURN count(n) AS c", nil)
	r, b := get(t, "/tiles/all/0/0/0.mvt")
	if r.StatusCode != 200 || r.Header.Get("Content-Encoding") != "gzip" || r.Header.Get("ETag") == "" ||
		!strings.Contains(r.Header.Get("Cache-Control"), "max-age") {
		t.Fatalf("tile: %d %v", r.StatusCode, r.Header)
	}
	layers, err := mvt.UnmarshalGzipped(b)
	if err != nil {
		t.Fatalf("tile does not decode: %v", err)
	}
	if len(layers) != 1 || layers[0].Name != "all" || layers[0].Extent != 4096 {
		t.Fatalf("layers: %d %v", len(layers), layers)
	}
	sum, clusters := 0, 0
	for _, f := range layers[0].Features {
		n, _ := f.Properties["count"].(float64)
		sum += int(n)
		if f.Properties["cluster"] == true {
			clusters++
		}
	}
	if sum != want || clusters == 0 {
		t.Errorf("tile 0/0/0 stands for %d points in %d clusters; the graph has %d", sum, clusters, want)
	}
	r2, _ := get(t, "/tiles/all/0/0/0.mvt", "If-None-Match", r.Header.Get("ETag"))
	if r2.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", r2.StatusCode)
	}
	// a filtered layer at a deeper zoom: Lyon is in tile 6/32/22
	_, b = get(t, "/tiles/practices/6/32/22.mvt?theme=education-culture")
	layers, err = mvt.UnmarshalGzipped(b)
	if err != nil || len(layers) != 1 || len(layers[0].Features) == 0 {
		t.Fatalf("practices tile near Lyon: %v %v", err, layers)
	}
}
