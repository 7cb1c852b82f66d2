package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/graph"
	"ewsi/markup"
	"ewsi/resolvers"
	"ewsi/resolvers/generated"
	"ewsi/resolvers/model"
	"ewsi/search"
)

// graphqlHandler builds the /graphql endpoint: GET and POST per the GraphQL over
// HTTP spec (httpTransport), limits on tokens, shape (fields per selection set,
// depth, aliases: shapeLimit, before validation) and complexity, capped errors
// and response size, and errors that carry extensions.code with internal ones
// masked and logged.
func (s *Server) graphqlHandler(reg *prometheus.Registry) http.Handler {
	root := &resolvers.Resolver{Store: s.store, Map: s.cfg.Map, Labels: s.cfg.Labels, Accounts: s.cfg.Accounts,
		Notifier: s.cfg.Notifier}
	root.Partners, _ = s.store.(graph.Partners)
	if s.cfg.Partners != nil {
		root.Partners = s.cfg.Partners
	}
	root.Editing, _ = s.store.(graph.Editing)
	root.Requests, _ = s.store.(graph.Requests)
	if lib, ok := s.store.(graph.Library); ok {
		root.Library = lib
		if v, ok := s.store.(interface {
			GraphVersion(context.Context) (string, error)
		}); ok {
			if c, err := resolvers.NewLibraryCache(lib, v.GraphVersion, libraryCachePages); err == nil {
				root.Library = c
			}
		}
	}
	root.Contributions, _ = s.store.(graph.Contributions)
	root.Markup = markup.New()
	root.Calendar, _ = s.store.(graph.Calendar)
	if v, ok := s.store.(interface {
		GraphVersion(context.Context) (string, error)
	}); ok {
		// the list pages, a country's counts, a calendar month and the funding
		// calls are read again only when the graph changed
		if c, err := resolvers.NewReadCache(s.store, v.GraphVersion, readCacheAnswers); err == nil {
			root.Store = c
		}
		if root.Calendar != nil {
			if c, err := resolvers.NewCalendarCache(root.Calendar, v.GraphVersion, readCacheAnswers); err == nil {
				root.Calendar = c
			}
		}
	}
	root.Sheets, _ = s.store.(graph.Sheets)
	root.Indicators, _ = s.store.(graph.Indicators)
	root.Search = s.cfg.Search
	if src, ok := s.store.(graph.SearchSource); ok && root.Search == nil {
		root.Search = search.New(src)
	}
	cfg := generated.Config{Resolvers: root}
	setComplexity(&cfg.Complexity)
	setPartnerComplexity(&cfg.Complexity)
	setRequestComplexity(&cfg.Complexity)
	setAccountComplexity(&cfg.Complexity)
	setLibraryComplexity(&cfg.Complexity)
	setContributionComplexity(&cfg.Complexity)
	setCalendarComplexity(&cfg.Complexity)
	setSearchComplexity(&cfg.Complexity)
	h := handler.New(generated.NewExecutableSchema(cfg))
	h.AddTransport(httpTransport{maxErrors: s.cfg.MaxErrors, maxBytes: s.cfg.MaxResponseBytes})
	h.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	h.SetParserTokenLimit(s.cfg.MaxTokens)
	h.Use(extension.Introspection{})
	h.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	h.Use(newShapeLimit(s.cfg))
	h.Use(extension.FixedComplexityLimit(s.cfg.MaxComplexity))
	h.Use(s.limiter.extension())
	h.AroundOperations(refuseBadCredentials)
	h.AroundFields(authorizeFields(graph.Policy()))
	h.AroundOperations(s.metrics.aroundOperations)
	h.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(resolvers.ForOperation(ctx))
	})
	if v, ok := s.store.(interface {
		GraphVersion(context.Context) (string, error)
	}); ok && !s.cfg.NoAnswerCache {
		h.AroundOperations(newAnswerCache(readCacheAnswers, v.GraphVersion, reg).around)
	}
	h.SetErrorPresenter(s.presentError)
	h.SetRecoverFunc(func(ctx context.Context, v any) error {
		s.log.Error("panic in resolver", "panic", fmt.Sprint(v))
		return errors.New("internal error")
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := resolvers.WithLoaders(r.Context(), root.Store)
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

// fullTextCost is what a full-text query costs besides its page: a common word or
// a three-letter prefix matches tens of thousands of nodes, all of which are
// scored and counted, so an operation holds at most a few of them (thirty aliased
// searches once kept Neo4j busy for 15 s).
const fullTextCost = 500

// setComplexity makes connections cost their page size times their children, and
// full-text queries fullTextCost more.
func setComplexity(c *generated.ComplexityRoot) {
	conn := func(child int, first, last *int) int { return 1 + child*pageSize(first, last) }
	list := func(child int) int { return 1 + child*10 }
	type args = func(int, *graph.Filter, *model.ContentOrder, *int, *string, *int, *string) int
	var content args = func(child int, f *graph.Filter, _ *model.ContentOrder, first *int, _ *string, last *int, _ *string) int {
		if f != nil && strings.TrimSpace(f.Query) != "" {
			return fullTextCost + conn(child, first, last)
		}
		return conn(child, first, last)
	}
	c.Query.Practices, c.Query.Organisations, c.Query.Authorities = content, content, content
	c.Query.Documents, c.Query.News, c.Query.Events, c.Query.Funding = content, content, content, content
	c.Query.Search = func(child int, _ string, _ []model.ContentKind, _ *bool, first *int, _ *string) int {
		return fullTextCost + conn(child, first, nil)
	}
	c.Country.Practices = content
	c.Query.Nodes = func(child int, ids []string) int { return 1 + child*max(len(ids), 1) }
	c.Practice.Implementers, c.Practice.Partners, c.Practice.Themes = list, list, list
	c.Organisation.Practices, c.Organisation.PartnerIn, c.Organisation.People = list, list, list
	c.LocalAuthority.Practices = list
	c.Query.Countries = func(child int, _ *bool) int { return 1 + child*60 }
	// a layer holds up to MaxMapItems clusters and as many markers, each a few small
	// scalars: ten of them cost what one item of a content page does, so that the
	// map's own query fits while ten aliased layers of the world do not
	mapItems := func(child int) int { return 1 + (child*resolvers.MaxMapItems+9)/10 }
	c.MapLayer.Clusters, c.MapLayer.Markers = mapItems, mapItems
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
