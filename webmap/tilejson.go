package webmap

import (
	"net/http"
	"strings"

	"ewsi/graph"
)

// tileJSON serves /tiles/{layer}.json: a TileJSON 3.0.0 document of the layer,
// whose tile URL is absolute and carries the request's filter parameters, with
// the layer's bounds from its data.
func (t tiles) tileJSON(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".json")
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "layer", "no document %q; a layer's TileJSON is /tiles/{layer}.json", r.PathValue("file")))
		return
	}
	kinds, err := layerKinds(name)
	if err != nil {
		problem(w, err)
		return
	}
	q := r.URL.Query()
	if _, err := FilterFromQuery(q); err != nil {
		problem(w, err)
		return
	}
	ix, err := features{layers: t.layers}.world(r)
	if err != nil {
		problem(w, err)
		return
	}
	if len(kinds) == 0 {
		kinds = graph.MapKinds()
	}
	bounds, seen := []float64{-180, -85.051129, 180, 85.051129}, false
	for _, k := range kinds {
		e := ix.Extent(k)
		if e.Count == 0 {
			continue
		}
		if !seen {
			bounds, seen = []float64{e.Bound.Min[0], e.Bound.Min[1], e.Bound.Max[0], e.Bound.Max[1]}, true
			continue
		}
		bounds = []float64{min(bounds[0], e.Bound.Min[0]), min(bounds[1], e.Bound.Min[1]), max(bounds[2], e.Bound.Max[0]), max(bounds[3], e.Bound.Max[1])}
	}
	maxZoom := min(ix.MaxZoom()+1, MaxZoom) // from there on every point shows: clients overzoom
	tmpl := base(r, t.opts) + "/tiles/" + name + "/{z}/{x}/{y}.mvt"
	if len(q) > 0 {
		tmpl += "?" + q.Encode()
	}
	fields := map[string]string{"cluster": "Boolean: a cluster of points", "count": "Number: points it stands for",
		"expansion_zoom": "Number: the zoom at which a cluster splits", "id": "String: the node id of a point",
		"kind": "String: the kind of point", "name": "String: its name", "country": "String: ISO 3166 alpha-2",
		"lang": "String: language of the original", "demo": "Boolean: generated demo content",
		"start": "String: start date", "end": "String: end date"}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, mediaJSON, map[string]any{
		"tilejson": "3.0.0", "name": "EWSI Graph: " + name, "scheme": "xyz",
		"tiles":   []string{tmpl},
		"minzoom": 0, "maxzoom": maxZoom, "bounds": bounds,
		"vector_layers": []map[string]any{{"id": name, "fields": fields, "minzoom": 0, "maxzoom": maxZoom,
			"description": "Clusters and points of the map (" + name + ")"}},
	})
}
