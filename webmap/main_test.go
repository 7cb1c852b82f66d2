package webmap_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/feeds"
	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/ingest"
	"ewsi/ingest/reference"
	"ewsi/linkeddata"
	"ewsi/search"
	"ewsi/server"
	"ewsi/webmap"
	"ewsi/webmap/site"
)

var (
	db      *neo4jtest.DB
	baseURL string         // the real server, http://127.0.0.1:port
	layers  *webmap.Layers // the server's cluster cache
)

// editorToken is the editors' bearer token of the test server; the browser tests
// get it as EWSI_EDITOR_TOKEN.
const editorToken = "browser-test-editor-token"

// TestMain starts a real Neo4j, loads the reference data, the map fixture, the
// app pages' fixture and a few hundred generated practices, and serves the whole
// server on a free port with editing switched on.
func TestMain(m *testing.M) {
	neo4jtest.Main(m, &db, func(d *neo4jtest.DB) error {
		root, _ := neo4jtest.RepoRoot()
		fixture, err := ingest.Open(filepath.Join("testdata", "map.jsonl"))
		if err != nil {
			return err
		}
		app, err := ingest.Open(filepath.Join("testdata", "app.jsonl"))
		if err != nil {
			return err
		}
		pagesFixture, err := ingest.Open(filepath.Join("testdata", "pages.jsonl"))
		if err != nil {
			return err
		}
		lib, err := reference.Library()
		if err != nil {
			return err
		}
		calendar, err := ingest.Open(filepath.Join("testdata", "calendar.jsonl"))
		if err != nil {
			return err
		}
		if err := d.Load(fixture, app, pagesFixture, calendar, ingest.Records{Label: "scattered", Recs: scattered(400, 1)},
			ingest.Records{Label: "library", Recs: lib.Records}); err != nil {
			return err
		}
		if err := loadCalendarDemo(d); err != nil { // the demo country sheets and the sample indicator tables
			return err
		}
		if _, err := reference.LinkDossiers(context.Background(), d.Store, lib.Links); err != nil {
			return err
		}
		var logw io.Writer = io.Discard
		if os.Getenv("EWSI_TEST_LOG") != "" {
			logw = os.Stderr
		}
		log := slog.New(slog.NewTextHandler(logw, nil))
		layers = webmap.NewLayers(d.Store)
		if layers.Options.Places, err = webmap.LoadGazetteer(filepath.Join(root, "build", "reference")); err != nil {
			return err
		}
		extra := webmap.Routes(layers, webmap.RouteOptions{})
		extra["GET /test-maplibre/{file}"] = maplibreFiles(root)
		box, mailer, err := testMailer(context.Background(), d.Store, log)
		if err != nil {
			return err
		}
		extra["GET /test-mail"] = mailBox(box)
		accounts, err := newAccounts(d.Store, mailer, log)
		if err != nil {
			return err
		}
		describer := &linkeddata.Describer{Store: d.Store}
		pages, err := site.New(site.Config{WebDir: filepath.Join(root, "build", "web"), Demo: true, Describe: describer.Describe, Log: log})
		if err != nil {
			return err
		}
		maps.Copy(extra, pages.Handlers())
		maps.Copy(extra, linkeddata.Routes(d.Store, linkeddata.Options{}, log))
		fd, err := feeds.New(feeds.Config{Log: log}, d.Store)
		if err != nil {
			return err
		}
		maps.Copy(extra, fd.Routes())
		if err := contributionAccounts(d.Store); err != nil {
			return err
		}
		// the search index, built before the first page asks (as the app warms it)
		engine := search.New(d.Store)
		if _, err := engine.Cache.Fresh(context.Background()); err != nil {
			return err
		}
		srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: filepath.Join(root, "build", "web"),
			Extra: extra, NotFound: http.HandlerFunc(pages.NotFound), EditorToken: editorToken, Accounts: accounts, Notifier: mailer, Map: layers, Partners: d.Ranker,
			Search: engine, Edge: server.Edge{RateLimit: server.RateLimit{Off: true}}}, d.Store, log)
		if err := srv.Listen(); err != nil {
			return err
		}
		go func() { _ = srv.Serve() }()
		if err := layers.Warm(context.Background()); err != nil {
			return err
		}
		baseURL = "http://" + srv.Addr()
		return nil
	})
}

