// Package embedded starts and stops the embedded Neo4j launcher (the Java program
// in neo4j/, built by make into neo4j/target/ewsi-neo4j.jar) as a child process.
package embedded

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Options configure the launcher.
type Options struct {
	Jar       string        // path of ewsi-neo4j.jar
	DataDir   string        // the store folder
	Port      int           // Bolt port on 127.0.0.1; 0 picks a free one
	PageCache string        // e.g. "512m"
	TxMemory  string        // e.g. "1g"
	Heap      string        // JVM -Xmx, e.g. "1g"
	Java      string        // java executable; "" finds it on PATH or in JAVA_HOME
	Timeout   time.Duration // how long to wait for Bolt; zero means 3 minutes
	Log       io.Writer     // where the launcher's output goes, besides LogFile; nil discards it
	// LogFile, when set, is a file the launcher's output is appended to; it is
	// opened by Start and closed once the launcher has exited.
	LogFile string
}

// Server is a running embedded Neo4j.
type Server struct {
	URI      string
	cmd      *exec.Cmd
	in       io.WriteCloser
	done     chan struct{}
	once     sync.Once
	err      error
	stopping atomic.Bool
	tail     *tail
	logFile  string
}

// Start runs the launcher and waits until it accepts Bolt connections. Errors the
// launcher explains (a taken port, a locked store) come back as one line.
func Start(ctx context.Context, o Options) (*Server, error) {
	if _, err := os.Stat(o.Jar); err != nil {
		return nil, fmt.Errorf("embedded neo4j: launcher %s not found; build it with `make` (or set NEO4J_URI to use a running server)", o.Jar)
	}
	java := o.Java
	if java == "" {
		java = findJava()
	}
	if o.Port == 0 {
		p, err := FreePort()
		if err != nil {
			return nil, err
		}
		o.Port = p
	}
	if o.Timeout == 0 {
		o.Timeout = 3 * time.Minute
	}
	args := []string{}
	if o.Heap != "" {
		args = append(args, "-Xmx"+o.Heap)
	}
	args = append(args, "-XX:+UseParallelGC", "-jar", o.Jar, "--data", o.DataDir, "--port", strconv.Itoa(o.Port), "--stdin-watch")
	if o.PageCache != "" {
		args = append(args, "--pagecache", o.PageCache)
	}
	if o.TxMemory != "" {
		args = append(args, "--tx-memory", o.TxMemory)
	}
	cmd := exec.Command(java, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr strings.Builder
	var mu sync.Mutex
	logw := o.Log
	if logw == nil {
		logw = io.Discard
	}
	var file *os.File
	if o.LogFile != "" {
		if err := os.MkdirAll(filepath.Dir(o.LogFile), 0o755); err != nil {
			return nil, fmt.Errorf("embedded neo4j: log file: %w", err)
		}
		if file, err = os.OpenFile(o.LogFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644); err != nil {
			return nil, fmt.Errorf("embedded neo4j: log file: %w", err)
		}
		logw = io.MultiWriter(logw, file)
	}
	closeLog := func() {
		if file != nil {
			_ = file.Close()
		}
	}
	last := &tail{max: 4096}
	logw = io.MultiWriter(logw, last)
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		stderr.Write(p)
		mu.Unlock()
		return logw.Write(p)
	})
	if err := cmd.Start(); err != nil {
		closeLog()
		return nil, fmt.Errorf("embedded neo4j: cannot run %s: %w (install Java 17 or set NEO4J_URI)", java, err)
	}
	s := &Server{URI: fmt.Sprintf("bolt://127.0.0.1:%d", o.Port), cmd: cmd, in: in, done: make(chan struct{}),
		tail: last, logFile: o.LogFile}
	ready := make(chan struct{})
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(out)
		signalled := false
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logw, line)
			if !signalled && strings.HasPrefix(line, "EWSI-NEO4J READY") {
				signalled = true
				close(ready)
			}
		}
		_, _ = io.Copy(io.Discard, out) // a line too long for the scanner
	}()
	go func() {
		// every read of stdout ends before Wait, which closes the pipe; the log
		// file is closed once nothing writes to it any more
		<-scanned
		s.err = cmd.Wait()
		closeLog()
		close(s.done)
	}()
	timer := time.NewTimer(o.Timeout)
	defer timer.Stop()
	select {
	case <-ready:
		return s, nil
	case <-s.done:
		mu.Lock()
		msg := stderr.String()
		mu.Unlock()
		return nil, fmt.Errorf("embedded neo4j: %s", explain(msg, s.err))
	case <-timer.C:
		s.Stop()
		return nil, fmt.Errorf("embedded neo4j: no Bolt on port %d after %s (store %s)", o.Port, o.Timeout, o.DataDir)
	case <-ctx.Done():
		s.Stop()
		return nil, ctx.Err()
	}
}

