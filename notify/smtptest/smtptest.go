// Package smtptest runs a real SMTP server for tests (github.com/emersion/go-smtp)
// on 127.0.0.1, in plain text, with STARTTLS or with TLS from the start (a
// self-signed certificate made for the test), with or without AUTH PLAIN, and
// keeps every message it accepts so the test can read what arrived.
//
//	srv := smtptest.Start(t)                       // plain, no auth
//	srv := smtptest.Start(t, smtptest.Options{StartTLS: true, User: "u", Password: "p"})
//	cfg := notify.ParseSMTPURL(srv.URL()); cfg.Config = srv.ClientTLS()
//	m, err := srv.WaitFor("someone@example.org", 10*time.Second)
//	m.Subject, m.Text, m.HTML, m.Header.Get("Content-Language")
package smtptest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Options choose how the server talks.
type Options struct {
	StartTLS bool   // offer STARTTLS (and require it before AUTH)
	Implicit bool   // TLS from the first byte, as on port 465
	User     string // when set, AUTH PLAIN with User and Password is required to send
	Password string
	// Reject, when set, is asked for every recipient; an error it returns is
	// the server's answer to RCPT TO (an *smtp.SMTPError chooses the code;
	// see TempFail and PermFail).
	Reject func(to string) error
}

// TempFail is a 451 answer (try again later); PermFail a 550 (never).
var (
	TempFail = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	PermFail = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
)

// Server is a running test SMTP server; Start stops it at the test's end.
type Server struct {
	opts    Options
	srv     *smtp.Server
	ln      net.Listener
	cert    *certs
	mu      sync.Mutex
	msgs    []Message
	arrived chan struct{} // closed and replaced at each arrival
}

// Start starts a server listening on 127.0.0.1 at a free port. With no
// options it speaks plain SMTP without AUTH.
func Start(t testing.TB, opts ...Options) *Server {
	t.Helper()
	s, err := New(opts...)
	if err != nil {
		t.Fatalf("smtptest: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// New starts a server outside a test (Close stops it).
func New(opts ...Options) (*Server, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s := &Server{opts: o, arrived: make(chan struct{})}
	var err error
	if s.cert, err = newCerts(); err != nil {
		return nil, err
	}
	s.srv = smtp.NewServer(s)
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout, s.srv.WriteTimeout = 30*time.Second, 30*time.Second
	s.srv.MaxMessageBytes = 10 << 20
	if o.StartTLS {
		s.srv.TLSConfig = s.cert.server
	}
	if s.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	if o.Implicit {
		s.ln = tls.NewListener(s.ln, s.cert.server)
	}
	go func() { _ = s.srv.Serve(s.ln) }()
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Addr is host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL is the EWSI_SMTP_URL that reaches the server: smtps:// when Implicit,
// smtp:// with STARTTLS required when StartTLS, else smtp://...?starttls=none;
// with the user and password when set.
func (s *Server) URL() string {
	u := url.URL{Scheme: "smtp", Host: s.Addr()}
	switch {
	case s.opts.Implicit:
		u.Scheme = "smtps"
	case !s.opts.StartTLS:
		u.RawQuery = "starttls=none"
	}
	if s.opts.User != "" {
		u.User = url.UserPassword(s.opts.User, s.opts.Password)
	}
	return u.String()
}

// ClientTLS is a client TLS configuration that trusts the server's certificate.
func (s *Server) ClientTLS() *tls.Config {
	return &tls.Config{RootCAs: s.cert.pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

// Messages returns the messages received so far, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// To returns the messages received so far for an address.
func (s *Server) To(addr string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.Has(addr) {
			out = append(out, m)
		}
	}
	return out
}

// WaitFor waits until a message for the address has arrived and returns the
// first one, or an error after timeout.
func (s *Server) WaitFor(to string, timeout time.Duration) (Message, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		for _, m := range s.msgs {
			if m.Has(to) {
				s.mu.Unlock()
				return m, nil
			}
		}
		ch := s.arrived
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return Message{}, fmt.Errorf("smtptest: no message to %s within %s (%d received)", to, timeout, len(s.Messages()))
		}
	}
}

// NewSession is go-smtp's backend method.
func (s *Server) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: s, conn: c}, nil
}

func (s *Server) add(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.arrived)
	s.arrived = make(chan struct{})
}

// session is one SMTP conversation.
type session struct {
	s    *Server
	conn *smtp.Conn
	user string
	from string
	to   []string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string {
	if ss.s.opts.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	if mech != sasl.Plain || ss.s.opts.User == "" {
		return nil, smtp.ErrAuthUnsupported
	}
	return sasl.NewPlainServer(func(identity, user, password string) error {
		if user != ss.s.opts.User || password != ss.s.opts.Password {
			return smtp.ErrAuthFailed
		}
		ss.user = user
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.User != "" && ss.user == "" {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if ss.s.opts.Reject != nil {
		if err := ss.s.opts.Reject(to); err != nil {
			return err
		}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := Parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: err.Error()}
	}
	m.EnvelopeFrom, m.EnvelopeTo, m.AuthUser = ss.from, append([]string(nil), ss.to...), ss.user
	_, m.TLS = ss.conn.TLSConnectionState()
	ss.s.add(m)
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }

// trimCRLF normalises line ends to \n.
func trimCRLF(b []byte) string { return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))) }

// Has reports whether the message was sent to addr (envelope or To header).
func (m Message) Has(addr string) bool {
	for _, a := range m.EnvelopeTo {
		if strings.EqualFold(a, addr) {
			return true
		}
	}
	for _, a := range m.To {
		if strings.EqualFold(a, addr) {
			return true
		}
	}
	return false
}
