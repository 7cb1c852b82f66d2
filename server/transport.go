package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/graph"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON     = "application/json"
	mediaResponse = "application/graphql-response+json"
)

// Codes of the answers to requests that are not well-formed, or too large to
// answer, in extensions.code.
const (
	codeBadRequest       = "BAD_REQUEST"
	codeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	codeUnsupportedMedia = "UNSUPPORTED_MEDIA_TYPE"
	codeNotAcceptable    = "NOT_ACCEPTABLE"
	codeRequestTooLarge  = "REQUEST_TOO_LARGE"
	codeResponseTooLarge = "RESPONSE_TOO_LARGE"
	codeTooManyErrors    = "TOO_MANY_ERRORS"
)

// httpTransport is GraphQL over HTTP (the GraphQL Foundation's spec) for GET and
// POST: with application/json every well-formed request answers 200; with
// application/graphql-response+json a request error (parse, validation,
// variables, limits) answers 400 with no data entry. A request that is not
// well-formed answers 4xx with a coded JSON error that never quotes the body.
// Responses keep at most maxErrors errors and maxBytes bytes.
type httpTransport struct {
	maxErrors int
	maxBytes  int
}

var _ graphql.Transport = httpTransport{}

// Supports takes every request to the endpoint: those it cannot serve get a
// coded answer of its own.
func (httpTransport) Supports(*http.Request) bool { return true }

// Do answers one request.
func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		writeRequestError(w, mediaJSON, http.StatusNotAcceptable, codeNotAcceptable,
			"Accept allows neither application/graphql-response+json nor application/json")
		return
	}
	var params *graphql.RawParams
	var perr *requestError
	switch r.Method {
	case http.MethodGet:
		params, perr = paramsFromURL(r)
	case http.MethodPost:
		params, perr = paramsFromBody(r)
	case http.MethodOptions:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		w.Header().Set("Allow", "GET, POST")
		perr = &requestError{http.StatusMethodNotAllowed, codeMethodNotAllowed, r.Method + " is not allowed: use POST (or GET for queries)"}
	}
	if perr != nil {
		writeRequestError(w, media, perr.status, perr.code, perr.msg)
		return
	}
	params.Headers = r.Header
	start := graphql.Now()
	params.ReadTime = graphql.TraceTiming{Start: start, End: start}
	ctx := r.Context()
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		t.write(w, media, resp, true)
		return
	}
	if r.Method == http.MethodGet && oc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		writeRequestError(w, media, http.StatusMethodNotAllowed, codeMethodNotAllowed,
			"a "+string(oc.Operation.Operation)+" cannot be sent with GET: use POST")
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	resp := responses(ctx)
	if resp == nil { // the request's context ended before the response was made: say why
		code, msg := graph.ETIMEOUT, "the query took too long"
		var cause *graph.Error
		if errors.As(context.Cause(ctx), &cause) { // the edge ended it (the database went down)
			code, msg = cause.Code, graph.ErrorMessage(cause)
		}
		resp = &graphql.Response{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}}
	}
	t.write(w, media, resp, len(resp.Data) == 0)
}

// result is a response as written: data is left out when the request failed
// before execution, as the spec requires.
type result struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

