package webmap

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"ewsi/graph"
)

// Paging of /collections/{id}/items.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// collection is one feature collection: the points of one map kind.
type collection struct {
	id, title string
	kind      graph.MapKind
}

var collections = []collection{
	{"local-authorities", "Local authorities", graph.MapLocalAuthority},
	{"regional-authorities", "Regional authorities", graph.MapRegionalAuthority},
	{"organisations", "Organisations working on integration", graph.MapOrganisation},
	{"practices", "Good practices", graph.MapPractice},
	{"events", "Events", graph.MapEvent},
}

func findCollection(id string) (collection, bool) {
	for _, c := range collections {
		if c.id == id {
			return c, true
		}
	}
	return collection{}, false
}

// features serves GeoJSON in the style of OGC API Features (Part 1, Core).
type features struct{ layers *Layers }

func link(href, rel, typ, title string) map[string]string {
	l := map[string]string{"href": href, "rel": rel, "type": typ}
	if title != "" {
		l["title"] = title
	}
	return l
}

func (f features) collectionDoc(c collection) map[string]any {
	return map[string]any{
		"id": c.id, "title": c.title, "itemType": "feature",
		"crs":    []string{"http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
		"extent": map[string]any{"spatial": map[string]any{"bbox": [][]float64{{-180, -90, 180, 90}}}},
		"links": []map[string]string{
			link("/collections/"+c.id, "self", "application/json", ""),
			link("/collections/"+c.id+"/items", "items", "application/geo+json", c.title),
		},
	}
}

func writeJSON(w http.ResponseWriter, typ string, v any) {
	w.Header().Set("Content-Type", typ)
	_ = json.NewEncoder(w).Encode(v)
}

// list serves /collections.
func (f features) list(w http.ResponseWriter, r *http.Request) {
	docs := make([]map[string]any, 0, len(collections))
	for _, c := range collections {
		docs = append(docs, f.collectionDoc(c))
	}
	writeJSON(w, "application/json", map[string]any{"collections": docs,
		"links": []map[string]string{link("/collections", "self", "application/json", "")}})
}

// one serves /collections/{id}.
func (f features) one(w http.ResponseWriter, r *http.Request) {
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	writeJSON(w, "application/json", f.collectionDoc(c))
}

// feature turns a point into a GeoJSON feature.
func feature(p *graph.MapPoint) *geojson.Feature {
	ft := geojson.NewFeature(orb.Point{p.Location[0], p.Location[1]})
	ft.ID = p.ID
	ft.Properties = geojson.Properties{"kind": string(p.Kind), "name": p.Name, "demo": p.Demo, "themes": append([]string{}, p.Themes...)}
	if p.Country != "" {
		ft.Properties["country"] = p.Country
	}
	if p.Lang != "" {
		ft.Properties["lang"] = p.Lang
	}
	return ft
}

// items serves /collections/{id}/items: the points of the collection in bbox
// that match the filter parameters, by id, a page at a time.
func (f features) items(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	q := r.URL.Query()
	box := BBox{West: -180, South: -90, East: 180, North: 90}
	var err error
	if v := q.Get("bbox"); v != "" {
		if box, err = ParseBBox("bbox", v); err != nil {
			problem(w, err)
			return
		}
	}
	limit, offset := DefaultLimit, 0
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > MaxLimit {
			problem(w, graph.Errorf(graph.EINVALID, "limit", "%q is not a number from 1 to %d", v, MaxLimit))
			return
		}
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			problem(w, graph.Errorf(graph.EINVALID, "offset", "%q is not a number of at least 0", v))
			return
		}
	}
	filter, err := FilterFromQuery(q)
	if err != nil {
		problem(w, err)
		return
	}
	filter.Kinds = []graph.MapKind{c.kind}
	ix, _, err := f.layers.Index(ctx, filter)
	if err != nil {
		problem(w, err)
		return
	}
	var pts []*graph.MapPoint
	for _, b := range box.Bounds() {
		for _, it := range ix.Query(b, ix.MaxZoom()+1) {
			pts = append(pts, it.Point)
		}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].ID < pts[j].ID })
	page := pts[min(offset, len(pts)):min(offset+limit, len(pts))]
	fc := geojson.NewFeatureCollection()
	for _, p := range page {
		fc.Append(feature(p))
	}
	self := "/collections/" + c.id + "/items"
	links := []map[string]string{link(self+"?"+q.Encode(), "self", "application/geo+json", "")}
	if offset+limit < len(pts) {
		links = append(links, link(self+"?"+withOffset(q, offset+limit), "next", "application/geo+json", "next page"))
	}
	if offset > 0 {
		links = append(links, link(self+"?"+withOffset(q, max(0, offset-limit)), "prev", "application/geo+json", "previous page"))
	}
	fc.ExtraMembers = geojson.Properties{"numberMatched": len(pts), "numberReturned": len(page),
		"timeStamp": time.Now().UTC().Format(time.RFC3339), "links": links}
	writeJSON(w, "application/geo+json", fc)
}

func withOffset(q url.Values, offset int) string {
	n := url.Values{}
	for k, v := range q {
		n[k] = v
	}
	n.Set("offset", strconv.Itoa(offset))
	return n.Encode()
}

// item serves /collections/{id}/items/{itemId}.
func (f features) item(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	ix, _, err := f.layers.Index(ctx, graph.MapFilter{Kinds: []graph.MapKind{c.kind}})
	if err != nil {
		problem(w, err)
		return
	}
	p := ix.Point(r.PathValue("itemId"))
	if p == nil {
		problem(w, graph.Errorf(graph.ENOTFOUND, "featureId", "no feature %q in %s", r.PathValue("itemId"), c.id))
		return
	}
	ft := feature(p)
	ft.ExtraMembers = geojson.Properties{"links": []map[string]string{
		link("/collections/"+c.id+"/items/"+p.ID, "self", "application/geo+json", ""),
		link("/collections/"+c.id, "collection", "application/json", c.title)}}
	writeJSON(w, "application/geo+json", ft)
}
