package neo4j

import (
	"context"
	"fmt"
	"strings"
	"time"

	"ewsi/graph"
)

var _ graph.Editing = (*Store)(nil)

// MaxNoteLength bounds an editor's note.
const MaxNoteLength = 2000

// linkEnds checks the two ends of a link and returns their labels; from and to
// name the arguments in errors.
func (s *Store) linkEnds(ctx context.Context, from, to string) (graph.Kind, graph.Kind, error) {
	var errs graph.Errors
	kf, okf := graph.KindOfID(from)
	kt, okt := graph.KindOfID(to)
	if !okf {
		errs = append(errs, graph.Errorf(graph.EINVALID, "from", "%q is not an id of the form kind:local", from))
	}
	if !okt {
		errs = append(errs, graph.Errorf(graph.EINVALID, "to", "%q is not an id of the form kind:local", to))
	}
	if okf && okt && from == to {
		errs = append(errs, graph.Errorf(graph.EINVALID, "to", "a node cannot be linked to itself"))
	}
	if err := errs.Err(); err != nil {
		return "", "", err
	}
	have, err := s.Existing(ctx, []string{from, to})
	if err != nil {
		return "", "", err
	}
	if _, ok := have[from]; !ok {
		return "", "", graph.Errorf(graph.ENOTFOUND, "from", "no node %q", from)
	}
	if _, ok := have[to]; !ok {
		return "", "", graph.Errorf(graph.ENOTFOUND, "to", "no node %q", to)
	}
	return kf, kt, nil
}

func checkEdit(t graph.LinkType, note, by string) error {
	var errs graph.Errors
	if !t.Valid() {
		errs = append(errs, graph.Errorf(graph.EINVALID, "type", "%q is not a link type", t))
	}
	if len(note) > MaxNoteLength {
		errs = append(errs, graph.Errorf(graph.EINVALID, "note", "at most %d characters", MaxNoteLength))
	}
	if strings.TrimSpace(by) == "" || len(by) > 200 {
		errs = append(errs, graph.Errorf(graph.EINVALID, "by", "say who makes the change (1-200 characters)"))
	}
	return errs.Err()
}

// linkFields is the projection of a RELATED_TO relationship r between a and b.
const linkFields = `{from: a.id, to: b.id, type: r.kind, by: r.by, at: r.at, note: r.note, active: r.active,
  unlinkedBy: r.unlinkedBy, unlinkedAt: r.unlinkedAt, unlinkNote: r.unlinkNote} AS link`

// Link links from to to with provenance; an existing active link is kept as it is.
func (s *Store) Link(ctx context.Context, from, to string, t graph.LinkType, note, by string) (graph.EditorLink, bool, error) {
	if err := checkEdit(t, note, by); err != nil {
		return graph.EditorLink{}, false, err
	}
	kf, kt, err := s.linkEnds(ctx, from, to)
	if err != nil {
		return graph.EditorLink{}, false, err
	}
	out, err := s.write(ctx, stmt{cypher: fmt.Sprintf(`
MATCH (x:%s {id: $from}), (y:%s {id: $to})
OPTIONAL MATCH (y)-[back:RELATED_TO {kind: $kind, active: true}]->(x)
WITH x, y, back
CALL {
  WITH x, y, back
  WITH x, y, back WHERE back IS NULL
  MERGE (x)-[r:RELATED_TO {kind: $kind, active: true}]->(y)
  ON CREATE SET r.by = $by, r.at = $now, r.note = $note
  RETURN x AS a, r, y AS b
  UNION
  WITH x, y, back
  WITH x, y, back WHERE back IS NOT NULL
  RETURN y AS a, back AS r, x AS b
}
RETURN `+linkFields+`, r.at = $now AS created`, kf, kt),
		params: map[string]any{"from": from, "to": to, "kind": string(t), "by": by, "note": nullable(note), "now": time.Now().UTC()}})
	if err != nil {
		return graph.EditorLink{}, false, err
	}
	rec := out[0][0].AsMap()
	return decodeLink(rec["link"]), rec["created"] == true, nil
}

