package main

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/paulmach/orb"

	"ewsi/graph"
	"ewsi/webmap"
)

// The map benchmark: viewports through the cluster cache beside the raw
// point.withinBBox Cypher, and the hierarchy's build beside reading the points.

// mapZooms are the zooms the map benchmark measures.
var mapZooms = []int{3, 6, 10, 14}

// mapTiming is a latency distribution in milliseconds.
type mapTiming struct {
	P50 float64 `json:"p50Ms"`
	P95 float64 `json:"p95Ms"`
	N   int     `json:"n"`
}

func mapTimingOf(d []time.Duration) mapTiming {
	if len(d) == 0 {
		return mapTiming{}
	}
	slices.Sort(d)
	ms := func(q float64) float64 {
		return float64(d[min(len(d)-1, int(q*float64(len(d))))].Microseconds()) / 1000
	}
	return mapTiming{P50: ms(0.50), P95: ms(0.95), N: len(d)}
}

// mapZoomResult is what one zoom measured: the whole viewport through the cache
// (what mapLayer does), the query of the built hierarchy alone, and the raw
// point.withinBBox Cypher for the same viewports.
type mapZoomResult struct {
	Zoom      int       `json:"zoom"`
	EndToEnd  mapTiming `json:"endToEnd"`
	Cluster   mapTiming `json:"clusterQuery"`
	RawCypher mapTiming `json:"rawCypher"`
	Items     int       `json:"itemsMedian"`
}

// mapResults are the map benchmark's figures.
type mapResults struct {
	Points      int             `json:"points"`
	BuildMs     float64         `json:"clusterBuildMs"` // the hierarchy over all points, in Go
	FetchMs     float64         `json:"fetchMs"`        // reading every point from Neo4j (a cold cache)
	ColdFirstMs float64         `json:"coldFirstMs"`    // the first viewport of an empty cache (serve warms it at start)
	AfterWrite  float64         `json:"afterWriteMs"`   // the first viewport after a write (answered stale)
	AfterStale  bool            `json:"afterWriteStale"`
	RefreshMs   float64         `json:"refreshMs"` // from that write until the map answers fresh
	Zooms       []mapZoomResult `json:"zooms"`
}

// screenBox returns a 1280×800-pixel viewport centred on c at zoom z.
func screenBox(c orb.Point, z int) webmap.BBox {
	world := 256 * math.Exp2(float64(z))
	w := 1280 / world * 360
	y := mercY(c[1])
	dy := 400 / world
	return webmap.BBox{West: max(-180, c[0]-w/2), East: min(180, c[0]+w/2), North: mercLat(max(0, y-dy)), South: mercLat(min(1, y+dy))}
}

// mercY projects a latitude to Web Mercator y in [0,1], north at 0.
func mercY(lat float64) float64 {
	s := math.Sin(lat * math.Pi / 180)
	return min(1, max(0, 0.5-0.25*math.Log((1+s)/(1-s))/math.Pi))
}

// mercLat is the inverse of mercY.
func mercLat(y float64) float64 {
	return 360*math.Atan(math.Exp((180-y*360)*math.Pi/180))/math.Pi - 90
}

