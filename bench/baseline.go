package main

import (
	"context"

	"ewsi/graph"
	"ewsi/graph/neo4j"
)

// This file holds the plain ways of doing what the store does, that the bench
// measures the store against: a loader with one transaction per record, and the
// reads behind the bench's GraphQL queries written as single Cypher queries (sent
// through the store's read-only Query; see rankbaseline.go for why their Cypher
// lives here).

// WriteOne writes one record, its node and its links, in a transaction of its own:
// the loader one would write first.
func WriteOne(ctx context.Context, s *neo4j.Store, rec graph.Record) error {
	recs := []graph.Record{rec}
	_, err := s.Write(ctx, recs, recs)
	return err
}

// RawPracticePage reads a page of practices in a country and theme with their
// implementers, themes and country, in one Cypher query.
func RawPracticePage(ctx context.Context, s *neo4j.Store, iso2, themeID string, limit int) ([]map[string]any, error) {
	return s.Query(ctx, `
MATCH (:Country {iso2: $iso})<-[:IN]-(n:Practice)-[:ABOUT]->(:Theme {id: $theme})
WHERE coalesce(n.status, 'published') = 'published'
WITH n ORDER BY n.title, n.id
WITH collect(n) AS ns
UNWIND ns[0..$limit] AS n
RETURN size(ns) AS total, n.title AS title,
       [(n)<-[:IMPLEMENTS]-(i) | i.name] AS implementers,
       [(n)-[:ABOUT]->(t:Theme) | t.nameEn] AS themes,
       [(n)-[:IN]->(c:Country) | c.iso2] AS country`,
		map[string]any{"iso": iso2, "theme": themeID, "limit": limit})
}

// RawOrganisation reads an organisation with its country, practices, partnerships
// and themes, in one Cypher query.
func RawOrganisation(ctx context.Context, s *neo4j.Store, id string) ([]map[string]any, error) {
	return s.Query(ctx, `
MATCH (o:Organisation {id: $id})
RETURN o.name AS name,
       [(o)-[:IN]->(c:Country) | c.nameEn] AS country,
       [(o)-[:IMPLEMENTS]->(p:Practice) | p.title] AS practices,
       [(o)-[:PARTNER_IN]->(p:Practice) | p.title] AS partnerIn,
       [(o)-[:ABOUT]->(t:Theme) | t.nameEn] AS themes`, map[string]any{"id": id})
}

// RawCountryCounts reads a country's name and its content counts by label, in one Cypher query.
func RawCountryCounts(ctx context.Context, s *neo4j.Store, iso2 string) ([]map[string]any, error) {
	return s.Query(ctx, `
MATCH (c:Country {iso2: $iso})
OPTIONAL MATCH (c)<-[:IN]-(n) WHERE coalesce(n.status, 'published') = 'published'
WITH c, labels(n)[0] AS label, count(n) AS k
RETURN c.nameEn AS name, collect([label, k]) AS counts`, map[string]any{"iso": iso2})
}
