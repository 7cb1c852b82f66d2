package neo4j

import (
	"context"
	"time"

	"ewsi/graph"
)

// searchMissSchema keeps one SearchMiss per normalised query.
var searchMissSchema = []string{
	"CREATE CONSTRAINT searchmiss_query IF NOT EXISTS FOR (m:SearchMiss) REQUIRE m.query IS UNIQUE",
	"CREATE INDEX searchmiss_count IF NOT EXISTS FOR (m:SearchMiss) ON (m.count)",
}

// RecordSearchMisses merges the misses into the report on their query, adding
// their counts, in one transaction; then it drops the least frequent (the
// oldest among equals) beyond max distinct queries.
func (s *Store) RecordSearchMisses(ctx context.Context, misses []graph.SearchMiss, max int) error {
	rows := make([]map[string]any, 0, len(misses))
	for _, m := range misses {
		if m.Query == "" || m.Count <= 0 {
			continue
		}
		langs := m.Langs
		if langs == nil {
			langs = []string{}
		}
		rows = append(rows, map[string]any{"query": m.Query, "count": m.Count, "at": m.LastAt.UTC(), "langs": langs})
	}
	if len(rows) == 0 {
		return nil
	}
	_, err := s.write(ctx, stmt{cypher: `
UNWIND $rows AS r
MERGE (m:SearchMiss {query: r.query})
ON CREATE SET m.count = 0, m.langs = [], m.lastAt = r.at
SET m.count = m.count + r.count,
    m.lastAt = CASE WHEN r.at > m.lastAt THEN r.at ELSE m.lastAt END,
    m.langs = m.langs + [l IN r.langs WHERE NOT l IN m.langs]`, params: map[string]any{"rows": rows}},
		stmt{cypher: `
MATCH (m:SearchMiss) WITH count(m) AS n WHERE n > $max
MATCH (m:SearchMiss) WITH n, m ORDER BY m.count, m.lastAt, m.query
WITH n, collect(m) AS ms
UNWIND ms[..(n - $max)] AS m DETACH DELETE m`, params: map[string]any{"max": max}})
	return err
}

// SearchMisses returns a window of the report, most frequent first (then the
// latest, then by query), and how many queries it holds.
func (s *Store) SearchMisses(ctx context.Context, w graph.Window) ([]graph.SearchMiss, int, error) {
	recs, err := s.read(ctx, `
MATCH (m:SearchMiss) WITH m ORDER BY m.count DESC, m.lastAt DESC, m.query
WITH collect(m) AS ms
RETURN size(ms) AS total, [m IN ms[$skip..($skip + $limit)] | [m.query, m.count, m.lastAt, m.langs]] AS rows`,
		map[string]any{"skip": w.Offset, "limit": w.Limit})
	if err != nil {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	rows, _ := recs[0].Get("rows")
	var out []graph.SearchMiss
	for _, x := range rows.([]any) {
		r := x.([]any)
		m := graph.SearchMiss{Query: r[0].(string), Count: int(r[1].(int64))}
		if t, ok := r[2].(time.Time); ok {
			m.LastAt = t
		}
		for _, l := range r[3].([]any) {
			m.Langs = append(m.Langs, l.(string))
		}
		out = append(out, m)
	}
	return out, int(total.(int64)), nil
}
