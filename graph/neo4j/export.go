package neo4j

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

var _ graph.Backup = (*Store)(nil)

// exportPage is how many nodes one export query reads.
const exportPage = 2000

// referencePrefix is the id prefix of kind k's reference data, which every
// start and ingest loads again and an export leaves out; a prefix no id has
// for the other kinds.
func referencePrefix(k graph.Kind) string {
	if k == graph.KindDocument {
		return graph.EULawIDPrefix
	}
	return "\x00"
}

// exportKinds are the kinds of the ingest format, in the order an export writes them.
var exportKinds = []graph.Kind{graph.KindOrganisation, graph.KindLocalAuthority, graph.KindFunding, graph.KindPerson,
	graph.KindPractice, graph.KindDocument, graph.KindNews, graph.KindEvent}

// ExportNodes reads the chosen content nodes page by page (by id) with the links each owns.
func (s *Store) ExportNodes(ctx context.Context, f graph.ExportFilter, private bool, fn func(graph.Record) error) error {
	var country any
	if f.Country != "" {
		iso, ok := graph.CountryCode(f.Country)
		if !ok {
			return graph.Errorf(graph.EINVALID, "country", "%q is not a two-letter country code", f.Country)
		}
		country = iso
	}
	for _, k := range exportKinds {
		if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, k) {
			continue
		}
		incoming := []string{}
		if k == graph.KindPractice {
			incoming = graph.OwnedIncoming
		}
		after := ""
		for {
			recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:%s) WHERE n.id > $after AND NOT n.id STARTS WITH $reference
  AND ($country IS NULL OR EXISTS { (n)-[:IN]->(:Country {iso2: $country}) })
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props,
  [(n)-[r]->(m) WHERE type(r) IN $out | [type(r), m.id]] AS out,
  [(n)<-[r]-(m) WHERE type(r) IN $in | [type(r), m.id]] AS in`, k),
				map[string]any{"after": after, "country": country, "limit": exportPage, "reference": referencePrefix(k),
					"out": graph.OwnedOutgoing, "in": incoming})
			if err != nil {
				return err
			}
			for _, r := range recs {
				m := r.AsMap()
				props, _ := m["props"].(map[string]any)
				node, err := decode(k, props)
				if err != nil {
					return err
				}
				if private {
					if err := decodePrivate(node, props); err != nil {
						return err
					}
				}
				rec := graph.Record{Node: node}
				for _, dir := range []string{"out", "in"} {
					list, _ := m[dir].([]any)
					for _, x := range list {
						pair, _ := x.([]any)
						rec.Links = append(rec.Links, graph.Link{Type: str(pair[0]), To: str(pair[1]), Incoming: dir == "in"})
					}
				}
				slices.SortFunc(rec.Links, func(a, b graph.Link) int { return strings.Compare(a.Key(), b.Key()) })
				if err := fn(rec); err != nil {
					return err
				}
				after = str(m["id"])
			}
			if len(recs) < exportPage {
				break
			}
		}
	}
	return nil
}

// decodePrivate sets the private properties (a person's email and password
// hash) that decode leaves out.
func decodePrivate(n graph.Node, props map[string]any) error {
	v := reflect.ValueOf(n).Elem()
	for _, f := range fieldsOf(v.Type()) {
		raw, ok := props[f.name]
		if !f.private || !ok || raw == nil {
			continue
		}
		if err := decodeValue(v.FieldByIndex(f.index), raw); err != nil {
			return fmt.Errorf("neo4j: %s.%s: %w", n.NodeKind(), f.name, err)
		}
	}
	return nil
}

// ExportLinks reads every editor link, active or retired.
func (s *Store) ExportLinks(ctx context.Context, fn func(graph.EditorLink) error) error {
	recs, err := s.read(ctx, `MATCH (a)-[r:RELATED_TO]->(b) RETURN `+linkFields+` ORDER BY r.at, a.id, b.id, r.kind`, nil)
	if err != nil {
		return err
	}
	for _, r := range recs {
		v, _ := r.Get("link")
		if err := fn(decodeLink(v)); err != nil {
			return err
		}
	}
	return nil
}

// ExportDismissals reads every dismissal.
func (s *Store) ExportDismissals(ctx context.Context, fn func(graph.Dismissal) error) error {
	recs, err := s.read(ctx, `MATCH (a)-[d:DISMISSED]->(b)
RETURN a.id AS from, b.id AS to, d.by AS by, d.at AS at, d.note AS note ORDER BY d.at, a.id, b.id`, nil)
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := r.AsMap()
		d := graph.Dismissal{From: str(m["from"]), To: str(m["to"]), By: str(m["by"]), Note: str(m["note"])}
		d.At, _ = m["at"].(time.Time)
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// ExportRequests reads every partner request with its replies.
func (s *Store) ExportRequests(ctx context.Context, private bool, fn func(graph.RequestBackup, []graph.ReplyBackup) error) error {
	recs, err := s.read(ctx, `
MATCH (r:PartnerRequest) WITH r ORDER BY r.id
RETURN r.id AS id, properties(r) AS props, head([(r)-[:POSTED_BY]->(o:Organisation) | o.id]) AS org,
  [(r)-[:ABOUT]->(t) | t.id] AS topics, [(r)-[:SEEKS_IN]->(c:Country) | c.iso2] AS countries,
  head([(r)-[:TARGETS]->(f:Funding) | f.id]) AS funding,
  [(p:PartnerReply)-[:ANSWERS]->(r) | {id: p.id, props: properties(p), org: head([(p)-[:FROM]->(o:Organisation) | o.id])}] AS replies`, nil)
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := r.AsMap()
		req := graph.RequestBackup{ID: str(m["id"]), Props: exportProps(m["props"], graph.RequestProps, private),
			Organisation: str(m["org"]), Topics: strs(m["topics"]), Countries: strs(m["countries"]), Funding: str(m["funding"])}
		slices.Sort(req.Topics)
		slices.Sort(req.Countries)
		list, _ := m["replies"].([]any)
		var reps []graph.ReplyBackup
		for _, x := range list {
			p, _ := x.(map[string]any)
			reps = append(reps, graph.ReplyBackup{ID: str(p["id"]), Props: exportProps(p["props"], graph.ReplyProps, private),
				Request: req.ID, Organisation: str(p["org"])})
		}
		slices.SortFunc(reps, func(a, b graph.ReplyBackup) int { return strings.Compare(a.ID, b.ID) })
		if err := fn(req, reps); err != nil {
			return err
		}
	}
	return nil
}

// exportProps keeps the known properties of a request or reply, dates as
// graph.Date, leaving out private ones unless private is true.
func exportProps(v any, known map[string]string, private bool) map[string]any {
	props, _ := v.(map[string]any)
	out := make(map[string]any, len(props))
	for k, x := range props {
		if _, ok := known[k]; !ok || (graph.PrivateProps[k] && !private) || x == nil {
			continue
		}
		switch y := x.(type) {
		case dbtype.Date:
			out[k] = graph.DateOf(y.Time())
		case []any:
			out[k] = strs(y)
		default:
			out[k] = x
		}
	}
	return out
}
