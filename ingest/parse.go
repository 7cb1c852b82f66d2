package ingest

import (
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// recordTypes maps the `type` field to the kind of node it makes.
var recordTypes = map[string]graph.Kind{
	"practice": graph.KindPractice, "organisation": graph.KindOrganisation,
	"authority": graph.KindLocalAuthority, "person": graph.KindPerson,
	"document": graph.KindDocument, "news": graph.KindNews, "event": graph.KindEvent,
	"funding": graph.KindFunding,
}

// RecordTypes lists the accepted values of the `type` field.
func RecordTypes() []string {
	out := make([]string, 0, len(recordTypes))
	for t := range recordTypes {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// KindOfType returns the kind of node a record `type` makes.
func KindOfType(t string) (graph.Kind, bool) {
	k, ok := recordTypes[t]
	return k, ok
}

// SideTypes lists the `type` values of the side records of an export.
func SideTypes() []string {
	return []string{TypeEditorLink, TypeDismissal, TypeRequest, TypeReply}
}

// linkFields are the fields of a record that become relationships.
type linkFields struct {
	Type          string   `json:"type"`
	Country       string   `json:"country"`
	Themes        []string `json:"themes"`
	Subthemes     []string `json:"subthemes"`
	Principles    []int    `json:"principles"`
	Implementers  []string `json:"implementers"`
	Partners      []string `json:"partners"`
	Organisations []string `json:"organisations"`
	PublishedBy   string   `json:"publishedBy"`
	FundedBy      []string `json:"fundedBy"`
	Lat           *float64 `json:"lat"`
	Lon           *float64 `json:"lon"`
}

// linkRule says which link fields a kind accepts and which it requires.
type linkRule struct{ allowed, required []string }

var linkRules = map[graph.Kind]linkRule{
	graph.KindPractice:       {[]string{"country", "themes", "subthemes", "principles", "implementers", "partners", "fundedBy", "lat", "lon"}, []string{"country", "themes"}},
	graph.KindOrganisation:   {[]string{"country", "themes", "subthemes", "principles", "lat", "lon"}, []string{"country"}},
	graph.KindLocalAuthority: {[]string{"country", "themes", "subthemes", "lat", "lon"}, []string{"country", "lat", "lon"}},
	graph.KindPerson:         {[]string{"organisations"}, nil},
	graph.KindDocument:       {[]string{"country", "themes", "subthemes", "principles", "publishedBy"}, nil},
	graph.KindNews:           {[]string{"country", "themes", "subthemes", "principles"}, nil},
	graph.KindEvent:          {[]string{"country", "themes", "subthemes", "principles", "lat", "lon"}, nil},
	graph.KindFunding:        {[]string{"country", "themes", "subthemes", "principles"}, nil},
}

// jsonFields maps the json names of a node type's fields (embedded structs
// included) to their field index.
func jsonFields(t reflect.Type, index []int, into map[string][]int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		idx := append(append([]int(nil), index...), i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			jsonFields(f.Type, idx, into)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			into[name] = idx
		}
	}
}

var fieldIndexes sync.Map // reflect.Type -> map[string][]int

// fieldIndex returns the json field names of t with their indexes, computed once per type.
func fieldIndex(t reflect.Type) map[string][]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	jsonFields(t, nil, m)
	fieldIndexes.Store(t, m)
	return m
}

// fieldError turns a JSON decoding error into a field and a reason.
func fieldError(err error) *graph.Error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return graph.Errorf(graph.EINVALID, te.Field, "must be %s, not %s", jsonType(te.Type), te.Value)
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return ge
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return graph.Errorf(graph.EINVALID, "", "malformed JSON at byte %d: %v", se.Offset, err)
	}
	return graph.Errorf(graph.EINVALID, "", "malformed JSON: %v", err)
}

func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	}
	return t.String()
}

