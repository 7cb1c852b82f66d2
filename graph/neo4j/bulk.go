package neo4j

import (
	"context"
	"fmt"
	"time"

	"ewsi/graph"
)

// bulkShare decides when a load is a bulk load: the content already in the graph
// is at most 1/bulkShare of the records coming. Building a full-text index in one
// pass over the store costs about 2.4 times less than updating it record by
// record, and while it is built nobody can search the content it will hold, so
// only a graph that holds next to nothing is worth it.
const bulkShare = 100

// Bulk drops the full-text indexes before a load of n records into a graph whose
// content is at most n/100 nodes, so that Settle builds them in one pass at the
// end; it reports whether it did. Meanwhile full-text queries (Search, a list's
// query filter) fail with EUNAVAIL. A load that dies before Settle leaves no
// harm: Migrate, run at every start, and the next Settle create the missing
// indexes.
func (s *Store) Bulk(ctx context.Context, n int) (bool, error) {
	if n <= 0 {
		return false, nil
	}
	have, err := s.contentCount(ctx)
	if err != nil {
		return false, err
	}
	if have*bulkShare > n {
		return false, nil
	}
	for _, ix := range fulltextIndexes {
		if _, err := s.write(ctx, stmt{cypher: "DROP INDEX " + ix.name + " IF EXISTS"}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// contentCount counts the nodes of every content label, from Neo4j's count store.
func (s *Store) contentCount(ctx context.Context) (int, error) {
	total := 0
	for _, k := range graph.ContentKinds() {
		c, err := s.Count(ctx, string(k), "", nil)
		if err != nil {
			return 0, err
		}
		total += c
	}
	return total, nil
}

// Settle builds the full-text indexes that Bulk dropped, waits until they are
// online, and then until every full-text index shows every committed write.
// Loaders call it when they finish.
func (s *Store) Settle(ctx context.Context) error {
	missing, err := s.missingFulltext(ctx)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		for _, q := range fulltextStmts() {
			if _, err := s.write(ctx, stmt{cypher: q}); err != nil {
				return fmt.Errorf("creating the full-text indexes: %w", err)
			}
		}
		if err := s.awaitFulltext(ctx); err != nil {
			return err
		}
	}
	_, err = s.read(ctx, "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", nil)
	return err
}

// missingFulltext returns the names of the full-text indexes that do not exist.
func (s *Store) missingFulltext(ctx context.Context) ([]string, error) {
	recs, err := s.read(ctx, "SHOW FULLTEXT INDEXES YIELD name RETURN collect(name) AS names", nil)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	if len(recs) > 0 {
		names, _ := recs[0].Get("names")
		for _, n := range names.([]any) {
			have[n.(string)] = true
		}
	}
	var missing []string
	for _, ix := range fulltextIndexes {
		if !have[ix.name] {
			missing = append(missing, ix.name)
		}
	}
	return missing, nil
}

// awaitFulltext polls until every full-text index is online, however long its
// population takes (about a minute for the 600,000 records of scale 10 on two cores); it fails when
// one failed, or when ctx ends.
func (s *Store) awaitFulltext(ctx context.Context) error {
	names := make([]string, 0, len(fulltextIndexes))
	for _, ix := range fulltextIndexes {
		names = append(names, ix.name)
	}
	for {
		recs, err := s.read(ctx, `SHOW FULLTEXT INDEXES YIELD name, state, failureMessage
WHERE name IN $names AND state <> 'ONLINE'
RETURN name, state, failureMessage`, map[string]any{"names": names})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return nil
		}
		for _, r := range recs {
			if st, _ := r.Get("state"); st == "FAILED" {
				name, _ := r.Get("name")
				msg, _ := r.Get("failureMessage")
				return fmt.Errorf("full-text index %v failed to build: %v", name, msg)
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}
