package linkeddata_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/linkeddata"
)

const (
	dcat  = "http://www.w3.org/ns/dcat#"
	dct   = "http://purl.org/dc/terms/"
	foaf  = "http://xmlns.com/foaf/0.1/"
	hydra = "http://www.w3.org/ns/hydra/core#"
)

// TestCatalogDCAT reads the catalogue through json-gold: a dcat:Catalog whose
// datasets are the library's documents with DCAT-AP's fields in EU vocabularies.
func TestCatalogDCAT(t *testing.T) {
	srv := server(t)
	res, raw := get(t, srv.URL+"/catalog.jsonld")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/ld+json") {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	nodes := flatten(t, raw)
	cats := ofType(nodes, dcat+"Catalog")
	if len(cats) != 1 {
		t.Fatalf("%d catalogues", len(cats))
	}
	cat := cats[0]
	want, total := listIDs(t, graph.KindDocument, graph.Filter{}, graph.Order{Field: "date", Desc: true})
	if total > linkeddata.CatalogPageSize {
		t.Fatalf("%d documents: more than a page", total)
	}
	datasets := vals(cat, dcat+"dataset")
	if len(datasets) != len(want) {
		t.Fatalf("%d datasets, want %d", len(datasets), len(want))
	}
	if pub := byID(nodes, vals(cat, dct+"publisher")[0]); len(vals(pub, foaf+"name")) != 1 {
		t.Errorf("catalogue publisher %v", pub)
	}
	for i, id := range want {
		if datasets[i] != srv.URL+"/node?id="+strings.ReplaceAll(id, ":", "%3A") {
			t.Errorf("dataset %d is %s, want %s's page", i, datasets[i], id)
		}
	}
	act := byID(nodes, srv.URL+"/node?id=document%3Acelex-32003L0086")
	if act == nil || !slices.Contains(toStrings(act["@type"]), dcat+"Dataset") {
		t.Fatalf("the family reunification directive is no dcat:Dataset: %v", act)
	}
	titles, _ := act[dct+"title"].([]any)
	langs := map[string]bool{}
	for _, x := range titles {
		langs[x.(map[string]any)["@language"].(string)] = true
	}
	if !langs["en"] || !langs["fr"] || !langs["de"] {
		t.Errorf("titles in %v, want en, fr and de", langs)
	}
	checks := map[string]string{
		dct + "language":   "http://publications.europa.eu/resource/authority/language/ENG",
		dct + "issued":     "2003-09-22",
		dct + "identifier": "32003L0086",
		dcat + "theme":     "http://publications.europa.eu/resource/authority/data-theme/SOCI",
	}
	for p, w := range checks {
		if got := vals(act, p); !slices.Contains(got, w) {
			t.Errorf("%s = %v, want %s", p, got, w)
		}
	}
	if issued := act[dct+"issued"].([]any)[0].(map[string]any)["@type"]; issued != "http://www.w3.org/2001/XMLSchema#date" {
		t.Errorf("dct:issued typed %v", issued)
	}
	if len(vals(act, dct+"description")) == 0 {
		t.Errorf("no dct:description")
	}
	pub := byID(nodes, vals(act, dct+"publisher")[0])
	if got := vals(pub, foaf+"name"); !slices.Equal(got, []string{"Council of the European Union"}) {
		t.Errorf("publisher %v", got)
	}
	dist := byID(nodes, vals(act, dcat+"distribution")[0])
	if got := vals(dist, dcat+"accessURL"); !slices.Equal(got, []string{"http://data.europa.eu/eli/dir/2003/86/oj"}) {
		t.Errorf("accessURL %v", got)
	}
	// a PDF is downloadable, in the file-type vocabulary
	report := byID(nodes, srv.URL+"/node?id=document%3Aformula")
	rd := byID(nodes, vals(report, dcat+"distribution")[0])
	if got := vals(rd, dcat+"downloadURL"); !slices.Equal(got, []string{"https://docs.example.org/report.pdf"}) {
		t.Errorf("downloadURL %v", got)
	}
	if got := vals(rd, dct+"format"); !slices.Equal(got, []string{"http://publications.europa.eu/resource/authority/file-type/PDF"}) {
		t.Errorf("format %v", got)
	}
	if got := vals(report, dct+"language"); !slices.Equal(got, []string{"http://publications.europa.eu/resource/authority/language/FRA"}) {
		t.Errorf("language %v", got)
	}
	if got := vals(report, dct+"spatial"); !slices.Equal(got, []string{"http://publications.europa.eu/resource/authority/country/FRA"}) {
		t.Errorf("spatial %v", got)
	}
}

func toStrings(x any) []string {
	var out []string
	for _, v := range x.([]any) {
		out = append(out, v.(string))
	}
	return out
}

// TestCatalogPages: hydra:next links walk the pages, which together hold each
// document once; a page past the last is not found.
func TestCatalogPages(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /catalog.jsonld", &linkeddata.Catalog{Store: db.Store, PageSize: 8})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	want, total := listIDs(t, graph.KindDocument, graph.Filter{}, graph.Order{Field: "date", Desc: true})
	var got []string
	u, pages := srv.URL+"/catalog.jsonld", 0
	for u != "" && pages < 20 {
		_, raw := get(t, u)
		pages++
		nodes := flatten(t, raw)
		cat := ofType(nodes, dcat+"Catalog")[0]
		if n := vals(cat, hydra+"totalItems"); !slices.Equal(n, []string{itoa(total)}) {
			t.Errorf("totalItems %v, want %d", n, total)
		}
		for _, d := range vals(cat, dcat+"dataset") {
			got = append(got, strings.ReplaceAll(strings.TrimPrefix(d, srv.URL+"/node?id="), "%3A", ":"))
		}
		view := ofType(nodes, hydra+"PartialCollectionView")[0]
		u = ""
		if next := vals(view, hydra+"next"); len(next) == 1 {
			u = next[0]
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d pages gave %v, want %v", pages, got, want)
	}
	if wantPages := (total + 7) / 8; pages != wantPages || pages < 2 {
		t.Errorf("%d pages, want %d (more than one)", pages, wantPages)
	}
	if res, _ := get(t, srv.URL+"/catalog.jsonld?page=99"); res.StatusCode != 404 {
		t.Errorf("page 99: %d", res.StatusCode)
	}
	if res, b := get(t, srv.URL+"/catalog.jsonld?page=x"); res.StatusCode != 400 || !strings.Contains(string(b), "page") {
		t.Errorf("page x: %d %s", res.StatusCode, b)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
