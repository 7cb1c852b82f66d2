// Package resolvers holds the GraphQL resolvers of EWSI Graph. They are thin: they
// check arguments, then call the store through graph.Reader, batching the nested
// reads of one request with per-request loaders so that a nested query costs a
// bounded number of round trips to Neo4j.
package resolvers

import (
	"ewsi/graph"
)

// Resolver is the root resolver: the dependencies of every resolver enter here.
type Resolver struct {
	Store graph.Reader
}
