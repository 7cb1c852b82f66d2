package webmap_test

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"ewsi/webmap"
)

func get(t *testing.T, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", baseURL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// the client must not undo the tiles' gzip behind our back: it sends
	// Accept-Encoding only as the test says, identity by default
	if _, ok := req.Header["Accept-Encoding"]; !ok {
		req.Header.Set("Accept-Encoding", "identity")
	}
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

// links returns the links of an OGC document by rel.
func links(t *testing.T, doc map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	ls, ok := doc["links"].([]any)
	if !ok {
		t.Fatalf("no links in %v", doc)
	}
	for _, l := range ls {
		l := l.(map[string]any)
		href, _ := l["href"].(string)
		if !strings.HasPrefix(href, baseURL+"/") {
			t.Errorf("link %v is not absolute under %s", l, baseURL)
		}
		out[l["rel"].(string)] = l
	}
	return out
}

func getJSON(t *testing.T, path string, hdr ...string) (*http.Response, map[string]any) {
	t.Helper()
	r, b := get(t, path, hdr...)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %d, not JSON: %s", path, r.StatusCode, b)
	}
	return r, doc
}

func TestOGCLandingConformanceAndAPI(t *testing.T) {
	r, doc := getJSON(t, "/ogc")
	if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("/ogc: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	ls := links(t, doc)
	for rel, href := range map[string]string{"self": "/ogc", "service-desc": "/ogc/api", "conformance": "/ogc/conformance", "data": "/ogc/collections"} {
		if ls[rel]["href"] != baseURL+href {
			t.Errorf("link %s: %v, want %s", rel, ls[rel], baseURL+href)
		}
	}
	if typ, _ := ls["service-desc"]["type"].(string); !strings.HasPrefix(typ, "application/vnd.oai.openapi+json") {
		t.Errorf("service-desc type %q", typ)
	}

	_, doc = getJSON(t, "/ogc/conformance")
	got := map[string]bool{}
	for _, c := range doc["conformsTo"].([]any) {
		got[c.(string)] = true
	}
	for _, want := range []string{"core", "geojson", "oas30"} {
		if !got["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"+want] {
			t.Errorf("conformance lacks %s: %v", want, doc)
		}
	}
	if got["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html"] {
		t.Error("html is declared, but no HTML is served")
	}

	r, doc = getJSON(t, "/ogc/api")
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/vnd.oai.openapi+json") {
		t.Errorf("/ogc/api: %s", r.Header.Get("Content-Type"))
	}
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.0.") {
		t.Errorf("openapi %q", v)
	}
	if srv := doc["servers"].([]any)[0].(map[string]any)["url"]; srv != baseURL+"/ogc" {
		t.Errorf("server url %v", srv)
	}
	paths := doc["paths"].(map[string]any)
	for _, p := range []string{"/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
		"/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"} {
		if _, ok := paths[p].(map[string]any)["get"]; !ok {
			t.Errorf("the API definition lacks GET %s", p)
		}
	}
}

