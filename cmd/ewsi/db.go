package main

import (
	"context"
	"io"
	"log/slog"

	"ewsi/app"
)

// openDB connects to NEO4J_URI, or starts the embedded Neo4j when it is unset,
// and runs the migrations; Close stops what it started.
func openDB(ctx context.Context, cfg config, log *slog.Logger, out io.Writer) (*app.DB, error) {
	return app.OpenDB(ctx, cfg.db(), log, out)
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
