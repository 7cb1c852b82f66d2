package server

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"ewsi/auth"
	"ewsi/graph"
	"ewsi/resolvers/generated"
)

// withActor resolves the request's session cookie or bearer token into its
// graph.Actor (auth.Service.Middleware); without accounts, only the bootstrap
// editor token is known.
func (s *Server) withActor(next http.Handler) http.Handler {
	if s.cfg.Accounts != nil {
		return s.cfg.Accounts.Middleware(s.clientIP, next)
	}
	return auth.BootstrapMiddleware(s.cfg.EditorToken, next)
}

// refuseBadCredentials answers an operation sent with a bearer token that is
// not valid with UNAUTHENTICATED, after the rate limiter counted its key checks
// (an operation context's mutators run before the operation middleware).
func refuseBadCredentials(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if err := auth.CredentialError(ctx); err != nil {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{Message: graph.ErrorMessage(err),
			Extensions: map[string]any{"code": graph.ErrorCode(err), "where": "Authorization"}}}})
	}
	return next(ctx)
}

// clientIP is the client's address as the edge trusts it.
func (s *Server) clientIP(r *http.Request) string {
	if a := s.cfg.Edge.ClientIP.Of(r); a.IsValid() {
		return a.String()
	}
	return ""
}

// subjecter is an object whose fields' Self and Country rules need to know
// whose it is (graph.Account).
type subjecter interface{ AuthzSubject() graph.Subject }

// authorizeFields is the one place where roles are enforced: every field with
// a row in graph.Policy() is authorised before its resolver runs. A row that
// needs the object (Self, Country, OrgAdmin) takes it from the parent object
// on a type, and is left to the resolver (which calls graph.Authorize with the
// Subject) on Query and Mutation.
func authorizeFields(policy map[string]graph.Rule) graphql.FieldMiddleware {
	// by type, then field: every field of every answer passes here, and most
	// have no rule, so finding that out costs two map reads and no allocation
	byType := map[string]map[string]graph.Rule{}
	for op, rule := range policy {
		typ, field, _ := strings.Cut(op, ".")
		if byType[typ] == nil {
			byType[typ] = map[string]graph.Rule{}
		}
		byType[typ][field] = rule
	}
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil {
			return next(ctx)
		}
		rule, ok := byType[fc.Object][fc.Field.Name]
		if !ok {
			return next(ctx)
		}
		op := fc.Object + "." + fc.Field.Name
		var subj graph.Subject
		if rule.Contextual() {
			if fc.Object == "Query" || fc.Object == "Mutation" {
				return next(ctx)
			}
			var found bool
			if subj, found = subjectOf(fc.Parent); !found {
				return nil, graph.Errorf(graph.EFORBIDDEN, op, "whose this is cannot be told, so it is not shown")
			}
		}
		if err := graph.Authorize(ctx, op, subj); err != nil {
			return nil, err
		}
		return next(ctx)
	}
}

// subjectOf finds the object a field belongs to: the result of the nearest
// field context above it (a list's element is a pointer to the element).
func subjectOf(fc *graphql.FieldContext) (graph.Subject, bool) {
	for ; fc != nil; fc = fc.Parent {
		if fc.Result == nil {
			continue
		}
		v := reflect.ValueOf(fc.Result)
		for v.Kind() == reflect.Pointer && !v.IsNil() {
			if s, ok := v.Interface().(subjecter); ok {
				return s.AuthzSubject(), true
			}
			v = v.Elem()
		}
		return graph.Subject{}, false
	}
	return graph.Subject{}, false
}

// myData serves GET /account/data.json: everything held about the logged-in
// person, as a file to keep.
func (s *Server) myData(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if err := graph.Authorize(r.Context(), "Query.myData", graph.Subject{}); err != nil {
		status := http.StatusForbidden
		if graph.ErrorCode(err) == graph.EUNAUTH {
			status = http.StatusUnauthorized
		}
		writeJSONError(w, status, err)
		return
	}
	if s.cfg.Accounts == nil {
		writeJSONError(w, http.StatusNotFound, graph.Errorf(graph.ENOTFOUND, "", "accounts are switched off on this server"))
		return
	}
	data, err := s.cfg.Accounts.PersonData(r.Context(), graph.ActorFrom(r.Context()).PersonID)
	if err != nil {
		s.log.Error("account data", "err", err)
		writeJSONError(w, http.StatusInternalServerError, graph.Errorf(graph.EINTERNAL, "", "internal error"))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ewsi-my-data.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(data)
}

func writeJSONError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"code": graph.ErrorCode(err), "description": graph.ErrorMessage(err)})
}

// setAccountComplexity makes the accounts' lists cost their page.
func setAccountComplexity(c *generated.ComplexityRoot) {
	c.Query.Directory = func(child int, first *int, _ *string, _ *graph.DirectoryFilter) int {
		return 1 + child*pageSize(first, nil)
	}
	list := func(child int, first *int) int { return 1 + child*pageSize(first, nil) }
	c.Query.MemberRequests = func(child int, _ string, first *int) int { return list(child, first) }
	c.Query.OrganisationClaims = list
}