// Parse turns one JSON object into a record; src ("file:line") prefixes errors.
// Unknown fields, a missing or unknown type, wrong value types and every
// validation failure are errors naming the field.
func Parse(src string, line []byte) (*graph.Record, error) {
	wrap := func(e *graph.Error) error {
		if e.Where == "" {
			e.Where = src
		} else {
			e.Where = src + ": " + e.Where
		}
		return e
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return nil, wrap(fieldError(err))
	}
	var lf linkFields
	lv := reflect.ValueOf(&lf).Elem()
	for name, idx := range fieldIndex(reflect.TypeOf(lf)) {
		if v, ok := raw[name]; ok {
			if err := json.Unmarshal(v, lv.FieldByIndex(idx).Addr().Interface()); err != nil {
				fe := fieldError(err)
				fe.Where = name
				return nil, wrap(fe)
			}
		}
	}
	if sideTypes[lf.Type] {
		rec, errs := parseSide(lf.Type, line)
		if len(errs) > 0 {
			for _, e := range errs {
				wrap(e)
			}
			return nil, errs.Err()
		}
		rec.Source = src
		return rec, nil
	}
	kind, ok := recordTypes[strings.ToLower(lf.Type)]
	if !ok {
		if lf.Type == "" {
			return nil, wrap(graph.Errorf(graph.EINVALID, "type", "is required (one of %s)", strings.Join(RecordTypes(), ", ")))
		}
		return nil, wrap(graph.Errorf(graph.EINVALID, "type", "%q is not one of %s (or, in an export, %s)", lf.Type, strings.Join(RecordTypes(), ", "), strings.Join(SideTypes(), ", ")))
	}
	node := graph.New(kind).(graph.Validator)
	fields := fieldIndex(reflect.TypeOf(node).Elem())
	known := map[string]bool{"type": true}
	if kind == graph.KindPerson {
		known["passwordHash"] = true // private: written by an export with private data
	}
	known["createdAt"], known["updatedAt"] = true, true // written by an export
	for f := range fields {
		known[f] = true
	}
	rule := linkRules[kind]
	for _, f := range rule.allowed {
		known[f] = true
	}
	var errs graph.Errors
	names := make([]string, 0, len(raw))
	for name := range raw {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !known[name] {
			errs = append(errs, graph.Errorf(graph.EINVALID, name, "is not a field of %s record", article(lf.Type)))
		}
	}
	if len(errs) > 0 {
		return nil, wrap(errs[0])
	}
	for _, name := range names {
		if e := checkText(name, raw[name]); e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) == 0 && !utf8.Valid(line) {
		errs = append(errs, graph.Errorf(graph.EINVALID, "", "is not valid UTF-8 (byte %d); save the file as UTF-8", badByte(line)))
	}
	if len(errs) > 0 {
		for _, e := range errs {
			wrap(e)
		}
		return nil, errs.Err()
	}
	// decode field by field, so that every error names its field
	v := reflect.ValueOf(node).Elem()
	for _, name := range names {
		idx, ok := fields[name]
		if !ok {
			continue
		}
		if err := json.Unmarshal(raw[name], v.FieldByIndex(idx).Addr().Interface()); err != nil {
			fe := fieldError(err)
			fe.Where = name
			errs = append(errs, fe)
		}
	}
	if p, ok := node.(*graph.Person); ok && raw["passwordHash"] != nil {
		if err := json.Unmarshal(raw["passwordHash"], &p.PasswordHash); err != nil {
			errs = append(errs, graph.Errorf(graph.EINVALID, "passwordHash", "must be a string"))
		}
	}
	meta := metaOf(node)
	for name, at := range map[string]*time.Time{"createdAt": &meta.CreatedAt, "updatedAt": &meta.UpdatedAt} {
		if v, ok := raw[name]; ok {
			var s string
			t, err := time.Parse(time.RFC3339Nano, strings.Trim(string(v), `"`))
			if json.Unmarshal(v, &s) != nil || err != nil {
				errs = append(errs, graph.Errorf(graph.EINVALID, name, "%s is not a time (RFC 3339, 2024-05-06T07:08:09Z)", v))
				continue
			}
			*at = t.UTC()
		}
	}
	if meta.ID != "" {
		meta.ID = graph.ID(kind, meta.ID)
	}
	if meta.Status == "" {
		meta.Status = graph.StatusPublished
	}
	for _, f := range rule.required {
		if _, ok := raw[f]; !ok {
			errs = append(errs, graph.Errorf(graph.EINVALID, f, "is required for %s", article(lf.Type)))
		}
	}
	if p, err := graph.PointFrom(lf.Lat, lf.Lon); err != nil {
		errs = append(errs, graph.ErrorList(err)...)
	} else if p != nil {
		setLocation(node, *p)
	}
	if err := node.Validate(); err != nil {
		errs = append(errs, graph.ErrorList(err)...)
	}
	rec := &graph.Record{Node: node, Source: src}
	links, lerrs := lf.links(kind)
	errs = append(errs, lerrs...)
	rec.Links = links
	if len(errs) > 0 {
		for _, e := range errs {
			wrap(e)
		}
		return nil, errs.Err()
	}
	return rec, nil
}

// metaOf returns the node's Meta.
func metaOf(n graph.Node) *graph.Meta {
	return reflect.ValueOf(n).Elem().FieldByName("Meta").Addr().Interface().(*graph.Meta)
}

