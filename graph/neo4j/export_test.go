package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
)

// PointDistance is Neo4j's point.distance between two WGS 84 points, in metres,
// for tests that check Go's distance against it.
func (s *Store) PointDistance(ctx context.Context, a, b orb.Point) (float64, error) {
	recs, err := s.read(ctx, "RETURN point.distance($a, $b) AS d", map[string]any{
		"a": dbtype.Point2D{X: a[0], Y: a[1], SpatialRefId: 4326}, "b": dbtype.Point2D{X: b[0], Y: b[1], SpatialRefId: 4326}})
	if err != nil {
		return 0, err
	}
	d, _ := recs[0].Get("d")
	return d.(float64), nil
}

// SearchQuery is the Cypher of Search and its parameters, for tests that profile it.
func SearchQuery(q string, kinds []graph.Kind, prefix bool, w graph.Window) (string, map[string]any, error) {
	return searchQuery(q, kinds, prefix, w)
}
