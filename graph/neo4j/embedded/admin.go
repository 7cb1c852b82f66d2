package embedded

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Backup and restore of the embedded store: Neo4j's own `neo4j-admin database
// dump` and `load`, run from the launcher's jar (its class path holds Neo4j's
// admin tool). Both need the store stopped: Neo4j checks the store's lock and
// refuses a store in use.

// database is the one database of the embedded store that holds the graph.
const database = "neo4j"

// Dump writes the store of o.DataDir (stopped) to file, in Neo4j's dump format.
func Dump(ctx context.Context, o Options, file string) error {
	if !fileExists(filepath.Join(o.DataDir, "data", "databases", database)) {
		return fmt.Errorf("embedded neo4j: no store in %s to back up", o.DataDir)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(file), ".ewsi-backup-")
	if err != nil {
		return fmt.Errorf("embedded neo4j: backup: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := admin(ctx, o, "dump", database, "--to-path="+tmp); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(tmp, database+".dump"), file); err != nil {
		return fmt.Errorf("embedded neo4j: backup: %w", err)
	}
	return nil
}

// Load replaces the store of o.DataDir (stopped) with the dump in file. An
// existing store is overwritten only when overwrite is true.
func Load(ctx context.Context, o Options, file string, overwrite bool) error {
	in, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	defer in.Close()
	if !overwrite && fileExists(filepath.Join(o.DataDir, "data", "databases", database)) {
		return fmt.Errorf("embedded neo4j: %s already holds a store; stop what uses it and pass --force to replace it", o.DataDir)
	}
	if err := os.MkdirAll(o.DataDir, 0o755); err != nil {
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	tmp, err := os.MkdirTemp(o.DataDir, ".ewsi-restore-")
	if err != nil {
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	defer os.RemoveAll(tmp)
	out, err := os.Create(filepath.Join(tmp, database+".dump"))
	if err != nil {
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("embedded neo4j: restore: %w", err)
	}
	return admin(ctx, o, "load", database, "--from-path="+tmp, "--overwrite-destination=true")
}

// admin runs `neo4j-admin database <args>` on the store of o.DataDir and turns
// its failure into one line.
func admin(ctx context.Context, o Options, args ...string) error {
	if !fileExists(o.Jar) {
		return fmt.Errorf("embedded neo4j: launcher %s not found; build it with `make`", o.Jar)
	}
	home, err := filepath.Abs(o.DataDir)
	if err != nil {
		return err
	}
	conf, err := os.MkdirTemp("", "ewsi-admin-conf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(conf)
	if err := os.WriteFile(filepath.Join(conf, "neo4j.conf"), nil, 0o644); err != nil {
		return err
	}
	java := o.Java
	if java == "" {
		java = findJava()
	}
	heap := o.Heap
	if heap == "" {
		heap = "512m"
	}
	cmd := exec.CommandContext(ctx, java, append([]string{"-Xmx" + heap, "-cp", o.Jar, "org.neo4j.cli.AdminTool", "database"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+conf)
	out, err := cmd.CombinedOutput()
	if o.Log != nil {
		_, _ = o.Log.Write(out)
	}
	if o.LogFile != "" {
		if f, ferr := os.OpenFile(o.LogFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644); ferr == nil {
			_, _ = f.Write(out)
			_ = f.Close()
		}
	}
	if err == nil {
		return nil
	}
	text := string(out)
	switch {
	case strings.Contains(text, "in use") || strings.Contains(text, "locked by another process"):
		return fmt.Errorf("embedded neo4j: store %s is in use; stop `ewsi serve` (or whatever runs Neo4j on it) first", o.DataDir)
	case strings.Contains(text, "Not a valid Neo4j archive") || strings.Contains(text, "not a valid") || strings.Contains(text, "Unexpected archive format"):
		return fmt.Errorf("embedded neo4j: %s is not a Neo4j dump", args[len(args)-1])
	}
	last := ""
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.Contains(l, "ERROR") || last == "" {
			last = l
		}
	}
	return fmt.Errorf("embedded neo4j: neo4j-admin database %s failed: %s", args[0], strings.TrimSpace(last))
}