// setLocation sets the node's Location field, where it has one.
func setLocation(n graph.Node, p orb.Point) {
	f := reflect.ValueOf(n).Elem().FieldByName("Location")
	if f.IsValid() {
		f.Set(reflect.ValueOf(&p))
	}
}

// links turns the link fields into links, checking each id's kind.
func (lf linkFields) links(kind graph.Kind) ([]graph.Link, graph.Errors) {
	var links []graph.Link
	var errs graph.Errors
	add := func(field, rel string, incoming bool, v string, def graph.Kind, allowed ...graph.Kind) {
		id := strings.TrimSpace(v)
		if id == "" {
			errs = append(errs, graph.Errorf(graph.EINVALID, field, "empty id"))
			return
		}
		if _, ok := graph.KindOfID(id); !ok {
			id = graph.ID(def, id)
		}
		k, _ := graph.KindOfID(id)
		for _, a := range allowed {
			if a == k {
				links = append(links, graph.Link{Type: rel, To: id, Incoming: incoming})
				return
			}
		}
		errs = append(errs, graph.Errorf(graph.EINVALID, field, "%q is not the id of a %s", v, kindList(allowed)))
	}
	if lf.Country != "" {
		iso, ok := graph.CountryCode(lf.Country)
		if !ok {
			errs = append(errs, graph.Errorf(graph.EINVALID, "country", "%q is not a two-letter country code", lf.Country))
		} else {
			links = append(links, graph.Link{Type: graph.RelIn, To: graph.ID(graph.KindCountry, iso)})
		}
	}
	for _, t := range lf.Themes {
		add("themes", graph.RelAbout, false, strings.ToLower(t), graph.KindTheme, graph.KindTheme)
	}
	for _, t := range lf.Subthemes {
		add("subthemes", graph.RelAbout, false, strings.ToLower(t), graph.KindSubtheme, graph.KindSubtheme)
	}
	for _, p := range lf.Principles {
		if p < 1 || p > 11 {
			errs = append(errs, graph.Errorf(graph.EINVALID, "principles", "%d is not a Common Basic Principle (1-11)", p))
			continue
		}
		links = append(links, graph.Link{Type: graph.RelApplies, To: graph.PrincipleID(p)})
	}
	for _, v := range lf.Implementers {
		add("implementers", graph.RelImplements, true, v, graph.KindOrganisation, graph.KindOrganisation, graph.KindLocalAuthority)
	}
	for _, v := range lf.Partners {
		add("partners", graph.RelPartnerIn, true, v, graph.KindOrganisation, graph.KindOrganisation)
	}
	for _, v := range lf.Organisations {
		add("organisations", graph.RelMemberOf, false, v, graph.KindOrganisation, graph.KindOrganisation)
	}
	if lf.PublishedBy != "" {
		add("publishedBy", graph.RelPublishedBy, false, lf.PublishedBy, graph.KindOrganisation, graph.KindOrganisation)
	}
	for _, v := range lf.FundedBy {
		add("fundedBy", graph.RelFundedBy, false, v, graph.KindFunding, graph.KindFunding)
	}
	return dedupe(links), errs
}

func dedupe(links []graph.Link) []graph.Link {
	seen := map[string]bool{}
	out := links[:0]
	for _, l := range links {
		if !seen[l.Key()] {
			seen[l.Key()] = true
			out = append(out, l)
		}
	}
	return out
}

func kindList(ks []graph.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = strings.ToLower(string(k))
	}
	return strings.Join(s, " or ")
}

// fieldOfLink names the record field a link came from, for error messages.
func fieldOfLink(l graph.Link) string {
	switch l.Type {
	case graph.RelIn:
		return "country"
	case graph.RelAbout:
		if strings.HasPrefix(l.To, "subtheme:") {
			return "subthemes"
		}
		return "themes"
	case graph.RelApplies:
		return "principles"
	case graph.RelImplements:
		return "implementers"
	case graph.RelPartnerIn:
		return "partners"
	case graph.RelMemberOf:
		return "organisations"
	case graph.RelPublishedBy:
		return "publishedBy"
	case graph.RelFundedBy:
		return "fundedBy"
	}
	return strings.ToLower(l.Type)
}

// locationOf returns the node's Location, where it has one set.
func locationOf(n graph.Node) *orb.Point {
	f := reflect.ValueOf(n).Elem().FieldByName("Location")
	if !f.IsValid() || f.IsNil() {
		return nil
	}
	return f.Interface().(*orb.Point)
}
