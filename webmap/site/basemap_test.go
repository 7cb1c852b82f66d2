package site_test

import (
	"strings"
	"testing"

	"ewsi/webmap/site"
)

func TestParseBasemap(t *testing.T) {
	for _, tc := range []struct {
		name, value, attribution string
		want                     site.Basemap
		origin                   string
		err                      string // in the error; "" for none
	}{
		{"default offline", "", "", site.Basemap{Type: "offline"}, "", ""},
		{"offline by name", "offline", "", site.Basemap{Type: "offline"}, "", ""},
		{"xyz", "https://tiles.example.org/{z}/{x}/{y}.png", "© Example", site.Basemap{Type: "xyz", URL: "https://tiles.example.org/{z}/{x}/{y}.png", Attribution: "© Example"}, "https://tiles.example.org", ""},
		{"xyz with subdomains", "https://{s}.tiles.example.org:8443/{z}/{x}/{y}{r}.png", "© Example", site.Basemap{Type: "xyz", URL: "https://{s}.tiles.example.org:8443/{z}/{x}/{y}{r}.png", Attribution: "© Example"}, "https://*.tiles.example.org:8443", ""},
		{"style", "https://maps.example.org/styles/base.json", "© Example", site.Basemap{Type: "style", URL: "https://maps.example.org/styles/base.json", Attribution: "© Example"}, "https://maps.example.org", ""},
		{"not a URL", "tiles/{z}/{x}/{y}.png", "© Example", site.Basemap{}, "", "EWSI_BASEMAP: \"tiles/{z}/{x}/{y}.png\" is not an http(s) URL"},
		{"ftp", "ftp://tiles.example.org/{z}/{x}/{y}.png", "© Example", site.Basemap{}, "", "EWSI_BASEMAP"},
		{"missing y", "https://tiles.example.org/{z}/{x}.png", "© Example", site.Basemap{}, "", "EWSI_BASEMAP: \"https://tiles.example.org/{z}/{x}.png\" is an XYZ template without all of {z}, {x} and {y}"},
		{"unknown placeholder", "https://tiles.example.org/{z}/{x}/{y}.png?key={apikey}", "© Example", site.Basemap{}, "", "EWSI_BASEMAP: \"https://tiles.example.org/{z}/{x}/{y}.png?key={apikey}\" has a placeholder other than"},
		{"no attribution", "https://tiles.example.org/{z}/{x}/{y}.png", "", site.Basemap{}, "", "EWSI_BASEMAP_ATTRIBUTION: must name"},
		{"attribution alone", "", "© Example", site.Basemap{}, "", "EWSI_BASEMAP_ATTRIBUTION: is set but EWSI_BASEMAP is not"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := site.ParseBasemap(tc.value, tc.attribution)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b != tc.want || b.Origin() != tc.origin {
				t.Fatalf("got %+v (origin %q), want %+v (origin %q)", b, b.Origin(), tc.want, tc.origin)
			}
		})
	}
}
