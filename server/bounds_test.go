package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// gqlFull is a GraphQL response with each error's path.
type gqlFull struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func postFull(t *testing.T, query string, vars map[string]any) gqlFull {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(api.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlFull
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNodesMalformedIDIsNullAtItsPlace: one malformed id is null at its index
// with an INVALID error at its path; the other ids still resolve, and a partner
// request's id is a node.
func TestNodesMalformedIDIsNullAtItsPlace(t *testing.T) {
	req := mustData(t, post(t, `{ partnerRequests(first: 1, filter: {status: [OPEN, CLOSED, EXPIRED]}) { edges { node { id title } } } }`, nil))
	reqID, _ := dig(req, "partnerRequests", "edges", 0, "node", "id").(string)
	if reqID == "" {
		// the fixture has no request: post one
		d := mustData(t, post(t, postMutation, map[string]any{"idem": "nodes-request-0001", "in": map[string]any{
			"organisation": "organisation:ville-lyon", "title": "A request read as a node", "lang": "EN",
			"description": "A request that nodes(ids:) must return.", "themes": []string{"education-culture"},
			"closes": time.Now().UTC().AddDate(0, 0, 30).Format("2006-01-02"), "contact": map[string]any{"name": "P", "email": "p@example.org"}}}))
		reqID, _ = dig(d, "postPartnerRequest", "request", "id").(string)
	}
	r := postFull(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organisation { name } ... on PartnerRequest { title } } }`,
		map[string]any{"ids": []string{"organisation:caritas-krakow", "practice:no-such", "not-an-id", reqID, "request:", "organisation:ville-lyon"}})
	if r.Data == nil {
		t.Fatalf("data is null: %+v", r.Errors)
	}
	nodes, _ := r.Data["nodes"].([]any)
	if len(nodes) != 6 {
		t.Fatalf("nodes: %v", r.Data["nodes"])
	}
	if dig(nodes, 0, "name") != "Caritas Kraków" || nodes[1] != nil || nodes[2] != nil || dig(nodes, 3, "id") != reqID ||
		nodes[4] != nil || dig(nodes, 5, "id") != "organisation:ville-lyon" {
		t.Errorf("nodes: %v", nodes)
	}
	if len(r.Errors) != 2 {
		t.Fatalf("want an error for each malformed id, got %+v", r.Errors)
	}
	for i, at := range []float64{2, 4} {
		e := r.Errors[i]
		if e.Extensions["code"] != "INVALID" || !reflect.DeepEqual(e.Path, []any{"nodes", at}) || !strings.Contains(e.Message, "ids") {
			t.Errorf("error %d: %+v", i, e)
		}
	}
	one := postFull(t, `{ node(id: "bad") { id } }`, nil)
	if len(one.Errors) != 1 || one.Errors[0].Extensions["code"] != "INVALID" || !reflect.DeepEqual(one.Errors[0].Path, []any{"node"}) {
		t.Errorf("node(id: bad): %+v", one)
	}
}

// TestUnknownFilterValuesAreInvalid: a theme, subtheme or country that the
// reference data does not hold is INVALID naming the argument, on every list and
// on the map, instead of an empty answer.
func TestUnknownFilterValuesAreInvalid(t *testing.T) {
	cases := []struct {
		name, query, where, msg string
	}{
		{"theme", `{ practices(filter: {themes: ["foo"]}) { totalCount } }`, "filter.themes", `unknown theme "foo"`},
		{"subtheme", `{ organisations(filter: {subthemes: ["nope"]}) { totalCount } }`, "filter.subthemes", `unknown subtheme "nope"`},
		{"country", `{ documents(filter: {countries: ["QQ"]}) { totalCount } }`, "filter.countries", `unknown country "QQ"`},
		{"theme id", `{ events(filter: {themes: ["theme:bar"]}) { totalCount } }`, "filter.themes", `unknown theme "bar"`},
		{"subtheme given as theme", `{ practices(filter: {themes: ["language-competencies"]}) { totalCount } }`, "filter.themes", `unknown theme "language-competencies"`},
		{"country's practices", `{ country(code: "FR") { practices(filter: {themes: ["foo"]}) { totalCount } } }`, "filter.themes", `unknown theme "foo"`},
		{"map theme", `{ mapLayer(bbox: {west: -10, south: 35, east: 30, north: 60}, zoom: 4, filter: {themes: ["foo"]}) { total } }`, "filter.themes", `unknown theme "foo"`},
		{"map country", `{ mapLayer(bbox: {west: -10, south: 35, east: 30, north: 60}, zoom: 4, filter: {countries: ["ZZ"]}) { total } }`, "filter.countries", `unknown country "ZZ"`},
		{"board theme", `{ partnerRequests(filter: {themes: ["foo"]}) { totalCount } }`, "filter.themes", `unknown theme "foo"`},
		{"board subtheme", `{ partnerRequests(filter: {themes: ["subtheme:nope"]}) { totalCount } }`, "filter.themes", `unknown subtheme "nope"`},
		{"board country", `{ partnerRequests(filter: {countries: ["QQ"]}) { totalCount } }`, "filter.countries", `unknown country "QQ"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := postFull(t, c.query, nil)
			if len(r.Errors) != 1 {
				t.Fatalf("errors: %+v data: %v", r.Errors, r.Data)
			}
			e := r.Errors[0]
			if e.Extensions["code"] != "INVALID" || e.Extensions["where"] != c.where || e.Message != c.where+": "+c.msg {
				t.Errorf("error: %+v", e)
			}
		})
	}
	// the board takes themes and subthemes in one list
	if r := postFull(t, `{ partnerRequests(filter: {themes: ["education-culture", "subtheme:language-competencies"], countries: ["pl"]}) { totalCount } }`, nil); len(r.Errors) > 0 {
		t.Errorf("known theme and subtheme on the board: %+v", r.Errors)
	}
	// known values in any spelling still filter
	d := mustData(t, post(t, `{ a: practices(filter: {themes: ["education-culture"], subthemes: ["subtheme:language-competencies"], countries: ["fr"]}) { totalCount }
	  b: practices(filter: {themes: ["EDUCATION-CULTURE"], countries: ["FR"]}) { totalCount } }`, nil))
	if dig(d, "a", "totalCount").(float64) < 1 || dig(d, "b", "totalCount").(float64) < 1 {
		t.Errorf("known values: %v", d)
	}
}
