package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
)

// Exporter writes the graph in the ingest format (JSON Lines), so that an
// export loaded into an empty store with the reference data gives the same
// graph: content records with their links, then, unless left out, editors'
// links and dismissals and partner requests with their replies.
type Exporter struct {
	B      graph.Backup
	Filter graph.ExportFilter
	// Private includes what only an operator's backup may hold: people (whose
	// email is private) with their password hashes, and the contacts of partner
	// requests and replies. Without it people are left out.
	Private bool
	// NoContent leaves out the content records; NoRequests partner requests and
	// their replies; NoLinks editors' links and dismissals.
	NoContent, NoRequests, NoLinks bool
}

// ExportSummary counts what an export wrote, by record type.
type ExportSummary struct {
	Records map[string]int
	// PeopleLeftOut counts the people not written because private data was not asked for.
	PeopleLeftOut int
}

// String formats the summary on one line.
func (s ExportSummary) String() string {
	types := make([]string, 0, len(s.Records))
	for t := range s.Records {
		types = append(types, t)
	}
	sort.Strings(types)
	parts := make([]string, 0, len(types))
	total := 0
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%s %d", t, s.Records[t]))
		total += s.Records[t]
	}
	out := fmt.Sprintf("exported %d records (%s)", total, strings.Join(parts, ", "))
	if s.PeopleLeftOut > 0 {
		out += fmt.Sprintf("; %d people left out: their emails are private (use --include-private)", s.PeopleLeftOut)
	}
	return out
}

// recordType is the `type` of each kind's records.
var recordType = func() map[graph.Kind]string {
	m := map[graph.Kind]string{}
	for t, k := range recordTypes {
		m[k] = t
	}
	return m
}()

// Export writes the records to w.
func (e *Exporter) Export(ctx context.Context, w io.Writer) (ExportSummary, error) {
	sum := ExportSummary{Records: map[string]int{}}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "# EWSI Graph export of %s in the ingest format; load it into an empty store with: ewsi ingest --reference FILE\n",
		time.Now().UTC().Format(time.RFC3339))
	if !e.Private {
		fmt.Fprintln(bw, "# without private data: people, and the contacts of partner requests and replies, are left out")
	}
	put := func(typ string, v any) error {
		b, err := marshal(v)
		if err != nil {
			return err
		}
		sum.Records[typ]++
		bw.Write(b)
		return bw.WriteByte('\n')
	}
	var err error
	if !e.NoContent {
		err = e.B.ExportNodes(ctx, e.Filter, e.Private, func(rec graph.Record) error {
			if rec.Node.NodeKind() == graph.KindPerson && !e.Private {
				sum.PeopleLeftOut++
				return nil
			}
			obj, err := RecordObject(rec)
			if err != nil {
				return err
			}
			return put(recordType[rec.Node.NodeKind()], obj)
		})
	}
	if err == nil && !e.NoRequests {
		err = e.B.ExportRequests(ctx, e.Private, func(r graph.RequestBackup, reps []graph.ReplyBackup) error {
			if err := put(TypeRequest, requestJSON{Type: TypeRequest, ID: r.ID, Organisation: r.Organisation, Topics: r.Topics,
				Countries: r.Countries, Funding: r.Funding, Props: r.Props}); err != nil {
				return err
			}
			for _, p := range reps {
				if err := put(TypeReply, replyJSON{Type: TypeReply, ID: p.ID, Request: p.Request, Organisation: p.Organisation, Props: p.Props}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err == nil && !e.NoLinks {
		err = e.B.ExportLinks(ctx, func(l graph.EditorLink) error {
			return put(TypeEditorLink, linkJSON{Type: TypeEditorLink, From: l.From, To: l.To, LinkType: string(l.Type), By: l.By,
				At: l.At, Note: l.Note, Active: l.Active, UnlinkedBy: l.UnlinkedBy, UnlinkedAt: l.UnlinkedAt, UnlinkNote: l.UnlinkNote})
		})
	}
	if err == nil && !e.NoLinks {
		err = e.B.ExportDismissals(ctx, func(d graph.Dismissal) error {
			return put(TypeDismissal, dismissalJSON{Type: TypeDismissal, From: d.From, To: d.To, By: d.By, At: d.At, Note: d.Note})
		})
	}
	return sum, flush(bw, err)
}

func flush(bw *bufio.Writer, err error) error {
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// marshal writes v as JSON on one line, without escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// orderedObject is a JSON object written with type and id first, then the
// other fields by name.
type orderedObject map[string]any

// MarshalJSON writes type and id first.
func (o orderedObject) MarshalJSON() ([]byte, error) {
	keys := make([]string, 0, len(o))
	for k := range o {
		if k != "type" && k != "id" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	keys = append([]string{"type", "id"}, keys...)
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		v, ok := o[k]
		if !ok {
			continue
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		b, err := marshal(v)
		if err != nil {
			return nil, err
		}
		buf.WriteString(strconv.Quote(k))
		buf.WriteByte(':')
		buf.Write(b)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// RecordObject is the ingest-format object of a content record: its fields by
// their JSON names, its type, its owned links as link fields and its location
// as lat and lon.
func RecordObject(rec graph.Record) (any, error) {
	typ, ok := recordType[rec.Node.NodeKind()]
	if !ok {
		return nil, fmt.Errorf("ingest: no record type for %s", rec.Node.NodeKind())
	}
	b, err := json.Marshal(rec.Node)
	if err != nil {
		return nil, err
	}
	obj := orderedObject{}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&obj); err != nil {
		return nil, err
	}
	for k, v := range obj {
		if v == nil {
			delete(obj, k)
		}
	}
	obj["type"] = typ
	if m := metaOf(rec.Node); !m.CreatedAt.IsZero() {
		obj["createdAt"], obj["updatedAt"] = m.CreatedAt.UTC().Format(time.RFC3339Nano), m.UpdatedAt.UTC().Format(time.RFC3339Nano)
	}
	if p, ok := rec.Node.(*graph.Person); ok && p.PasswordHash != "" {
		obj["passwordHash"] = p.PasswordHash
	}
	if loc := locationOf(rec.Node); loc != nil {
		obj["lat"], obj["lon"] = loc[1], loc[0]
	}
	lists := map[string][]any{}
	for _, l := range rec.Links {
		field := fieldOfLink(l)
		_, local, _ := strings.Cut(l.To, ":")
		switch field {
		case "country", "publishedBy":
			if field == "country" {
				obj[field] = local
			} else {
				obj[field] = l.To
			}
		case "themes", "subthemes":
			lists[field] = append(lists[field], local)
		case "principles":
			n, err := strconv.Atoi(local)
			if err != nil {
				return nil, fmt.Errorf("ingest: %s: principle id %q", rec.Node.NodeID(), l.To)
			}
			lists[field] = append(lists[field], n)
		default:
			lists[field] = append(lists[field], l.To)
		}
	}
	for f, list := range lists {
		obj[f] = list
	}
	return obj, nil
}
