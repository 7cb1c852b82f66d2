package linkeddata_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/linkeddata"
)

// readCSV fetches u and parses it as CSV (after the byte order mark), by header.
func readCSV(t *testing.T, u string) (*http.Response, []string, []map[string]string) {
	t.Helper()
	res, b := get(t, u)
	if res.StatusCode != 200 {
		t.Fatalf("%s: status %d: %s", u, res.StatusCode, b)
	}
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s: no UTF-8 byte order mark", u)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: not CSV: %v\n%s", u, err, b)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return res, recs[0], rows
}

func ids(rows []map[string]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r["id"])
	}
	return out
}

// listIDs are the ids the store's list (behind the GraphQL lists) gives.
func listIDs(t *testing.T, k graph.Kind, f graph.Filter, o graph.Order) ([]string, int) {
	t.Helper()
	if err := f.Normalize("filter"); err != nil {
		t.Fatal(err)
	}
	nodes, total, err := db.Store.List(context.Background(), k, f, o, graph.Window{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range nodes {
		out = append(out, n.NodeID())
	}
	return out, total
}

// TestCSVEqualsTheList: each export read back equals the store's list with the
// same filter, in the same order, with the count in X-Total-Count; a filter
// narrows it.
func TestCSVEqualsTheList(t *testing.T) {
	srv := server(t)
	byDate := graph.Order{Field: "date", Desc: true}
	tests := []struct {
		name, query string
		kind        graph.Kind
		filter      graph.Filter
		order       graph.Order
	}{
		{"documents", "", graph.KindDocument, graph.Filter{}, byDate},
		{"documents", "countries=FR", graph.KindDocument, graph.Filter{Countries: []string{"FR"}}, byDate},
		{"documents", "country=fr&sort=title", graph.KindDocument, graph.Filter{Countries: []string{"FR"}}, graph.Order{Field: "title"}},
		{"documents", "types=legislation&from=2004-01-01&to=2020-12-31", graph.KindDocument,
			graph.Filter{Types: []string{"legislation"}, From: &graph.Date{Year: 2004, Month: 1, Day: 1}, To: &graph.Date{Year: 2020, Month: 12, Day: 31}}, byDate},
		{"documents", "year=2003", graph.KindDocument, graph.Filter{From: &graph.Date{Year: 2003, Month: 1, Day: 1}, To: &graph.Date{Year: 2003, Month: 12, Day: 31}}, byDate},
		{"documents", "query=family+reunification", graph.KindDocument, graph.Filter{Query: "family reunification"}, byDate},
		{"organisations", "", graph.KindOrganisation, graph.Filter{}, graph.Order{Field: "title"}},
		{"organisations", "themes=education-culture&langs=de", graph.KindOrganisation,
			graph.Filter{Themes: []string{"education-culture"}, Langs: []string{"de"}}, graph.Order{Field: "title"}},
		{"practices", "theme=education-culture", graph.KindPractice, graph.Filter{Themes: []string{"education-culture"}}, graph.Order{Field: "title"}},
		{"events", "month=2027-03", graph.KindEvent, graph.Filter{From: &graph.Date{Year: 2027, Month: 3, Day: 1}, To: &graph.Date{Year: 2027, Month: 3, Day: 31}}, graph.Order{Field: "date"}},
		{"news", "demo=false", graph.KindNews, graph.Filter{Demo: new(bool)}, byDate},
		{"authorities", "countries=FR", graph.KindLocalAuthority, graph.Filter{Countries: []string{"FR"}}, graph.Order{Field: "title"}},
	}
	all, _ := listIDs(t, graph.KindDocument, graph.Filter{}, byDate)
	for _, tc := range tests {
		t.Run(tc.name+"?"+tc.query, func(t *testing.T) {
			res, head, rows := readCSV(t, srv.URL+"/export/"+tc.name+".csv?"+tc.query)
			want, total := listIDs(t, tc.kind, tc.filter, tc.order)
			if len(want) == 0 {
				t.Fatalf("the list is empty: nothing to compare")
			}
			if got := ids(rows); !slices.Equal(got, want) {
				t.Errorf("ids\n got %v\nwant %v", got, want)
			}
			if n, _ := strconv.Atoi(res.Header.Get("X-Total-Count")); n != total {
				t.Errorf("X-Total-Count %q, want %d", res.Header.Get("X-Total-Count"), total)
			}
			if head[0] != "id" || head[len(head)-1] != "page" {
				t.Errorf("header %v", head)
			}
			cd := res.Header.Get("Content-Disposition")
			if !regexp.MustCompile(`^attachment; filename="ewsi-` + tc.name + `-\d{4}-\d{2}-\d{2}\.csv"$`).MatchString(cd) {
				t.Errorf("Content-Disposition %q", cd)
			}
			if tc.kind == graph.KindDocument && tc.query != "" && len(rows) >= len(all) {
				t.Errorf("the filter %s did not narrow: %d of %d", tc.query, len(rows), len(all))
			}
		})
	}
}

// TestCSVFunding: the funding export lists the calls as the funding page does:
// open ones by deadline, closed=1 adds the closed ones, kind narrows.
func TestCSVFunding(t *testing.T) {
	srv := server(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"funding:amif-2026"}},
		{"closed=1", []string{"funding:amif-2026", "funding:closed-2025"}},
		{"closed=1&kind=private_foundation", []string{"funding:closed-2025"}},
		{"kind=eu&countries=FR", []string{"funding:amif-2026"}},
	}
	for _, tc := range tests {
		res, _, rows := readCSV(t, srv.URL+"/export/funding.csv?"+tc.query)
		if got := ids(rows); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
		if res.Header.Get("X-Total-Count") != strconv.Itoa(len(tc.want)) {
			t.Errorf("%s: X-Total-Count %s", tc.query, res.Header.Get("X-Total-Count"))
		}
		for _, r := range rows {
			if r["id"] == "funding:closed-2025" && (r["amount"] != "50000" || r["deadline"] != "2025-01-31" || r["funder_kind"] != "private_foundation") {
				t.Errorf("row %v", r)
			}
		}
	}
	if res, b := get(t, srv.URL+"/export/funding.csv?kind=bank"); res.StatusCode != 400 || !strings.Contains(string(b), "kind") {
		t.Errorf("kind=bank: %d %s", res.StatusCode, b)
	}
}

