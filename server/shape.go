package server

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Codes of the shape limits, in extensions.code.
const (
	codeTooDeep      = "QUERY_TOO_DEEP"
	codeTooManyAlias = "TOO_MANY_ALIASES"
	codeTooManyField = "TOO_MANY_FIELDS"
)

// maxIntrospectionDepth bounds the depth of a __schema or __type subtree, which
// the ordinary depth limit does not count: graphql-js 16's introspection query
// (the one GraphiQL, codegen tools and Rover send) is 15 levels deep, and its
// nesting of list fields is bounded apart by gqlparser's MaxIntrospectionDepth
// rule (3 levels of fields, interfaces, possibleTypes and inputFields).
const maxIntrospectionDepth = 20

// shapeLimit rejects a document by its shape before gqlgen parses and validates
// it: more fields in one selection set than maxWidth, or more fields of one
// response name in it than maxSameName (gqlparser's check of overlapping fields
// compares every pair of fields of one response name, with their merged
// subselections), more fields than maxFields once
// fragments are expanded, nesting deeper than maxDepth (introspection subtrees
// apart, bounded by maxIntrospectionDepth) or more than maxAliases aliases. It
// parses the query itself (the parse is bounded by the token limit) and
// remembers the queries that passed, as the executor remembers validated ones.
type shapeLimit struct {
	maxDepth, maxAliases, maxWidth, maxSameName, maxFields, maxTokens int
	passed                                                            *lru.LRU[struct{}]
}

func newShapeLimit(cfg Config) shapeLimit {
	return shapeLimit{maxDepth: cfg.MaxDepth, maxAliases: cfg.MaxAliases, maxWidth: cfg.MaxSelectionFields,
		maxSameName: cfg.MaxSameName,
		maxFields:   cfg.MaxFields, maxTokens: cfg.MaxTokens, passed: lru.New[struct{}](1000)}
}

var _ graphql.OperationParameterMutator = shapeLimit{}

// ExtensionName names the extension.
func (shapeLimit) ExtensionName() string { return "ShapeLimit" }

// Validate accepts every schema.
func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters measures the query before it is validated.
func (l shapeLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil // the executor answers a missing query
	}
	if _, ok := l.passed.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, l.maxTokens)
	if err != nil {
		return nil // the executor parses again and reports the syntax error
	}
	if gerr := l.check(doc); gerr != nil {
		return gerr
	}
	l.passed.Add(ctx, p.Query, struct{}{})
	return nil
}

func (l shapeLimit) check(doc *ast.QueryDocument) *gqlerror.Error {
	w := &walker{limit: l, frags: map[string]*ast.FragmentDefinition{}, reached: map[string]bool{}}
	for _, f := range doc.Fragments {
		w.frags[f.Name] = f
	}
	for _, op := range doc.Operations {
		w.root(op.SelectionSet, "the operation", op.Position, map[string]bool{}, 0)
	}
	for _, f := range doc.Fragments { // validation checks unused fragments too
		if !w.reached[f.Name] {
			w.root(f.SelectionSet, "fragment "+f.Name, f.Position, map[string]bool{f.Name: true}, -1)
		}
	}
	switch {
	case w.err != nil:
		return w.err
	case w.depth > l.maxDepth:
		return shapeError(codeTooDeep, nil, "query depth %d exceeds the limit of %d", w.depth, l.maxDepth)
	case w.introDepth > maxIntrospectionDepth:
		return shapeError(codeTooDeep, nil, "introspection depth %d exceeds the limit of %d", w.introDepth, maxIntrospectionDepth)
	case w.aliases > l.maxAliases:
		return shapeError(codeTooManyAlias, nil, "%d aliases exceed the limit of %d", w.aliases, l.maxAliases)
	}
	return nil
}

func shapeError(code string, pos *ast.Position, format string, args ...any) *gqlerror.Error {
	e := &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
	if pos != nil {
		e.Locations = []gqlerror.Location{{Line: pos.Line, Column: pos.Column}}
	}
	return e
}