// TestOGCLinksFromTrustedProxyOnly checks that X-Forwarded-Proto and -Host shape
// the links only when the routes are told to trust them.
func TestOGCLinksFromTrustedProxyOnly(t *testing.T) {
	fwd := []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org"}
	_, doc := getJSON(t, "/ogc", fwd...)
	if self := links(t, doc)["self"]["href"]; self != baseURL+"/ogc" {
		t.Errorf("untrusted forwarded headers changed the links: %v", self)
	}
	mux := http.NewServeMux()
	for p, h := range webmap.Routes(layers, webmap.RouteOptions{TrustForwarded: true}) {
		mux.Handle(p, h)
	}
	for _, c := range []struct {
		hdr  []string
		want string
	}{
		{fwd, "https://maps.example.org/ogc"},
		{[]string{"X-Forwarded-Proto", "gopher", "X-Forwarded-Host", "a/b"}, "http://example.com/ogc"},
	} {
		req := httptest.NewRequest("GET", "http://example.com/ogc", nil)
		for i := 0; i < len(c.hdr); i += 2 {
			req.Header.Set(c.hdr[i], c.hdr[i+1])
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		var d struct {
			Links []struct{ Href, Rel string }
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &d)
		if len(d.Links) == 0 || d.Links[0].Href != c.want {
			t.Errorf("%v: links %v, want self %s", c.hdr, d.Links, c.want)
		}
	}
}

func TestOGCCollectionsExtents(t *testing.T) {
	_, doc := getJSON(t, "/ogc/collections")
	if links(t, doc)["self"]["href"] != baseURL+"/ogc/collections" {
		t.Errorf("self link: %v", doc["links"])
	}
	byID := map[string]map[string]any{}
	for _, c := range doc["collections"].([]any) {
		c := c.(map[string]any)
		byID[c["id"].(string)] = c
		if links(t, c)["items"]["href"] != baseURL+"/ogc/collections/"+c["id"].(string)+"/items" {
			t.Errorf("collection %s: items link %v", c["id"], c["links"])
		}
	}
	for _, want := range []string{"local-authorities", "regional-authorities", "organisations", "practices", "events"} {
		if byID[want] == nil {
			t.Errorf("no collection %s", want)
		}
	}
	rows, err := db.Store.Query(context.Background(), `MATCH (n:Practice) WHERE n.location IS NOT NULL AND coalesce(n.status, 'published') = 'published'
RETURN min(n.location.x) AS w, min(n.location.y) AS s, max(n.location.x) AS e, max(n.location.y) AS n,
       toString(min(n.startDate)) AS start, toString(max(coalesce(n.endDate, n.startDate))) AS end`, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := rows[0]
	_, one := getJSON(t, "/ogc/collections/practices")
	for _, doc := range []map[string]any{byID["practices"], one} {
		ext := doc["extent"].(map[string]any)
		bbox := ext["spatial"].(map[string]any)["bbox"].([]any)[0].([]any)
		for i, k := range []string{"w", "s", "e", "n"} {
			if math.Abs(bbox[i].(float64)-row[k].(float64)) > 1e-9 {
				t.Errorf("practices bbox %v, Cypher %v", bbox, row)
			}
		}
		iv := ext["temporal"].(map[string]any)["interval"].([]any)[0].([]any)
		if iv[0] != row["start"].(string)+"T00:00:00Z" || iv[1] != row["end"].(string)+"T00:00:00Z" {
			t.Errorf("practices interval %v, Cypher %v .. %v", iv, row["start"], row["end"])
		}
	}
	if ext, ok := byID["local-authorities"]["extent"].(map[string]any); !ok || ext["temporal"] != nil || ext["spatial"] == nil {
		t.Errorf("local authorities have a place and no dates: extent %v", byID["local-authorities"]["extent"])
	}
}

func TestOGCItemsPageThroughEverything(t *testing.T) {
	want := count(t, "MATCH (n:Practice) WHERE n.location IS NOT NULL RETURN count(n) AS c", nil)
	seen := map[string]bool{}
	next := "/ogc/collections/practices/items?limit=70"
	pages, last := 0, ""
	for next != "" {
		r, b := get(t, strings.TrimPrefix(next, baseURL))
		if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/geo+json" {
			t.Fatalf("%s: %d %s", next, r.StatusCode, r.Header.Get("Content-Type"))
		}
		fc := checkRFC7946(t, b)
		if int(fc["numberMatched"].(float64)) != want {
			t.Errorf("numberMatched %v, Cypher says %d", fc["numberMatched"], want)
		}
		if _, err := time.Parse(time.RFC3339, fc["timeStamp"].(string)); err != nil {
			t.Errorf("timeStamp %v", fc["timeStamp"])
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
			if id <= last {
				t.Errorf("%s after %s: not in id order", id, last)
			}
			seen[id], last = true, id
		}
		next = ""
		if l := links(t, fc)["next"]; l != nil {
			next = l["href"].(string)
		}
		if pages++; pages > 100 {
			t.Fatal("endless next links")
		}
	}
	if len(seen) != want || pages < 2 {
		t.Errorf("paged through %d features in %d pages, want %d", len(seen), pages, want)
	}
}

func TestOGCItemsFiltersAgreeWithCypher(t *testing.T) {
	const dated = "MATCH (n:Practice) WHERE n.location IS NOT NULL AND "
	for _, c := range []struct{ query, cypher string }{
		{"bbox=4,45,6,46.5", "MATCH (n:Practice) WHERE point.withinBBox(n.location, point({longitude: 4, latitude: 45}), point({longitude: 6, latitude: 46.5})) RETURN count(n) AS c"},
		{"theme=social-cohesion&country=FR,DE", "MATCH (n:Practice)-[:ABOUT]->(:Theme {slug: 'social-cohesion'}) WHERE EXISTS { (n)-[:IN]->(c:Country) WHERE c.iso2 IN ['FR', 'DE'] } RETURN count(n) AS c"},
		{"principle=3&demo=false", "MATCH (n:Practice)-[:APPLIES]->(:Principle {number: 3}) WHERE NOT coalesce(n.demo, false) RETURN count(n) AS c"},
		{"datetime=2020-01-01/..", dated + "coalesce(n.endDate, n.startDate) >= date('2020-01-01') RETURN count(n) AS c"},
		{"datetime=../2015-06-30", dated + "n.startDate <= date('2015-06-30') RETURN count(n) AS c"},
		{"datetime=/2015-06-30", dated + "n.startDate <= date('2015-06-30') RETURN count(n) AS c"},
		{"datetime=2019-01-01T00:00:00Z/2020-06-30T12:00:00Z", dated + "n.startDate <= date('2020-06-30') AND coalesce(n.endDate, n.startDate) >= date('2019-01-01') RETURN count(n) AS c"},
		{"datetime=2020-06-15", dated + "n.startDate <= date('2020-06-15') AND coalesce(n.endDate, n.startDate) >= date('2020-06-15') RETURN count(n) AS c"},
		{"datetime=2020-06-15T10:30:00Z&bbox=-20,30,40,70", dated + "n.startDate <= date('2020-06-15') AND coalesce(n.endDate, n.startDate) >= date('2020-06-15') RETURN count(n) AS c"},
	} {
		r, b := get(t, "/ogc/collections/practices/items?limit=1&"+c.query)
		if r.StatusCode != 200 {
			t.Errorf("%s: %d %s", c.query, r.StatusCode, b)
			continue
		}
		fc := checkRFC7946(t, b)
		if got, want := int(fc["numberMatched"].(float64)), count(t, c.cypher, nil); got != want || want == 0 {
			t.Errorf("%s: numberMatched %d, Cypher %d", c.query, got, want)
		}
	}
	// a limit above the maximum is served as the maximum (OGC API Features 1, 7.15.3)
	_, b := get(t, "/ogc/collections/practices/items?limit=5000")
	if n := int(checkRFC7946(t, b)["numberReturned"].(float64)); n != min(webmap.MaxLimit, count(t, "MATCH (n:Practice) WHERE n.location IS NOT NULL RETURN count(n) AS c", nil)) {
		t.Errorf("limit=5000 returned %d features", n)
	}
}

func TestOGCItemByID(t *testing.T) {
	r, b := get(t, "/ogc/collections/practices/items/practice:regional-welcome")
	var f map[string]any
	if err := json.Unmarshal(b, &f); err != nil || r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("item: %d %s", r.StatusCode, b)
	}
	props := f["properties"].(map[string]any)
	if f["id"] != "practice:regional-welcome" || f["type"] != "Feature" || props["start"] != "2018-01-15" || props["end"] != "2020-12-31" {
		t.Errorf("item: %s", b)
	}
	if links(t, f)["collection"]["href"] != baseURL+"/ogc/collections/practices" {
		t.Errorf("collection link: %v", f["links"])
	}
	// an id of another collection is not in this one
	if r, _ := get(t, "/ogc/collections/events/items/practice:regional-welcome"); r.StatusCode != 404 {
		t.Errorf("a practice read as an event: %d", r.StatusCode)
	}
}

