// Package notify sends the site's mails: it records each notice in the store
// (graph.MailStore, idempotent on the notice's key) and a background worker
// delivers it, outside the transaction of the request that asked for it,
// through SMTP or into an outbox folder of .eml files.
//
// Delivery is at least once and, short of a crash in one narrow window, exactly
// once: a worker leases a mail in the store before sending it and marks it sent
// after; a crash between the record and the send leaves it queued (or leased
// until the lease expires), and a worker sends it on restart. A crash after the
// SMTP server accepted the mail and before the mark is written sends it once
// more: the second copy has the same Message-ID (derived from the key), so that
// receivers that deduplicate drop it, and the outbox overwrites the same file.
package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"os"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"ewsi/graph"
)

// Message is a mail to send, as the contract of issue 13 names it; it is
// graph.Notice, which stores and resolvers use.
type Message = graph.Notice

// Sender records a message and has it delivered.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Config is what a Mailer needs. Store and Transport are required.
type Config struct {
	Store     graph.MailStore
	Transport Transport
	From      string // "EWSI <no-reply@example.org>"; the sender of every mail
	SiteURL   string // the site's address, completing links given as paths
	Log       *slog.Logger

	Owner       string        // the lease owner's name; default host-pid-random
	Poll        time.Duration // how often the worker looks for due mail; default 5s
	Lease       time.Duration // how long a worker holds a mail; default 2m
	SendTimeout time.Duration // bound of one delivery, under Lease; default 1m
	MaxAttempts int           // after as many failed attempts a mail is failed; default 8
	Backoff     time.Duration // wait after the first failure, doubling up to 1h; default 30s
	Keep        time.Duration // sent and failed mails are deleted after; default 30 days
	Now         func() time.Time
}

// Mailer is a graph.Notifier and the worker that delivers what it records.
type Mailer struct {
	cfg  Config
	tpl  *templates
	from *mail.Address
	wake chan struct{}
}

var (
	_ graph.Notifier = (*Mailer)(nil)
	_ Sender         = (*Mailer)(nil)
)

// New checks the configuration and parses the templates.
func New(cfg Config) (*Mailer, error) {
	if cfg.Store == nil || cfg.Transport == nil {
		return nil, errors.New("notify: a store and a transport are required")
	}
	if cfg.From == "" {
		cfg.From = "EWSI <no-reply@localhost>"
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "EWSI_MAIL_FROM", "%q is not an address such as \"EWSI <no-reply@example.org>\"", cfg.From)
	}
	if cfg.SiteURL != "" {
		if _, err := absolute(cfg.SiteURL, "/"); err != nil {
			return nil, err
		}
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Owner == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		cfg.Owner = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.Poll, 5*time.Second)
	def(&cfg.Lease, 2*time.Minute)
	def(&cfg.SendTimeout, time.Minute)
	def(&cfg.Backoff, 30*time.Second)
	def(&cfg.Keep, 30*24*time.Hour)
	if cfg.SendTimeout >= cfg.Lease {
		return nil, fmt.Errorf("notify: the send timeout (%s) must be shorter than the lease (%s)", cfg.SendTimeout, cfg.Lease)
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	tpl, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	return &Mailer{cfg: cfg, tpl: tpl, from: from, wake: make(chan struct{}, 1)}, nil
}

// Notify validates n, checks that its template renders, records it (a key
// already recorded is a no-op) and wakes the worker. It returns once the mail
// is durably recorded; it does not wait for the delivery.
func (m *Mailer) Notify(ctx context.Context, n graph.Notice) error {
	if err := n.Validate(); err != nil {
		return err
	}
	if _, err := m.tpl.render(n, m.siteURL()); err != nil {
		return err
	}
	created, err := m.cfg.Store.RecordMail(ctx, n, m.cfg.Now())
	if err != nil {
		return err
	}
	if created {
		m.Wake()
	}
	return nil
}

// Wake has the worker look for due mail now (after a store method recorded
// one in its own transaction).
func (m *Mailer) Wake() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Send is Notify, for the notify.Sender interface.
func (m *Mailer) Send(ctx context.Context, msg Message) error { return m.Notify(ctx, msg) }

// Owner is the name under which this mailer leases mails.
func (m *Mailer) Owner() string { return m.cfg.Owner }

// Transport is where the mails go.
func (m *Mailer) Transport() Transport { return m.cfg.Transport }

func (m *Mailer) siteURL() string {
	if m.cfg.SiteURL == "" {
		return "http://127.0.0.1:8080"
	}
	return m.cfg.SiteURL
}

// MessageID is the Message-ID of the mail with the key (without angle
// brackets): the same for every copy, so receivers can drop a duplicate.
func (m *Mailer) MessageID(key string) string {
	domain := m.from.Address[strings.LastIndexByte(m.from.Address, '@')+1:]
	return keyHash(key) + "@" + domain
}

// Compose renders a notice into a message: multipart/alternative with a text
// and an HTML part in UTF-8, the subject as encoded words, Content-Language,
// a Message-ID derived from the key and the given date.
func (m *Mailer) Compose(n graph.Notice, date time.Time) (*gomail.Msg, error) {
	r, err := m.tpl.render(n, m.siteURL())
	if err != nil {
		return nil, err
	}
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP),
		gomail.WithNoDefaultUserAgent())
	if err := msg.From(m.from.String()); err != nil {
		return nil, graph.Errorf(graph.EINVALID, "EWSI_MAIL_FROM", "%v", err)
	}
	if err := msg.To(n.To); err != nil {
		return nil, graph.Errorf(graph.EINVALID, "notice.to", "%v", err)
	}
	msg.Subject(r.Subject)
	msg.SetMessageIDWithValue(m.MessageID(n.Key))
	msg.SetDateWithValue(date)
	msg.SetGenHeader(gomail.HeaderContentLang, n.Lang)
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, r.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, r.HTML)
	return msg, nil
}

// asSendError is errors.As for go-mail's delivery errors.
func asSendError(err error, se **gomail.SendError) bool { return errors.As(err, se) }
