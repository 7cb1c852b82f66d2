package neo4j

import (
	"context"
	"reflect"
	"strings"

	"ewsi/graph"
)

// propsOf is the Cypher expression of the properties of v, a node of kind k, that
// a read under ctx returns: properties(v), or a map projection without the
// properties that graph.Omitted(ctx) leaves out (and without private ones,
// which decoding drops anyway). The names come from the domain types' tags.
func propsOf(ctx context.Context, k graph.Kind, v string) string {
	omit := graph.Omitted(ctx)
	if len(omit) == 0 {
		return "properties(" + v + ")"
	}
	n := graph.New(k)
	if n == nil {
		return "properties(" + v + ")"
	}
	var keep []string
	dropped := false
	for _, f := range fieldsOf(reflect.TypeOf(n).Elem()) {
		switch {
		case omit[f.name]:
			dropped = true
		case !f.private:
			keep = append(keep, "."+f.name)
		}
	}
	if !dropped {
		return "properties(" + v + ")"
	}
	return v + " {" + strings.Join(keep, ", ") + "}"
}
