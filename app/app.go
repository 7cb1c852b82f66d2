// Package app is EWSI Graph's server assembled: Main opens the store (the
// embedded Neo4j or NEO4J_URI), migrates it, loads the reference data, serves
// HTTP, and runs the background work (cache warming, the demo bootstrap, the
// watch over the embedded Neo4j); Close stops all of it in order. `ewsi serve`
// and the end-to-end tests both start it, so that the tests run what runs.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"sync"
	"time"

	"ewsi/auth"
	"ewsi/graph"
	"ewsi/graph/labels"
	"ewsi/graph/neo4j"
	"ewsi/notify"
	"ewsi/server"
	"ewsi/webmap/site"
)

// Config is everything Main needs, read by cmd/ewsi from flags and environment.
type Config struct {
	DB             DBConfig
	Addr           string // listen address; ":0" or "127.0.0.1:0" picks a free port (see Main.Addr)
	WebDir         string
	ReferenceDir   string
	DemoScale      int // demo content to load into an empty graph; 0 loads none
	QueryTimeout   time.Duration
	CORSOrigins    []string
	EditorToken    string
	Edge           server.Edge   // rate limits, client address, compression
	TrustForwarded bool          // links of OGC API and TileJSON follow X-Forwarded-Proto/Host
	Restart        RestartPolicy // of the embedded Neo4j
	Brand          string        // EWSI_BRAND: "" or "ec" (the Commission's logo in the header)
	Basemap        site.Basemap  // EWSI_BASEMAP and EWSI_BASEMAP_ATTRIBUTION
	ShutdownWithin time.Duration // how long Close lets requests under way finish; default 20s
	Accounts       AccountsConfig
	Mail           MailConfig // where mails go (EWSI_SMTP_URL, or the outbox) and who sends them

	Log *slog.Logger // default: discard
	Out io.Writer    // progress for a person at a terminal; default: discard
}

// AccountsConfig configures accounts (their mails go through Mail).
type AccountsConfig struct {
	// InsecureCookie drops Secure from the session cookie (and its __Host-
	// prefix): for a site served over plain http, never behind TLS.
	InsecureCookie bool
}

// Main is the running server.
type Main struct {
	Config Config

	db     *DB
	caches *caches
	mailer *notify.Mailer
	health health
	http   *http.Server
	ln     net.Listener
	cancel context.CancelFunc
	wg     sync.WaitGroup
	fatal  chan error
	close  sync.Once
	err    error
}

