package linkeddata

import (
	"context"
	"encoding/csv"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
)

// CSV export bounds: at most MaxCSVRows rows per file (the next ones with
// offset, named in a Link header), read from the store csvBatch at a time,
// csvConcurrent exports at once, each within csvTimeout.
const (
	MaxCSVRows    = 10000
	csvBatch      = 500
	csvConcurrent = 2
	csvTimeout    = 60 * time.Second
)

// utf8BOM begins each file, so that Excel reads it as UTF-8.
const utf8BOM = "\ufeff"

// exportKinds are the lists that export as CSV, by file name, with their order.
var exportKinds = map[string]struct {
	kind  graph.Kind
	order graph.Order
}{
	"practices":     {graph.KindPractice, graph.Order{Field: "title"}},
	"organisations": {graph.KindOrganisation, graph.Order{Field: "title"}},
	"authorities":   {graph.KindLocalAuthority, graph.Order{Field: "title"}},
	"documents":     {graph.KindDocument, graph.Order{Field: "date", Desc: true}},
	"news":          {graph.KindNews, graph.Order{Field: "date", Desc: true}},
	"events":        {graph.KindEvent, graph.Order{Field: "date"}},
	"funding":       {graph.KindFunding, graph.Order{Field: "date"}},
}

// Exporter serves GET /export/{kind}.csv: a filtered list as CSV (RFC 4180,
// UTF-8 with a byte order mark, a header row of English field names), with the
// filter parameters of the list pages and of the GraphQL ContentFilter.
type Exporter struct {
	Store   Store
	Options Options
	Log     *slog.Logger
	// MaxRows bounds the rows of one file; 0 means MaxCSVRows.
	MaxRows int
	slots   chan struct{}
}

// NewExporter returns an Exporter that runs at most a few exports at once.
func NewExporter(st Store, o Options) *Exporter {
	return &Exporter{Store: st, Options: o, Log: slog.New(slog.DiscardHandler), slots: make(chan struct{}, csvConcurrent)}
}

func (e *Exporter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	name, ok := strings.CutSuffix(file, ".csv")
	spec, known := exportKinds[name]
	if !ok || !known {
		http.Error(w, fmt.Sprintf("%s: not a list that exports; try one of practices, organisations, authorities, documents, news, events, funding (.csv)", file), http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err == nil {
		spec.order, err = parseOrder(q, spec.order)
	}
	offset := 0
	if err == nil && q.Get("offset") != "" {
		offset, err = strconv.Atoi(q.Get("offset"))
		if err != nil || offset < 0 || offset > 10_000_000 {
			err = graph.Errorf(graph.EINVALID, "offset", "%q is not a number of rows to skip", q.Get("offset"))
		}
	}
	if err != nil {
		http.Error(w, errorText(err), http.StatusBadRequest)
		return
	}
	select {
	case e.slots <- struct{}{}:
		defer func() { <-e.slots }()
	default:
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many exports under way: retry in a few seconds", http.StatusServiceUnavailable)
		return
	}
	hops := csvHops[:2]
	if spec.kind == graph.KindDocument {
		hops = csvHops
	}
	read := e.listBatch(spec.kind, f, spec.order, hops)
	if scopes := values(q, []string{"scope", "scopes"}); spec.kind == graph.KindDocument && len(scopes) > 0 {
		lf, err := libraryFilter(scopes, f)
		if err != nil {
			http.Error(w, errorText(err), http.StatusBadRequest)
			return
		}
		read = e.libraryBatch(lf, spec.order, hops)
	}
	if spec.kind == graph.KindFunding {
		ff, err := fundingFilter(q, f)
		if err != nil {
			http.Error(w, errorText(err), http.StatusBadRequest)
			return
		}
		read = e.fundingBatch(ff, hops)
	}
	ctx, cancel := context.WithTimeout(r.Context(), csvTimeout)
	defer cancel()
	e.export(ctx, w, r, name, spec.kind, read, hops, offset)
}

// csvHops are the neighbours a row names.
var csvHops = []graph.Hop{{Rel: graph.RelIn, To: graph.KindCountry}, {Rel: graph.RelAbout, To: graph.KindTheme},
	{Rel: graph.RelPublishedBy, To: graph.KindOrganisation}}

// batch reads the rows of window w, how many match in all, and the rows'
// neighbours along hops.
type batch func(ctx context.Context, w graph.Window) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error)

// listBatch reads a kind's list as the GraphQL lists do.
func (e *Exporter) listBatch(k graph.Kind, f graph.Filter, o graph.Order, hops []graph.Hop) batch {
	return func(ctx context.Context, w graph.Window) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error) {
		return e.Store.ListWith(ctx, k, f, o, w, hops)
	}
}

