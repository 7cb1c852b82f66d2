package notify_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

var db *neo4jtest.DB

func TestMain(m *testing.M) { neo4jtest.Main(m, &db) }

const (
	testFrom = "EWSI <no-reply@ewsi.test>"
	testSite = "https://ewsi.test"
)

// clock is a settable time for the mailers of a test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// mailer makes a mailer over the test store; edit changes its configuration.
func mailer(t *testing.T, tr notify.Transport, edit ...func(*notify.Config)) *notify.Mailer {
	t.Helper()
	cfg := notify.Config{Store: db.Store, Transport: tr, From: testFrom, SiteURL: testSite,
		Poll: 50 * time.Millisecond, Lease: time.Minute, SendTimeout: 20 * time.Second, Backoff: time.Minute, MaxAttempts: 3}
	for _, e := range edit {
		e(&cfg)
	}
	m, err := notify.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// smtpTransport is the SMTP transport that reaches srv.
func smtpTransport(t *testing.T, srv *smtptest.Server) *notify.SMTP {
	t.Helper()
	tr, err := notify.ParseSMTPURL(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	tr.Config = srv.ClientTLS()
	tr.Timeout = 10 * time.Second
	return tr
}

func confirmFR(key, to string) graph.Notice {
	return graph.Notice{Key: key, To: to, Lang: "fr", Template: "confirm-email",
		Data: map[string]any{"name": "Amélie Dupont", "url": "/fr/account/confirm?token=abc123"}}
}

func mailByKey(t *testing.T, key string) *graph.Mail {
	t.Helper()
	m, err := db.Store.MailByKey(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
