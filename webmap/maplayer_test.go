package webmap_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/ingest"
)

const layerQuery = `query($bbox: BBoxInput!, $zoom: Float!, $filter: MapLayerFilter) {
  mapLayer(bbox: $bbox, zoom: $zoom, filter: $filter) {
    zoom total stale
    clusters { id count center { lat lon } bounds { west south east north } expansionZoom themes { theme { slug } count } }
    markers { id kind name location { lat lon } country lang demo themes }
  } }`

var world = map[string]any{"west": -180, "south": -90, "east": 180, "north": 90}

// layer asks for a viewport and returns the layer and the sum of what it shows.
// The layers cache answers from a hierarchy built before an earlier test's
// write (marked stale) while it builds the new one: layer waits for the fresh
// one, so that layers of different filters compare over the same graph.
func layer(t *testing.T, bbox map[string]any, zoom float64, filter map[string]any) (map[string]any, int) {
	t.Helper()
	var l map[string]any
	for try := 0; ; try++ {
		d, errs := gql(t, layerQuery, map[string]any{"bbox": bbox, "zoom": zoom, "filter": filter})
		if len(errs) > 0 {
			t.Fatalf("mapLayer: %v", errs)
		}
		l = d["mapLayer"].(map[string]any)
		if l["stale"] != true {
			break
		}
		if try == 300 {
			t.Fatalf("the layer of %v stayed stale for 30 s", filter)
		}
		time.Sleep(100 * time.Millisecond)
	}
	sum := len(l["markers"].([]any))
	for _, c := range l["clusters"].([]any) {
		sum += int(c.(map[string]any)["count"].(float64))
	}
	if int(l["total"].(float64)) != sum {
		t.Errorf("total %v, but clusters and markers make %d", l["total"], sum)
	}
	return l, sum
}

// locatedCypher counts the published located nodes of the map's labels.
const locatedCypher = `MATCH (n) WHERE (n:LocalAuthority OR n:Organisation OR n:Practice OR n:Event)
  AND n.location IS NOT NULL AND coalesce(n.status, 'published') = 'published' `

func TestMapLayerConservesCountsAtEveryZoom(t *testing.T) {
	want := count(t, locatedCypher+"RETURN count(n) AS c", nil)
	sawCluster, sawMarkersOnly := false, false
	for z := 0; z <= 22; z++ {
		l, sum := layer(t, world, float64(z), nil)
		if sum != want {
			t.Errorf("zoom %d: clusters and markers stand for %d points, the graph has %d", z, sum, want)
		}
		nc := len(l["clusters"].([]any))
		sawCluster = sawCluster || nc > 0
		sawMarkersOnly = sawMarkersOnly || (nc == 0 && z > 16)
		for _, c := range l["clusters"].([]any) {
			c := c.(map[string]any)
			if ez := int(c["expansionZoom"].(float64)); ez <= z {
				t.Errorf("zoom %d: cluster %v splits at %d", z, c["id"], ez)
			}
			themed := 0
			for _, tc := range c["themes"].([]any) {
				themed += int(tc.(map[string]any)["count"].(float64))
			}
			if themed < int(c["count"].(float64))/2 {
				t.Errorf("zoom %d: cluster %v of %v points counts only %d theme links", z, c["id"], c["count"], themed)
			}
		}
	}
	if !sawCluster || !sawMarkersOnly {
		t.Errorf("want clusters at low zooms and only markers at high ones (clusters %v, markers only %v)", sawCluster, sawMarkersOnly)
	}
}

