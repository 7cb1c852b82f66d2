package demotest

import (
	"strings"
	"testing"
)

// appLayer is the query of the browser's map (webmap/app/map/api.js) for the world.
const appLayer = `mapLayer(bbox: {west: -180, south: -90, east: 180, north: 90}, zoom: 22) {
  zoom total stale truncated
  clusters { id count center { lat lon } bounds { west south east north } expansionZoom }
  markers { id kind name location { lat lon } country lang demo } }`

// TestMapLayerIsCapped: the whole world at zoom 22 holds every located node of
// the demo as a marker; a layer returns at most 1,000 of them and says it left
// some out, and ten aliased layers are refused by the complexity limit.
func TestMapLayerIsCapped(t *testing.T) {
	r := post(t, map[string]any{"query": "{ " + appLayer + " }"})
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	l := r.Data["mapLayer"].(map[string]any)
	markers := l["markers"].([]any)
	if len(markers) != 1000 || l["truncated"] != true || l["total"].(float64) <= 1000 {
		t.Errorf("%d markers, truncated %v, total %v", len(markers), l["truncated"], l["total"])
	}
	for i := 1; i < len(markers); i++ {
		if markers[i-1].(map[string]any)["id"].(string) >= markers[i].(map[string]any)["id"].(string) {
			t.Fatalf("markers are not the first by id at %d", i)
		}
	}
	var b strings.Builder
	b.WriteString("{")
	for _, a := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		b.WriteString(" " + a + ": " + appLayer)
	}
	b.WriteString(" }")
	many := post(t, map[string]any{"query": b.String()})
	if many.Data != nil || len(many.Errors) != 1 || many.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("ten layers: %d bytes, errors %+v", many.size, many.Errors)
	}
	// a small viewport is whole
	small := post(t, map[string]any{"query": `{ mapLayer(bbox: {west: 2.2, south: 48.8, east: 2.5, north: 48.9}, zoom: 12) { total truncated clusters { count } markers { id } } }`})
	if len(small.Errors) > 0 || small.Data["mapLayer"].(map[string]any)["truncated"] != false {
		t.Errorf("small viewport: %+v %v", small.Errors, small.Data)
	}
}
