package ingest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"ewsi/graph"
)

// Side records are what an export holds besides content: editors' links and
// dismissals, partner requests and replies. They are not nodes of the ingest
// format's kinds; the loader checks their references like links and writes them
// after the content, through the store's restore (graph.Backup).
const (
	TypeEditorLink = "editorLink"
	TypeDismissal  = "dismissal"
	TypeRequest    = "request"
	TypeReply      = "reply"
)

// sideTypes are the `type` values of side records.
var sideTypes = map[string]bool{TypeEditorLink: true, TypeDismissal: true, TypeRequest: true, TypeReply: true}

// Side is the node of a side record: one of its fields is set.
type Side struct {
	id        string
	Link      *graph.EditorLink
	Dismissal *graph.Dismissal
	Request   *graph.RequestBackup
	Reply     *graph.ReplyBackup
}

// NodeID returns a key that identifies the side record within a load.
func (s *Side) NodeID() string { return s.id }

// NodeKind returns the side record's type.
func (s *Side) NodeKind() graph.Kind {
	switch {
	case s.Link != nil:
		return TypeEditorLink
	case s.Dismissal != nil:
		return TypeDismissal
	case s.Request != nil:
		return TypeRequest
	}
	return TypeReply
}

// linkJSON, dismissalJSON, requestJSON and replyJSON are the side records as written.
type linkJSON struct {
	Type       string     `json:"type"`
	From       string     `json:"from"`
	To         string     `json:"to"`
	LinkType   string     `json:"linkType"`
	By         string     `json:"by"`
	At         time.Time  `json:"at"`
	Note       string     `json:"note,omitempty"`
	Active     bool       `json:"active"`
	UnlinkedBy string     `json:"unlinkedBy,omitempty"`
	UnlinkedAt *time.Time `json:"unlinkedAt,omitempty"`
	UnlinkNote string     `json:"unlinkNote,omitempty"`
}

