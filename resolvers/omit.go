package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"ewsi/graph"
)

// longTexts are the node properties that a read leaves out when the query asks
// for them nowhere: a practice's template texts and every summary. Each is
// served by the GraphQL field of the same name (the types are autobound).
var longTexts = []string{"summary", "summaryEn", "challenge", "howItWorks", "results", "evaluation",
	"beneficiaries", "resources", "contact", "description", "text"}

// WithOmitted marks ctx, the context of a GraphQL query, so that the store's
// reads leave out the long texts that the query does not ask for in any field
// of any type. Mutations and subscriptions read whole nodes.
func WithOmitted(ctx context.Context) context.Context {
	if !graphql.HasOperationContext(ctx) {
		return ctx
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return ctx
	}
	asked := map[string]bool{}
	fieldNames(oc.Doc, oc.Operation.SelectionSet, asked, map[string]bool{})
	var omit []string
	for _, p := range longTexts {
		if !asked[p] {
			omit = append(omit, p)
		}
	}
	return graph.WithOmitted(ctx, omit)
}

// fieldNames adds the name of every field under sel, through fragments, to into.
func fieldNames(doc *ast.QueryDocument, sel ast.SelectionSet, into, spread map[string]bool) {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			into[s.Name] = true
			fieldNames(doc, s.SelectionSet, into, spread)
		case *ast.InlineFragment:
			fieldNames(doc, s.SelectionSet, into, spread)
		case *ast.FragmentSpread:
			if spread[s.Name] || doc == nil {
				continue
			}
			spread[s.Name] = true
			if f := doc.Fragments.ForName(s.Name); f != nil {
				fieldNames(doc, f.SelectionSet, into, spread)
			}
		}
	}
}
