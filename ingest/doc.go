// Package ingest reads content in the project's documented formats (JSON Lines and
// CSV with a header, one record each, the good-practice template among them),
// validates every record, and loads the good ones idempotently through
// graph.Writer. A bad record is rejected with "file:line: field: reason" and the
// others load; a second run of the same file changes nothing; a run that was
// killed part-way and run again ends with the same graph as one clean run.
package ingest
