package webmap

import (
	"net/http"

	"ewsi/graph"
)

// Routes returns the map's HTTP routes by ServeMux pattern, for server.Config.Extra.
func Routes(store graph.MapReader) map[string]http.Handler {
	return map[string]http.Handler{}
}
