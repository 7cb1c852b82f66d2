package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// The reads of the one search (issue 15): full-text hits as ids and scores,
// and the corpus the server's search index is built from.

// SearchIDs runs the Lucene query q over every full-text index and returns each
// published content node hit with its best score, unordered. It reads no
// property but the id.
func (s *Store) SearchIDs(ctx context.Context, q string) ([]graph.ScoredID, error) {
	recs, err := s.read(ctx, searchIDsCypher(), map[string]any{"q": q, "labels": searchLabels()})
	if err != nil {
		return nil, err
	}
	ids, _ := recs[0].Get("ids")
	scores, _ := recs[0].Get("scores")
	il, sl := ids.([]any), scores.([]any)
	out := make([]graph.ScoredID, len(il))
	for i := range il {
		out[i] = graph.ScoredID{ID: il[i].(string), Score: sl[i].(float64)}
	}
	return out, nil
}

func searchIDsCypher() string {
	parts := make([]string, 0, len(fulltextIndexes))
	for _, ix := range fulltextIndexes {
		parts = append(parts, fmt.Sprintf(
			"CALL db.index.fulltext.queryNodes('%s', $q) YIELD node, score RETURN node, score", ix.name))
	}
	return `
CALL { ` + strings.Join(parts, " UNION ALL ") + ` }
WITH node AS n, max(score) AS score
WHERE ` + published + ` AND labels(n)[0] IN $labels
RETURN collect(n.id) AS ids, collect(score) AS scores`
}

func searchLabels() []string {
	out := make([]string, 0, len(graph.ContentKinds()))
	for _, k := range graph.ContentKinds() {
		out = append(out, string(k))
	}
	return out
}

// entryReturn is the RETURN of one kind's search entries (n bound).
func entryReturn(k graph.Kind) string {
	date := "null"
	if d := dateProp(k); d != "updatedAt" {
		date = "n." + d
	}
	return fmt.Sprintf(`RETURN n.id AS id, n.%s AS label, n.lang AS lang, %s AS date,
  [(n)-[:ABOUT]->(t:Theme) | t.id] AS themes, [(n)-[:IN]->(c:Country) | c.iso2] AS countries`, nameProp(k), date)
}

// SearchCorpus reads every published content node's search entry, and the
// names of the themes and countries, tagged with the version read first.
func (s *Store) SearchCorpus(ctx context.Context) (*graph.SearchCorpus, error) {
	v, err := s.GraphVersion(ctx)
	if err != nil {
		return nil, err
	}
	c := &graph.SearchCorpus{Version: v}
	for _, k := range graph.ContentKinds() {
		recs, err := s.read(ctx, fmt.Sprintf("MATCH (n:%s) WHERE %s %s", k, published, entryReturn(k)), nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			c.Entries = append(c.Entries, entryOf(k, r.Values))
		}
	}
	recs, err := s.read(ctx, `
MATCH (t:Theme) RETURN 'theme' AS what, t.id AS key, coalesce(t.slug, '') AS alt, t.nameEn AS en, t.nameFr AS fr, t.nameDe AS de
UNION ALL
MATCH (c:Country) RETURN 'country' AS what, c.iso2 AS key, '' AS alt, c.nameEn AS en, c.nameFr AS fr, c.nameDe AS de`, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		str := func(i int) string { x, _ := r.Values[i].(string); return x }
		n := graph.SearchName{Key: str(1), Alt: str(2), En: str(3), Fr: str(4), De: str(5)}
		if n.Key == "" {
			continue
		}
		if str(0) == "theme" {
			c.Themes = append(c.Themes, n)
		} else {
			c.Countries = append(c.Countries, n)
		}
	}
	return c, nil
}

// SearchEntries reads the search entries of the published content nodes among ids.
func (s *Store) SearchEntries(ctx context.Context, ids []string) ([]graph.SearchEntry, error) {
	var out []graph.SearchEntry
	for k, group := range groupIDs(ids) {
		if !isContent(k) {
			continue
		}
		recs, err := s.read(ctx, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids AND %s %s", k, published, entryReturn(k)),
			map[string]any{"ids": group})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, entryOf(k, r.Values))
		}
	}
	return out, nil
}

func isContent(k graph.Kind) bool {
	for _, c := range graph.ContentKinds() {
		if c == k {
			return true
		}
	}
	return false
}

// entryOf decodes a row of entryReturn.
func entryOf(k graph.Kind, v []any) graph.SearchEntry {
	e := graph.SearchEntry{Kind: k}
	e.ID, _ = v[0].(string)
	e.Label, _ = v[1].(string)
	e.Lang, _ = v[2].(string)
	if d, ok := v[3].(dbtype.Date); ok {
		t := d.Time()
		e.Date = &graph.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	for _, x := range v[4].([]any) {
		if s, ok := x.(string); ok {
			e.Themes = append(e.Themes, s)
		}
	}
	for _, x := range v[5].([]any) {
		if s, ok := x.(string); ok {
			e.Countries = append(e.Countries, s)
		}
	}
	return e
}
