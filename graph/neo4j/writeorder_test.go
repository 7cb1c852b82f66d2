package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

func TestWriteLinksToKindsCreatedLaterInTheBatch(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	fund := graph.Record{Node: &graph.Funding{Meta: graph.Meta{ID: "funding:f1"}, Title: "F", Lang: "en", FunderKind: "eu"}}
	auth := graph.Record{Node: &graph.LocalAuthority{Meta: graph.Meta{ID: "authority:a1"}, Name: "A", Level: "local"}}
	prac := graph.Record{Node: &graph.Practice{Meta: graph.Meta{ID: "practice:p1"}, Title: "P", Lang: "en", Summary: "S"},
		Links: []graph.Link{{Type: graph.RelFundedBy, To: "funding:f1"}, {Type: graph.RelImplements, To: "authority:a1", Incoming: true}}}
	// the practice comes first: its kind's nodes are created before the others'
	recs := []graph.Record{prac, fund, auth}
	if _, err := db.Store.Write(ctx, recs, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Store.Query(ctx, `MATCH (p:Practice {id: 'practice:p1'})
RETURN EXISTS { (p)-[:FUNDED_BY]->(:Funding {id: 'funding:f1'}) } AS funded,
       EXISTS { (:LocalAuthority {id: 'authority:a1'})-[:IMPLEMENTS]->(p) } AS implemented`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0]["funded"] != true || rows[0]["implemented"] != true {
		t.Errorf("links to nodes created later in the same write are missing: %v", rows[0])
	}
}