// write encodes a response; requestError says no execution took place.
func (t httpTransport) write(w http.ResponseWriter, media string, resp *graphql.Response, requestError bool) {
	out := result{Errors: capErrors(resp.Errors, t.maxErrors), Data: resp.Data, Extensions: resp.Extensions}
	if !requestError && len(out.Data) == 0 {
		out.Data = json.RawMessage("null")
	}
	body, err := json.Marshal(out)
	if err != nil || len(body) > t.maxBytes {
		msg := "the response is larger than the limit of " + itoa(int64(t.maxBytes)) + " bytes: ask for fewer items or fields"
		code := codeResponseTooLarge
		if err != nil {
			msg, code = "internal error", "INTERNAL"
		}
		body, _ = json.Marshal(result{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}},
			Data: json.RawMessage("null")})
		requestError = false
	}
	status := http.StatusOK
	if requestError && media == mediaResponse {
		status = http.StatusBadRequest
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// capErrors keeps the first max errors and says how many more were dropped
// (graphql-js stops at 100 too).
func capErrors(errs gqlerror.List, max int) gqlerror.List {
	if len(errs) <= max {
		return errs
	}
	kept := append(gqlerror.List{}, errs[:max]...)
	return append(kept, &gqlerror.Error{
		Message:    itoa(int64(len(errs)-max)) + " more errors were dropped: a response keeps the first " + itoa(int64(max)),
		Extensions: map[string]any{"code": codeTooManyErrors},
	})
}

// negotiate picks the response media type from the Accept headers: the one
// of highest quality, the first listed on a tie; no Accept means JSON.
func negotiate(accept []string) (string, bool) {
	if len(accept) == 0 {
		return mediaJSON, true
	}
	best, bestQ := "", 0.0
	for _, h := range accept {
		for _, part := range strings.Split(h, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := quality(params["q"])
			var media string
			switch mt {
			case mediaResponse:
				media = mediaResponse
			case mediaJSON, "application/*", "*/*":
				media = mediaJSON
			default:
				continue
			}
			if q > bestQ {
				best, bestQ = media, q
			}
		}
	}
	return best, best != ""
}

func quality(s string) float64 {
	if s == "" {
		return 1
	}
	var q float64
	if err := json.Unmarshal([]byte(s), &q); err != nil || q < 0 || q > 1 {
		return 0
	}
	return q
}

// requestError is a request that is not well-formed GraphQL over HTTP.
type requestError struct {
	status int
	code   string
	msg    string
}

func badRequest(msg string) *requestError {
	return &requestError{http.StatusBadRequest, codeBadRequest, msg}
}

// paramsFromBody reads a POST: a JSON object in UTF-8.
func paramsFromBody(r *http.Request) (*graphql.RawParams, *requestError) {
	ct := r.Header.Get("Content-Type")
	mt, mparams, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || mt != mediaJSON {
		return nil, &requestError{http.StatusUnsupportedMediaType, codeUnsupportedMedia,
			"Content-Type must be application/json, got " + quoteShort(ct)}
	}
	if cs := mparams["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") {
		return nil, &requestError{http.StatusUnsupportedMediaType, codeUnsupportedMedia, "the charset must be utf-8, got " + quoteShort(cs)}
	}
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, &requestError{http.StatusRequestEntityTooLarge, codeRequestTooLarge,
			"the request body is larger than the limit of " + itoa(tooLarge.Limit) + " bytes"}
	case err != nil:
		return nil, badRequest("the request body could not be read")
	case len(bytes.TrimSpace(body)) == 0:
		return nil, badRequest("the request body is empty: send a JSON object with a query")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, badRequest("the request body is not a JSON object" + jsonWhere(err))
	}
	return decodeParams(fields)
}

// paramsFromURL reads a GET: variables and extensions are JSON in the URL.
func paramsFromURL(r *http.Request) (*graphql.RawParams, *requestError) {
	q := r.URL.Query()
	fields := map[string]json.RawMessage{}
	for _, k := range []string{"query", "operationName"} {
		if q.Has(k) {
			fields[k], _ = json.Marshal(q.Get(k))
		}
	}
	for _, k := range []string{"variables", "extensions"} {
		if v := q.Get(k); v != "" {
			if !json.Valid([]byte(v)) {
				return nil, badRequest(k + ": not valid JSON")
			}
			fields[k] = json.RawMessage(v)
		}
	}
	return decodeParams(fields)
}

// decodeParams checks each parameter's JSON type, naming the one that is wrong.
func decodeParams(fields map[string]json.RawMessage) (*graphql.RawParams, *requestError) {
	p := &graphql.RawParams{}
	if err := decodeString(fields["query"], &p.Query); err != nil {
		return nil, badRequest("query: must be a string")
	}
	if err := decodeString(fields["operationName"], &p.OperationName); err != nil {
		return nil, badRequest("operationName: must be a string or null")
	}
	if err := decodeObject(fields["variables"], &p.Variables); err != nil {
		return nil, badRequest("variables: must be an object or null")
	}
	if err := decodeObject(fields["extensions"], &p.Extensions); err != nil {
		return nil, badRequest("extensions: must be an object or null")
	}
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return nil, badRequest("query: missing; send the GraphQL document in query")
	}
	return p, nil
}

var errType = errors.New("wrong JSON type")

func decodeString(raw json.RawMessage, into *string) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if raw[0] != '"' {
		return errType
	}
	return json.Unmarshal(raw, into)
}

func decodeObject(raw json.RawMessage, into *map[string]any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if raw[0] != '{' {
		return errType
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // as gqlgen's own transports: Int and Float coerce from json.Number
	return dec.Decode(into)
}

// jsonWhere says where a JSON body went wrong without quoting it or naming Go types.
func jsonWhere(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return ": invalid JSON at byte " + itoa(syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return ": found a JSON " + typ.Value
	}
	return ""
}

// quoteShort quotes a header value, cut so that an error never echoes much.
func quoteShort(s string) string {
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// writeRequestError answers a request the GraphQL layer never ran, in the
// media type asked for (the same JSON either way).
func writeRequestError(w http.ResponseWriter, media string, status int, code, msg string) {
	body, _ := json.Marshal(result{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}})
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