// Run starts everything and returns once the server listens; the background
// work goes on until Close. ctx bounds the start only (a Ctrl-C while Neo4j
// starts). A failure that ends the server later (the embedded Neo4j died more
// often than the restart policy allows, or the listener failed) is sent on Err.
func (m *Main) Run(ctx context.Context) (err error) {
	c := &m.Config
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Out == nil {
		c.Out = io.Discard
	}
	if c.ShutdownWithin == 0 {
		c.ShutdownWithin = 20 * time.Second
	}
	c.Restart.defaults()
	m.fatal = make(chan error, 2)
	m.health.setUp()
	if c.DB.QueryTimeout == 0 {
		c.DB.QueryTimeout = c.QueryTimeout
	}
	m.db, err = OpenDB(ctx, c.DB, c.Log, c.Out)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = m.db.Close()
		}
	}()
	st := m.db.Store
	sum, err := loadReference(ctx, st, c.ReferenceDir)
	if err != nil {
		return m.db.explain(err)
	}
	c.Log.Info("reference data", "summary", sum.String())

	m.caches = newCaches(st, c.Log, c.TrustForwarded, c.ReferenceDir)
	pages, err := site.New(site.Config{WebDir: c.WebDir, Brand: c.Brand, Basemap: c.Basemap, Demo: c.DemoScale > 0, Log: c.Log})
	if err != nil {
		return err
	}
	catalog, err := labels.Embedded()
	if err != nil {
		return err
	}
	routes := maps.Clone(m.caches.routes)
	maps.Copy(routes, pages.Handlers())
	var origins []string
	if o := c.Basemap.Origin(); o != "" {
		origins = append(origins, o)
	}
	if m.ln, err = net.Listen("tcp", listenAddr(c.Addr)); err != nil {
		return graph.Errorf(graph.EINVALID, "EWSI_ADDR", "cannot listen on %s: %v", c.Addr, err)
	}
	if m.mailer, err = newMailer(c.Mail, c.DB.DataDir, st, m.ln.Addr(), c.Log); err != nil {
		_ = m.ln.Close()
		return err
	}
	accounts, err := auth.New(auth.Config{Cookies: auth.Cookies{Insecure: c.Accounts.InsecureCookie},
		EditorToken: c.EditorToken}, st, m.mailer, c.Log)
	if err != nil {
		_ = m.ln.Close()
		return err
	}
	srv := server.New(server.Config{Addr: c.Addr, WebDir: c.WebDir, QueryTimeout: c.QueryTimeout,
		AllowedOrigins: c.CORSOrigins, Extra: routes, NotFound: http.HandlerFunc(pages.NotFound),
		ContentOrigins: origins, EditorToken: c.EditorToken, Notifier: m.mailer, Accounts: accounts,
		Map: m.caches.layers, Partners: m.caches.ranker, Search: m.caches.search, Labels: catalog, Edge: c.Edge}, st, c.Log)
	m.http = &http.Server{Handler: m.health.gate(srv.Handler()), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: c.QueryTimeout + 30*time.Second, IdleTimeout: 2 * time.Minute}

	bg, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.wg.Go(func() {
		if err := m.http.Serve(m.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.fatal <- fmt.Errorf("http: %w", err)
		}
	})
	m.wg.Go(func() { m.caches.warm(bg) })
	m.wg.Go(func() { m.mailer.Run(bg) })
	if c.DemoScale > 0 {
		d := &Demo{Store: st, Scale: c.DemoScale, DataDir: c.DB.DataDir, ReferenceDir: c.ReferenceDir,
			Out: c.Out, Log: c.Log, Refresh: m.caches.refresh}
		m.wg.Go(func() { d.Run(bg) })
	}
	if m.db.Embedded() != nil {
		w := &watcher{db: m.db, health: &m.health, policy: c.Restart, log: c.Log}
		m.wg.Go(func() {
			if err := w.run(bg); err != nil {
				m.fatal <- err
			}
		})
	}
	fmt.Fprintf(c.Out, "EWSI Graph is up: http://%s/ (GraphiQL: http://%s/graphiql)\n", m.Addr(), m.Addr())
	return nil
}

func listenAddr(a string) string {
	if a == "" {
		return "127.0.0.1:8080"
	}
	return a
}

// Addr is the address the server listens on (the real port for ":0").
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Err receives the failure that ends the server on its own, if one comes.
func (m *Main) Err() <-chan error { return m.fatal }

// Mailer sends the site's mails (the graph.Notifier of the resolvers).
func (m *Main) Mailer() *notify.Mailer { return m.mailer }

// Store is the open store, for the tests.
func (m *Main) Store() *neo4j.Store { return m.db.Store }

// Neo4jPid is the process id of the embedded Neo4j running now, 0 with NEO4J_URI.
func (m *Main) Neo4jPid() int {
	if s := m.db.Embedded(); s != nil {
		return s.Pid()
	}
	return 0
}

// Close stops the HTTP server (letting requests under way finish, within
// ShutdownWithin), cancels the background work and waits for all of it,
// then closes the store, then stops the embedded Neo4j (which closes its log
// file). It may be called more than once.
func (m *Main) Close() error {
	m.close.Do(func() {
		if m.http == nil { // Run did not succeed: it closed what it opened
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownWithin)
		defer cancel()
		errs := []error{m.http.Shutdown(ctx)}
		m.cancel()
		m.wg.Wait()
		m.caches.close(ctx)
		errs = append(errs, m.db.Close())
		m.err = errors.Join(errs...)
	})
	return m.err
}
