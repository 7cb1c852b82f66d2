package embedded_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ewsi/graph/neo4j/embedded"
	"ewsi/graph/neo4j/neo4jtest"
)

func jar(t *testing.T) string {
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "neo4j", "target", "ewsi-neo4j.jar")
}

func TestStartExplainsWhatStopsIt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()
	logFile := filepath.Join(dir, "logs", "launcher.log")
	srv, err := embedded.Start(ctx, embedded.Options{Jar: jar(t), DataDir: filepath.Join(dir, "a"), Heap: "512m", PageCache: "64m", LogFile: logFile})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	if st, err := os.Stat(logFile); err != nil || st.Size() == 0 {
		t.Errorf("the launcher's output is not in %s: %v", logFile, err)
	}
	if !holds(t, logFile) {
		t.Errorf("the log file %s is not open while the launcher runs", logFile)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URI, "bolt://"))
	if err != nil {
		t.Fatalf("Bolt does not accept connections at %s: %v", srv.URI, err)
	}
	conn.Close()
	port := srv.URI[strings.LastIndex(srv.URI, ":")+1:]

	// the same port, another store
	var p int
	for _, c := range port {
		p = p*10 + int(c-'0')
	}
	_, err = embedded.Start(ctx, embedded.Options{Jar: jar(t), DataDir: filepath.Join(dir, "b"), Port: p, Heap: "512m", PageCache: "64m"})
	if err == nil || !strings.Contains(err.Error(), "already in use") || strings.Contains(err.Error(), "\n") {
		t.Errorf("taken port: want one line saying it is in use, got %v", err)
	}
	// ewsi has no --port flag: the message names the variable that sets the port
	if err == nil || !strings.Contains(err.Error(), "EWSI_NEO4J_PORT") || strings.Contains(err.Error(), "--port") {
		t.Errorf("taken port: want the message to name EWSI_NEO4J_PORT and no --port flag, got %v", err)
	}
	// the same store, another port
	_, err = embedded.Start(ctx, embedded.Options{Jar: jar(t), DataDir: filepath.Join(dir, "a"), Heap: "512m", PageCache: "64m"})
	if err == nil || !strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "\n") {
		t.Errorf("locked store: want one line saying it is locked, got %v", err)
	}
	// a missing launcher says how to build it
	_, err = embedded.Start(ctx, embedded.Options{Jar: filepath.Join(dir, "none.jar"), DataDir: dir})
	if err == nil || !strings.Contains(err.Error(), "make") {
		t.Errorf("missing jar: %v", err)
	}
	// a clean stop ends the process
	if err := srv.Stop(); err != nil {
		t.Errorf("stop: %v", err)
	}
	select {
	case <-srv.Done():
	case <-time.After(time.Minute):
		t.Error("the launcher did not exit after Stop")
	}
	if holds(t, logFile) {
		t.Errorf("the log file %s is still open after Stop", logFile)
	}
	if err := srv.Died(); err != nil {
		t.Errorf("a stopped launcher did not die: Died says %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "data")); err != nil {
		t.Errorf("no store written: %v", err)
	}
}

// holds reports whether this process has path open.
func holds(t *testing.T, path string) bool {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range fds {
		if p, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && p == path {
			return true
		}
	}
	return false
}
