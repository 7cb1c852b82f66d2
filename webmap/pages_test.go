package webmap

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"ewsi/graph"
)

// naivePage is the reference: every point of the box that keep keeps, sorted
// by id, then the page cut out (what the items endpoint did before PageOf).
func naivePage(pts []graph.MapPoint, box BBox, keep func(*graph.MapPoint) bool, offset, limit int) ([]string, int) {
	var ids []string
	for i := range pts {
		p := &pts[i]
		in := false
		for _, b := range box.Bounds() {
			in = in || b.Contains(p.Location)
		}
		if in && (keep == nil || keep(p)) {
			ids = append(ids, p.ID)
		}
	}
	slices.Sort(ids)
	return ids[min(offset, len(ids)):min(offset+limit, len(ids))], len(ids)
}

func TestPageOfMatchesSortedScan(t *testing.T) {
	pts := randomPoints(3000, 7)
	for i := range pts {
		if i%3 == 0 {
			pts[i].Kind = graph.MapEvent
		}
	}
	ix := NewIndex(pts, Options{})
	events := func(p *graph.MapPoint) bool { return p.Kind == graph.MapEvent }
	for _, c := range []struct {
		name          string
		box           BBox
		keep          func(*graph.MapPoint) bool
		offset, limit int
	}{
		{"world, first page", BBox{-180, -90, 180, 90}, nil, 0, 100},
		{"world, deep page", BBox{-180, -90, 180, 90}, nil, 2950, 100},
		{"world, past the end", BBox{-180, -90, 180, 90}, nil, 5000, 10},
		{"Lyon, events", BBox{3, 44, 6, 47}, events, 0, 50},
		{"Lyon, events, second page", BBox{3, 44, 6, 47}, events, 50, 50},
		{"across the antimeridian", BBox{170, -30, -170, 0}, nil, 3, 7},
		{"one point", BBox{4.8357, 45.764, 4.8357, 45.764}, nil, 0, 1000},
		{"empty box", BBox{-60, -60, -50, -50}, nil, 0, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, matched := naivePage(pts, c.box, c.keep, c.offset, c.limit)
			pg := ix.PageOf(c.box, c.keep, c.offset, c.limit)
			var got []string
			for _, p := range pg.Points {
				got = append(got, p.ID)
			}
			if pg.Matched != matched || strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("matched %d, page %v; want %d, %v", pg.Matched, got, matched, want)
			}
		})
	}
}

func TestPointByID(t *testing.T) {
	pts := randomPoints(500, 3)
	ix := NewIndex(pts, Options{})
	for _, id := range []string{"p0", "p250", "p499"} {
		if p := ix.Point(id); p == nil || p.ID != id {
			t.Errorf("Point(%q) = %v", id, p)
		}
	}
	if p := ix.Point("p500"); p != nil {
		t.Errorf("Point of a missing id: %v", p)
	}
}

func TestExtentByKind(t *testing.T) {
	d := func(s string) *graph.Date { v, _ := graph.ParseDate(s); return &v }
	pts := []graph.MapPoint{
		{ID: "a", Kind: graph.MapPractice, Location: [2]float64{4, 45}, Start: d("2019-03-01"), End: d("2022-12-31")},
		{ID: "b", Kind: graph.MapPractice, Location: [2]float64{20, 50}, Start: d("2018-01-15")},
		{ID: "c", Kind: graph.MapPractice, Location: [2]float64{-3, 40}, Start: d("2023-05-01")},
		{ID: "d", Kind: graph.MapLocalAuthority, Location: [2]float64{13, 52}},
	}
	ix := NewIndex(pts, Options{})
	e := ix.Extent(graph.MapPractice)
	if e.Count != 3 || e.Bound.Min != [2]float64{-3, 40} || e.Bound.Max != [2]float64{20, 50} || !e.Dated ||
		!e.Start.Equal(time.Date(2018, 1, 15, 0, 0, 0, 0, time.UTC)) || !e.End.Equal(time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("practices: %+v", e)
	}
	if e := ix.Extent(graph.MapLocalAuthority); e.Count != 1 || e.Dated {
		t.Errorf("authorities: %+v", e)
	}
	if e := ix.Extent(graph.MapEvent); e.Count != 0 {
		t.Errorf("events: %+v", e)
	}
}

func TestParseDatetime(t *testing.T) {
	d := func(s string) *graph.Date { v, _ := graph.ParseDate(s); return &v }
	for _, c := range []struct {
		in         string
		start, end *graph.Date
		want       bool
	}{
		{"2020-06-15", d("2020-06-15"), nil, true},
		{"2020-06-15", d("2020-06-16"), nil, false},
		{"2020-06-15T23:59:59Z", d("2020-06-15"), nil, true},
		{"2020-06-16T00:00:00Z", d("2020-06-15"), nil, false},
		{"2020-06-15", d("2020-01-01"), d("2020-12-31"), true},
		{"2020-01-01/..", d("2019-01-01"), d("2019-12-31"), false},
		{"2020-01-01/..", d("2019-01-01"), d("2020-01-01"), true},
		{"../2019-12-31", d("2020-01-01"), nil, false},
		{"/2019-12-31", d("2019-12-31"), nil, true},
		{"2019-01-01/", d("2018-01-01"), nil, false},
		{"2019-01-01T00:00:00Z/2019-01-31T00:00:00Z", d("2019-01-31"), nil, true},
		{"2019-01-01T00:00:00Z/2019-01-31T00:00:00Z", d("2019-02-01"), nil, false},
		{"2020-01-01/..", nil, nil, false},
	} {
		iv, err := ParseDatetime("datetime", c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := iv.Meets(c.start, c.end); got != c.want {
			t.Errorf("%s meets %v..%v: %v, want %v", c.in, c.start, c.end, got, c.want)
		}
	}
	for _, bad := range []string{"", "2020-13-01", "../..", "/", "2021-01-01/2020-01-01", "2020-01-01/x", "yesterday"} {
		_, err := ParseDatetime("datetime", bad)
		var e *graph.Error
		if err == nil || !asErr(err, &e) || e.Where != "datetime" || e.Code != graph.EINVALID {
			t.Errorf("%q: %v, want INVALID at datetime", bad, err)
		}
	}
}

// BenchmarkItemsPage compares PageOf with gathering and sorting every point of
// the box (the items endpoint before), for the first and a deep page of the world.
func BenchmarkItemsPage(b *testing.B) {
	pts := randomPoints(100_000, 1)
	ix := NewIndex(pts, Options{})
	world := BBox{-180, -90, 180, 90}
	ix.PageOf(world, nil, 0, 1) // rank once, as the first request does
	for _, offset := range []int{0, 50_000} {
		b.Run("PageOf/offset="+strconv.Itoa(offset), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix.PageOf(world, nil, offset, 100)
			}
		})
		b.Run("gather-and-sort/offset="+strconv.Itoa(offset), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var all []*graph.MapPoint
				for _, it := range ix.Query(world.Bounds()[0], ix.MaxZoom()+1) {
					all = append(all, it.Point)
				}
				slices.SortFunc(all, func(x, y *graph.MapPoint) int { return strings.Compare(x.ID, y.ID) })
				_ = all[offset : offset+100]
			}
		})
	}
}

// BenchmarkPoint compares Point (by the map of ids) with a linear scan (before).
func BenchmarkPoint(b *testing.B) {
	pts := randomPoints(100_000, 1)
	ix := NewIndex(pts, Options{})
	b.Run("map", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ix.Point("p99999")
		}
	})
	b.Run("scan", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for j := range ix.points {
				if ix.points[j].ID == "p99999" {
					break
				}
			}
		}
	})
}