// explain picks the launcher's one-line error out of its stderr.
func explain(stderr string, err error) string {
	for _, line := range strings.Split(stderr, "\n") {
		if m, ok := strings.CutPrefix(line, "EWSI-NEO4J ERROR "); ok {
			return m
		}
	}
	if err != nil {
		return "the launcher exited: " + err.Error()
	}
	return "the launcher exited before accepting connections"
}

// Stop asks the launcher to shut down cleanly (SIGTERM), waits up to a minute, then kills it.
func (s *Server) Stop() error {
	s.stopping.Store(true)
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(time.Minute):
			_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.done
		}
		_ = s.in.Close()
	})
	// an exit status (143 after our SIGTERM) is how a stopped launcher ends;
	// only a failure to wait for it is an error
	var ee *exec.ExitError
	if s.err != nil && !errors.As(s.err, &ee) {
		return s.err
	}
	return nil
}

// Done is closed when the launcher has exited, after Stop or on its own.
func (s *Server) Done() <-chan struct{} { return s.done }

// Died returns, once the launcher has exited without being asked to (killed, or
// crashed), an error saying so with its exit status, its log file and the last
// lines of its output; it returns nil while it runs and after Stop.
func (s *Server) Died() error {
	select {
	case <-s.done:
	default:
		return nil
	}
	if s.stopping.Load() {
		return nil
	}
	return &DiedError{Pid: s.cmd.Process.Pid, Exit: s.err, LogFile: s.logFile, Last: s.tail.lines(3)}
}

// DiedError says that the embedded Neo4j exited on its own.
type DiedError struct {
	Pid     int
	Exit    error    // the exit status (e.g. "signal: killed")
	LogFile string   // where its output went, "" when nowhere
	Last    []string // its last lines of output
}

// Error is one line: what died, how, and where to look.
func (e *DiedError) Error() string {
	msg := fmt.Sprintf("the embedded Neo4j (pid %d) died", e.Pid)
	if e.Exit != nil {
		msg += " (" + e.Exit.Error() + ")"
	}
	if e.LogFile != "" {
		msg += "; its log is " + e.LogFile
	}
	if len(e.Last) > 0 {
		msg += "; its last output: " + strings.Join(e.Last, " | ")
	}
	return msg
}

// LogFile is the file the launcher's output is appended to, "" when none.
func (s *Server) LogFile() string { return s.logFile }

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func findJava() string {
	if h := os.Getenv("JAVA_HOME"); h != "" {
		if p := filepath.Join(h, "bin", "java"); fileExists(p) {
			return p
		}
	}
	return "java"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append([]byte(nil), t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

// lines returns the last n non-blank lines.
func (t *tail) lines(n int) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	all := strings.Split(string(t.b), "\n")
	for i := len(all) - 1; i >= 0 && len(out) < n; i-- {
		if l := strings.TrimSpace(all[i]); l != "" {
			out = append([]string{l}, out...)
		}
	}
	return out
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Pid returns the process id of the launcher's JVM, for measuring what it uses.
func (s *Server) Pid() int { return s.cmd.Process.Pid }