// TestCSVLibraryScope: the library's scope (EU or countries) narrows the
// documents as the library's own list does.
func TestCSVLibraryScope(t *testing.T) {
	srv := server(t)
	lib := func(f graph.LibraryFilter) []string {
		if err := f.Normalize("filter"); err != nil {
			t.Fatal(err)
		}
		nodes, _, _, err := db.Store.LibraryDocuments(context.Background(), f, graph.Order{Field: "date", Desc: true}, graph.Window{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, n := range nodes {
			out = append(out, n.NodeID())
		}
		return out
	}
	eu := lib(graph.LibraryFilter{Filter: graph.Filter{Types: []string{"legislation"}}, EU: true})
	fr := lib(graph.LibraryFilter{Filter: graph.Filter{Countries: []string{"FR"}}})
	all, _ := listIDs(t, graph.KindDocument, graph.Filter{}, graph.Order{Field: "date", Desc: true})
	if len(eu) == 0 || len(eu) >= len(all) || !slices.Contains(fr, "document:formula") || slices.Contains(eu, "document:formula") {
		t.Fatalf("fixture: eu %v, fr %v", eu, fr)
	}
	for query, want := range map[string][]string{"scope=EU&type=legislation": eu, "scope=fr": fr} {
		if _, _, rows := readCSV(t, srv.URL+"/export/documents.csv?"+query); !slices.Equal(ids(rows), want) {
			t.Errorf("%s: %v, want %v", query, ids(rows), want)
		}
	}
	if res, b := get(t, srv.URL+"/export/documents.csv?scope=Europe"); res.StatusCode != 400 || !strings.Contains(string(b), "scope") {
		t.Errorf("scope=Europe: %d %s", res.StatusCode, b)
	}
}

// TestCSVGuardsFormulas: a title that a spreadsheet would run as a formula
// comes out with a leading quote; the rest of its row is intact.
func TestCSVGuardsFormulas(t *testing.T) {
	srv := server(t)
	_, _, rows := readCSV(t, srv.URL+"/export/documents.csv?countries=FR")
	for _, r := range rows {
		if r["id"] == "document:formula" {
			if r["title"] != "'"+formulaTitle {
				t.Errorf("title %q, want it guarded", r["title"])
			}
			if r["publisher"] != "Mission intégration Lyon" || r["countries"] != "FR" || r["date"] != "2025-01-02" {
				t.Errorf("row %v", r)
			}
			return
		}
	}
	t.Fatalf("document:formula not in %v", ids(rows))
}

// TestCSVNoPrivateDetails: no export carries a person's email.
func TestCSVNoPrivateDetails(t *testing.T) {
	srv := server(t)
	for _, k := range []string{"organisations", "practices", "authorities", "documents"} {
		_, b := get(t, srv.URL+"/export/"+k+".csv")
		if strings.Contains(string(b), "anna@example.org") || strings.Contains(string(b), "hidden@example.org") {
			t.Errorf("%s: an email in the export", k)
		}
	}
}

// TestCSVBounded: past MaxRows a file ends and a Link header names the next
// one; following the links gives the whole list once.
func TestCSVBounded(t *testing.T) {
	e := linkeddata.NewExporter(db.Store, linkeddata.Options{})
	e.MaxRows = 3
	mux := http.NewServeMux()
	mux.Handle("GET /export/{file}", e)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	want, total := listIDs(t, graph.KindDocument, graph.Filter{}, graph.Order{Field: "date", Desc: true})
	if total <= 6 {
		t.Fatalf("only %d documents: the test needs more than two files", total)
	}
	var got []string
	u, files := srv.URL+"/export/documents.csv", 0
	linkRE := regexp.MustCompile(`^<([^>]+)>; rel="next"$`)
	for u != "" && files < 20 {
		res, _, rows := readCSV(t, u)
		files++
		if len(rows) > 3 {
			t.Errorf("%s: %d rows, more than 3", u, len(rows))
		}
		got = append(got, ids(rows)...)
		u = ""
		if m := linkRE.FindStringSubmatch(res.Header.Get("Link")); m != nil {
			u = m[1]
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d files gave\n%v\nwant\n%v", files, got, want)
	}
	if wantFiles := (total + 2) / 3; files != wantFiles {
		t.Errorf("%d files, want %d", files, wantFiles)
	}
}

// TestCSVBadRequests: bad parameters are refused with a message naming them.
func TestCSVBadRequests(t *testing.T) {
	srv := server(t)
	tests := []struct{ path, status, names string }{
		{"/export/documents.csv?from=yesterday", "400", "from"},
		{"/export/documents.csv?countries=France", "400", "countries"},
		{"/export/documents.csv?langs=xx", "400", "langs"},
		{"/export/documents.csv?demo=maybe", "400", "demo"},
		{"/export/documents.csv?sort=size", "400", "sort"},
		{"/export/documents.csv?offset=-1", "400", "offset"},
		{"/export/documents.csv?from=2020-01-01&to=2019-01-01", "400", "to"},
		{"/export/people.csv", "404", "people.csv"},
		{"/export/documents.json", "404", "documents.json"},
	}
	for _, tc := range tests {
		res, b := get(t, srv.URL+tc.path)
		if strconv.Itoa(res.StatusCode) != tc.status || !strings.Contains(string(b), tc.names) {
			t.Errorf("%s: %d %q, want %s naming %s", tc.path, res.StatusCode, b, tc.status, tc.names)
		}
	}
}
