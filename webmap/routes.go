package webmap

import (
	"net/http"
)

// RouteOptions shape the map's HTTP routes.
type RouteOptions struct {
	// TrustForwarded builds absolute links (OGC API, TileJSON) from the
	// X-Forwarded-Proto and X-Forwarded-Host headers: set it only behind a proxy
	// that sets them (EWSI_TRUST_FORWARDED).
	TrustForwarded bool
	// TileCache is how many encoded tiles are kept, default DefaultTileCache.
	TileCache int
}

// Routes returns the map's HTTP routes by ServeMux pattern, for server.Config.Extra:
// OGC API Features (Part 1, Core) under /ogc, with the old /collections paths
// redirected there; Mapbox vector tiles under /tiles with a TileJSON document per
// layer. They share layers, the cluster cache of mapLayer.
func Routes(layers *Layers, o RouteOptions) map[string]http.Handler {
	f := features{layers: layers, opts: o}
	t := newTiles(layers, o)
	return map[string]http.Handler{
		"GET " + OGCRoot:                                      http.HandlerFunc(f.landing),
		"GET " + OGCRoot + "/{$}":                             http.HandlerFunc(f.landing),
		"GET " + OGCRoot + "/conformance":                     http.HandlerFunc(f.conformanceDoc),
		"GET " + OGCRoot + "/api":                             http.HandlerFunc(f.api),
		"GET " + OGCRoot + "/collections":                     http.HandlerFunc(f.list),
		"GET " + OGCRoot + "/collections/{id}":                http.HandlerFunc(f.one),
		"GET " + OGCRoot + "/collections/{id}/items":          http.HandlerFunc(f.items),
		"GET " + OGCRoot + "/collections/{id}/items/{itemId}": http.HandlerFunc(f.item),
		"GET /collections":                                    http.HandlerFunc(redirect),
		"GET /collections/":                                   http.HandlerFunc(redirect),
		"GET /tiles/{file}":                                   http.HandlerFunc(t.tileJSON),
		"GET /tiles/{layer}/{z}/{x}/{yfile}":                  http.HandlerFunc(t.serve),
	}
}
