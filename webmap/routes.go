package webmap

import (
	"net/http"

	"ewsi/graph"
)

// Routes returns the map's HTTP routes by ServeMux pattern, for server.Config.Extra:
// GeoJSON features in the style of OGC API Features under /collections, and
// Mapbox vector tiles under /tiles. They share the cluster cache of mapLayer.
func Routes(store graph.MapReader) map[string]http.Handler {
	l := LayersFor(store)
	f := features{layers: l}
	t := tiles{layers: l}
	return map[string]http.Handler{
		"GET /collections":                     http.HandlerFunc(f.list),
		"GET /collections/{id}":                http.HandlerFunc(f.one),
		"GET /collections/{id}/items":          http.HandlerFunc(f.items),
		"GET /collections/{id}/items/{itemId}": http.HandlerFunc(f.item),
		"GET /tiles/{layer}/{z}/{x}/{yfile}":   http.HandlerFunc(t.serve),
	}
}
