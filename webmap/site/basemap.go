package site

import (
	"net/url"
	"strings"

	"ewsi/graph"
)

// Basemap is the background map the pages draw under the graph's layers:
// the offline default (land, sea, borders and place names from the build), an
// XYZ raster tile template, or a MapLibre style document.
type Basemap struct {
	Type        string // "offline", "xyz" or "style"
	URL         string // the template or the style's URL; empty when offline
	Attribution string // shown on the map; required for a tile service
}

// Origin is the scheme and host the basemap loads from ("" when offline), the
// one origin the Content-Security-Policy is widened for; a template's {s}
// subdomain becomes the wildcard *.
func (b Basemap) Origin() string {
	if b.URL == "" {
		return ""
	}
	u, err := url.Parse(strings.NewReplacer("{z}", "0", "{x}", "0", "{y}", "0", "{s}", "subdomain", "{r}", "").Replace(b.URL))
	if err != nil {
		return ""
	}
	host := u.Host
	if strings.HasPrefix(b.URL, u.Scheme+"://{s}.") {
		host = "*" + strings.TrimPrefix(host, "subdomain")
	}
	return u.Scheme + "://" + host
}

// ParseBasemap reads the operator's EWSI_BASEMAP (value) and
// EWSI_BASEMAP_ATTRIBUTION (attribution): empty is the offline default; a URL
// with {z}, {x} and {y} is an XYZ raster template; any other URL is a MapLibre
// style. A bad value is an error naming the variable.
func ParseBasemap(value, attribution string) (Basemap, error) {
	value, attribution = strings.TrimSpace(value), strings.TrimSpace(attribution)
	if value == "" || value == "offline" {
		if attribution != "" {
			return Basemap{}, graph.Errorf(graph.EINVALID, "EWSI_BASEMAP_ATTRIBUTION", "is set but EWSI_BASEMAP is not: the offline basemap has its own attribution")
		}
		return Basemap{Type: "offline"}, nil
	}
	probe := strings.NewReplacer("{z}", "0", "{x}", "0", "{y}", "0", "{s}", "a", "{r}", "").Replace(value)
	u, err := url.Parse(probe)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return Basemap{}, graph.Errorf(graph.EINVALID, "EWSI_BASEMAP", "%q is not an http(s) URL: give an XYZ template such as https://tiles.example.org/{z}/{x}/{y}.png or the URL of a MapLibre style", value)
	}
	if strings.ContainsAny(probe, "{}") {
		return Basemap{}, graph.Errorf(graph.EINVALID, "EWSI_BASEMAP", "%q has a placeholder other than {z}, {x}, {y}, {s} and {r}", value)
	}
	n := 0
	for _, p := range []string{"{z}", "{x}", "{y}"} {
		if strings.Contains(value, p) {
			n++
		}
	}
	b := Basemap{Type: "style", URL: value, Attribution: attribution}
	switch n {
	case 3:
		b.Type = "xyz"
	case 0:
	default:
		return Basemap{}, graph.Errorf(graph.EINVALID, "EWSI_BASEMAP", "%q is an XYZ template without all of {z}, {x} and {y}", value)
	}
	if attribution == "" {
		return Basemap{}, graph.Errorf(graph.EINVALID, "EWSI_BASEMAP_ATTRIBUTION", "must name the tile service's source and licence when EWSI_BASEMAP is set (it is shown on the map)")
	}
	return b, nil
}
