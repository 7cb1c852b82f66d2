package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"ewsi/graph"
)

// A sheet revision is a node (:SheetRevision {id: "FR:3", country, number, at,
// by, byRole, note, demo, key, inputHash}) with one property per section
// (s_strategy, s_programmes, ...). Its id is unique, so two revisions made at
// once on the same base cannot both be stored: the second is a CONFLICT.

const sheetReturn = "r {.*} AS r"

func sheetProps(country string, number int, at time.Time, by, role, note string, demo bool, sections map[string]string) map[string]any {
	p := map[string]any{
		"id": fmt.Sprintf("%s:%d", country, number), "country": country, "number": number, "at": at.UTC(),
		"by": by, "byRole": role, "note": note, "demo": demo,
	}
	for _, k := range graph.SheetSections {
		p["s_"+k] = sections[k]
	}
	return p
}

func decodeSheet(v any) (*graph.SheetRevision, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("neo4j: sheet revision: want a map, got %T", v)
	}
	r := &graph.SheetRevision{Sections: map[string]string{}}
	r.Country, _ = m["country"].(string)
	n, _ := m["number"].(int64)
	r.Number = int(n)
	r.At, _ = m["at"].(time.Time)
	r.By, _ = m["by"].(string)
	r.ByRole, _ = m["byRole"].(string)
	r.Note, _ = m["note"].(string)
	r.Demo, _ = m["demo"].(bool)
	for _, k := range graph.SheetSections {
		if s, _ := m["s_"+k].(string); s != "" {
			r.Sections[k] = s
		}
	}
	return r, nil
}

// SheetRevision returns revision n of iso2's sheet, the latest when n is 0.
func (s *Store) SheetRevision(ctx context.Context, iso2 string, n int) (*graph.SheetRevision, error) {
	q := "MATCH (r:SheetRevision {country: $c}) WHERE $n = 0 OR r.number = $n RETURN " + sheetReturn + " ORDER BY r.number DESC LIMIT 1"
	recs, err := s.read(ctx, q, map[string]any{"c": iso2, "n": n})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	v, _ := recs[0].Get("r")
	return decodeSheet(v)
}

// SheetRevisions returns a window of iso2's revisions, newest first.
func (s *Store) SheetRevisions(ctx context.Context, iso2 string, w graph.Window) ([]*graph.SheetRevision, int, error) {
	q := `MATCH (r:SheetRevision {country: $c}) WITH r ORDER BY r.number DESC
WITH collect(r {.*}) AS rows RETURN size(rows) AS total, rows[$offset..$end] AS items`
	recs, err := s.read(ctx, q, map[string]any{"c": iso2, "offset": w.Offset, "end": w.Offset + w.Limit})
	if err != nil || len(recs) == 0 {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	list, _ := items.([]any)
	out := make([]*graph.SheetRevision, 0, len(list))
	for _, it := range list {
		r, err := decodeSheet(it)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	t, _ := total.(int64)
	return out, int(t), nil
}

// sheetInputHash fingerprints a revision's input, to tell a repeat from a reuse of
// its idempotency key.
func sheetInputHash(in graph.SheetInput) string {
	h := sha256.New()
	keys := make([]string, 0, len(in.Sections))
	for k := range in.Sections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00", in.Country, in.Base, in.Note)
	for _, k := range keys {
		fmt.Fprintf(h, "%s\x00%s\x00", k, in.Sections[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ReviseSheet stores a new revision in one transaction. Sections the input
// leaves out keep the text of the base revision.
func (s *Store) ReviseSheet(ctx context.Context, in graph.SheetInput, by, role, key string, at time.Time) (*graph.SheetRevision, bool, error) {
	if key == "" || len(key) > 200 {
		return nil, false, graph.Errorf(graph.EINVALID, "idempotencyKey", "must have 1 to 200 characters")
	}
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	hash := sheetInputHash(in)
	exists := func() (*graph.SheetRevision, bool, error) {
		recs, err := s.read(ctx, "MATCH (r:SheetRevision {key: $key}) RETURN "+sheetReturn+", r.inputHash AS h", map[string]any{"key": key})
		if err != nil || len(recs) == 0 {
			return nil, false, err
		}
		if h, _ := recs[0].Get("h"); h != hash {
			return nil, true, graph.Errorf(graph.ECONFLICT, "idempotencyKey", "was used for another revision")
		}
		v, _ := recs[0].Get("r")
		r, err := decodeSheet(v)
		return r, true, err
	}
	if r, found, err := exists(); found || err != nil {
		return r, false, err
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		s.roundTrips.Add(1)
		res, err := tx.Run(ctx, `MATCH (c:Country {iso2: $c})
OPTIONAL MATCH (r:SheetRevision {country: $c}) WITH c, r ORDER BY r.number DESC LIMIT 1
RETURN c.iso2 AS c, coalesce(r.number, 0) AS top, r {.*} AS r`, map[string]any{"c": in.Country})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "input.country", "no country %q", in.Country)
		}
		top, _ := rec.Get("top")
		if int(top.(int64)) != in.Base {
			return nil, graph.Errorf(graph.ECONFLICT, "input.base", "the sheet is at revision %d, not %d: reload it and edit again", top, in.Base)
		}
		sections := map[string]string{}
		if prev, _ := rec.Get("r"); prev != nil {
			p, err := decodeSheet(prev)
			if err != nil {
				return nil, err
			}
			sections = p.Sections
		}
		changed := false
		for k, v := range in.Sections {
			if sections[k] != v {
				changed = true
			}
			sections[k] = v
		}
		if !changed && in.Base > 0 {
			return nil, graph.Errorf(graph.EINVALID, "input", "changes nothing in revision %d", in.Base)
		}
		props := sheetProps(in.Country, in.Base+1, at, by, role, in.Note, false, sections)
		props["key"], props["inputHash"] = key, hash
		s.roundTrips.Add(1)
		res, err = tx.Run(ctx, "CREATE (r:SheetRevision) SET r = $p RETURN "+sheetReturn, map[string]any{"p": props})
		if err != nil {
			return nil, err
		}
		rec, err = res.Single(ctx)
		if err != nil {
			return nil, err
		}
		v, _ := rec.Get("r")
		return decodeSheet(v)
	}, neo4j.WithTxTimeout(s.cfg.WriteTimeout))
	if err != nil {
		var de *graph.Error
		if errors.As(err, &de) {
			return nil, false, de
		}
		err = translate(ctx, err)
		if graph.ErrorCode(err) == graph.ECONFLICT { // a concurrent call took the key or the number
			if r, found, e2 := exists(); found || e2 != nil {
				return r, false, e2
			}
			return nil, false, graph.Errorf(graph.ECONFLICT, "input.base", "another revision was saved meanwhile: reload the sheet and edit again")
		}
		return nil, false, err
	}
	return out.(*graph.SheetRevision), true, nil
}

// WriteDemoSheets merges demo revisions on their id: writing them again changes nothing.
func (s *Store) WriteDemoSheets(ctx context.Context, revs []graph.SheetRevision) error {
	rows := make([]map[string]any, 0, len(revs))
	for _, r := range revs {
		rows = append(rows, sheetProps(r.Country, r.Number, r.At, r.By, r.ByRole, r.Note, true, r.Sections))
	}
	_, err := s.write(ctx, stmt{`UNWIND $rows AS row MATCH (:Country {iso2: row.country})
MERGE (r:SheetRevision {id: row.id}) ON CREATE SET r = row`, map[string]any{"rows": rows}})
	return err
}
