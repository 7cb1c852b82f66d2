package webmap

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"

	"ewsi/graph"
)

// Vector tiles: extent 4096 (mvt's default) and a buffer of 64 units each side,
// so that markers on a tile's edge draw whole on both tiles.
const (
	TileExtent = 4096
	TileBuffer = 64
)

// tiles serves /tiles/{layer}/{z}/{x}/{y}.mvt: the clusters and markers of the
// layer ("all" or a collection id) at zoom z, gzipped, with an ETag.
type tiles struct{ layers *Layers }

func (t tiles) serve(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	name := r.PathValue("layer")
	var kinds []graph.MapKind
	if name != "all" {
		c, ok := findCollection(name)
		if !ok {
			problem(w, graph.Errorf(graph.ENOTFOUND, "layer", "no layer %q (all, or a collection id)", name))
			return
		}
		kinds = []graph.MapKind{c.kind}
	}
	tile, err := parseTile(r.PathValue("z"), r.PathValue("x"), r.PathValue("yfile"))
	if err != nil {
		problem(w, err)
		return
	}
	f, err := FilterFromQuery(r.URL.Query())
	if err != nil {
		problem(w, err)
		return
	}
	f.Kinds = kinds
	ix, _, err := t.layers.Index(ctx, f)
	if err != nil {
		problem(w, err)
		return
	}
	body, err := encodeTile(ix, tile, name)
	if err != nil {
		problem(w, err)
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("Vary", "Accept-Encoding")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/vnd.mapbox-vector-tile")
	h.Set("Content-Encoding", "gzip")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

// parseTile checks z/x/y: z from 0 to MaxZoom, x and y inside the zoom's grid.
func parseTile(zs, xs, yfile string) (maptile.Tile, error) {
	ys, ok := strings.CutSuffix(yfile, ".mvt")
	if !ok {
		return maptile.Tile{}, graph.Errorf(graph.EINVALID, "y", "the tile address ends in .mvt, got %q", yfile)
	}
	z, err := strconv.Atoi(zs)
	if err != nil || z < 0 || z > MaxZoom {
		return maptile.Tile{}, graph.Errorf(graph.EINVALID, "z", "%q is not a zoom from 0 to %d", zs, MaxZoom)
	}
	n := 1 << z
	x, err := strconv.Atoi(xs)
	if err != nil || x < 0 || x >= n {
		return maptile.Tile{}, graph.Errorf(graph.EINVALID, "x", "%q is not from 0 to %d at zoom %d", xs, n-1, z)
	}
	y, err := strconv.Atoi(ys)
	if err != nil || y < 0 || y >= n {
		return maptile.Tile{}, graph.Errorf(graph.EINVALID, "y", "%q is not from 0 to %d at zoom %d", ys, n-1, z)
	}
	return maptile.New(uint32(x), uint32(y), maptile.Zoom(z)), nil
}

// encodeTile draws the items of tile (and its buffer) into one gzipped MVT layer.
func encodeTile(ix *Index, tile maptile.Tile, name string) ([]byte, error) {
	b := tile.Bound()
	bufX := (b.Max[0] - b.Min[0]) * TileBuffer / TileExtent
	bufY := (b.Max[1] - b.Min[1]) * TileBuffer / TileExtent
	q := orb.Bound{Min: orb.Point{max(-180, b.Min[0]-bufX), max(-90, b.Min[1]-bufY)}, Max: orb.Point{min(180, b.Max[0]+bufX), min(90, b.Max[1]+bufY)}}
	fc := geojson.NewFeatureCollection()
	for _, it := range ix.Query(q, int(tile.Z)) {
		if c := it.Cluster; c != nil {
			f := geojson.NewFeature(c.Center)
			f.ID = c.ID
			f.Properties = geojson.Properties{"cluster": true, "count": c.Count, "expansion_zoom": c.ExpansionZoom}
			fc.Append(f)
			continue
		}
		f := feature(it.Point)
		f.ID = nil
		f.Properties["id"] = it.Point.ID
		f.Properties["cluster"] = false
		f.Properties["count"] = 1
		delete(f.Properties, "themes")
		fc.Append(f)
	}
	layers := mvt.NewLayers(map[string]*geojson.FeatureCollection{name: fc})
	layers.ProjectToTile(tile)
	return mvt.MarshalGzipped(layers)
}
