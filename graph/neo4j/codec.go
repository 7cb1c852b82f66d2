package neo4j

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/paulmach/orb"

	"ewsi/graph"
)

// field is one property of a domain struct, found by its `prop` tag.
type field struct {
	name     string
	index    []int
	readonly bool // set by the store (timestamps), never written from a record
	private  bool // never read back out of the store
}

var fieldCache sync.Map // reflect.Type -> []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, idx)
				continue
			}
			tag := sf.Tag.Get("prop")
			if tag == "" || tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			out = append(out, field{name: name, index: idx,
				readonly: strings.Contains(opts, "readonly"), private: strings.Contains(opts, "private")})
		}
	}
	walk(t, nil)
	fieldCache.Store(t, out)
	return out
}

// encode turns a node into the property map written to Neo4j. Empty values are
// nil so that `SET n += props` removes a property a record no longer has.
func encode(n graph.Node) map[string]any {
	v := reflect.ValueOf(n).Elem()
	props := map[string]any{}
	for _, f := range fieldsOf(v.Type()) {
		if f.readonly || f.name == "id" {
			continue
		}
		props[f.name] = encodeValue(v.FieldByIndex(f.index))
	}
	return props
}

func encodeValue(v reflect.Value) any {
	switch x := v.Interface().(type) {
	case *graph.Date:
		if x == nil || x.IsZero() {
			return nil
		}
		return dbtype.Date(x.Time())
	case *orb.Point:
		if x == nil {
			return nil
		}
		return dbtype.Point2D{X: x[0], Y: x[1], SpatialRefId: 4326}
	case *time.Time:
		if x == nil || x.IsZero() {
			return nil
		}
		return x.UTC()
	case []string:
		if len(x) == 0 {
			return nil
		}
		return x
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return v.Int()
	case reflect.Float64, reflect.Float32:
		return v.Float()
	}
	panic(fmt.Sprintf("neo4j: cannot encode %s", v.Type()))
}

// decode builds the node of kind k from a property map read from Neo4j. Private
// properties are left empty.
func decode(k graph.Kind, props map[string]any) (graph.Node, error) {
	n := graph.New(k)
	if n == nil {
		return nil, fmt.Errorf("neo4j: no Go type for label %s", k)
	}
	v := reflect.ValueOf(n).Elem()
	for _, f := range fieldsOf(v.Type()) {
		raw, ok := props[f.name]
		if !ok || raw == nil || f.private {
			continue
		}
		if err := decodeValue(v.FieldByIndex(f.index), raw); err != nil {
			return nil, fmt.Errorf("neo4j: %s.%s: %w", k, f.name, err)
		}
	}
	return n, nil
}

func decodeValue(dst reflect.Value, raw any) error {
	switch dst.Interface().(type) {
	case *graph.Date:
		d, ok := raw.(dbtype.Date)
		if !ok {
			return fmt.Errorf("want a date, got %T", raw)
		}
		gd := graph.DateOf(d.Time())
		dst.Set(reflect.ValueOf(&gd))
		return nil
	case *orb.Point:
		p, ok := raw.(dbtype.Point2D)
		if !ok {
			return fmt.Errorf("want a point, got %T", raw)
		}
		dst.Set(reflect.ValueOf(&orb.Point{p.X, p.Y}))
		return nil
	case time.Time:
		t, ok := raw.(time.Time)
		if !ok {
			return fmt.Errorf("want a datetime, got %T", raw)
		}
		dst.Set(reflect.ValueOf(t))
		return nil
	case *time.Time:
		t, ok := raw.(time.Time)
		if !ok {
			return fmt.Errorf("want a datetime, got %T", raw)
		}
		t = t.UTC()
		dst.Set(reflect.ValueOf(&t))
		return nil
	case []string:
		list, ok := raw.([]any)
		if !ok {
			return fmt.Errorf("want a list, got %T", raw)
		}
		out := make([]string, 0, len(list))
		for _, x := range list {
			s, _ := x.(string)
			out = append(out, s)
		}
		dst.Set(reflect.ValueOf(out))
		return nil
	}
	switch dst.Kind() {
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			return fmt.Errorf("want a string, got %T", raw)
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			return fmt.Errorf("want a boolean, got %T", raw)
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, ok := raw.(int64)
		if !ok {
			return fmt.Errorf("want an integer, got %T", raw)
		}
		dst.SetInt(i)
	case reflect.Float64, reflect.Float32:
		switch x := raw.(type) {
		case float64:
			dst.SetFloat(x)
		case int64:
			dst.SetFloat(float64(x))
		default:
			return fmt.Errorf("want a number, got %T", raw)
		}
	default:
		return fmt.Errorf("cannot decode into %s", dst.Type())
	}
	return nil
}
