// Package neo4j implements the graph package's store interfaces on Neo4j 5 over
// Bolt with the official Go driver. It is the only product package that writes
// Cypher (bench/ keeps its plain-Cypher baselines apart, as measurement code);
// every query is parameterised, and labels and property names in query text come
// from fixed tables in this package, never from input.
package neo4j
