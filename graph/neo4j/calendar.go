package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// calendarSchema are the constraints and indexes of the calendar's area: the
// end of events (a month's query reads both ends), sheet revisions by id and
// idempotency key, observations by their natural key and by indicator.
var calendarSchema = []string{
	"CREATE INDEX event_end IF NOT EXISTS FOR (n:Event) ON (n.end)",
	"CREATE CONSTRAINT sheetrevision_id IF NOT EXISTS FOR (n:SheetRevision) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT sheetrevision_key IF NOT EXISTS FOR (n:SheetRevision) REQUIRE n.key IS UNIQUE",
	"CREATE INDEX sheetrevision_country IF NOT EXISTS FOR (n:SheetRevision) ON (n.country, n.number)",
	"CREATE CONSTRAINT observation_key IF NOT EXISTS FOR (n:Observation) REQUIRE n.key IS UNIQUE",
	"CREATE INDEX observation_indicator IF NOT EXISTS FOR (n:Observation) ON (n.indicator, n.year)",
	"CREATE INDEX observation_country IF NOT EXISTS FOR (n:Observation) ON (n.country)",
}

// EventsBetween returns the events whose days meet from..to: an event without
// an end lasts its start day. Dates are plain days, so no time zone enters.
func (s *Store) EventsBetween(ctx context.Context, from, to graph.Date, f graph.Filter, limit int) ([]*graph.Event, int, error) {
	if to.Before(from) {
		return nil, 0, graph.Errorf(graph.EINVALID, "to", "%s is before %s", to, from)
	}
	if limit < 0 || limit > graph.MaxCalendarEvents {
		return nil, 0, graph.Errorf(graph.EINVALID, "first", "must be between 0 and %d, got %d", graph.MaxCalendarEvents, limit)
	}
	f.From, f.To = nil, nil
	match, where, params := listMatch(graph.KindEvent, f)
	params["from"] = dbtype.Date(from.Time())
	params["to"] = dbtype.Date(to.Time())
	params["limit"] = limit
	q := fmt.Sprintf(`%s WHERE %s AND n.start <= $to AND coalesce(n.end, n.start) >= $from
WITH n ORDER BY n.start, n.id
WITH collect(n) AS rows
RETURN size(rows) AS total, [x IN rows[0..$limit] | {p: properties(x), l: 'Event'}] AS items`, match, where)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, 0, err
	}
	return decodeTyped[*graph.Event](recs)
}

// FundingByDeadline lists funding calls: open ones by nearest deadline (those
// without one last), then, when asked, closed ones latest deadline first. A
// filter on countries keeps the calls of those countries and the EU-wide calls
// (those without a country) when one of them is an EU member.
func (s *Store) FundingByDeadline(ctx context.Context, f graph.FundingFilter, today graph.Date, w graph.Window) ([]*graph.Funding, int, error) {
	if w.Limit < 0 || w.Limit > graph.MaxPageSize || w.Offset < 0 {
		return nil, 0, graph.Errorf(graph.EINVALID, "first", "must be between 0 and %d, got %d", graph.MaxPageSize, w.Limit)
	}
	inner := f.Filter
	inner.From, inner.To, inner.Countries = nil, nil, nil
	match, where, params := listMatch(graph.KindFunding, inner)
	if len(f.Countries) > 0 {
		// a call of the country, or an EU-wide call (no country) when the country is an EU member
		where += ` AND (EXISTS { MATCH (n)-[:IN]->(c:Country) WHERE c.iso2 IN $countries }
  OR (NOT EXISTS { MATCH (n)-[:IN]->(:Country) } AND EXISTS { MATCH (e:Country) WHERE e.iso2 IN $countries AND e.eu }))`
		params["countries"] = f.Countries
	}
	params["today"] = dbtype.Date(today.Time())
	params["offset"], params["limit"] = w.Offset, w.Offset+w.Limit
	if len(f.FunderKinds) > 0 {
		kinds := make([]string, len(f.FunderKinds))
		for i, k := range f.FunderKinds {
			kinds[i] = string(k)
		}
		where += " AND n.funderKind IN $kinds"
		params["kinds"] = kinds
	}
	if !f.IncludeClosed {
		where += " AND (n.deadline IS NULL OR n.deadline >= $today)"
	}
	q := fmt.Sprintf(`%s WHERE %s
WITH n, (n.deadline IS NOT NULL AND n.deadline < $today) AS closed
ORDER BY closed, CASE WHEN closed THEN null ELSE n.deadline END ASC, CASE WHEN closed THEN n.deadline END DESC, n.id
WITH collect(n) AS rows
RETURN size(rows) AS total, [x IN rows[$offset..$limit] | {p: properties(x), l: 'Funding'}] AS items`, match, where)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, 0, err
	}
	return decodeTyped[*graph.Funding](recs)
}

// decodeTyped reads the one record of total and items that the lists above return.
func decodeTyped[T graph.Node](recs []*neo4j.Record) ([]T, int, error) {
	if len(recs) == 0 {
		return nil, 0, nil
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	nodes, err := decodeList(items)
	if err != nil {
		return nil, 0, err
	}
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.(T))
	}
	t, _ := total.(int64)
	return out, int(t), nil
}
