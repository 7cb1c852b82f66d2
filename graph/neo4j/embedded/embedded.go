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
	Log       io.Writer     // where the launcher's output goes; nil discards it
}

// Server is a running embedded Neo4j.
type Server struct {
	URI  string
	cmd  *exec.Cmd
	in   io.WriteCloser
	done chan struct{}
	once sync.Once
	err  error
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
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		stderr.Write(p)
		mu.Unlock()
		return logw.Write(p)
	})
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("embedded neo4j: cannot run %s: %w (install Java 17 or set NEO4J_URI)", java, err)
	}
	s := &Server{URI: fmt.Sprintf("bolt://127.0.0.1:%d", o.Port), cmd: cmd, in: in, done: make(chan struct{})}
	ready := make(chan struct{})
	go func() {
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
	}()
	go func() {
		s.err = cmd.Wait()
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

// Done is closed when the launcher has exited.
func (s *Server) Done() <-chan struct{} { return s.done }

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

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Pid returns the process id of the launcher's JVM, for measuring what it uses.
func (s *Server) Pid() int { return s.cmd.Process.Pid }
