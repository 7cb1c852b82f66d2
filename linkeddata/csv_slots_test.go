package linkeddata

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCSVExportsAtOnce: while csvConcurrent exports run, another one is
// refused with 503 and Retry-After, before it reads anything; bad requests are
// refused before they take a slot.
func TestCSVExportsAtOnce(t *testing.T) {
	e := NewExporter(nil, Options{}) // no store: a request that got past the bound would panic
	for range csvConcurrent {
		e.slots <- struct{}{}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /export/{file}", e)
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest("GET", "/export/documents.csv", nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "too many exports") {
		t.Errorf("status %d, Retry-After %q, %q", w.Code, w.Header().Get("Retry-After"), w.Body.String())
	}
	w = httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest("GET", "/export/documents.csv?from=nope", nil))
	if w.Code != http.StatusBadRequest {
		t.Errorf("a bad request while full: %d", w.Code)
	}
	if len(e.slots) != csvConcurrent {
		t.Errorf("%d slots taken, want %d", len(e.slots), csvConcurrent)
	}
}
