package webmap

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"ewsi/graph"
)

// OGC API Features, Part 1 Core, under /ogc (/ is the browser app): the landing
// page, conformance, the API definition, the collections (one per map kind) and
// their items as GeoJSON. Every link is absolute, built from the request.

// OGCRoot is the path under which OGC API Features is served.
const OGCRoot = "/ogc"

// The media types of OGC API Features' responses.
const (
	mediaJSON    = "application/json"
	mediaGeoJSON = "application/geo+json"
	mediaOpenAPI = "application/vnd.oai.openapi+json;version=3.0"
	mediaProblem = "application/problem+json"
)

// conformance lists the conformance classes served: core, GeoJSON and the API
// definition in OpenAPI 3.0 (no HTML: every answer is JSON).
var conformance = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
}

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

// features serves OGC API Features.
type features struct {
	layers *Layers
	opts   RouteOptions
}

// ogcLink is a link of OGC API (RFC 8288 in JSON).
type ogcLink struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// base returns the absolute URL of the server's root as the client sees it:
// the request's scheme and Host, or X-Forwarded-Proto and X-Forwarded-Host when
// the proxy in front is trusted (RouteOptions.TrustForwarded).
func base(r *http.Request, o RouteOptions) string {
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if o.TrustForwarded {
		if p := firstValue(r.Header.Get("X-Forwarded-Proto")); p == "http" || p == "https" {
			scheme = p
		}
		if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" && !strings.ContainsAny(h, "/\\ @?#") {
			host = h
		}
	}
	return scheme + "://" + host
}

func firstValue(v string) string {
	v, _, _ = strings.Cut(v, ",")
	return strings.TrimSpace(v)
}

// check rejects query parameters outside allowed (400, naming the first
// unknown one) and answers that cannot be given in one of the media types offer
// (406: f other than json, or an Accept header that accepts none of them).
func check(r *http.Request, allowed []string, offer ...string) error {
	q := r.URL.Query()
	for name := range q {
		if !contains(allowed, name) && name != "f" {
			return graph.Errorf(graph.EINVALID, name, "unknown query parameter %q; this endpoint takes %s", name, strings.Join(append([]string{"f"}, allowed...), ", "))
		}
	}
	if f := q.Get("f"); f != "" && f != "json" && !(f == "geojson" && contains(offer, mediaGeoJSON)) {
		return errNotAcceptable("f", "f=%s is not served; the only format is f=json", f)
	}
	if a := r.Header.Get("Accept"); a != "" && !accepts(a, offer) {
		return errNotAcceptable("Accept", "%q accepts none of %s", a, strings.Join(offer, ", "))
	}
	return nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// accepts tells whether an Accept header takes one of offer (or a wildcard
// covering one) with a q above 0.
func accepts(header string, offer []string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		zero := false
		for _, p := range fields[1:] {
			if k, v, _ := strings.Cut(strings.TrimSpace(p), "="); k == "q" && strings.Trim(v, "0.") == "" {
				zero = true
			}
		}
		if zero {
			continue
		}
		for _, o := range offer {
			o, _, _ = strings.Cut(o, ";")
			typ, _, _ := strings.Cut(o, "/")
			if mt == "*/*" || mt == o || mt == typ+"/*" {
				return true
			}
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, typ string, v any) {
	w.Header().Set("Content-Type", typ)
	_ = json.NewEncoder(w).Encode(v)
}

// landing serves /ogc.
func (f features) landing(w http.ResponseWriter, r *http.Request) {
	if err := check(r, nil, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	b := base(r, f.opts) + OGCRoot
	writeJSON(w, mediaJSON, map[string]any{
		"title":       "EWSI Graph: OGC API Features",
		"description": "The map points of the European Web Site on Integration: authorities, organisations, good practices and events, as GeoJSON.",
		"links": []ogcLink{
			{b, "self", mediaJSON, "This document"},
			{b + "/api", "service-desc", mediaOpenAPI, "The API definition (OpenAPI 3.0)"},
			{b + "/conformance", "conformance", mediaJSON, "Conformance classes"},
			{b + "/collections", "data", mediaJSON, "The feature collections"},
		},
	})
}

// conformanceDoc serves /ogc/conformance.
func (f features) conformanceDoc(w http.ResponseWriter, r *http.Request) {
	if err := check(r, nil, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	writeJSON(w, mediaJSON, map[string]any{"conformsTo": conformance})
}

// world returns the unfiltered hierarchy of every kind, whose points give the
// collections' extents and the items (filtered in memory by kind).
func (f features) world(r *http.Request) (*Index, error) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	ix, _, err := f.layers.Index(ctx, graph.MapFilter{})
	return ix, err
}

func (f features) collectionDoc(b string, c collection, ix *Index) map[string]any {
	self := b + OGCRoot + "/collections/" + c.id
	doc := map[string]any{
		"id": c.id, "title": c.title, "itemType": "feature",
		"crs": []string{crs84},
		"links": []ogcLink{
			{self, "self", mediaJSON, c.title},
			{self + "/items", "items", mediaGeoJSON, c.title},
		},
	}
	e := ix.Extent(c.kind)
	extent := map[string]any{}
	if e.Count > 0 {
		extent["spatial"] = map[string]any{"bbox": [][]float64{{e.Bound.Min[0], e.Bound.Min[1], e.Bound.Max[0], e.Bound.Max[1]}}, "crs": crs84}
	}
	if e.Dated {
		extent["temporal"] = map[string]any{"interval": [][]*string{{timeOrNil(e.Start), timeOrNil(e.End)}},
			"trs": "http://www.opengis.net/def/uri/ISO-8601/0/Gregorian"}
	}
	if len(extent) > 0 {
		doc["extent"] = extent
	}
	return doc
}

const crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

func timeOrNil(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// list serves /ogc/collections.
func (f features) list(w http.ResponseWriter, r *http.Request) {
	if err := check(r, nil, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	ix, err := f.world(r)
	if err != nil {
		problem(w, err)
		return
	}
	b := base(r, f.opts)
	docs := make([]map[string]any, 0, len(collections))
	for _, c := range collections {
		docs = append(docs, f.collectionDoc(b, c, ix))
	}
	writeJSON(w, mediaJSON, map[string]any{"collections": docs,
		"links": []ogcLink{{b + OGCRoot + "/collections", "self", mediaJSON, "The feature collections"}}})
}

// one serves /ogc/collections/{id}.
func (f features) one(w http.ResponseWriter, r *http.Request) {
	c, ok := findCollection(r.PathValue("id"))
	if !ok {
		problem(w, graph.Errorf(graph.ENOTFOUND, "collectionId", "no collection %q", r.PathValue("id")))
		return
	}
	if err := check(r, nil, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	ix, err := f.world(r)
	if err != nil {
		problem(w, err)
		return
	}
	writeJSON(w, mediaJSON, f.collectionDoc(base(r, f.opts), c, ix))
}

// redirect sends the old paths (/collections...) to their place under /ogc,
// with the same query.
func redirect(w http.ResponseWriter, r *http.Request) {
	u := url.URL{Path: OGCRoot + r.URL.Path, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), http.StatusPermanentRedirect)
}
