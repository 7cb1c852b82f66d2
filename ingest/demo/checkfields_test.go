package demo

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The per-field checks of checkDir; fail reports a problem on the current line.

func checkThemes(rec map[string]any, themeSubs map[string][]string, fail func(string, ...any)) {
	themes := strs(rec["themes"])
	for _, th := range themes {
		if _, ok := themeSubs[th]; !ok {
			fail("theme %q", th)
		}
	}
	if rec["themes"] != nil && (len(themes) < 1 || len(themes) > 3) {
		fail("%d themes", len(themes))
	}
	subs := strs(rec["subthemes"])
	if rec["subthemes"] != nil && (len(subs) < 1 || len(subs) > 3) {
		fail("%d subthemes", len(subs))
	}
	for _, s := range subs {
		if !slices.ContainsFunc(themes, func(th string) bool { return slices.Contains(themeSubs[th], s) }) {
			fail("subtheme %q is not part of themes %v", s, themes)
		}
	}
	if p, ok := rec["principles"].([]any); ok {
		if len(p) < 1 || len(p) > 4 {
			fail("%d principles", len(p))
		}
		for _, n := range p {
			if f := n.(float64); f < 1 || f > 11 || f != math.Trunc(f) {
				fail("principle %v", n)
			}
		}
	}
}

func checkPlaces(rec map[string]any, cities map[string][]City, fail func(string, ...any)) {
	lat, okLat := rec["lat"].(float64)
	lon, okLon := rec["lon"].(float64)
	if okLat != okLon {
		fail("lat without lon")
	}
	if !okLat {
		return
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		fail("lat/lon %v,%v out of range", lat, lon)
	}
	name, _ := rec["city"].(string)
	if name == "" {
		name, _ = rec["place"].(string)
	}
	if cs, ok := cities[fmt.Sprint(rec["country"])+"/"+name]; ok {
		if !slices.ContainsFunc(cs, func(c City) bool { return distanceKm(lat, lon, c.Lat, c.Lon) < 2 }) {
			fail("not within 2 km of %s", name)
		}
	} else if rec["type"] == "organisation" || rec["type"] == "event" {
		fail("city %q is not a reference city", name)
	}
}

func checkDates(rec map[string]any, fail func(string, ...any)) {
	date := func(f string) time.Time {
		s, ok := rec[f].(string)
		if !ok {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			fail("%s %q: %v", f, s, err)
		}
		return d
	}
	for _, f := range []string{"date", "deadline"} {
		date(f)
	}
	if s, e := date("start"), date("end"); e.Before(s) {
		fail("end %v before start %v", e, s)
	}
	s, e := date("startDate"), date("endDate")
	if s.IsZero() && rec["type"] == "practice" {
		fail("no startDate")
	}
	if !e.IsZero() && !e.After(s) {
		fail("endDate %v not after startDate %v", e, s)
	}
	switch rec["stage"] {
	case nil:
	case "completed":
		if e.IsZero() || !e.Before(ReferenceDate) {
			fail("completed but endDate %v", e)
		}
	case "ongoing":
		if s.After(ReferenceDate) || (!e.IsZero() && e.Before(ReferenceDate)) {
			fail("ongoing from %v to %v", s, e)
		}
	case "planned":
		if !s.After(ReferenceDate) {
			fail("planned but started %v", s)
		}
	default:
		fail("stage %v", rec["stage"])
	}
}

func checkAddresses(rec map[string]any, fail func(string, ...any)) {
	for _, f := range []string{"website", "url"} {
		s, ok := rec[f].(string)
		if !ok {
			continue
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "https" || !(strings.HasSuffix(u.Hostname(), ".invalid") || u.Hostname() == "example.org") {
			fail("%s %q is not under .invalid", f, s)
		}
	}
	if e, ok := rec["email"].(string); ok && (!strings.HasSuffix(e, "@example.org") || strings.Count(e, "@") != 1) {
		fail("email %q", e)
	}
}

// checkLinks checks that every linked id was written before, of the right kind.
func checkLinks(rec map[string]any, ids map[string]map[string]any, fail func(string, ...any), res *checked) {
	check := func(field string, prefixes ...string) {
		for _, id := range strs(rec[field]) {
			target, ok := ids[id]
			if !ok || !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(id, p+":") }) {
				fail("%s links to %q, which is not a generated %v", field, id, prefixes)
				continue
			}
			switch field {
			case "implementers":
				if target["country"] != rec["country"] {
					fail("implementer %s is in %v, the practice in %v", id, target["country"], rec["country"])
				}
			case "partners":
				if target["country"] != rec["country"] {
					res.crossBorder++
				}
			case "fundedBy":
				if c, ok := target["country"]; ok && c != rec["country"] {
					fail("funded by %s of %v", id, c)
				}
			}
		}
	}
	check("implementers", "authority", "organisation")
	check("partners", "organisation")
	check("organisations", "organisation")
	check("publishedBy", "organisation")
	check("fundedBy", "funding")
	if n := len(strs(rec["implementers"])); rec["type"] == "practice" && (n < 1 || n > 2) {
		fail("%d implementers", n)
	}
	if n := len(strs(rec["partners"])); n > 4 {
		fail("%d partners", n)
	}
}

// strs returns a string or a list of strings as a list.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const R = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * R * math.Asin(math.Min(1, math.Sqrt(a)))
}
