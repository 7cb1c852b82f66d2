package reference

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"

	"ewsi/graph"
)

// element is one member of a JSON array, with the line of the file it starts on.
type element[T any] struct {
	Value T
	Line  int
}

// decodeArray reads data, a JSON array of objects, member by member. It refuses
// fields the target type does not know, and its errors name the file and the line.
func decodeArray[T any](file string, data []byte) ([]element[T], error) {
	var probe any
	if err := json.Unmarshal(data, &probe); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, graph.Errorf(graph.EINVALID, where(file, lineAt(data, int(syn.Offset))), "malformed JSON: %s", syn.Error())
		}
		return nil, graph.Errorf(graph.EINVALID, file, "malformed JSON: %v", err)
	}
	if _, ok := probe.([]any); !ok {
		return nil, graph.Errorf(graph.EINVALID, where(file, lineAt(data, skipSpace(data, 0))), "the file must hold a JSON array")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if _, err := dec.Token(); err != nil { // the opening bracket, checked above
		return nil, graph.Errorf(graph.EINVALID, file, "malformed JSON: %v", err)
	}
	var out []element[T]
	for dec.More() {
		start := skipSpace(data, int(dec.InputOffset()))
		line := lineAt(data, start)
		var v T
		if err := dec.Decode(&v); err != nil {
			return nil, graph.Errorf(graph.EINVALID, where(file, line), "%s", describe(err))
		}
		out = append(out, element[T]{Value: v, Line: line})
	}
	if _, err := dec.Token(); err != nil && err != io.EOF {
		return nil, graph.Errorf(graph.EINVALID, file, "malformed JSON: %v", err)
	}
	return out, nil
}

// describe turns a decoding error of one array member into a sentence naming the field.
func describe(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		field := typ.Field
		if field == "" {
			return fmt.Sprintf("expected an object, found a JSON %s", typ.Value)
		}
		return fmt.Sprintf("field %s: expected %s, found a JSON %s", field, typ.Type, typ.Value)
	}
	return err.Error() // unknown fields: `json: unknown field "x"`
}

// skipSpace returns the offset of the first byte at or after off that is neither
// white space nor a comma separating array members.
func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// where formats "file:line".
func where(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checker gathers the validation errors of one array member.
type checker struct {
	at   string
	errs graph.Errors
}

// failf records an error about field.
func (c *checker) failf(field, format string, args ...any) {
	c.errs = append(c.errs, graph.Errorf(graph.EINVALID, c.at, "field %s: %s", field, fmt.Sprintf(format, args...)))
}

// text requires a non-blank string.
func (c *checker) text(field, v string) {
	if len(bytes.TrimSpace([]byte(v))) == 0 {
		c.failf(field, "must not be empty")
	}
}

// slug requires a lower-case, dash-separated slug.
func (c *checker) slug(field, v string) {
	if !slugRE.MatchString(v) {
		c.failf(field, "%q is not a slug (lower-case letters and digits separated by single dashes)", v)
	}
}