// runMapBench measures the map over store, whose graph holds points (the same
// points, given here to centre viewports on them and to time the hierarchy's
// build without Neo4j). rounds viewports are asked per zoom (default 200).
// touch writes to the graph (changing its version), for the figures after a write.
func runMapBench(ctx context.Context, store graph.MapReader, points []graph.MapPoint, rounds int, touch func(context.Context) error) (mapResults, error) {
	if rounds <= 0 {
		rounds = 200
	}
	res := mapResults{Points: len(points)}
	t0 := time.Now()
	ix := webmap.NewIndex(points, webmap.Options{})
	res.BuildMs = float64(time.Since(t0).Microseconds()) / 1000

	t0 = time.Now()
	if _, err := store.MapPoints(ctx, webmap.World, graph.MapFilter{}); err != nil {
		return res, err
	}
	res.FetchMs = float64(time.Since(t0).Microseconds()) / 1000

	layers := webmap.NewLayers(store)
	defer layers.Close()
	r := rand.New(rand.NewPCG(1, 1))
	centre := func() orb.Point { return points[r.IntN(len(points))].Location }
	t0 = time.Now()
	if _, err := layers.Layer(ctx, screenBox(centre(), 6), 6, graph.MapFilter{}); err != nil {
		return res, err
	}
	res.ColdFirstMs = float64(time.Since(t0).Microseconds()) / 1000
	for _, z := range mapZooms {
		zr := mapZoomResult{Zoom: z}
		var e2e, cl, raw []time.Duration
		var items []int
		for i := 0; i < rounds; i++ {
			vp := screenBox(centre(), z)
			t := time.Now()
			v, err := layers.Layer(ctx, vp, z, graph.MapFilter{})
			if err != nil {
				return res, err
			}
			e2e = append(e2e, time.Since(t))
			items = append(items, len(v.Items))
			t = time.Now()
			for _, b := range vp.Bounds() {
				ix.Query(b, z)
			}
			cl = append(cl, time.Since(t))
			if i < rounds/4+1 { // the raw Cypher is slow at low zooms: fewer rounds
				t = time.Now()
				for _, b := range vp.Bounds() {
					if _, err := store.MapPoints(ctx, b, graph.MapFilter{}); err != nil {
						return res, err
					}
				}
				raw = append(raw, time.Since(t))
			}
		}
		slices.Sort(items)
		zr.EndToEnd, zr.Cluster, zr.RawCypher, zr.Items = mapTimingOf(e2e), mapTimingOf(cl), mapTimingOf(raw), items[len(items)/2]
		res.Zooms = append(res.Zooms, zr)
	}

	if err := touch(ctx); err != nil {
		return res, err
	}
	t0 = time.Now()
	layers.Recheck()
	vp, err := layers.Layer(ctx, screenBox(centre(), 6), 6, graph.MapFilter{})
	if err != nil {
		return res, err
	}
	res.AfterWrite, res.AfterStale = float64(time.Since(t0).Microseconds())/1000, vp.Stale
	for vp.Stale {
		time.Sleep(5 * time.Millisecond)
		layers.Recheck()
		if vp, err = layers.Layer(ctx, screenBox(centre(), 6), 6, graph.MapFilter{}); err != nil {
			return res, err
		}
	}
	res.RefreshMs = float64(time.Since(t0).Microseconds()) / 1000
	return res, nil
}

// touchRecord is a record outside the map (a news item) whose title changes with
// n: writing it changes the graph's version without moving any point.
func touchRecord(n int) graph.Record {
	return graph.Record{Node: &graph.News{Meta: graph.Meta{ID: "news:bench-touch", Status: graph.StatusPublished, Demo: true},
		Title: "Benchmark touch " + strconv.Itoa(n), Lang: "en", Summary: "Written by the map benchmark to change the graph's version."}, Source: "bench"}
}

// benchPoints generates n points around European cities, the same for a seed.
func benchPoints(n int, seed uint64) []graph.MapPoint {
	r := rand.New(rand.NewPCG(seed, 9))
	centres := []orb.Point{{2.35, 48.86}, {13.4, 52.52}, {12.5, 41.9}, {-3.7, 40.4}, {21.0, 52.2}, {4.9, 52.4},
		{-9.1, 38.7}, {23.7, 38.0}, {18.1, 59.3}, {16.4, 48.2}, {4.84, 45.76}, {19.9, 50.1}, {-6.26, 53.35}}
	themes := []string{"theme:active-citizenship", "theme:economic-participation", "theme:social-cohesion",
		"theme:education-culture", "theme:anti-discrimination-equality", "theme:tools-techniques"}
	out := make([]graph.MapPoint, n)
	for i := range out {
		c := centres[r.IntN(len(centres))]
		s := 0.3 + 2*r.Float64()
		out[i] = graph.MapPoint{ID: "practice:bench-" + strconv.Itoa(i), Kind: graph.MapPractice, Name: "Bench practice",
			Location: orb.Point{min(180, max(-180, c[0]+r.NormFloat64()*s)), min(85, max(-85, c[1]+r.NormFloat64()*s*0.6))},
			Themes:   []string{themes[r.IntN(len(themes))]}, Demo: true}
	}
	return out
}