type dismissalJSON struct {
	Type string    `json:"type"`
	From string    `json:"from"`
	To   string    `json:"to"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
	Note string    `json:"note,omitempty"`
}

type requestJSON struct {
	Type         string         `json:"type"`
	ID           string         `json:"id"`
	Organisation string         `json:"organisation"`
	Topics       []string       `json:"topics,omitempty"`
	Countries    []string       `json:"countries,omitempty"`
	Funding      string         `json:"funding,omitempty"`
	Props        map[string]any `json:"props"`
}

type replyJSON struct {
	Type         string         `json:"type"`
	ID           string         `json:"id"`
	Request      string         `json:"request"`
	Organisation string         `json:"organisation"`
	Props        map[string]any `json:"props"`
}

// parseSide parses a side record of type typ.
func parseSide(typ string, line []byte) (*graph.Record, graph.Errors) {
	dec := func(v any) graph.Errors {
		d := json.NewDecoder(strings.NewReader(string(line)))
		d.DisallowUnknownFields()
		if err := d.Decode(v); err != nil {
			fe := fieldError(err)
			if strings.Contains(err.Error(), "unknown field") {
				fe = graph.Errorf(graph.EINVALID, "", "%s", strings.TrimPrefix(err.Error(), "json: "))
			}
			return graph.Errors{fe}
		}
		return nil
	}
	var errs graph.Errors
	ref := func(field, id string, kinds ...graph.Kind) graph.Link {
		k, ok := graph.KindOfID(id)
		good := ok && len(kinds) == 0
		for _, want := range kinds {
			good = good || (ok && k == want)
		}
		if !good {
			errs = append(errs, graph.Errorf(graph.EINVALID, field, "%q is not the id of %s", id, article(kindList(kinds))))
		}
		return graph.Link{Type: field, To: id}
	}
	switch typ {
	case TypeEditorLink:
		var j linkJSON
		if e := dec(&j); e != nil {
			return nil, e
		}
		lt := graph.LinkType(j.LinkType)
		if !lt.Valid() {
			errs = append(errs, graph.Errorf(graph.EINVALID, "linkType", "%q is not a link type", j.LinkType))
		}
		if strings.TrimSpace(j.By) == "" || j.At.IsZero() {
			errs = append(errs, graph.Errorf(graph.EINVALID, "by", "an editor link says who drew it (by) and when (at)"))
		}
		links := []graph.Link{ref("from", j.From, graph.ContentKinds()...), ref("to", j.To, graph.ContentKinds()...)}
		l := &graph.EditorLink{From: j.From, To: j.To, Type: lt, By: j.By, At: j.At.UTC(), Note: j.Note, Active: j.Active,
			UnlinkedBy: j.UnlinkedBy, UnlinkNote: j.UnlinkNote}
		if j.UnlinkedAt != nil {
			t := j.UnlinkedAt.UTC()
			l.UnlinkedAt = &t
		}
		id := fmt.Sprintf("%s|%s|%s|%s|%s", TypeEditorLink, j.From, j.To, j.LinkType, j.At.UTC().Format(time.RFC3339Nano))
		return &graph.Record{Node: &Side{id: id, Link: l}, Links: links}, errs
	case TypeDismissal:
		var j dismissalJSON
		if e := dec(&j); e != nil {
			return nil, e
		}
		links := []graph.Link{ref("from", j.From, graph.ContentKinds()...), ref("to", j.To, graph.ContentKinds()...)}
		d := &graph.Dismissal{From: j.From, To: j.To, By: j.By, At: j.At.UTC(), Note: j.Note}
		return &graph.Record{Node: &Side{id: TypeDismissal + "|" + j.From + "|" + j.To, Dismissal: d}, Links: links}, errs
	case TypeRequest:
		var j requestJSON
		if e := dec(&j); e != nil {
			return nil, e
		}
		if !strings.HasPrefix(j.ID, graph.RequestIDPrefix) || len(j.ID) == len(graph.RequestIDPrefix) {
			errs = append(errs, graph.Errorf(graph.EINVALID, "id", "%q is not a partner request id (request:...)", j.ID))
		}
		links := []graph.Link{ref("organisation", j.Organisation, graph.KindOrganisation)}
		for _, t := range j.Topics {
			links = append(links, ref("topics", t, graph.KindTheme, graph.KindSubtheme))
		}
		var countries []string
		for _, c := range j.Countries {
			iso, ok := graph.CountryCode(c)
			if !ok {
				errs = append(errs, graph.Errorf(graph.EINVALID, "countries", "%q is not a two-letter country code", c))
				continue
			}
			countries = append(countries, iso)
			links = append(links, graph.Link{Type: "countries", To: graph.ID(graph.KindCountry, iso)})
		}
		if j.Funding != "" {
			links = append(links, ref("funding", j.Funding, graph.KindFunding))
		}
		props, perrs := sideProps(j.Props, graph.RequestProps)
		errs = append(errs, perrs...)
		r := &graph.RequestBackup{ID: j.ID, Props: props, Organisation: j.Organisation, Topics: j.Topics,
			Countries: countries, Funding: j.Funding}
		return &graph.Record{Node: &Side{id: j.ID, Request: r}, Links: links}, errs
	case TypeReply:
		var j replyJSON
		if e := dec(&j); e != nil {
			return nil, e
		}
		if !strings.HasPrefix(j.ID, graph.ReplyIDPrefix) || len(j.ID) == len(graph.ReplyIDPrefix) {
			errs = append(errs, graph.Errorf(graph.EINVALID, "id", "%q is not a partner reply id (reply:...)", j.ID))
		}
		if !strings.HasPrefix(j.Request, graph.RequestIDPrefix) {
			errs = append(errs, graph.Errorf(graph.EINVALID, "request", "%q is not a partner request id (request:...)", j.Request))
		}
		links := []graph.Link{ref("organisation", j.Organisation, graph.KindOrganisation), {Type: "request", To: j.Request}}
		props, perrs := sideProps(j.Props, graph.ReplyProps)
		errs = append(errs, perrs...)
		r := &graph.ReplyBackup{ID: j.ID, Props: props, Request: j.Request, Organisation: j.Organisation}
		return &graph.Record{Node: &Side{id: j.ID, Reply: r}, Links: links}, errs
	}
	return nil, graph.Errors{graph.Errorf(graph.EINVALID, "type", "%q is not a side record", typ)}
}

// sideProps checks the properties of a request or reply against their types and
// turns dates and times into graph.Date and time.Time.
func sideProps(in map[string]any, known map[string]string) (map[string]any, graph.Errors) {
	out := make(map[string]any, len(in))
	var errs graph.Errors
	names := make([]string, 0, len(in))
	for k := range in {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := in[k]
		field := "props." + k
		want, ok := known[k]
		if !ok {
			errs = append(errs, graph.Errorf(graph.EINVALID, field, "is not a property of this record"))
			continue
		}
		if v == nil {
			continue
		}
		bad := func() { errs = append(errs, graph.Errorf(graph.EINVALID, field, "must be %s", want)) }
		switch want {
		case "string":
			s, ok := v.(string)
			if !ok || len(s) > 50000 {
				bad()
				continue
			}
			out[k] = s
		case "bool":
			b, ok := v.(bool)
			if !ok {
				bad()
				continue
			}
			out[k] = b
		case "strings":
			list, ok := v.([]any)
			var ss []string
			for _, x := range list {
				s, isStr := x.(string)
				ok = ok && isStr
				ss = append(ss, s)
			}
			if !ok {
				bad()
				continue
			}
			out[k] = ss
		case "date":
			var d graph.Date
			s, _ := v.(string)
			if err := d.UnmarshalJSON([]byte(fmt.Sprintf("%q", s))); err != nil || s == "" {
				errs = append(errs, graph.Errorf(graph.EINVALID, field, "%v is not a date (YYYY-MM-DD)", v))
				continue
			}
			out[k] = d
		case "time":
			s, _ := v.(string)
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				errs = append(errs, graph.Errorf(graph.EINVALID, field, "%v is not a time (RFC 3339)", v))
				continue
			}
			out[k] = t.UTC()
		}
	}
	return out, errs
}
