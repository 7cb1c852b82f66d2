package neo4j

import (
	"context"

	"ewsi/graph"
)

// An observation is a node (:Observation {key, indicator, country, year, value,
// flags, source, dataset, sample}) merged on its key (indicator|country|year).
// It holds ids and codes, not relationships: it is a figure about a country,
// not content of the graph (never listed, searched, mapped or related).

func obsRow(o graph.Observation) map[string]any {
	return map[string]any{"key": o.Key(), "indicator": o.Indicator, "country": o.Country, "year": o.Year,
		"value": o.Value, "flags": o.Flags, "source": o.Source, "dataset": o.Dataset, "sample": o.Sample}
}

func decodeObs(v any) graph.Observation {
	m, _ := v.(map[string]any)
	var o graph.Observation
	o.Indicator, _ = m["indicator"].(string)
	o.Country, _ = m["country"].(string)
	y, _ := m["year"].(int64)
	o.Year = int(y)
	o.Value, _ = m["value"].(float64)
	o.Flags, _ = m["flags"].(string)
	o.Source, _ = m["source"].(string)
	o.Dataset, _ = m["dataset"].(string)
	o.Sample, _ = m["sample"].(bool)
	return o
}

// WriteObservations merges observations on their key in one transaction; each
// must name an indicator and a country of the graph (else NOT_FOUND, nothing written).
func (s *Store) WriteObservations(ctx context.Context, obs []graph.Observation) (graph.WriteStats, error) {
	var st graph.WriteStats
	if len(obs) == 0 {
		return st, nil
	}
	rows := make([]map[string]any, len(obs))
	for i, o := range obs {
		if err := o.Validate(); err != nil {
			return st, err
		}
		rows[i] = obsRow(o)
	}
	recs, err := s.read(ctx, `UNWIND $rows AS row
OPTIONAL MATCH (i:Indicator {id: row.indicator}) OPTIONAL MATCH (c:Country {iso2: row.country})
WITH row WHERE i IS NULL OR c IS NULL RETURN row.indicator AS i, row.country AS c LIMIT 1`, map[string]any{"rows": rows})
	if err != nil {
		return st, err
	}
	if len(recs) > 0 {
		i, _ := recs[0].Get("i")
		c, _ := recs[0].Get("c")
		return st, graph.Errorf(graph.ENOTFOUND, "observations", "no indicator %v or no country %v in the graph", i, c)
	}
	out, err := s.write(ctx, stmt{`UNWIND $rows AS row
OPTIONAL MATCH (old:Observation {key: row.key})
WITH row, old, CASE WHEN old IS NULL THEN 'created' WHEN old {.*} = row THEN 'unchanged' ELSE 'updated' END AS what
MERGE (o:Observation {key: row.key}) SET o = row
RETURN what, count(*) AS n`, map[string]any{"rows": rows}})
	if err != nil {
		return st, err
	}
	for _, r := range out[0] {
		what, _ := r.Get("what")
		n, _ := r.Get("n")
		switch what {
		case "created":
			st.Created += int(n.(int64))
		case "updated":
			st.Updated += int(n.(int64))
		default:
			st.Unchanged += int(n.(int64))
		}
	}
	return st, nil
}

// IndicatorValues returns each country's observation of indicator in year, or its latest.
func (s *Store) IndicatorValues(ctx context.Context, indicator string, year int) ([]graph.Observation, error) {
	q := `MATCH (o:Observation {indicator: $i}) WHERE $y = 0 OR o.year = $y
WITH o ORDER BY o.country, o.year DESC
WITH o.country AS c, collect(o)[0] AS o
RETURN o {.*} AS o ORDER BY c`
	recs, err := s.read(ctx, q, map[string]any{"i": indicator, "y": year})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Observation, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("o")
		out = append(out, decodeObs(v))
	}
	return out, nil
}

// IndicatorYears returns the years observed of each indicator, ascending.
func (s *Store) IndicatorYears(ctx context.Context, indicators []string) (map[string][]int, error) {
	recs, err := s.read(ctx, `MATCH (o:Observation) WHERE o.indicator IN $ids
WITH o.indicator AS i, o.year AS y ORDER BY y WITH i, collect(DISTINCT y) AS ys RETURN i, ys`, map[string]any{"ids": indicators})
	if err != nil {
		return nil, err
	}
	out := map[string][]int{}
	for _, r := range recs {
		i, _ := r.Get("i")
		ys, _ := r.Get("ys")
		for _, y := range ys.([]any) {
			out[i.(string)] = append(out[i.(string)], int(y.(int64)))
		}
	}
	return out, nil
}

// CountryObservations returns the latest observation of each indicator in each country.
func (s *Store) CountryObservations(ctx context.Context, iso2 []string) (map[string][]graph.Observation, error) {
	recs, err := s.read(ctx, `MATCH (o:Observation) WHERE o.country IN $c
WITH o ORDER BY o.country, o.indicator, o.year DESC
WITH o.country AS c, o.indicator AS i, collect(o)[0] AS o
RETURN c, o {.*} AS o ORDER BY c, i`, map[string]any{"c": iso2})
	if err != nil {
		return nil, err
	}
	out := map[string][]graph.Observation{}
	for _, r := range recs {
		c, _ := r.Get("c")
		v, _ := r.Get("o")
		out[c.(string)] = append(out[c.(string)], decodeObs(v))
	}
	return out, nil
}