func TestOGCErrorsAreProblems(t *testing.T) {
	for _, c := range []struct {
		path   string
		hdr    []string
		status int
		where  string
	}{
		{"/ogc/collections/practices/items/practice:nope", nil, 404, "featureId"},
		{"/ogc/collections/nope/items", nil, 404, "collectionId"},
		{"/ogc/collections/nope", nil, 404, "collectionId"},
		{"/ogc/collections/practices/items?limit=0", nil, 400, "limit"},
		{"/ogc/collections/practices/items?limit=x", nil, 400, "limit"},
		{"/ogc/collections/practices/items?offset=-1", nil, 400, "offset"},
		{"/ogc/collections/practices/items?bbox=0,50,10,40", nil, 400, "bbox.south"},
		{"/ogc/collections/practices/items?bbox=0,0,10", nil, 400, "bbox"},
		{"/ogc/collections/practices/items?principle=12", nil, 400, "principles"},
		{"/ogc/collections/practices/items?datetime=2020-13-01", nil, 400, "datetime"},
		{"/ogc/collections/practices/items?datetime=../..", nil, 400, "datetime"},
		{"/ogc/collections/practices/items?datetime=2021-01-01/2020-01-01", nil, 400, "datetime"},
		{"/ogc/collections/practices/items?from=2020-01-01", nil, 400, "from"},
		{"/ogc/collections/practices/items?colour=red", nil, 400, "colour"},
		{"/ogc/collections?bbox=0,0,1,1", nil, 400, "bbox"},
		{"/ogc?x=1", nil, 400, "x"},
		{"/ogc/conformance?f=html", nil, 406, "f"},
		{"/ogc/collections", []string{"Accept", "text/html"}, 406, "Accept"},
		{"/tiles/all/23/0/0.mvt", nil, 400, "z"},
		{"/tiles/all/2/4/0.mvt", nil, 400, "x"},
		{"/tiles/all/2/0/0.png", nil, 400, "y"},
		{"/tiles/nope/0/0/0.mvt", nil, 404, "layer"},
		{"/tiles/nope.json", nil, 404, "layer"},
	} {
		r, b := get(t, c.path, c.hdr...)
		var e map[string]any
		_ = json.Unmarshal(b, &e)
		if r.StatusCode != c.status || e["where"] != c.where {
			t.Errorf("%s: %d %s, want %d at %s", c.path, r.StatusCode, b, c.status, c.where)
		}
		if r.Header.Get("Content-Type") != "application/problem+json" || e["status"] != float64(c.status) || e["title"] == "" || e["detail"] == "" {
			t.Errorf("%s: not RFC 7807 problem details: %s %s", c.path, r.Header.Get("Content-Type"), b)
		}
	}
	// negotiation that succeeds
	for _, c := range []struct{ path, accept string }{
		{"/ogc/collections?f=json", ""},
		{"/ogc/collections", "application/json"},
		{"/ogc/collections", "text/html,application/xhtml+xml,*/*;q=0.8"},
		{"/ogc/collections/practices/items?f=json&limit=1", "application/geo+json"},
	} {
		if r, b := get(t, c.path, "Accept", c.accept); r.StatusCode != 200 {
			t.Errorf("%s (Accept %q): %d %s", c.path, c.accept, r.StatusCode, b)
		}
	}
}

