// Package graph is the domain of EWSI Graph: the node and relationship kinds of the
// knowledge graph, their validation, the error codes every layer speaks, and the
// interfaces of the store. It imports no database driver; graph/neo4j implements
// the interfaces against Neo4j.
package graph
