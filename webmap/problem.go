package webmap

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"ewsi/graph"
)

// notAcceptable is a request for a format that is not served (406).
type notAcceptable struct{ err error }

func (e notAcceptable) Error() string { return e.err.Error() }
func (e notAcceptable) Unwrap() error { return e.err }

func errNotAcceptable(where, format string, a ...any) error {
	return notAcceptable{graph.Errorf(graph.EINVALID, where, format, a...)}
}

// problem writes an error as RFC 7807 problem details (application/problem+json)
// with the status its code calls for, plus the domain's code and, when known,
// where the fault lies. Internal errors show a generic message (graph.ErrorMessage).
func problem(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch graph.ErrorCode(err) {
	case graph.EINVALID:
		status = http.StatusBadRequest
	case graph.ENOTFOUND:
		status = http.StatusNotFound
	case graph.ETIMEOUT:
		status = http.StatusGatewayTimeout
	case graph.EUNAVAIL:
		status = http.StatusServiceUnavailable
	}
	if errors.Is(err, context.DeadlineExceeded) {
		status = http.StatusGatewayTimeout
	}
	var na notAcceptable
	if errors.As(err, &na) {
		status = http.StatusNotAcceptable
	}
	body := map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status,
		"detail": graph.ErrorMessage(err), "code": graph.ErrorCode(err)}
	var e *graph.Error
	if errors.As(err, &e) && e.Where != "" {
		body["where"] = e.Where
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	w.Header().Set("Content-Type", mediaProblem)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
