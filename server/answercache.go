package server

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"

	"ewsi/graph"
	"ewsi/resolvers"
)

// The answers a visitor's query gets, kept whole per graph version and day
// when every field the query asks is one whose value only a write that
// changes the graph's version can change: the calendar's month, and the
// reference lists its filters show. Everyone asks the same month, so the
// page's answer is executed once per graph version instead of once per
// visitor (its 200 events' fields, thousands of them, cost more than the
// reads). Anything else (a signed-in person, a mutation, any other field, an
// answer with an error or over maxCachedAnswer bytes) runs as usual.

// maxCachedAnswer bounds the size of one kept answer, in bytes.
const maxCachedAnswer = 256 << 10

// answerFields are the fields, by type, whose values follow the graph's
// version: what the calendar month and the reference lists hold.
func answerFields() map[string]map[string]bool {
	set := func(fields ...string) map[string]bool {
		m := make(map[string]bool, len(fields))
		for _, f := range fields {
			m[f] = true
		}
		return m
	}
	return map[string]map[string]bool{
		"Query":         set("calendar", "countries", "themes"),
		"CalendarMonth": set("month", "from", "to", "events", "totalCount"),
		"Event": set("id", "title", "lang", "summary", "summaryEn", "start", "end", "place", "url", "location", "demo",
			"themes", "country", "startsAt", "endsAt"),
		"Country":  set("id", "iso2", "iso3", "eurostat", "name", "eu", "languages", "location"),
		"Theme":    set("id", "slug", "name", "subthemes"),
		"Subtheme": set("id", "slug", "name", "theme"),
	}
}

// answerCache keeps the answers; one serves a server, safe for concurrent use.
type answerCache struct {
	fields  map[string]map[string]bool
	version func(ctx context.Context) (string, error)
	kept    *lru.Cache[string, []byte]
	hits    prometheus.Counter
	misses  prometheus.Counter
}

// newAnswerCache keeps up to size answers; version reads the graph's version.
func newAnswerCache(size int, version func(ctx context.Context) (string, error), reg *prometheus.Registry) *answerCache {
	c := &answerCache{fields: answerFields(), version: version,
		hits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "ewsi_answer_cache_hits_total", Help: "Visitors' queries answered from the answers kept per graph version."}),
		misses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "ewsi_answer_cache_misses_total", Help: "Visitors' queries the answers kept could hold that were executed."}),
	}
	c.kept, _ = lru.New[string, []byte](size)
	reg.MustRegister(c.hits, c.misses)
	return c
}

// around is the operation interceptor: it answers from the cache, or runs the
// operation and keeps its answer.
func (c *answerCache) around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	key, ok := c.key(ctx)
	if !ok {
		return next(ctx)
	}
	if data, ok := c.kept.Get(key); ok {
		c.hits.Inc()
		return graphql.OneShot(&graphql.Response{Data: data})
	}
	c.misses.Inc()
	rh := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := rh(ctx)
		if resp != nil && len(resp.Errors) == 0 && len(resp.Data) > 0 && len(resp.Data) <= maxCachedAnswer {
			c.kept.Add(key, append([]byte(nil), resp.Data...))
		}
		return resp
	}
}

// key returns the key of the operation's answer, and false when it may not
// be kept: not a query, asked by a signed-in person or with a token, or
// asking a field outside answerFields.
func (c *answerCache) key(ctx context.Context) (string, bool) {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return "", false
	}
	if a := graph.ActorFrom(ctx); a.PersonID != "" || len(a.Roles) > 0 {
		return "", false
	}
	if !c.allowed(oc.Operation.SelectionSet, 0) {
		return "", false
	}
	v, err := resolvers.RequestVersion(ctx, c.version)
	if err != nil {
		return "", false
	}
	b, err := json.Marshal([]any{v, graph.Today().String(), oc.RawQuery, oc.OperationName, oc.Variables})
	if err != nil {
		return "", false
	}
	return string(b), true
}

// allowed reports whether every field of sel, through its fragments, is in
// answerFields (depth bounds fragments that spread each other, which the
// validation refuses anyway).
func (c *answerCache) allowed(sel ast.SelectionSet, depth int) bool {
	if depth > 20 {
		return false
	}
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__typename" {
				continue
			}
			if s.ObjectDefinition == nil || !c.fields[s.ObjectDefinition.Name][s.Name] || !c.allowed(s.SelectionSet, depth+1) {
				return false
			}
		case *ast.InlineFragment:
			if !c.allowed(s.SelectionSet, depth+1) {
				return false
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || !c.allowed(s.Definition.SelectionSet, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
