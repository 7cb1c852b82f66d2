package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// editorFields are the fields whose resolvers check the editors' bearer token
// (resolvers/partners.resolvers.go); each costs a key check.
var editorFields = []string{"Mutation.link", "Mutation.unlink", "Mutation.confirmSuggestion",
	"Mutation.dismissSuggestion", "Query.linkSuggestions", "Query.linkHistory"}

// keyArguments name the arguments that carry a secret the server checks.
// (password and token: the accounts' logins and mailed links).
var keyArguments = []string{"manageKey", "replyKey", "password", "token"}

// verdict travels in the request's context from graphqlRequests to the
// extension and back: who asks, and how long they must wait when refused.
type verdict struct {
	client string
	wait   time.Duration
}

type verdictKey struct{}

// graphqlRequests marks each /graphql request with its client and turns a
// refusal by the extension into 429 with Retry-After, whatever status the
// GraphQL transport chose for the error.
func (l *limiter) graphqlRequests(next http.Handler) http.Handler {
	if l.cfg.Off {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := &verdict{client: clientKey(l.ip.Of(r))}
		// one point before parsing, so that requests that never get as far as
		// a valid operation (parse and validation errors) are limited too
		if _, wait := l.take(v.client, []*bucket{l.graphql}, []int{1}); wait > 0 {
			setRetryAfter(w, wait)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":%q,"retryAfter":%d}}]}`+"\n",
				limitedMessage(l.graphql, wait), codeRateLimited, retrySeconds(wait))
			return
		}
		ctx := context.WithValue(r.Context(), verdictKey{}, v)
		next.ServeHTTP(&limitedWriter{ResponseWriter: w, v: v}, r.WithContext(ctx))
	})
}

// limitedWriter rewrites the status of a refused request.
type limitedWriter struct {
	http.ResponseWriter
	v     *verdict
	wrote bool
}

func (w *limitedWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote = true
	if w.v.wait > 0 {
		setRetryAfter(w.ResponseWriter, w.v.wait)
		code = http.StatusTooManyRequests
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *limitedWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *limitedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// graphqlLimit is the gqlgen extension that charges each operation once it is
// parsed and validated: its complexity from the client's GraphQL bucket, each
// anonymous write from the write bucket, each key or token check from the key
// bucket.
type graphqlLimit struct {
	l      *limiter
	es     graphql.ExecutableSchema
	keyed  map[string]bool // "Type.field" of the fields that check a secret
	editor map[string]bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &graphqlLimit{}

func (l *limiter) extension() *graphqlLimit { return &graphqlLimit{l: l} }

// ExtensionName names the extension.
func (*graphqlLimit) ExtensionName() string { return "RateLimit" }

// Validate finds the fields that check keys: those with a key argument, and
// the editors' fields, which must exist.
func (g *graphqlLimit) Validate(es graphql.ExecutableSchema) error {
	g.es = es
	g.keyed, g.editor = map[string]bool{}, map[string]bool{}
	s := es.Schema()
	for _, name := range editorFields {
		g.keyed[name], g.editor[name] = true, true
	}
	for _, root := range []*ast.Definition{s.Query, s.Mutation} {
		if root == nil {
			continue
		}
		for _, f := range root.Fields {
			for _, a := range keyArguments {
				if f.Arguments.ForName(a) != nil {
					g.keyed[root.Name+"."+f.Name] = true
				}
			}
		}
	}
	for _, name := range editorFields {
		typ, field, _ := strings.Cut(name, ".")
		if d := s.Types[typ]; d == nil || d.Fields.ForName(field) == nil {
			return fmt.Errorf("rate limit: the editors' field %s is not in the schema", name)
		}
	}
	return nil
}

// MutateOperationContext charges the operation; a refusal is RATE_LIMITED.
func (g *graphqlLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	v, _ := ctx.Value(verdictKey{}).(*verdict)
	if v == nil || oc.Operation == nil {
		return nil
	}
	cost := operationCost(ctx, g.es, oc)
	writes, keys := g.count(oc)
	b, wait := g.l.take(v.client, []*bucket{g.l.graphql, g.l.write, g.l.key}, []int{max(cost, 1), writes, keys})
	if b == nil {
		return nil
	}
	v.wait = wait
	return &gqlerror.Error{Message: limitedMessage(b, wait),
		Extensions: map[string]any{"code": codeRateLimited, "retryAfter": retrySeconds(wait)}}
}

// count returns the anonymous writes and the key checks among the root fields
// of the operation (a response key counts once, as it runs once).
func (g *graphqlLimit) count(oc *graphql.OperationContext) (writes, keys int) {
	roots := map[string]*ast.Field{}
	collectRoots(oc.Operation.SelectionSet, roots, map[string]bool{})
	for _, f := range roots {
		if f.ObjectDefinition == nil || strings.HasPrefix(f.Name, "__") {
			continue
		}
		name := f.ObjectDefinition.Name + "." + f.Name
		if oc.Operation.Operation == ast.Mutation && !g.editor[name] {
			writes++
		}
		if g.keyed[name] {
			keys++
		}
	}
	return writes, keys
}

// collectRoots gathers the fields of a selection set by response key,
// through fragments.
func collectRoots(set ast.SelectionSet, into map[string]*ast.Field, seen map[string]bool) {
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			key := x.Alias
			if key == "" {
				key = x.Name
			}
			into[key] = x
		case *ast.InlineFragment:
			collectRoots(x.SelectionSet, into, seen)
		case *ast.FragmentSpread:
			if seen[x.Name] || x.Definition == nil {
				continue
			}
			seen[x.Name] = true
			collectRoots(x.Definition.SelectionSet, into, seen)
		}
	}
}

// operationCost is the operation's complexity: the one the complexity limit,
// installed before the rate limit, computed and kept in the operation's stats,
// else computed here.
func operationCost(ctx context.Context, es graphql.ExecutableSchema, oc *graphql.OperationContext) int {
	if st, ok := oc.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats); ok {
		return st.Complexity
	}
	return complexity.Calculate(ctx, es, oc.Operation, oc.Variables)
}
