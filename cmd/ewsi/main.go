// Command ewsi runs EWSI Graph: `ewsi serve` (the GraphQL server and map app over
// Neo4j), `ewsi ingest` (load files), `ewsi gen` (generate demo content),
// `ewsi export`, `ewsi backup` and `ewsi restore` (get the data out and back). It only
// wires the packages together: configuration from flags and environment, start
// and stop.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"ewsi/graph"
)

const usage = `usage: ewsi <command> [flags]

commands:
  serve               start the server (and the embedded Neo4j unless NEO4J_URI is set)
  ingest [flags] FILE...  load JSON Lines (.jsonl) or CSV (.csv) files
  gen [flags]         write generated demo content in the ingest format
  export [flags]      write the graph in the ingest format (a backup: ingest loads it back)
  backup FILE         dump the embedded store to FILE (stop serve first)
  restore [--force] FILE  load a dump into the embedded store (stop serve first)
  mail ls             list the mails of the outbox (when EWSI_SMTP_URL is unset)
  help                show this text

Run 'ewsi <command> -h' for the flags of a command. Configuration is read from
the environment (see README.md): EWSI_ADDR, EWSI_DATA_DIR, NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE, EWSI_NEO4J_PORT, EWSI_NEO4J_JAR, EWSI_NEO4J_HEAP,
EWSI_NEO4J_PAGECACHE, EWSI_NEO4J_RESTARTS, EWSI_WEB_DIR, EWSI_REFERENCE_DIR,
EWSI_DEMO_SCALE, EWSI_QUERY_TIMEOUT, EWSI_CORS_ORIGINS, EWSI_EDITOR_TOKEN,
EWSI_TRUST_FORWARDED, EWSI_RATE_LIMIT, EWSI_RATE_GRAPHQL, EWSI_RATE_HTTP,
EWSI_RATE_WRITE, EWSI_RATE_KEY (each with _BURST), EWSI_RATE_CLIENTS,
EWSI_TRUSTED_PROXY_HEADER, EWSI_TRUSTED_PROXIES, EWSI_COMPRESSION, EWSI_LOG_LEVEL,
EWSI_SMTP_URL, EWSI_MAIL_FROM, EWSI_SITE_URL.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "ewsi:", graph.ErrorMessageFull(err))
		}
		os.Exit(exitCode(err))
	}
}

var errUsage = errors.New("usage")

// exitCode is 2 for bad usage or input, 1 for anything else.
func exitCode(err error) int {
	if errors.Is(err, errUsage) || graph.ErrorCode(err) == graph.EINVALID {
		return 2
	}
	return 1
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, args[1:], stdout, stderr)
	case "ingest":
		return ingestCmd(ctx, cfg, args[1:], stdout, stderr)
	case "gen":
		return genCmd(ctx, cfg, args[1:], stdout, stderr)
	case "export":
		return exportCmd(ctx, cfg, args[1:], stdout, stderr)
	case "backup":
		return backupCmd(ctx, cfg, args[1:], stdout, stderr)
	case "restore":
		return restoreCmd(ctx, cfg, args[1:], stdout, stderr)
	case "mail":
		return mailCmd(ctx, cfg, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "ewsi: unknown command %q\n\n%s", args[0], usage)
	return errUsage
}
