package webmap

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"ewsi/ingest/reference"
)

// Place is a named populated place (from GeoNames through the reference data's
// cities): what names a cluster on the map.
type Place struct {
	Name       string
	Country    string // ISO 3166 alpha-2
	Location   orb.Point
	Population int
}

// PlaceRadiusKm is how far from a point its place may lie: a point farther than
// this from every place of the gazetteer has none.
const PlaceRadiusKm = 20.0

// gazetteerCell is the side of the gazetteer's grid cells in degrees.
const gazetteerCell = 0.5

// Gazetteer finds the place of a point: the most populous place within
// PlaceRadiusKm (a point in a suburb belongs to its city). It is immutable once built and safe for concurrent use.
type Gazetteer struct {
	places []Place
	cells  map[[2]int32][]int32 // grid cell -> place indexes
}

// NewGazetteer indexes places on a grid of gazetteerCell degrees.
func NewGazetteer(places []Place) *Gazetteer {
	g := &Gazetteer{places: places, cells: map[[2]int32][]int32{}}
	for i, p := range places {
		k := cellOf(p.Location)
		g.cells[k] = append(g.cells[k], int32(i))
	}
	return g
}

// Len returns the number of places.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.places)
}

// Place returns place i (as Largest returns it).
func (g *Gazetteer) Place(i int32) *Place { return &g.places[i] }

func cellOf(p orb.Point) [2]int32 {
	return [2]int32{int32(math.Floor(p[0] / gazetteerCell)), int32(math.Floor(p[1] / gazetteerCell))}
}

// Largest returns the index of the most populous place within PlaceRadiusKm of
// p (ties: the lower index), or -1 when there is none.
// Cells are searched around p far enough to cover the radius at p's latitude;
// near the poles, where a cell is narrow, the search is bounded to 40 cells
// either side.
func (g *Gazetteer) Largest(p orb.Point) int32 {
	if g == nil || len(g.places) == 0 {
		return -1
	}
	const kmPerDeg = 111.32
	dy := int32(math.Ceil(PlaceRadiusKm / kmPerDeg / gazetteerCell))
	cosLat := math.Cos(p[1] * math.Pi / 180)
	dx := int32(40)
	if cosLat > 0.01 {
		dx = min(dx, int32(math.Ceil(PlaceRadiusKm/(kmPerDeg*cosLat)/gazetteerCell)))
	}
	c := cellOf(p)
	best := int32(-1)
	for y := c[1] - dy; y <= c[1]+dy; y++ {
		for x := c[0] - dx; x <= c[0]+dx; x++ {
			for _, i := range g.cells[[2]int32{x, y}] {
				if geo.DistanceHaversine(p, g.places[i].Location)/1000 <= PlaceRadiusKm {
					best = g.larger(best, i)
				}
			}
		}
	}
	return best
}

// larger returns whichever of places a and b (indexes, -1 for none) has the
// larger population; ties go to the lower index, so the choice does not depend
// on the order points merge in.
func (g *Gazetteer) larger(a, b int32) int32 {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	}
	pa, pb := g.places[a].Population, g.places[b].Population
	if pb > pa || (pb == pa && b < a) {
		return b
	}
	return a
}

// LoadGazetteer reads the cities of the reference data in dir (cities.json,
// written by ingest/refdata/build.mjs) into a gazetteer.
func LoadGazetteer(dir string) (*Gazetteer, error) {
	cities, err := reference.Cities(dir)
	if err != nil {
		return nil, err
	}
	places := make([]Place, len(cities))
	for i, c := range cities {
		places[i] = Place{Name: c.Name, Country: c.Country, Location: orb.Point{c.Lon, c.Lat}, Population: c.Population}
	}
	return NewGazetteer(places), nil
}
