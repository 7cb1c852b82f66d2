package webmap

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"io"
	"net/http"
	"strconv"
	"strings"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"

	"ewsi/graph"
)

// Vector tiles: MVT spec version 2, extent 4096 and a buffer of 64 units each
// side, so that markers on a tile's edge draw whole on both tiles.
const (
	TileExtent  = 4096
	TileBuffer  = 64
	TileVersion = 2
)

// DefaultTileCache is how many encoded tiles the cache holds by default.
const DefaultTileCache = 4096

// tiles serves /tiles/{layer}/{z}/{x}/{y}.mvt: the clusters and markers of the
// layer ("all" or a collection id) at zoom z, with an ETag, gzipped when the
// client accepts it. Encoded tiles are cached by graph version, filter and
// z/x/y in a bounded LRU, so that a tile is encoded once per version.
type tiles struct {
	layers *Layers
	opts   RouteOptions
	cache  *lru.Cache[string, encodedTile]
}

// encodedTile is a gzipped tile and its ETag.
type encodedTile struct {
	gz   []byte
	etag string // of the gzipped bytes; the identity encoding appends "-id"
}

func newTiles(l *Layers, o RouteOptions) tiles {
	n := o.TileCache
	if n <= 0 {
		n = DefaultTileCache
	}
	c, _ := lru.New[string, encodedTile](n) // n > 0: no error
	return tiles{layers: l, opts: o, cache: c}
}

// layerKinds returns the kinds of a tile layer: nil for "all", else one collection's.
func layerKinds(name string) ([]graph.MapKind, error) {
	if name == "all" {
		return nil, nil
	}
	c, ok := findCollection(name)
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "layer", "no layer %q (all, or a collection id)", name)
	}
	return []graph.MapKind{c.kind}, nil
}

func (t tiles) serve(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	name := r.PathValue("layer")
	kinds, err := layerKinds(name)
	if err != nil {
		problem(w, err)
		return
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
	key := strings.Join([]string{ix.Version(), filterKey(f), name, strconv.Itoa(int(tile.Z)), strconv.Itoa(int(tile.X)), strconv.Itoa(int(tile.Y))}, "|")
	enc, hit := t.cache.Get(key)
	w.Header().Set("X-Tile-Cache", map[bool]string{true: "hit", false: "miss"}[hit])
	if !hit {
		gz, err := encodeTile(ix, tile, name)
		if err != nil {
			problem(w, err)
			return
		}
		sum := sha256.Sum256(gz)
		enc = encodedTile{gz: gz, etag: hex.EncodeToString(sum[:12])}
		t.cache.Add(key, enc)
	}
	body, etag := enc.gz, `"`+enc.etag+`"`
	gzipped := acceptsGzip(r.Header.Get("Accept-Encoding"))
	if !gzipped {
		etag = `"` + enc.etag + `-id"`
	}
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("Vary", "Accept-Encoding")
	if match := r.Header.Get("If-None-Match"); match != "" && (strings.Contains(match, etag) || strings.TrimSpace(match) == "*") {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if !gzipped {
		if body, err = gunzip(enc.gz); err != nil {
			problem(w, err)
			return
		}
	} else {
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", "application/vnd.mapbox-vector-tile")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

// acceptsGzip tells whether an Accept-Encoding header takes gzip (by name or
// by *, with a q above 0).
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		zero := false
		for _, p := range fields[1:] {
			if k, v, _ := strings.Cut(strings.TrimSpace(p), "="); k == "q" && strings.Trim(v, "0.") == "" {
				zero = true
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return !zero
		case "*":
			star = !zero
		}
	}
	return star
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
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

// Feature ids of tiles are numbers below 2^53 (exact in JavaScript): a point's
// is a hash of its node id below 2^52, a cluster's is 2^52 plus its number.
const clusterIDBase = 1 << 52

// PointFeatureID returns the tile feature id of the point with node id id.
func PointFeatureID(id string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(id))
	return h.Sum64() & (clusterIDBase - 1)
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
			f.ID = uint64(clusterIDBase + c.ID)
			f.Properties = geojson.Properties{"cluster": true, "count": c.Count, "expansion_zoom": c.ExpansionZoom}
			fc.Append(f)
			continue
		}
		f := feature(it.Point)
		f.ID = PointFeatureID(it.Point.ID)
		f.Properties["id"] = it.Point.ID
		f.Properties["cluster"] = false
		f.Properties["count"] = 1
		delete(f.Properties, "themes")
		fc.Append(f)
	}
	layers := mvt.NewLayers(map[string]*geojson.FeatureCollection{name: fc})
	for _, l := range layers {
		l.Version = TileVersion
	}
	layers.ProjectToTile(tile)
	return mvt.MarshalGzipped(layers)
}
