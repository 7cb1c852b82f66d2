package site_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"ewsi/webmap/site"
)

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		name, query, cookie, accept string
		want                        string
		fromQuery                   bool
	}{
		{"nothing", "", "", "", "en", false},
		{"query", "lang=fr", "", "", "fr", true},
		{"query beats cookie and header", "lang=de", "fr", "fr-FR,fr;q=0.9", "de", true},
		{"unknown query falls to cookie", "lang=xx", "de", "fr", "de", false},
		{"cookie beats header", "", "de", "fr-FR,fr;q=0.9", "de", false},
		{"unknown cookie falls to header", "", "it", "fr-BE", "fr", false},
		{"header region", "", "", "de-AT,de;q=0.9,en;q=0.5", "de", false},
		{"header order by q", "", "", "en;q=0.3,fr;q=0.8", "fr", false},
		{"header unsupported then supported", "", "", "pl-PL,pl;q=0.9,de;q=0.7", "de", false},
		{"header unsupported only", "", "", "it-IT,it;q=0.9", "en", false},
		{"header garbage", "", "", ";;;q=x", "en", false},
		{"upper-case query is not a language", "lang=FR", "", "de", "de", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/about?"+tc.query, nil)
			if tc.cookie != "" {
				r.AddCookie(&http.Cookie{Name: site.LangCookie, Value: tc.cookie})
			}
			if tc.accept != "" {
				r.Header.Set("Accept-Language", tc.accept)
			}
			got, fromQuery := site.Negotiate(r)
			if got != tc.want || fromQuery != tc.fromQuery {
				t.Fatalf("Negotiate = %s, %v; want %s, %v", got, fromQuery, tc.want, tc.fromQuery)
			}
		})
	}
}
