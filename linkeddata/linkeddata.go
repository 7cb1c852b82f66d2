// Package linkeddata describes the graph's content in the formats the field
// reuses: schema.org JSON-LD for the pages (Describer), a DCAT-AP catalogue of
// the library's documents (Catalog, GET /catalog.jsonld) and CSV of any
// filtered list (Exporter, GET /export/{kind}.csv). It reads the store through
// graph.Reader and graph.Indicators only, and writes only public fields: a
// person appears by name when their profile is public, never with an email.
package linkeddata

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"ewsi/graph"
)

// Store is what the descriptions read.
type Store interface {
	graph.Reader
	// CountryObservations returns the latest observation of each indicator in
	// each country asked (graph.Indicators).
	CountryObservations(ctx context.Context, iso2 []string) (map[string][]graph.Observation, error)
	// FundingByDeadline lists funding calls as the funding page does (graph.Calendar).
	FundingByDeadline(ctx context.Context, f graph.FundingFilter, today graph.Date, w graph.Window) ([]*graph.Funding, int, error)
	// LibraryDocuments lists documents as the library does, EU scope included (graph.Library).
	LibraryDocuments(ctx context.Context, f graph.LibraryFilter, o graph.Order, w graph.Window) ([]graph.Node, int, graph.DocumentFacets, error)
}

// Options are shared by the handlers.
type Options struct {
	// TrustForwarded builds absolute links from X-Forwarded-Proto and
	// X-Forwarded-Host, for a server behind a proxy it trusts.
	TrustForwarded bool
}

// Routes returns the handlers of this package by ServeMux pattern: the DCAT
// catalogue and the CSV exports. The server rate-limits them per client with
// its other routes; each one also bounds its own time and size.
func Routes(st Store, o Options, log *slog.Logger) map[string]http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := NewExporter(st, o)
	e.Log = log
	return map[string]http.Handler{
		"GET /catalog.jsonld": &Catalog{Store: st, Options: o, Log: log},
		"GET /export/{file}":  e,
	}
}

// baseURL is the scheme and host the request came to, without a final slash.
func baseURL(r *http.Request, o Options) string {
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if o.TrustForwarded {
		if p := firstValue(r.Header.Get("X-Forwarded-Proto")); p == "http" || p == "https" {
			scheme = p
		}
		if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" && !strings.ContainsAny(h, "/\\ @") {
			host = h
		}
	}
	if host == "" {
		host = "localhost"
	}
	return scheme + "://" + host
}

func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.TrimSpace(v)
}
