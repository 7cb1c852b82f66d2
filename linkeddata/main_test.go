package linkeddata_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/piprate/json-gold/ld"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/ingest/reference"
	"ewsi/linkeddata"
)

var db *neo4jtest.DB

// The words user text may carry to break out of a script element or a cell.
const (
	scriptTitle  = `Integration week </script><script>alert(1)</script>`
	formulaTitle = `=HYPERLINK("http://evil.example","click")`
)

// TestMain starts a real Neo4j with the server's fixture (two people, one
// with a private profile), the EU acts of the library and a few nodes whose
// text tries to escape: a script end tag in a news title, a formula as a
// document title.
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		fixture, err := ingest.Open(filepath.Join("..", "server", "testdata", "fixture.jsonl"))
		if err != nil {
			return err
		}
		lib, err := reference.Library()
		if err != nil {
			return err
		}
		var acts []graph.Record // the EU acts alone, of the library's reference data
		for _, r := range lib.Records {
			if _, ok := r.Node.(*graph.Document); ok {
				acts = append(acts, r)
			}
		}
		pub := graph.Meta{Status: graph.StatusPublished}
		meta := func(id string) graph.Meta { m := pub; m.ID = id; return m }
		start, end := graph.Date{Year: 2027, Month: 3, Day: 10}, graph.Date{Year: 2027, Month: 3, Day: 12}
		newsDate, docDate := graph.Date{Year: 2026, Month: 5, Day: 4}, graph.Date{Year: 2025, Month: 1, Day: 2}
		lyon := orb.Point{4.8357, 45.764}
		extra := []graph.Record{
			{Node: &graph.Event{Meta: meta("event:lyon-forum"), Title: "Forum de l'intégration", Lang: "fr",
				Summary: "Deux jours d'ateliers.", Start: &start, End: &end, Place: "Lyon", Location: &lyon},
				Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}, {Type: graph.RelAbout, To: "theme:social-cohesion"}}, Source: "test:1"},
			{Node: &graph.News{Meta: meta("news:script"), Title: scriptTitle, Lang: "en", Date: &newsDate,
				Source: "Example Times", URL: "https://news.example.org/a"},
				Links: []graph.Link{{Type: graph.RelIn, To: "country:PL"}}, Source: "test:2"},
			{Node: &graph.Document{Meta: meta("document:formula"), Title: formulaTitle, Type: "report", Lang: "fr",
				Summary: "Un rapport.", Date: &docDate, URL: "https://docs.example.org/report.pdf"},
				Links: []graph.Link{{Type: graph.RelIn, To: "country:FR"}, {Type: graph.RelPublishedBy, To: "organisation:ville-lyon"}}, Source: "test:3"},
		}
		closed := graph.Date{Year: 2025, Month: 1, Day: 31}
		extra = append(extra, graph.Record{Node: &graph.Funding{Meta: meta("funding:closed-2025"), Title: "Foundation grant 2025",
			Lang: "de", FunderKind: graph.FunderFoundation, Deadline: &closed, Amount: 50000}, Source: "test:4"})
		if err := d.Load(fixture, ingest.Records{Label: "eu-law", Recs: acts}, ingest.Records{Label: "extra", Recs: extra}); err != nil {
			return err
		}
		_, err = d.Store.WriteObservations(context.Background(), []graph.Observation{
			{Indicator: "indicator:employment-rate", Country: "FR", Year: 2023, Value: 61.5, Source: "Eurostat", Dataset: "lfsa_ergacob"}})
		return err
	})
}

// server serves the package's routes and the descriptions of pages at
// /describe/{page} (as the site's hook calls them), over a real listener.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for p, h := range linkeddata.Routes(db.Store, linkeddata.Options{}, nil) {
		mux.Handle(p, h)
	}
	d := &linkeddata.Describer{Store: db.Store}
	mux.HandleFunc("GET /describe/{page}", func(w http.ResponseWriter, r *http.Request) {
		b, err := d.Describe(r, "/"+r.PathValue("page"), r.URL.Query().Get("lang"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = w.Write(b)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// flatten runs a JSON-LD document through json-gold (an independent
// processor): expanded and flattened, every node object at the top, its
// properties as full IRIs.
func flatten(t *testing.T, raw []byte) []map[string]any {
	t.Helper()
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, raw)
	}
	proc := ld.NewJsonLdProcessor()
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = noRemote{}
	flat, err := proc.Flatten(doc, nil, opts)
	if err != nil {
		t.Fatalf("json-gold: %v\n%s", err, raw)
	}
	list, ok := flat.([]any)
	if !ok {
		t.Fatalf("flattened is %T", flat)
	}
	var out []map[string]any
	for _, x := range list {
		out = append(out, x.(map[string]any))
	}
	return out
}

// noRemote refuses to load remote contexts: the documents must stand alone.
type noRemote struct{}

func (noRemote) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("remote document %s asked for", u)
}

// ofType returns the node objects of type iri.
func ofType(nodes []map[string]any, iri string) []map[string]any {
	var out []map[string]any
	for _, n := range nodes {
		ts, _ := n["@type"].([]any)
		for _, x := range ts {
			if x == iri {
				out = append(out, n)
			}
		}
	}
	return out
}

// vals returns the values (@value or @id) of property iri of n.
func vals(n map[string]any, iri string) []string {
	var out []string
	list, _ := n[iri].([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		if v, ok := m["@value"]; ok {
			out = append(out, fmt.Sprint(v))
		} else if v, ok := m["@id"]; ok {
			out = append(out, fmt.Sprint(v))
		}
	}
	return out
}

// byID returns the node object with @id id.
func byID(nodes []map[string]any, id string) map[string]any {
	for _, n := range nodes {
		if n["@id"] == id {
			return n
		}
	}
	return nil
}