// TestOldCollectionsRedirect checks that the paths before /ogc send clients there.
func TestOldCollectionsRedirect(t *testing.T) {
	for path, want := range map[string]string{
		"/collections":                         "/ogc/collections",
		"/collections/practices/items?limit=3": "/ogc/collections/practices/items?limit=3",
	} {
		r, _ := get(t, path)
		if r.StatusCode != http.StatusPermanentRedirect || r.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 308 to %s", path, r.StatusCode, r.Header.Get("Location"), want)
		}
	}
}

// TestOGCAPIDefinitionValidates loads /ogc/api with kin-openapi and validates it
// as an OpenAPI 3 document, and checks that it describes the parameters served.
func TestOGCAPIDefinitionValidates(t *testing.T) {
	_, b := get(t, "/ogc/api")
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("loading the API definition: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the API definition is not valid OpenAPI 3: %v", err)
	}
	items := doc.Paths.Find("/collections/{collectionId}/items")
	if items == nil || items.Get == nil {
		t.Fatal("no GET /collections/{collectionId}/items")
	}
	var names []string
	for _, p := range items.Get.Parameters {
		names = append(names, p.Value.Name)
	}
	for _, want := range []string{"bbox", "datetime", "limit", "offset", "collectionId"} {
		if !slices.Contains(names, want) {
			t.Errorf("items parameters %v lack %s", names, want)
		}
	}
	if limit := items.Get.Parameters.GetByInAndName("query", "limit"); limit == nil || limit.Schema.Value.Max == nil || *limit.Schema.Value.Max != webmap.MaxLimit {
		t.Errorf("limit's maximum is not %d", webmap.MaxLimit)
	}
}
