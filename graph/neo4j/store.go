package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"ewsi/graph"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j:// (routing), with +s or +ssc for TLS
	User     string // empty for a server with authentication off (the embedded one)
	Password string
	Database string // empty for the server's default database
	// QueryTimeout bounds every read transaction; zero means 30s.
	QueryTimeout time.Duration
	// WriteTimeout bounds every write transaction (a batch of a load); zero means 10 minutes.
	WriteTimeout time.Duration
}

// Store implements graph.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver     neo4j.DriverWithContext
	cfg        Config
	roundTrips atomic.Int64
	migrated   atomic.Bool
}

var _ graph.Store = (*Store)(nil)

// Open connects to Neo4j and checks connectivity, waiting up to the context's deadline.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.QueryTimeout == 0 {
		cfg.QueryTimeout = 30 * time.Second
	}
	if cfg.WriteTimeout == 0 {
		cfg.WriteTimeout = 10 * time.Minute
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "NEO4J_URI", "%v", err)
	}
	var last error
	for {
		if last = d.VerifyConnectivity(ctx); last == nil {
			return &Store{driver: d, cfg: cfg}, nil
		}
		select {
		case <-ctx.Done():
			_ = d.Close(context.Background())
			return nil, fmt.Errorf("neo4j at %s did not answer: %w", cfg.URI, last)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// Close closes the driver.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// RoundTrips returns how many queries the store has sent since it was opened.
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

// Ping checks that Neo4j answers and that the migrations have run.
func (s *Store) Ping(ctx context.Context) error {
	if !s.migrated.Load() {
		return graph.Errorf(graph.EUNAVAIL, "", "migrations have not run")
	}
	if _, err := s.read(ctx, "RETURN 1 AS ok", nil); err != nil {
		return graph.Errorf(graph.EUNAVAIL, "", "neo4j does not answer: %v", err)
	}
	return nil
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.cfg.Database})
}

// read runs one query in a managed read transaction and returns its records.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		s.roundTrips.Add(1)
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}, neo4j.WithTxTimeout(s.cfg.QueryTimeout))
	if err != nil {
		return nil, translate(ctx, err)
	}
	return out.([]*neo4j.Record), nil
}

// stmt is one query of a write transaction.
type stmt struct {
	cypher string
	params map[string]any
}

// write runs the statements in one managed write transaction, retried by the
// driver on transient errors, and returns the records of each.
func (s *Store) write(ctx context.Context, stmts ...stmt) ([][]*neo4j.Record, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		all := make([][]*neo4j.Record, 0, len(stmts))
		for _, st := range stmts {
			s.roundTrips.Add(1)
			res, err := tx.Run(ctx, st.cypher, st.params)
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			all = append(all, recs)
		}
		return all, nil
	}, neo4j.WithTxTimeout(s.cfg.WriteTimeout))
	if err != nil {
		return nil, translate(ctx, err)
	}
	return out.([][]*neo4j.Record), nil
}

// translate turns driver errors into domain errors where it can.
func translate(ctx context.Context, err error) error {
	var cause *graph.Error
	if errors.As(context.Cause(ctx), &cause) { // the edge ended the request and said why
		return cause
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &graph.Error{Code: graph.ETIMEOUT, Message: "the query took too long"}
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		switch nerr.Code {
		case "Neo.ClientError.Transaction.TransactionTimedOut", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
			return &graph.Error{Code: graph.ETIMEOUT, Message: "the query took too long"}
		case "Neo.ClientError.Schema.ConstraintValidationFailed":
			return &graph.Error{Code: graph.ECONFLICT, Message: "a node with that id already exists"}
		}
	}
	if strings.Contains(err.Error(), "no such fulltext schema index") { // dropped by Bulk until Settle
		return &graph.Error{Code: graph.EUNAVAIL, Where: "query", Message: "search is being rebuilt after a bulk load; try again in a minute"}
	}
	return fmt.Errorf("neo4j: %w", err)
}