// TestMapFiltersAgreeWithCypher: the map shows located nodes only (an
// organisation registered without a place is in the graph, not on the map), so
// each count asks for a location.
func TestMapFiltersAgreeWithCypher(t *testing.T) {
	for _, c := range []struct {
		name   string
		filter map[string]any
		cypher string
	}{
		{"practices", map[string]any{"kinds": []string{"PRACTICE"}}, "MATCH (n:Practice) WHERE n.location IS NOT NULL RETURN count(n) AS c"},
		{"regional", map[string]any{"kinds": []string{"REGIONAL_AUTHORITY"}}, "MATCH (n:LocalAuthority {level: 'regional'}) RETURN count(n) AS c"},
		{"country", map[string]any{"countries": []string{"fr"}}, locatedCypher + "AND EXISTS { (n)-[:IN]->(:Country {iso2: 'FR'}) } RETURN count(n) AS c"},
		{"theme", map[string]any{"kinds": []string{"PRACTICE", "EVENT"}, "themes": []string{"social-cohesion"}},
			"MATCH (n) WHERE (n:Practice OR n:Event) AND n.location IS NOT NULL AND EXISTS { (n)-[:ABOUT]->(:Theme {slug: 'social-cohesion'}) } RETURN count(n) AS c"},
		{"theme via practice", map[string]any{"kinds": []string{"LOCAL_AUTHORITY", "REGIONAL_AUTHORITY"}, "themes": []string{"economic-participation"}},
			"MATCH (n:LocalAuthority) WHERE EXISTS { (n)-[:ABOUT]->(:Theme {slug: 'economic-participation'}) } OR EXISTS { (n)-[:IMPLEMENTS]->(:Practice)-[:ABOUT]->(:Theme {slug: 'economic-participation'}) } RETURN count(n) AS c"},
		{"principle", map[string]any{"kinds": []string{"PRACTICE"}, "principles": []int{3}}, "MATCH (n:Practice)-[:APPLIES]->(:Principle {number: 3}) RETURN count(n) AS c"},
		{"subtheme", map[string]any{"kinds": []string{"PRACTICE"}, "subthemes": []string{"employment"}}, "MATCH (n:Practice)-[:ABOUT]->(:Subtheme {slug: 'employment'}) RETURN count(n) AS c"},
		{"org type", map[string]any{"orgTypes": []string{"CIVIL_SOCIETY"}}, "MATCH (n:Organisation {type: 'civil_society'}) WHERE n.location IS NOT NULL RETURN count(n) AS c"},
		{"dates", map[string]any{"kinds": []string{"PRACTICE"}, "from": "2018-01-01", "to": "2020-12-31"},
			"MATCH (n:Practice) WHERE n.startDate >= date('2018-01-01') AND n.startDate <= date('2020-12-31') RETURN count(n) AS c"},
		{"has practices", map[string]any{"kinds": []string{"ORGANISATION", "LOCAL_AUTHORITY", "REGIONAL_AUTHORITY"}, "hasPractices": true},
			"MATCH (n) WHERE (n:Organisation OR n:LocalAuthority) AND n.location IS NOT NULL AND EXISTS { (n)-[:IMPLEMENTS]->(:Practice) } RETURN count(n) AS c"},
		{"real only", map[string]any{"demo": false}, locatedCypher + "AND NOT coalesce(n.demo, false) RETURN count(n) AS c"},
	} {
		_, got := layer(t, world, 3, c.filter)
		if want := count(t, c.cypher, nil); got != want || want == 0 {
			t.Errorf("%s: map shows %d points, Cypher counts %d", c.name, got, want)
		}
	}
}

func TestMapLayerBadViewports(t *testing.T) {
	for _, c := range []struct {
		name    string
		bbox    map[string]any
		zoom    float64
		mention string
	}{
		{"south above north", map[string]any{"west": 0, "south": 50, "east": 10, "north": 40}, 3, "bbox.south"},
		{"latitude out of range", map[string]any{"west": 0, "south": -95, "east": 10, "north": 40}, 3, "bbox.south"},
		{"longitude out of range", map[string]any{"west": -200, "south": 0, "east": 10, "north": 40}, 3, "bbox.west"},
		{"zoom out of range", world, 23, "zoom"},
		{"negative zoom", world, -1, "zoom"},
	} {
		_, errs := gql(t, layerQuery, map[string]any{"bbox": c.bbox, "zoom": c.zoom})
		if len(errs) == 0 {
			t.Errorf("%s: no error", c.name)
			continue
		}
		ext, _ := errs[0]["extensions"].(map[string]any)
		if ext["code"] != graph.EINVALID || !strings.Contains(errs[0]["message"].(string), c.mention) {
			t.Errorf("%s: got %v, want INVALID naming %s", c.name, errs[0], c.mention)
		}
	}
	// across the antimeridian: the correct answer, the union of both sides
	_, whole := layer(t, map[string]any{"west": -180, "south": -90, "east": 180, "north": 90}, 17, nil)
	_, east := layer(t, map[string]any{"west": 0, "south": -90, "east": 180, "north": 90}, 17, nil)
	_, west := layer(t, map[string]any{"west": -180, "south": -90, "east": -0.000001, "north": 90}, 17, nil)
	_, across := layer(t, map[string]any{"west": 0, "south": -90, "east": -0.000001, "north": 90}, 17, nil)
	if across != east+west || across != whole || west == 0 {
		t.Errorf("across the antimeridian %d, east %d + west %d, whole %d", across, east, west, whole)
	}
}

