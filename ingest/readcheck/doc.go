// Package readcheck holds the tests and fuzz targets of the ingest readers (JSON
// Lines, CSV and the record parser). They are apart from package ingest's tests,
// which start Neo4j, so that `go test -fuzz` runs them without a database.
package readcheck