// walker measures a document as the validator and the executor see it: the
// fields of a selection set, its fragments included, merged by response name
// with the subselections of all the fields of one name merged into one set.
// The walk stops at the first limit passed, so its work is bounded by the
// limits, whatever fragments spread each other.
type walker struct {
	limit   shapeLimit
	frags   map[string]*ast.FragmentDefinition
	reached map[string]bool // fragments spread from an operation

	fields, aliases   int // fields and aliased fields walked so far
	depth, introDepth int // levels of fields, and of the deepest __schema or __type subtree
	err               *gqlerror.Error
}

// flatten appends the fields of set, through its fragments, to out. busy holds
// the fragments being expanded on this path: a cycle, which validation rejects.
func (w *walker) flatten(set ast.SelectionSet, out []*ast.Field, busy map[string]bool) []*ast.Field {
	for _, sel := range set {
		if w.err != nil {
			return out
		}
		switch x := sel.(type) {
		case *ast.Field:
			out = append(out, x)
			w.count(1)
		case *ast.InlineFragment:
			out = w.flatten(x.SelectionSet, out, busy)
		case *ast.FragmentSpread:
			f := w.frags[x.Name]
			if f == nil || busy[x.Name] {
				continue
			}
			w.reached[x.Name] = true
			busy[x.Name] = true
			out = w.flatten(f.SelectionSet, out, busy)
			delete(busy, x.Name)
		}
	}
	return out
}

// root measures the selection set of an operation or of a fragment.
func (w *walker) root(set ast.SelectionSet, of string, pos *ast.Position, busy map[string]bool, intro int) {
	fields := w.flatten(set, nil, busy)
	if len(fields) > w.limit.maxWidth && w.err == nil {
		w.err = shapeError(codeTooManyField, pos, "the selection set of %s has %d fields (its fragments included), over the limit of %d",
			of, len(fields), w.limit.maxWidth)
	}
	w.walk(fields, 1, intro)
}

// count adds n fields to the work, stopping the walk past the limit.
func (w *walker) count(n int) {
	w.fields += n
	if w.fields > w.limit.maxFields && w.err == nil {
		w.err = shapeError(codeTooManyField, nil, "the query selects more than %d fields once its fragments are expanded", w.limit.maxFields)
	}
}

// walk measures the merged selection set fields at level; intro is the level
// of the introspection field above (0: none; -1: a fragment measured alone,
// whose depth and aliases do not count).
func (w *walker) walk(fields []*ast.Field, level, intro int) {
	if level > w.limit.maxDepth+maxIntrospectionDepth {
		w.depth = max(w.depth, level) // deeper than any limit: a fragment spread within itself, say
		return
	}
	var names []string
	groups := map[string][]*ast.Field{}
	for _, f := range fields {
		name := f.Alias
		if name == "" {
			name = f.Name
		}
		if groups[name] == nil {
			names = append(names, name)
		}
		groups[name] = append(groups[name], f)
	}
	for _, name := range names {
		if w.err != nil {
			return
		}
		group := groups[name]
		in := intro
		if in == 0 && level == 1 && introspection(group) {
			in = 1
		}
		switch {
		case in > 0:
			w.introDepth = max(w.introDepth, level-in+1)
		case in == 0:
			w.depth = max(w.depth, level)
		}
		var kids []*ast.Field
		for _, f := range group {
			if in >= 0 && f.Alias != "" && f.Alias != f.Name {
				w.aliases++
			}
			kids = w.flatten(f.SelectionSet, kids, map[string]bool{})
		}
		if len(kids) > w.limit.maxWidth && w.err == nil {
			w.err = shapeError(codeTooManyField, group[0].Position,
				"the selection set of %s has %d fields (its fragments and the fields of the same name merged in), over the limit of %d",
				name, len(kids), w.limit.maxWidth)
		}
		if len(group) > w.limit.maxSameName && w.err == nil {
			w.err = shapeError(codeTooManyField, group[0].Position,
				"%s is selected %d times in one selection set (its fragments merged in), over the limit of %d",
				name, len(group), w.limit.maxSameName)
		}
		if len(kids) > 0 {
			w.walk(kids, level+1, in)
		}
	}
}

// introspection says whether a group of fields are all __schema or __type.
func introspection(group []*ast.Field) bool {
	for _, f := range group {
		if f.Name != "__schema" && f.Name != "__type" {
			return false
		}
	}
	return true
}