func TestMapCacheFollowsWrites(t *testing.T) {
	_, before := layer(t, world, 5, nil)
	loc := orb.Point{-8.4, 43.37}
	p := &graph.Practice{Meta: graph.Meta{ID: "practice:cache-probe", Status: graph.StatusPublished, Demo: true},
		Title: "Cache probe", Lang: "es", Summary: "Written during the test.", Location: &loc}
	sum, err := (&ingest.Loader{W: db.Store}).Load(context.Background(), ingest.Records{Label: "probe", Recs: []graph.Record{{
		Node: p, Links: []graph.Link{{Type: graph.RelIn, To: "country:ES"}, {Type: graph.RelAbout, To: "theme:social-cohesion"}}, Source: "probe"}}})
	if err != nil || sum.Created != 1 {
		t.Fatalf("load: %v %v", sum, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, after := layer(t, world, 5, nil)
		if after == before+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after a write the map shows %d points, before %d: the cache did not follow", after, before)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestMapLayerNamesClustersAndCountsKinds: each cluster says how many points of
// each kind it holds (adding up to its count, and agreeing with the kinds of its
// points asked one kind at a time), and is named by the largest city among those
// near its points: around Paris, Paris.
func TestMapLayerNamesClustersAndCountsKinds(t *testing.T) {
	const q = `query($bbox: BBoxInput!, $zoom: Float!, $filter: MapLayerFilter) {
	  mapLayer(bbox: $bbox, zoom: $zoom, filter: $filter) {
	    clusters { count bounds { west south east north } counts { kind count } place { name country population location { lat lon } } }
	  } }`
	europe := map[string]any{"west": -12, "south": 34, "east": 32, "north": 62}
	d, errs := gql(t, q, map[string]any{"bbox": europe, "zoom": 5})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	perKind := map[string]int{}
	paris := false
	for _, c := range d["mapLayer"].(map[string]any)["clusters"].([]any) {
		c := c.(map[string]any)
		sum := 0
		for _, k := range c["counts"].([]any) {
			k := k.(map[string]any)
			sum += int(k["count"].(float64))
			perKind[k["kind"].(string)] += int(k["count"].(float64))
		}
		if sum != int(c["count"].(float64)) {
			t.Errorf("a cluster of %v counts %d by kind: %v", c["count"], sum, c["counts"])
		}
		b := c["bounds"].(map[string]any)
		if b["west"].(float64) < 2.35 && b["east"].(float64) > 2.35 && b["south"].(float64) < 48.85 && b["north"].(float64) > 48.86 {
			p, _ := c["place"].(map[string]any)
			if p == nil || p["name"] != "Paris" || p["country"] != "FR" {
				t.Errorf("the cluster over Paris is named %v", p)
			}
			paris = true
		}
	}
	if !paris {
		t.Fatal("no cluster over Paris at zoom 5")
	}
	// the kinds' counts over all clusters and markers agree with a layer of each
	// kind alone, over the whole world: in a smaller box the two layers cluster
	// differently, so a cluster across the box's edge can hold a point of the
	// box in one layer and not in the other
	// the cache answers from a hierarchy built before an earlier test's write
	// (stale) while it builds the new one: wait for the fresh one
	for try := 0; ; try++ {
		d, errs = gql(t, `query($bbox: BBoxInput!) { mapLayer(bbox: $bbox, zoom: 5) { stale truncated clusters { counts { kind count } } } }`, map[string]any{"bbox": world})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if d["mapLayer"].(map[string]any)["stale"] != true {
			break
		}
		if try == 300 {
			t.Fatal("the mixed layer stayed stale for 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d["mapLayer"].(map[string]any)["truncated"] == true {
		t.Fatal("the world at zoom 5 is truncated: the counts below would not add up")
	}
	perKind = map[string]int{}
	for _, c := range d["mapLayer"].(map[string]any)["clusters"].([]any) {
		for _, k := range c.(map[string]any)["counts"].([]any) {
			k := k.(map[string]any)
			perKind[k["kind"].(string)] += int(k["count"].(float64))
		}
	}
	for _, kind := range []string{"PRACTICE", "LOCAL_AUTHORITY"} {
		_, sum := layer(t, world, 5, map[string]any{"kinds": []string{kind}})
		all, _ := gql(t, `query($bbox: BBoxInput!) { mapLayer(bbox: $bbox, zoom: 5) { markers { kind } } }`, map[string]any{"bbox": world})
		markers := 0
		for _, m := range all["mapLayer"].(map[string]any)["markers"].([]any) {
			if m.(map[string]any)["kind"] == kind {
				markers++
			}
		}
		if perKind[kind]+markers != sum {
			t.Errorf("%s: clusters count %d and markers %d, but the layer of %s alone holds %d", kind, perKind[kind], markers, kind, sum)
		}
	}
}
