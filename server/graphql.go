package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/graph"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
)

// graphqlHandler builds the /graphql endpoint: GET and POST per the GraphQL over
// HTTP spec, limits on tokens, depth, aliases and complexity, and errors that carry
// extensions.code with internal ones masked and logged.
func (s *Server) graphqlHandler() http.Handler {
	root := &resolvers.Resolver{Store: s.store, EditorToken: s.cfg.EditorToken, Map: s.cfg.Map}
	root.Partners, _ = s.store.(graph.Partners)
	root.Editing, _ = s.store.(graph.Editing)
	root.Requests, _ = s.store.(graph.Requests)
	cfg := generated.Config{Resolvers: root}
	setComplexity(&cfg.Complexity)
	setPartnerComplexity(&cfg.Complexity)
	setRequestComplexity(&cfg.Complexity)
	h := handler.New(generated.NewExecutableSchema(cfg))
	h.AddTransport(transport.Options{})
	h.AddTransport(transport.GET{})
	h.AddTransport(transport.POST{})
	h.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	h.SetParserTokenLimit(s.cfg.MaxTokens)
	h.Use(extension.Introspection{})
	h.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	h.Use(shapeLimit{maxDepth: s.cfg.MaxDepth, maxAliases: s.cfg.MaxAliases})
	h.Use(extension.FixedComplexityLimit(s.cfg.MaxComplexity))
	h.AroundOperations(s.metrics.aroundOperations)
	h.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(resolvers.WithOmitted(ctx))
	})
	h.SetErrorPresenter(s.presentError)
	h.SetRecoverFunc(func(ctx context.Context, v any) error {
		s.log.Error("panic in resolver", "panic", fmt.Sprint(v))
		return errors.New("internal error")
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := resolvers.WithBearer(resolvers.WithLoaders(r.Context(), s.store), bearer(r))
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// presentError translates domain errors to GraphQL errors with extensions.code.
// Errors of gqlgen's own (parse, validation, coercion) keep their message; any
// other error is internal: logged in full, shown as a generic message.
func (s *Server) presentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var de *graph.Error
	switch {
	case errors.As(err, &de):
		gerr.Message = graph.ErrorMessage(err)
		gerr.Extensions = map[string]any{"code": de.Code}
		if de.Where != "" {
			gerr.Extensions["where"] = de.Where
		}
		if de.Code == graph.EINTERNAL {
			s.log.Error("graphql", "err", err, "path", gerr.Path.String())
			gerr.Message = "internal error"
		}
	case errors.Is(err, context.DeadlineExceeded):
		gerr.Message = "the query took too long"
		gerr.Extensions = map[string]any{"code": graph.ETIMEOUT}
	case gerr.Err == nil || isGQLError(gerr.Err):
		if gerr.Extensions == nil || gerr.Extensions["code"] == nil {
			gerr.Extensions = map[string]any{"code": "BAD_REQUEST"}
		}
	default:
		s.log.Error("graphql", "err", err, "path", gerr.Path.String())
		gerr.Message = "internal error"
		gerr.Extensions = map[string]any{"code": graph.EINTERNAL}
	}
	return gerr
}

func isGQLError(err error) bool {
	var g *gqlerror.Error
	return errors.As(err, &g)
}

// shapeLimit rejects operations nested deeper than maxDepth or with more than
// maxAliases aliased fields, before anything runs.
type shapeLimit struct{ maxDepth, maxAliases int }

var _ graphql.OperationContextMutator = shapeLimit{}

// ExtensionName names the extension.
func (shapeLimit) ExtensionName() string { return "ShapeLimit" }

// Validate accepts every schema.
func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation.
func (l shapeLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	aliases := 0
	depth := measure(oc.Operation.SelectionSet, 1, &aliases, map[string]bool{})
	if depth > l.maxDepth {
		return &gqlerror.Error{Message: fmt.Sprintf("query depth %d exceeds the limit of %d", depth, l.maxDepth),
			Extensions: map[string]any{"code": "QUERY_TOO_DEEP"}}
	}
	if aliases > l.maxAliases {
		return &gqlerror.Error{Message: fmt.Sprintf("%d aliases exceed the limit of %d", aliases, l.maxAliases),
			Extensions: map[string]any{"code": "TOO_MANY_ALIASES"}}
	}
	return nil
}

// measure returns the depth of a selection set and counts aliases; fragments
// are followed once per path.
func measure(set ast.SelectionSet, level int, aliases *int, seen map[string]bool) int {
	deepest := level - 1
	for _, sel := range set {
		var d int
		switch x := sel.(type) {
		case *ast.Field:
			if x.Alias != "" && x.Alias != x.Name {
				*aliases++
			}
			d = level
			if len(x.SelectionSet) > 0 {
				d = measure(x.SelectionSet, level+1, aliases, seen)
			}
		case *ast.InlineFragment:
			d = measure(x.SelectionSet, level, aliases, seen)
		case *ast.FragmentSpread:
			if seen[x.Name] || x.Definition == nil {
				continue
			}
			seen[x.Name] = true
			d = measure(x.Definition.SelectionSet, level, aliases, seen)
			delete(seen, x.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// pageSize is the number of items a connection or list field will return.
func pageSize(first, last *int) int {
	switch {
	case first != nil:
		return max(*first, 1)
	case last != nil:
		return max(*last, 1)
	}
	return graph.DefaultPageSize
}

// setComplexity makes connections cost their page size times their children.
func setComplexity(c *generated.ComplexityRoot) {
	conn := func(child int, first, last *int) int { return 1 + child*pageSize(first, last) }
	list := func(child int) int { return 1 + child*10 }
	type args = func(int, *graph.Filter, *model.ContentOrder, *int, *string, *int, *string) int
	var content args = func(child int, _ *graph.Filter, _ *model.ContentOrder, first *int, _ *string, last *int, _ *string) int {
		return conn(child, first, last)
	}
	c.Query.Practices, c.Query.Organisations, c.Query.Authorities = content, content, content
	c.Query.Documents, c.Query.News, c.Query.Events, c.Query.Funding = content, content, content, content
	c.Query.Search = func(child int, _ string, _ []model.ContentKind, _ *bool, first *int, _ *string) int {
		return conn(child, first, nil)
	}
	c.Country.Practices = func(child int, _ *graph.Filter, _ *model.ContentOrder, first *int, _ *string, last *int, _ *string) int {
		return conn(child, first, last)
	}
	c.Query.Nodes = func(child int, ids []string) int { return 1 + child*max(len(ids), 1) }
	c.Practice.Implementers, c.Practice.Partners, c.Practice.Themes = list, list, list
	c.Organisation.Practices, c.Organisation.PartnerIn, c.Organisation.People = list, list, list
	c.LocalAuthority.Practices = list
	c.Query.Countries = func(child int, _ *bool) int { return 1 + child*60 }
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// writeRequestError answers a request the GraphQL layer never saw.
func writeRequestError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":"BAD_REQUEST"}}]}`, msg)
}
