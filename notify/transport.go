package notify

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	mail "github.com/wneessen/go-mail"

	"ewsi/graph"
)

// Transport delivers a composed message. key is the message's idempotency key.
type Transport interface {
	Deliver(ctx context.Context, key string, m *mail.Msg) error
	String() string // where mails go, for the log (no password)
}

// keyHash names a message: the first 32 hex digits of the SHA-256 of its key.
func keyHash(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:16])
}

// Outbox writes each message as an .eml file into Dir, named by the hash of
// its key: a resend overwrites the file instead of adding one. The write is
// atomic (a temporary file renamed), so a reader never sees half a mail.
type Outbox struct{ Dir string }

// Deliver writes the message.
func (o Outbox) Deliver(_ context.Context, key string, m *mail.Msg) error {
	if err := os.MkdirAll(o.Dir, 0o700); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	f, err := os.CreateTemp(o.Dir, ".tmp-*.eml")
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	defer os.Remove(f.Name()) // after the rename, there is nothing left to remove
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("outbox: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("outbox: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := os.Rename(f.Name(), o.Path(key)); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// Path is the file of the message with the key.
func (o Outbox) Path(key string) string { return filepath.Join(o.Dir, keyHash(key)+".eml") }

func (o Outbox) String() string { return "outbox " + o.Dir }

// SMTP sends through a mail server.
type SMTP struct {
	Host     string
	Port     int
	Implicit bool           // TLS from the first byte (smtps, port 465)
	TLS      mail.TLSPolicy // STARTTLS policy when not Implicit
	User     string         // empty: no AUTH
	Password string         //
	Auth     mail.SMTPAuthType
	Config   *tls.Config   // nil: the system's roots, ServerName = Host
	Timeout  time.Duration // of one exchange; default 30s
	display  string
}

// ParseSMTPURL reads EWSI_SMTP_URL:
//
//	smtp://user:password@host:587   STARTTLS required (the default port is 587)
//	smtps://user:password@host:465  TLS from the start (the default port is 465)
//
// Query options: starttls=required|opportunistic|none (smtp only; none is for
// a relay on the same machine), auth=auto|plain|login|cram-md5|scram-sha-256
// (default auto: the strongest the server offers). User and password are
// URL-encoded.
func ParseSMTPURL(s string) (*SMTP, error) {
	bad := func(format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "EWSI_SMTP_URL", format, args...)
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, bad("not a URL such as smtp://user:password@host:587")
	}
	c := &SMTP{Host: u.Hostname(), TLS: mail.TLSMandatory, Auth: mail.SMTPAuthAutoDiscover}
	switch u.Scheme {
	case "smtp":
		c.Port = 587
	case "smtps":
		c.Port, c.Implicit = 465, true
	default:
		return nil, bad("scheme %q is not smtp (STARTTLS) or smtps (TLS)", u.Scheme)
	}
	if c.Host == "" {
		return nil, bad("no host")
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return nil, bad("%q is not a port number", p)
		}
	}
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	q := u.Query()
	for k := range q {
		if k != "starttls" && k != "auth" {
			return nil, bad("unknown option %q (starttls, auth)", k)
		}
	}
	switch v := q.Get("starttls"); v {
	case "", "required":
	case "opportunistic":
		c.TLS = mail.TLSOpportunistic
	case "none":
		c.TLS = mail.NoTLS
	default:
		return nil, bad("starttls=%q is not required, opportunistic or none", v)
	}
	if c.Implicit && q.Get("starttls") != "" {
		return nil, bad("starttls applies to smtp://, not smtps://")
	}
	if v := q.Get("auth"); v != "" && v != "auto" {
		var a mail.SMTPAuthType
		if err := a.UnmarshalString(v); err != nil {
			return nil, bad("auth=%q is not auto, plain, login, cram-md5 or scram-sha-256", v)
		}
		c.Auth = a
	}
	red := *u
	if u.User != nil {
		red.User = url.User(u.User.Username())
	}
	c.display = red.String()
	return c, nil
}

func (c *SMTP) String() string {
	if c.display != "" {
		return c.display
	}
	return fmt.Sprintf("smtp://%s:%d", c.Host, c.Port)
}

// client builds a go-mail client for one exchange.
func (c *SMTP) client() (*mail.Client, error) {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	opts := []mail.Option{mail.WithPort(c.Port), mail.WithTimeout(timeout)}
	if c.Implicit {
		opts = append(opts, mail.WithSSL())
	} else {
		opts = append(opts, mail.WithTLSPolicy(c.TLS))
	}
	if c.Config != nil {
		opts = append(opts, mail.WithTLSConfig(c.Config))
	} else {
		opts = append(opts, mail.WithTLSConfig(&tls.Config{ServerName: c.Host, MinVersion: tls.VersionTLS12}))
	}
	if c.User != "" {
		opts = append(opts, mail.WithSMTPAuth(c.Auth), mail.WithUsername(c.User), mail.WithPassword(c.Password))
	}
	return mail.NewClient(c.Host, opts...)
}

// Deliver connects, sends the message and quits.
func (c *SMTP) Deliver(ctx context.Context, _ string, m *mail.Msg) error {
	cl, err := c.client()
	if err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	if err := cl.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("smtp %s:%d: %w", c.Host, c.Port, err)
	}
	return nil
}

// permanent reports whether a delivery error will not go away by retrying (a
// 5xx answer to the message or its recipient).
func permanent(err error) bool {
	var se *mail.SendError
	if !asSendError(err, &se) {
		return false
	}
	return !se.IsTemp() && se.ErrorCode() >= 500 && se.ErrorCode() < 600 &&
		!strings.Contains(strings.ToLower(se.Error()), "auth")
}
