package webmap

import (
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// MaxZoom is the highest zoom a viewport may ask for.
const MaxZoom = 22

// World is the whole map.
var World = orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}

// BBox is a viewport in WGS 84 degrees. West may exceed east: the box then
// crosses the antimeridian.
type BBox struct {
	West, South, East, North float64
}

// Check validates the box; errors name the argument and the side at fault.
func (b BBox) Check(arg string) error {
	var errs graph.Errors
	for _, c := range []struct {
		name string
		v    float64
		lim  float64
	}{{"west", b.West, 180}, {"east", b.East, 180}, {"south", b.South, 90}, {"north", b.North, 90}} {
		if math.IsNaN(c.v) || c.v < -c.lim || c.v > c.lim {
			errs = append(errs, graph.Errorf(graph.EINVALID, arg+"."+c.name, "%v is out of range (-%v to %v)", c.v, c.lim, c.lim))
		}
	}
	if b.South > b.North {
		errs = append(errs, graph.Errorf(graph.EINVALID, arg+".south", "south %v is above north %v", b.South, b.North))
	}
	return errs.Err()
}

// Bounds returns the box as one or, across the antimeridian, two orb bounds with
// west <= east.
func (b BBox) Bounds() []orb.Bound {
	if b.West <= b.East {
		return []orb.Bound{{Min: orb.Point{b.West, b.South}, Max: orb.Point{b.East, b.North}}}
	}
	return []orb.Bound{
		{Min: orb.Point{b.West, b.South}, Max: orb.Point{180, b.North}},
		{Min: orb.Point{-180, b.South}, Max: orb.Point{b.East, b.North}},
	}
}

// ParseBBox reads "west,south,east,north" (the OGC API bbox parameter).
func ParseBBox(arg, s string) (BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return BBox{}, graph.Errorf(graph.EINVALID, arg, "want west,south,east,north, got %q", s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return BBox{}, graph.Errorf(graph.EINVALID, arg, "%q is not a number", p)
		}
		v[i] = f
	}
	b := BBox{West: v[0], South: v[1], East: v[2], North: v[3]}
	return b, b.Check(arg)
}

// CheckZoom validates a zoom and returns it rounded down.
func CheckZoom(arg string, z float64) (int, error) {
	if math.IsNaN(z) || z < 0 || z > MaxZoom {
		return 0, graph.Errorf(graph.EINVALID, arg, "%v is out of range (0 to %d)", z, MaxZoom)
	}
	return int(math.Floor(z)), nil
}