// Unlink retires the active link, keeping it with who, when and why.
func (s *Store) Unlink(ctx context.Context, from, to string, t graph.LinkType, note, by string) (bool, error) {
	if err := checkEdit(t, note, by); err != nil {
		return false, err
	}
	kf, kt, err := s.linkEnds(ctx, from, to)
	if err != nil {
		return false, err
	}
	out, err := s.write(ctx, stmt{cypher: fmt.Sprintf(`
MATCH (a:%s {id: $from})-[r:RELATED_TO {kind: $kind, active: true}]-(b:%s {id: $to})
SET r.active = false, r.unlinkedBy = $by, r.unlinkedAt = $now, r.unlinkNote = $note
RETURN count(r) AS c`, kf, kt),
		params: map[string]any{"from": from, "to": to, "kind": string(t), "by": by, "note": nullable(note), "now": time.Now().UTC()}})
	if err != nil {
		return false, err
	}
	c, _ := out[0][0].Get("c")
	return c.(int64) > 0, nil
}

// LinkHistory returns every editor link of id, oldest first.
func (s *Store) LinkHistory(ctx context.Context, id string) ([]graph.EditorLink, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
	}
	recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s {id: $id})
MATCH (a)-[r:RELATED_TO]->(b) WHERE a = n OR b = n
RETURN `+linkFields+` ORDER BY r.at, a.id, b.id`, k), map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	out := make([]graph.EditorLink, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("link")
		out = append(out, decodeLink(v))
	}
	return out, nil
}

// Dismiss records that to is not a good suggestion for from.
func (s *Store) Dismiss(ctx context.Context, from, to, note, by string) error {
	if err := checkEdit(graph.LinkRelated, note, by); err != nil {
		return err
	}
	kf, kt, err := s.linkEnds(ctx, from, to)
	if err != nil {
		return err
	}
	_, err = s.write(ctx, stmt{cypher: fmt.Sprintf(`
MATCH (a:%s {id: $from}), (b:%s {id: $to})
MERGE (a)-[d:DISMISSED]->(b)
ON CREATE SET d.by = $by, d.at = $now, d.note = $note`, kf, kt),
		params: map[string]any{"from": from, "to": to, "by": by, "note": nullable(note), "now": time.Now().UTC()}})
	return err
}

// Suggestions returns the nodes most related to id that are not linked to it by
// an editor nor directly, and were not dismissed, ranked with Cypher.
func (s *Store) Suggestions(ctx context.Context, id string, first int) ([]graph.RelatedItem, error) {
	return s.SuggestFrom(ctx, s, id, first)
}

// SuggestFrom returns the nodes most related to id by ranking (the store's
// Cypher, or rank.Ranker's projection) that are not linked to it by an editor nor
// directly, and were not dismissed.
func (s *Store) SuggestFrom(ctx context.Context, ranking graph.Partners, id string, first int) ([]graph.RelatedItem, error) {
	if err := graph.CheckFirst(first); err != nil {
		return nil, err
	}
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
	}
	for ask := first + 20; ; ask *= 2 {
		ask = min(ask, graph.MaxRankedPage)
		items, err := ranking.Related(ctx, id, nil, ask)
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(items))
		for i, it := range items {
			ids[i] = it.ID
		}
		recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s {id: $id})
RETURN [(n)-[r:RELATED_TO]-(x) WHERE r.active AND x.id IN $ids | x.id]
     + [(n)-[:DISMISSED]-(x) WHERE x.id IN $ids | x.id]
     + [(n)-[:%s]-(x) WHERE x.id IN $ids | x.id] AS skip`, k, relatedRels), map[string]any{"id": id, "ids": ids})
		if err != nil {
			return nil, err
		}
		skip := map[string]bool{}
		for _, x := range strs(recs[0].AsMap()["skip"]) {
			skip[x] = true
		}
		out := []graph.RelatedItem{}
		for _, it := range items {
			if !skip[it.ID] && len(out) < first {
				out = append(out, it)
			}
		}
		if len(out) >= first || len(items) < ask || ask == graph.MaxRankedPage {
			return out, nil
		}
	}
}

func nullable(s string) any {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return s
}

func decodeLink(v any) graph.EditorLink {
	m, _ := v.(map[string]any)
	l := graph.EditorLink{}
	l.From, _ = m["from"].(string)
	l.To, _ = m["to"].(string)
	t, _ := m["type"].(string)
	l.Type = graph.LinkType(t)
	l.By, _ = m["by"].(string)
	l.At, _ = m["at"].(time.Time)
	l.Note, _ = m["note"].(string)
	l.Active, _ = m["active"].(bool)
	l.UnlinkedBy, _ = m["unlinkedBy"].(string)
	if at, ok := m["unlinkedAt"].(time.Time); ok {
		l.UnlinkedAt = &at
	}
	l.UnlinkNote, _ = m["unlinkNote"].(string)
	return l
}