// scattered makes n demo practices around European cities, with varied themes,
// principles, countries and start dates, each implemented by a generated authority
// every tenth one.
var cities = []struct {
	iso  string
	p    orb.Point
	lang string
}{
	{"FR", orb.Point{2.3522, 48.8566}, "fr"}, {"DE", orb.Point{11.582, 48.1351}, "de"}, {"IT", orb.Point{12.4964, 41.9028}, "it"},
	{"ES", orb.Point{-3.7038, 40.4168}, "es"}, {"PL", orb.Point{21.0122, 52.2297}, "pl"}, {"NL", orb.Point{4.9041, 52.3676}, "nl"},
	{"PT", orb.Point{-9.1393, 38.7223}, "pt"}, {"GR", orb.Point{23.7275, 37.9838}, "el"}, {"SE", orb.Point{18.0686, 59.3293}, "sv"},
}

var themeSlugs = []string{"active-citizenship", "economic-participation", "social-cohesion", "education-culture", "anti-discrimination-equality", "tools-techniques"}

func scattered(n int, seed uint64) []graph.Record {
	r := rand.New(rand.NewPCG(seed, 2))
	var out []graph.Record
	for i := 0; i < n; i++ {
		c := cities[r.IntN(len(cities))]
		loc := orb.Point{c.p[0] + r.NormFloat64()*0.8, c.p[1] + r.NormFloat64()*0.5}
		start, _ := graph.ParseDate(fmt.Sprintf("%d-%02d-01", 2010+r.IntN(15), 1+r.IntN(12)))
		p := &graph.Practice{Meta: graph.Meta{ID: fmt.Sprintf("practice:gen-%04d", i), Status: graph.StatusPublished, Demo: true},
			Title: fmt.Sprintf("Generated practice %d", i), Lang: graph.Lang(c.lang), Summary: "Generated for the map tests.",
			StartDate: &start, Location: &loc}
		links := []graph.Link{{Type: graph.RelIn, To: "country:" + c.iso},
			{Type: graph.RelAbout, To: "theme:" + themeSlugs[r.IntN(len(themeSlugs))]},
			{Type: graph.RelApplies, To: graph.PrincipleID(1 + r.IntN(11))}}
		if i%10 == 0 {
			aloc := orb.Point{loc[0] + 0.01, loc[1]}
			a := &graph.LocalAuthority{Meta: graph.Meta{ID: fmt.Sprintf("authority:gen-%04d", i), Status: graph.StatusPublished, Demo: true},
				Name: fmt.Sprintf("Generated town %d", i), Level: "local", Location: &aloc, Lang: graph.Lang(c.lang)}
			out = append(out, graph.Record{Node: a, Links: []graph.Link{{Type: graph.RelIn, To: "country:" + c.iso}}, Source: "gen"})
			links = append(links, graph.Link{Type: graph.RelImplements, To: a.ID, Incoming: true})
		}
		out = append(out, graph.Record{Node: p, Links: links, Source: fmt.Sprintf("gen:%d", i)})
	}
	return out
}

// gql posts a GraphQL query to the real server.
func gql(t *testing.T, query string, vars map[string]any) (map[string]any, []map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(baseURL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any   `json:"data"`
		Errors []map[string]any `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decoding (status %d): %v", resp.StatusCode, err)
	}
	return out.Data, out.Errors
}

// count runs a Cypher count through the store's test hook.
func count(t *testing.T, cypher string, params map[string]any) int {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	return int(rows[0]["c"].(int64))
}

// maplibreFiles serves, for the browser test of the vector tiles only, the test
// page of webmap/test/maplibre and MapLibre GL JS from node_modules (a
// devDependency: the app itself does not use it).
func maplibreFiles(root string) http.Handler {
	files := map[string]string{
		"page.html": filepath.Join(root, "webmap", "test", "maplibre", "page.html"),
		"page.js":   filepath.Join(root, "webmap", "test", "maplibre", "page.js"),
		"page.css":  filepath.Join(root, "webmap", "test", "maplibre", "page.css"),
	}
	for _, f := range []string{"maplibre-gl-csp.js", "maplibre-gl-csp-worker.js", "maplibre-gl.css"} {
		files[f] = filepath.Join(root, "node_modules", "maplibre-gl", "dist", f)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, ok := files[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, path)
	})
}
