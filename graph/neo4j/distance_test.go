package neo4j_test

import (
	"context"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph/rank"
)

// rank.Distance measures as Neo4j's point.distance does (the radius filter and
// the distance score must cut where the Cypher ranking cuts).
func TestDistanceMatchesNeo4j(t *testing.T) {
	ctx := context.Background()
	pts := []orb.Point{{4.84, 45.76}, {19.94, 50.06}, {-9.14, 38.72}, {24.94, 60.17}, {4.85, 45.75}, {-0.13, 51.5}}
	for _, a := range pts {
		for _, b := range pts {
			want, err := db.Store.PointDistance(ctx, a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got := rank.Distance(a, b); math.Abs(got-want) > 1e-6*math.Max(1, want) {
				t.Errorf("%v to %v: %.6f m, Neo4j %.6f m", a, b, got, want)
			}
		}
	}
}
