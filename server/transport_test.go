package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// exchange sends one request to the API and returns its status, headers and body.
func exchange(t *testing.T, method, path, body string, hdr ...string) (int, http.Header, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, api.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// decodeBody decodes a response body into its top-level entries.
func decodeBody(t *testing.T, body string) map[string]json.RawMessage {
	t.Helper()
	var out map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("the body is not a JSON object: %v: %.300s", err, body)
	}
	return out
}

// firstCode returns extensions.code of the first error of a body.
func firstCode(t *testing.T, body string) string {
	t.Helper()
	var out struct {
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || len(out.Errors) == 0 {
		t.Fatalf("no errors in %.300s (%v)", body, err)
	}
	return out.Errors[0].Extensions.Code
}

func gqlBody(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

const (
	jsonType     = "application/json"
	responseType = "application/graphql-response+json"
)

func TestGraphQLOverHTTP(t *testing.T) {
	deep := `{ themes { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { subthemes { theme { id } } } } } } } } } } } } } }`
	cases := []struct {
		name, method, path, body, accept, contentType string
		status                                        int
		code                                          string // extensions.code of the first error, "" for none
		data                                          string // "absent", "present"
		allow                                         string
	}{
		{"GET query", "GET", "/graphql?query=" + url.QueryEscape("{ principles { number } }"), "", responseType, "", 200, "", "present", ""},
		{"GET mutation", "GET", "/graphql?query=" + url.QueryEscape(`mutation { unlink(from: "a", to: "b") }`), "", jsonType, "", 405, "METHOD_NOT_ALLOWED", "absent", "POST"},
		{"PUT", "PUT", "/graphql", gqlBody("{ __typename }"), jsonType, jsonType, 405, "METHOD_NOT_ALLOWED", "absent", "GET, POST"},
		{"DELETE", "DELETE", "/graphql", "", "", "", 405, "METHOD_NOT_ALLOWED", "absent", "GET, POST"},
		{"text/plain body", "POST", "/graphql", gqlBody("{ __typename }"), jsonType, "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE", "absent", ""},
		{"no content type", "POST", "/graphql", gqlBody("{ __typename }"), jsonType, "", 415, "UNSUPPORTED_MEDIA_TYPE", "absent", ""},
		{"latin-1 body", "POST", "/graphql", gqlBody("{ __typename }"), jsonType, "application/json; charset=iso-8859-1", 415, "UNSUPPORTED_MEDIA_TYPE", "absent", ""},
		{"not acceptable", "POST", "/graphql", gqlBody("{ __typename }"), "text/html", jsonType, 406, "NOT_ACCEPTABLE", "absent", ""},
		{"invalid JSON", "POST", "/graphql", `{"query": "{ __typename }"`, jsonType, jsonType, 400, "BAD_REQUEST", "absent", ""},
		{"empty body", "POST", "/graphql", "", jsonType, jsonType, 400, "BAD_REQUEST", "absent", ""},
		{"query a number", "POST", "/graphql", `{"query": 5}`, jsonType, jsonType, 400, "BAD_REQUEST", "absent", ""},
		{"variables a list", "POST", "/graphql", `{"query": "{ __typename }", "variables": [1]}`, responseType, jsonType, 400, "BAD_REQUEST", "absent", ""},
		// with application/json a well-formed request answers 200, whatever its GraphQL errors
		{"parse error, json", "POST", "/graphql", gqlBody("{"), jsonType, jsonType, 200, "GRAPHQL_PARSE_FAILED", "absent", ""},
		{"validation error, json", "POST", "/graphql", gqlBody("{ nope }"), jsonType, jsonType, 200, "GRAPHQL_VALIDATION_FAILED", "absent", ""},
		{"variable error, json", "POST", "/graphql", `{"query": "query($n: Int!) { practices(first: $n) { totalCount } }", "variables": {"n": "x"}}`, jsonType, jsonType, 200, "GRAPHQL_VALIDATION_FAILED", "absent", ""},
		{"too deep, json", "POST", "/graphql", gqlBody(deep), jsonType, jsonType, 200, "QUERY_TOO_DEEP", "absent", ""},
		{"no Accept means json", "POST", "/graphql", gqlBody("{ nope }"), "", jsonType, 200, "GRAPHQL_VALIDATION_FAILED", "absent", ""},
		// with application/graphql-response+json a request error is a 400 with no data entry
		{"parse error", "POST", "/graphql", gqlBody("{"), responseType, jsonType, 400, "GRAPHQL_PARSE_FAILED", "absent", ""},
		{"validation error", "POST", "/graphql", gqlBody("{ nope }"), responseType, jsonType, 400, "GRAPHQL_VALIDATION_FAILED", "absent", ""},
		{"too deep", "POST", "/graphql", gqlBody(deep), responseType, jsonType, 400, "QUERY_TOO_DEEP", "absent", ""},
		{"too many aliases", "POST", "/graphql", gqlBody("{ " + aliases(40) + " }"), responseType, jsonType, 400, "TOO_MANY_ALIASES", "absent", ""},
		{"too complex", "POST", "/graphql", gqlBody(`{ practices(first: 100) { edges { node { implementers { ... on Organisation { practices { partners { name } } } } } } } }`), responseType, jsonType, 400, "COMPLEXITY_LIMIT_EXCEEDED", "absent", ""},
		// a field error is not a request error: 200 and data
		{"field error", "POST", "/graphql", gqlBody(`{ practices(first: 1000) { totalCount } }`), responseType, jsonType, 200, "INVALID", "present", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var hdr []string
			if c.accept != "" {
				hdr = append(hdr, "Accept", c.accept)
			}
			if c.contentType != "" {
				hdr = append(hdr, "Content-Type", c.contentType)
			}
			status, h, body := exchange(t, c.method, c.path, c.body, hdr...)
			if status != c.status {
				t.Errorf("status %d, want %d: %.300s", status, c.status, body)
			}
			if c.allow != "" && h.Get("Allow") != c.allow {
				t.Errorf("Allow %q, want %q", h.Get("Allow"), c.allow)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, jsonType) && !strings.HasPrefix(ct, responseType) {
				t.Errorf("Content-Type %q is not JSON", ct)
			}
			entries := decodeBody(t, body)
			if c.code != "" {
				if got := firstCode(t, body); got != c.code {
					t.Errorf("code %q, want %q: %.300s", got, c.code, body)
				}
			}
			if _, has := entries["data"]; has != (c.data == "present") {
				t.Errorf("data entry present: %v, want %s: %.300s", has, c.data, body)
			}
		})
	}
}

// TestBadRequestsDoNotEchoTheBody: a 400 answers in a few hundred bytes, not
// the request back, and names no Go type.
func TestBadRequestsDoNotEchoTheBody(t *testing.T) {
	pad := strings.Repeat("x", 900_000)
	for _, body := range []string{
		`{"query": 5, "pad": "` + pad + `"}`,
		`{"query": "{ __typename }", "pad": "` + pad + `"`,
		`["` + pad + `"]`,
		`{"query": "{ __typename }", "variables": "` + pad + `"}`,
	} {
		status, _, got := exchange(t, "POST", "/graphql", body, "Content-Type", jsonType)
		if status != 400 || firstCode(t, got) != "BAD_REQUEST" {
			t.Errorf("status %d: %.200s", status, got)
		}
		if len(got) > 500 || strings.Contains(got, "xxxxxxxx") {
			t.Errorf("a %d-byte body got a %d-byte answer that quotes it: %.200s", len(body), len(got), got)
		}
		for _, goish := range []string{"Go struct", "json:", "RawParams", "map[string]"} {
			if strings.Contains(got, goish) {
				t.Errorf("the answer names Go types (%q): %s", goish, got)
			}
		}
	}
}

// TestBodyTooLarge: 413 with a code, whether or not the client said the length.
func TestBodyTooLarge(t *testing.T) {
	big := `{"query": "{ __typename }", "pad": "` + strings.Repeat(" ", 2<<20) + `"}`
	status, _, body := exchange(t, "POST", "/graphql", big, "Content-Type", jsonType)
	if status != http.StatusRequestEntityTooLarge || firstCode(t, body) != "REQUEST_TOO_LARGE" {
		t.Errorf("with Content-Length: %d %.300s", status, body)
	}
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.Copy(pw, strings.NewReader(big))
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", api.URL+"/graphql", pr) // chunked: no Content-Length
	req.Header.Set("Content-Type", jsonType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || firstCode(t, string(b)) != "REQUEST_TOO_LARGE" {
		t.Errorf("chunked: %d %.300s", resp.StatusCode, b)
	}
}
