package webmap

import (
	"net/http"
	"strconv"
)

// api serves /ogc/api: the OpenAPI 3.0 definition of the OGC API Features
// endpoints, with the server's absolute URL.
func (f features) api(w http.ResponseWriter, r *http.Request) {
	if err := check(r, nil, mediaOpenAPI, mediaJSON); err != nil {
		problem(w, err)
		return
	}
	writeJSON(w, mediaOpenAPI, openAPI(base(r, f.opts)+OGCRoot))
}

// openAPI returns the API definition for the server at url.
func openAPI(url string) map[string]any {
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/" + name} }
	str := map[string]any{"type": "string"}
	param := func(name, in, desc string, schema map[string]any, required bool) map[string]any {
		return map[string]any{"name": name, "in": in, "description": desc, "required": required, "schema": schema, "style": "form", "explode": false}
	}
	list := map[string]any{"type": "array", "items": str}
	f := param("f", "query", "The format of the answer; only json is served.", map[string]any{"type": "string", "enum": []string{"json"}}, false)
	collectionID := map[string]any{"name": "collectionId", "in": "path", "required": true, "description": "The collection.",
		"schema": map[string]any{"type": "string", "enum": collectionIDs()}}
	featureID := map[string]any{"name": "featureId", "in": "path", "required": true, "description": "The feature's id (a node id such as practice:language-cafes).", "schema": str}
	json := func(desc, media string, schema map[string]any) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{media: map[string]any{"schema": schema}}}
	}
	errors := func(codes ...int) map[string]any {
		out := map[string]any{}
		for _, c := range codes {
			out[strconv.Itoa(c)] = ref("responses/Problem")
		}
		return out
	}
	op := func(id, summary string, params []any, ok map[string]any, codes ...int) map[string]any {
		resp := errors(codes...)
		resp["200"] = ok
		return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "parameters": params, "responses": resp}}
	}
	object := map[string]any{"type": "object"}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "EWSI Graph: OGC API Features", "version": "1.0.0",
			"description": "OGC API Features, Part 1 Core, over the map points of EWSI Graph."},
		"servers": []any{map[string]any{"url": url}},
		"paths": map[string]any{
			"/": op("getLandingPage", "The landing page", []any{f}, json("The landing page", mediaJSON, object), 400, 406),
			"/conformance": op("getConformance", "The conformance classes", []any{f},
				json("The conformance classes", mediaJSON, map[string]any{"type": "object", "properties": map[string]any{"conformsTo": list}}), 400, 406),
			"/api":         op("getAPI", "This API definition", []any{f}, json("The API definition", mediaOpenAPI, object), 400, 406),
			"/collections": op("getCollections", "The feature collections", []any{f}, json("The collections", mediaJSON, object), 400, 406, 503),
			"/collections/{collectionId}": op("describeCollection", "One collection, with its spatial and temporal extent",
				[]any{collectionID, f}, json("The collection", mediaJSON, object), 400, 404, 406, 503),
			"/collections/{collectionId}/items": op("getFeatures", "The features of a collection, a page at a time, in id order", []any{
				collectionID, f,
				param("bbox", "query", "west,south,east,north in WGS 84 degrees (CRS84); west above east crosses the antimeridian.",
					map[string]any{"type": "array", "minItems": 4, "maxItems": 4, "items": map[string]any{"type": "number"}}, false),
				param("datetime", "query", "An RFC 3339 date-time or date, or an interval a/b where .. or nothing leaves an end open. Features without a date never match.", str, false),
				param("limit", "query", "Features per page; a limit above the maximum is served as the maximum.",
					map[string]any{"type": "integer", "minimum": 1, "maximum": MaxLimit, "default": DefaultLimit}, false),
				param("offset", "query", "Features to skip; the next link sets it.", map[string]any{"type": "integer", "minimum": 0, "default": 0}, false),
				param("theme", "query", "Theme slugs or ids (any of them).", list, false),
				param("subtheme", "query", "Subtheme slugs or ids.", list, false),
				param("principle", "query", "Common Basic Principle numbers (1 to 11).", map[string]any{"type": "array", "items": map[string]any{"type": "integer"}}, false),
				param("country", "query", "ISO 3166 alpha-2 codes.", list, false),
				param("orgType", "query", "Organisation types.", list, false),
				param("hasPractices", "query", "Only practices, and authorities and organisations that implement one (true), or the others (false).", map[string]any{"type": "boolean"}, false),
				param("demo", "query", "Only generated demo content (true), or only real content (false).", map[string]any{"type": "boolean"}, false),
			}, json("A page of features (GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp and links)", mediaGeoJSON, object), 400, 404, 406, 503),
			"/collections/{collectionId}/items/{featureId}": op("getFeature", "One feature", []any{collectionID, featureID, f},
				json("The feature (GeoJSON)", mediaGeoJSON, object), 400, 404, 406, 503),
		},
		"components": map[string]any{
			"responses": map[string]any{"Problem": json("An error (RFC 7807 problem details, with the domain's code and where the fault lies)", mediaProblem,
				map[string]any{"type": "object", "properties": map[string]any{"type": str, "title": str, "status": map[string]any{"type": "integer"},
					"detail": str, "code": str, "where": str}})},
		},
	}
}

func collectionIDs() []string {
	ids := make([]string, len(collections))
	for i, c := range collections {
		ids[i] = c.id
	}
	return ids
}
