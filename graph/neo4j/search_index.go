package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// The reads of the one search (issue 15): full-text hits as ids and scores,
// and the corpus the server's search index is built from.

// SearchRefs runs the Lucene query q over every full-text index and returns
// each node hit (by element id) with its best score, unordered. It reads no
// property: the search index in the server knows which hits are published
// content, and SearchEntries reads the others.
func (s *Store) SearchRefs(ctx context.Context, q string) ([]graph.ScoredRef, error) {
	recs, err := s.read(ctx, searchRefsCypher(), map[string]any{"q": q})
	if err != nil {
		return nil, err
	}
	refs, _ := recs[0].Get("refs")
	scores, _ := recs[0].Get("scores")
	rl, sl := refs.([]any), scores.([]any)
	out := make([]graph.ScoredRef, len(rl))
	for i := range rl {
		out[i] = graph.ScoredRef{Ref: rl[i].(string), Score: sl[i].(float64)}
	}
	return out, nil
}

func searchRefsCypher() string {
	parts := make([]string, 0, len(fulltextIndexes))
	for _, ix := range fulltextIndexes {
		parts = append(parts, fmt.Sprintf(
			"CALL db.index.fulltext.queryNodes('%s', $q) YIELD node, score RETURN node, score", ix.name))
	}
	return `
CALL { ` + strings.Join(parts, " UNION ALL ") + ` }
WITH elementId(node) AS ref, max(score) AS score
RETURN collect(ref) AS refs, collect(score) AS scores`
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
	return fmt.Sprintf(`RETURN elementId(n) AS ref, n.id AS id, n.%s AS label, n.lang AS lang, %s AS date,
  [(n)-[:ABOUT]->(t:Theme) | t.id] AS themes, [(n)-[:IN]->(c:Country) | c.iso2] AS countries,
  [x IN [%s] WHERE x IS NOT NULL] AS text`, nameProp(k), date, textProps(k))
}

// textProps lists, as Cypher, the properties of n that the full-text indexes
// cover besides its label: the texts the server's index takes its words from.
func textProps(k graph.Kind) string {
	label := nameProp(k)
	seen := map[string]bool{label: true}
	var out []string
	for _, ix := range fulltextIndexes {
		for _, p := range ix.props {
			if !seen[p] && p != "title" && p != "name" {
				seen[p] = true
				out = append(out, "n."+p)
			}
		}
	}
	return strings.Join(out, ", ")
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

// SearchEntries reads the search entries of the published content nodes among
// refs (element ids), in one round trip.
func (s *Store) SearchEntries(ctx context.Context, refs []string) ([]graph.SearchEntry, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	parts := make([]string, 0, len(graph.ContentKinds()))
	for _, k := range graph.ContentKinds() {
		parts = append(parts, fmt.Sprintf("MATCH (n:%s) WHERE elementId(n) IN $refs AND %s %s, '%s' AS kind", k, published, entryReturn(k), k))
	}
	recs, err := s.read(ctx, strings.Join(parts, " UNION ALL "), map[string]any{"refs": refs})
	if err != nil {
		return nil, err
	}
	out := make([]graph.SearchEntry, 0, len(recs))
	for _, r := range recs {
		k, _ := r.Values[len(r.Values)-1].(string)
		out = append(out, entryOf(graph.Kind(k), r.Values))
	}
	return out, nil
}

// entryOf decodes a row of entryReturn.
func entryOf(k graph.Kind, v []any) graph.SearchEntry {
	e := graph.SearchEntry{Kind: k}
	e.Ref, _ = v[0].(string)
	v = v[1:]
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
	var text []string
	for _, x := range v[6].([]any) {
		if s, ok := x.(string); ok && s != "" {
			text = append(text, s)
		}
	}
	e.Text = strings.Join(text, "\n")
	return e
}

// SearchNodes returns the published content nodes with the given ids, by id,
// in one round trip, with every property (snippets read their texts whatever
// the request selects).
func (s *Store) SearchNodes(ctx context.Context, ids []string) (map[string]graph.Node, error) {
	out, _, err := s.searchNodes(ctx, ids, false)
	return out, err
}

// SearchNodesAt is SearchNodes with the graph's version, read in the same query.
func (s *Store) SearchNodesAt(ctx context.Context, ids []string) (map[string]graph.Node, string, error) {
	return s.searchNodes(ctx, ids, true)
}

func (s *Store) searchNodes(ctx context.Context, ids []string, version bool) (map[string]graph.Node, string, error) {
	groups := groupIDs(ids)
	var parts []string
	params := map[string]any{}
	for _, k := range graph.ContentKinds() {
		if g, ok := groups[k]; ok {
			p := "ids" + string(k)
			params[p] = g
			parts = append(parts, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $%s AND %s RETURN {p: properties(n), l: '%s'} AS item", k, p, published, k))
		}
	}
	if version {
		parts = append(parts, "MATCH (v:GraphVersion) RETURN {version: coalesce(v.token, '')} AS item")
	}
	out := map[string]graph.Node{}
	if len(parts) == 0 {
		return out, "", nil
	}
	recs, err := s.read(ctx, strings.Join(parts, " UNION ALL "), params)
	if err != nil {
		return nil, "", err
	}
	var toks []string
	for _, r := range recs {
		v, _ := r.Get("item")
		if m, ok := v.(map[string]any); ok {
			if t, ok := m["version"].(string); ok {
				toks = append(toks, t)
				continue
			}
		}
		n, err := decodeItem(v)
		if err != nil {
			return nil, "", err
		}
		out[n.NodeID()] = n
	}
	slices.Sort(toks)
	return out, strings.Join(toks, ","), nil
}
