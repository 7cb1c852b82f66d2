package webmap

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"ewsi/graph"
)

// Paging of /ogc/collections/{id}/items: limit defaults to DefaultLimit, and a
// limit above MaxLimit is served as MaxLimit (OGC API Features 1, 7.15.3).
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// itemParams are the query parameters of items besides f: the OGC ones and the
// map filter's (as FilterFromQuery reads them; dates go through datetime).
var itemParams = []string{"bbox", "limit", "offset", "datetime",
	"theme", "subtheme", "principle", "country", "orgType", "hasPractices", "demo"}

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
	if p.Start != nil {
		ft.Properties["start"] = p.Start.String()
	}
	if p.End != nil {
		ft.Properties["end"] = p.End.String()
	}
	return ft
}

// items serves /ogc/collections/{id}/items: the points of the collection in
// bbox, at datetime, that match the filter parameters, in id order, a page at a
// time. Only the page is read and ordered (Index.PageOf).
func (f features) items(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	if err := check(r, itemParams, mediaGeoJSON, mediaJSON); err != nil {
		problem(w, err)
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
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			problem(w, graph.Errorf(graph.EINVALID, "limit", "%q is not a number of at least 1 (at most %d are served)", v, MaxLimit))
			return
		}
		limit = min(limit, MaxLimit)
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			problem(w, graph.Errorf(graph.EINVALID, "offset", "%q is not a number of at least 0", v))
			return
		}
	}
	var when Interval
	if v := q.Get("datetime"); v != "" {
		if when, err = ParseDatetime("datetime", v); err != nil {
			problem(w, err)
			return
		}
	}
	filter, err := FilterFromQuery(q)
	if err != nil {
		problem(w, err)
		return
	}
	ix, _, err := f.layers.Index(ctx, filter)
	if err != nil {
		problem(w, err)
		return
	}
	keep := func(p *graph.MapPoint) bool {
		return p.Kind == c.kind && (q.Get("datetime") == "" || when.Meets(p.Start, p.End))
	}
	pg := ix.PageOf(box, keep, offset, limit)
	fc := geojson.NewFeatureCollection()
	for _, p := range pg.Points {
		fc.Append(feature(p))
	}
	self := base(r, f.opts) + OGCRoot + "/collections/" + c.id + "/items"
	links := []ogcLink{{self + "?" + q.Encode(), "self", mediaGeoJSON, "This page"},
		{base(r, f.opts) + OGCRoot + "/collections/" + c.id, "collection", mediaJSON, c.title}}
	if offset+limit < pg.Matched {
		links = append(links, ogcLink{self + "?" + withOffset(q, offset+limit), "next", mediaGeoJSON, "Next page"})
	}
	if offset > 0 {
		links = append(links, ogcLink{self + "?" + withOffset(q, max(0, offset-limit)), "prev", mediaGeoJSON, "Previous page"})
	}
	fc.ExtraMembers = geojson.Properties{"numberMatched": pg.Matched, "numberReturned": len(pg.Points),
		"timeStamp": time.Now().UTC().Format(time.RFC3339), "links": links}
	writeJSON(w, mediaGeoJSON, fc)
}

func withOffset(q url.Values, offset int) string {
	n := url.Values{}
	for k, v := range q {
		n[k] = v
	}
	n.Set("offset", strconv.Itoa(offset))
	return n.Encode()
}

// item serves /ogc/collections/{id}/items/{itemId}, by id from the unfiltered
// hierarchy's map of ids.
func (f features) item(w http.ResponseWriter, r *http.Request) {
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	if err := check(r, nil, mediaGeoJSON, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	ix, err := f.world(r)
	if err != nil {
		problem(w, err)
		return
	}
	p := ix.Point(r.PathValue("itemId"))
	if p == nil || p.Kind != c.kind {
		problem(w, graph.Errorf(graph.ENOTFOUND, "featureId", "no feature %q in %s", r.PathValue("itemId"), c.id))
		return
	}
	b := base(r, f.opts) + OGCRoot + "/collections/" + c.id
	ft := feature(p)
	ft.ExtraMembers = geojson.Properties{"links": []ogcLink{
		{b + "/items/" + url.PathEscape(p.ID), "self", mediaGeoJSON, p.Name},
		{b, "collection", mediaJSON, c.title}}}
	writeJSON(w, mediaGeoJSON, ft)
}
