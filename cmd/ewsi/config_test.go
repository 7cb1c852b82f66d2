package main

import (
	"strings"
	"testing"
)

func TestConfigOfThePages(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		err  string // in the error; "" for none
		want func(c config) bool
	}{
		{"defaults", nil, "", func(c config) bool { return c.Brand == "" && c.Basemap.Type == "offline" && c.Basemap.URL == "" }},
		{"ec brand", map[string]string{"EWSI_BRAND": "ec"}, "", func(c config) bool { return c.Brand == "ec" }},
		{"unknown brand", map[string]string{"EWSI_BRAND": "eu"}, "EWSI_BRAND: \"eu\" is not empty", nil},
		{"xyz basemap", map[string]string{"EWSI_BASEMAP": "https://tiles.example.org/{z}/{x}/{y}.png", "EWSI_BASEMAP_ATTRIBUTION": "© Example"}, "",
			func(c config) bool { return c.Basemap.Type == "xyz" && c.Basemap.Attribution == "© Example" }},
		{"bad basemap", map[string]string{"EWSI_BASEMAP": "tiles/{z}/{x}/{y}.png", "EWSI_BASEMAP_ATTRIBUTION": "© Example"}, "EWSI_BASEMAP: \"tiles/{z}/{x}/{y}.png\" is not an http(s) URL", nil},
		{"basemap without attribution", map[string]string{"EWSI_BASEMAP": "https://maps.example.org/style.json"}, "EWSI_BASEMAP_ATTRIBUTION", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := configFromEnv(func(k string) string { return tc.env[k] })
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.want(c) {
				t.Fatalf("config %+v", c)
			}
			if a := c.app(nil, nil); a.Brand != c.Brand || a.Basemap != c.Basemap {
				t.Fatalf("the app is not given the brand and basemap: %+v %+v", a.Brand, a.Basemap)
			}
		})
	}
}
