package linkeddata_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

const schema = "https://schema.org/"

func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// TestDescribeNodes reads each kind's description back through json-gold and
// checks its schema.org type and the fields that carry the node's data.
func TestDescribeNodes(t *testing.T) {
	srv := server(t)
	page := func(id string) string { return srv.URL + "/node?id=" + url.QueryEscape(id) }
	tests := []struct {
		id, typ string
		want    map[string]string // property (schema.org name) -> a value it must have
	}{
		{"event:lyon-forum", "Event", map[string]string{"name": "Forum de l'intégration", "startDate": "2027-03-10",
			"endDate": "2027-03-12", "inLanguage": "fr", "url": page("event:lyon-forum"),
			"eventAttendanceMode": schema + "OfflineEventAttendanceMode"}},
		{"news:script", "NewsArticle", map[string]string{"headline": scriptTitle, "datePublished": "2026-05-04", "inLanguage": "en"}},
		{"document:celex-32003L0086", "Legislation", map[string]string{"legislationIdentifier": "32003L0086",
			"sameAs": "http://data.europa.eu/eli/dir/2003/86/oj", "datePublished": "2003-09-22"}},
		{"document:agenda-2011", "CreativeWork", map[string]string{"datePublished": "2011-07-20", "inLanguage": "en"}},
		{"practice:mentoring", "CreativeWork", map[string]string{"name": "Mentoring w Krakowie", "inLanguage": "pl",
			"temporalCoverage": "2019-03-01/2022-12-31"}},
		{"organisation:caritas-krakow", "Organization", map[string]string{"name": "Caritas Kraków", "knowsLanguage": "pl"}},
		{"authority:lyon", "GovernmentOrganization", map[string]string{"name": "Lyon", "sameAs": "https://lyon.example.org"}},
		{"funding:amif-2026", "MonetaryGrant", map[string]string{"name": "AMIF call for local integration"}},
		{"person:anna", "Person", map[string]string{"name": "Anna Nowak"}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			res, raw := get(t, srv.URL+"/describe/node?id="+url.QueryEscape(tc.id))
			if res.StatusCode != 200 || len(raw) == 0 {
				t.Fatalf("status %d, %q", res.StatusCode, raw)
			}
			nodes := flatten(t, raw)
			n := byID(nodes, page(tc.id))
			if n == nil {
				t.Fatalf("no node %s in %s", page(tc.id), raw)
			}
			if ts := vals(map[string]any{"t": toIDs(n["@type"])}, "t"); !slices.Contains(ts, schema+tc.typ) {
				t.Errorf("@type %v, want %s", n["@type"], schema+tc.typ)
			}
			for prop, want := range tc.want {
				if got := vals(n, schema+prop); !slices.Contains(got, want) {
					t.Errorf("%s = %q, want %q among them", prop, got, want)
				}
			}
		})
	}
}

// toIDs turns a list of types into @id objects, for vals.
func toIDs(x any) []any {
	var out []any
	for _, t := range x.([]any) {
		out = append(out, map[string]any{"@id": t})
	}
	return out
}

// TestDescribeEventPlace checks the event's location: a Place with its point.
func TestDescribeEventPlace(t *testing.T) {
	srv := server(t)
	_, raw := get(t, srv.URL+"/describe/node?id=event:lyon-forum")
	nodes := flatten(t, raw)
	ev := byID(nodes, srv.URL+"/node?id=event%3Alyon-forum")
	loc := vals(ev, schema+"location")
	if len(loc) != 1 {
		t.Fatalf("location %v", loc)
	}
	place := byID(nodes, loc[0])
	geo := byID(nodes, vals(place, schema+"geo")[0])
	if lat := vals(geo, schema+"latitude"); len(lat) != 1 || !strings.HasPrefix(lat[0], "45.76") {
		t.Errorf("latitude %v, want 45.764", lat)
	}
	if got := vals(place, schema+"name"); !slices.Equal(got, []string{"Lyon"}) {
		t.Errorf("place name %v", got)
	}
}

// TestDescribeEscapesScriptEnd: a title holding "</script>" stays inside the
// JSON (its < and > are escaped) and reads back whole.
func TestDescribeEscapesScriptEnd(t *testing.T) {
	srv := server(t)
	_, raw := get(t, srv.URL+"/describe/node?id=news:script")
	if strings.Contains(strings.ToLower(string(raw)), "</script") || strings.Contains(string(raw), "<script") {
		t.Fatalf("the description carries a raw script tag: %s", raw)
	}
	if !strings.Contains(string(raw), `\u003c/script\u003e`) {
		t.Errorf("no escaped end tag in %s", raw)
	}
}

// TestDescribePrivatePerson: a person who does not share their details has no
// description at all, and no description ever carries an email.
func TestDescribePrivatePerson(t *testing.T) {
	srv := server(t)
	for _, id := range []string{"person:hidden", "person:anna", "organisation:caritas-krakow"} {
		_, raw := get(t, srv.URL+"/describe/node?id="+id)
		if strings.Contains(string(raw), "@example.org") && !strings.Contains(string(raw), "lyon.example.org") {
			t.Errorf("%s: an email in %s", id, raw)
		}
		if id == "person:hidden" && len(raw) != 0 {
			t.Errorf("private person described: %s", raw)
		}
	}
}

// TestDescribeNothing: unknown ids, kinds without a page and other pages give
// no description.
func TestDescribeNothing(t *testing.T) {
	srv := server(t)
	for _, p := range []string{"node?id=practice:nope", "node?id=theme:social-cohesion", "node?id=", "node?id=%3Cx%3E",
		"about", "country?code=ZZ", "country?code=%3Cscript%3E"} {
		if _, raw := get(t, srv.URL+"/describe/"+p); len(raw) != 0 {
			t.Errorf("%s: %s", p, raw)
		}
	}
}

// TestDescribeCountry: the country page names the country and each indicator
// observed there as a Dataset based on its Eurostat table.
func TestDescribeCountry(t *testing.T) {
	srv := server(t)
	_, raw := get(t, srv.URL+"/describe/country?code=fr&lang=fr")
	nodes := flatten(t, raw)
	c := byID(nodes, srv.URL+"/country?code=FR#country")
	if c == nil || !slices.Contains(vals(c, schema+"name"), "France") {
		t.Fatalf("no country France in %s", raw)
	}
	ds := ofType(nodes, schema+"Dataset")
	var emp map[string]any
	for _, d := range ds {
		if slices.Contains(vals(d, schema+"identifier"), "indicator:employment-rate") {
			emp = d
		}
	}
	if emp == nil {
		t.Fatalf("no employment Dataset among %d in %s", len(ds), raw)
	}
	if got := vals(emp, schema+"name"); !slices.Contains(got, "Taux d'emploi") {
		t.Errorf("name %v, want the French name", got)
	}
	if got := vals(emp, schema+"temporalCoverage"); !slices.Equal(got, []string{"2023"}) {
		t.Errorf("temporalCoverage %v", got)
	}
	src := byID(nodes, vals(emp, schema+"isBasedOn")[0])
	if got := vals(src, schema+"url"); len(got) != 1 || !strings.Contains(got[0], "/eurostat/databrowser/view/lfsa_ergacob/") {
		t.Errorf("source url %v", got)
	}
	creator := byID(nodes, vals(emp, schema+"creator")[0])
	if got := vals(creator, schema+"name"); !slices.Equal(got, []string{"Eurostat"}) {
		t.Errorf("creator %v", got)
	}
}