// fundingBatch reads the funding calls as the funding page lists them: open
// calls by nearest deadline, with closed=1 the closed ones after them.
func (e *Exporter) fundingBatch(f graph.FundingFilter, hops []graph.Hop) batch {
	today := graph.Today()
	return func(ctx context.Context, w graph.Window) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error) {
		w.Limit = min(w.Limit, graph.MaxPageSize)
		calls, total, err := e.Store.FundingByDeadline(ctx, f, today, w)
		if err != nil || len(calls) == 0 {
			return nil, total, nil, err
		}
		nodes := make([]graph.Node, 0, len(calls))
		ids := make([]string, 0, len(calls))
		for _, c := range calls {
			nodes = append(nodes, c)
			ids = append(ids, c.ID)
		}
		rel, err := e.Store.NeighboursMulti(ctx, hops, ids)
		return nodes, total, rel, err
	}
}

// libraryBatch reads the documents as the library lists them, whose scope
// may be the EU (documents that name no country) besides countries.
func (e *Exporter) libraryBatch(f graph.LibraryFilter, o graph.Order, hops []graph.Hop) batch {
	return func(ctx context.Context, w graph.Window) ([]graph.Node, int, map[graph.Hop]map[string][]graph.Node, error) {
		nodes, total, _, err := e.Store.LibraryDocuments(ctx, f, o, w)
		if err != nil || len(nodes) == 0 {
			return nil, total, nil, err
		}
		ids := make([]string, 0, len(nodes))
		for _, n := range nodes {
			ids = append(ids, n.NodeID())
		}
		rel, err := e.Store.NeighboursMulti(ctx, hops, ids)
		return nodes, total, rel, err
	}
}

func (e *Exporter) export(ctx context.Context, w http.ResponseWriter, r *http.Request, name string, k graph.Kind, read batch, hops []graph.Hop, offset int) {
	limit := e.MaxRows
	if limit <= 0 {
		limit = MaxCSVRows
	}
	win := graph.Window{Offset: offset, Limit: min(csvBatch, limit)}
	nodes, total, rel, err := read(ctx, win)
	if err != nil {
		if graph.ErrorCode(err) == graph.EINVALID {
			http.Error(w, errorText(err), http.StatusBadRequest)
			return
		}
		e.Log.Error("csv export", "kind", k, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	end := min(total, offset+limit)
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8; header=present")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ewsi-%s-%s.csv"`, name, time.Now().UTC().Format("2006-01-02")))
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Total-Count", strconv.Itoa(total))
	h.Set("X-Row-Limit", strconv.Itoa(limit))
	if end < total {
		next := r.URL.Query()
		next.Set("offset", strconv.Itoa(end))
		h.Set("Link", fmt.Sprintf(`<%s%s?%s>; rel="next"`, baseURL(r, e.Options), r.URL.Path, next.Encode()))
	}
	base := baseURL(r, e.Options)
	_, _ = w.Write([]byte(utf8BOM))
	cw := csv.NewWriter(w)
	_ = cw.Write(csvHeader(k))
	written := offset
	for {
		for _, n := range nodes {
			if written >= end {
				break
			}
			id := n.NodeID()
			_ = cw.Write(guardRow(csvRow(n, base, rel[hops[0]][id], rel[hops[1]][id], publishers(rel, hops, id))))
			written++
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return // the client went away
		}
		if written >= end || len(nodes) == 0 {
			return
		}
		nodes, _, rel, err = read(ctx, graph.Window{Offset: written, Limit: min(csvBatch, end-written)})
		if err != nil {
			e.Log.Error("csv export: a later batch", "kind", k, "offset", written, "err", err)
			return
		}
	}
}

func publishers(rel map[graph.Hop]map[string][]graph.Node, hops []graph.Hop, id string) []graph.Node {
	if len(hops) < 3 {
		return nil
	}
	return rel[hops[2]][id]
}

// guardRow keeps spreadsheets from reading a cell as a formula: a cell that
// begins with =, +, -, @, a tab or a carriage return gets a leading '.
func guardRow(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}

// pageLink is a node's page on this site.
func pageLink(base, id string) string { return base + "/node?id=" + url.QueryEscape(id) }
