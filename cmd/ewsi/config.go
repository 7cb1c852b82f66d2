package main

import (
	"io"
	"log/slog"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"ewsi/app"
	"ewsi/graph"
	"ewsi/notify"
	"ewsi/server"
	"ewsi/webmap/site"
)

// config is everything the commands read from the environment.
type config struct {
	Addr           string
	DataDir        string
	Neo4jURI       string
	Neo4jUser      string
	Neo4jPassword  string
	Neo4jDatabase  string
	Neo4jPort      int
	Neo4jJar       string
	Neo4jHeap      string
	Neo4jPageCache string
	WebDir         string
	ReferenceDir   string
	DemoScale      int
	LogLevel       slog.Level
	QueryTimeout   time.Duration
	CORSOrigins    []string
	EditorToken    string // bearer token of editors; empty switches editing off
	Edge           server.Edge
	TrustForwarded bool           // links of OGC API and TileJSON follow X-Forwarded-Proto/Host
	Neo4jRestarts  int            // restarts of a dead embedded Neo4j allowed in 10 minutes
	Brand          string         // "" or "ec": the Commission's logo in the header
	Basemap        site.Basemap   // the map's background (EWSI_BASEMAP, EWSI_BASEMAP_ATTRIBUTION)
	Mail           app.MailConfig // EWSI_SMTP_URL (or the outbox), EWSI_MAIL_FROM, EWSI_SITE_URL
	InsecureCookie bool           // EWSI_INSECURE_COOKIE: session cookie without Secure (plain http only)
	SessionCache   time.Duration  // EWSI_SESSION_CACHE: how long a session is answered from memory (0: never)
}

// db is where the store is.
func (c config) db() app.DBConfig {
	return app.DBConfig{URI: c.Neo4jURI, User: c.Neo4jUser, Password: c.Neo4jPassword, Database: c.Neo4jDatabase,
		DataDir: c.DataDir, Port: c.Neo4jPort, Jar: c.Neo4jJar, Heap: c.Neo4jHeap, PageCache: c.Neo4jPageCache,
		QueryTimeout: c.QueryTimeout}
}

// app is the server's configuration.
func (c config) app(log *slog.Logger, out io.Writer) app.Config {
	restarts := c.Neo4jRestarts
	if restarts == 0 {
		restarts = -1 // none
	}
	return app.Config{DB: c.db(), Addr: c.Addr, WebDir: c.WebDir, ReferenceDir: c.ReferenceDir, DemoScale: c.DemoScale,
		QueryTimeout: c.QueryTimeout, CORSOrigins: c.CORSOrigins, EditorToken: c.EditorToken,
		Edge: c.Edge, TrustForwarded: c.TrustForwarded, Brand: c.Brand, Basemap: c.Basemap, Mail: c.Mail,
		Accounts: app.AccountsConfig{InsecureCookie: c.InsecureCookie, SessionCache: c.SessionCache},
		Restart:  app.RestartPolicy{Max: restarts}, Log: log, Out: out}
}

// configFromEnv reads the configuration; a bad value is an error naming the variable.
func configFromEnv(getenv func(string) string) (config, error) {
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := config{
		Addr:           get("EWSI_ADDR", "127.0.0.1:8080"),
		DataDir:        get("EWSI_DATA_DIR", "data"),
		Neo4jURI:       get("NEO4J_URI", ""),
		Neo4jUser:      get("NEO4J_USER", ""),
		Neo4jPassword:  get("NEO4J_PASSWORD", ""),
		Neo4jDatabase:  get("NEO4J_DATABASE", ""),
		Neo4jJar:       get("EWSI_NEO4J_JAR", filepath.Join("neo4j", "target", "ewsi-neo4j.jar")),
		Neo4jHeap:      get("EWSI_NEO4J_HEAP", "2g"),
		Neo4jPageCache: get("EWSI_NEO4J_PAGECACHE", "1g"),
		WebDir:         get("EWSI_WEB_DIR", filepath.Join("build", "web")),
		ReferenceDir:   get("EWSI_REFERENCE_DIR", filepath.Join("build", "reference")),
	}
	var err error
	if c.Neo4jPort, err = strconv.Atoi(get("EWSI_NEO4J_PORT", "7687")); err != nil || c.Neo4jPort < 1 || c.Neo4jPort > 65535 {
		return c, graph.Errorf(graph.EINVALID, "EWSI_NEO4J_PORT", "%q is not a port number", getenv("EWSI_NEO4J_PORT"))
	}
	if c.DemoScale, err = strconv.Atoi(get("EWSI_DEMO_SCALE", "1")); err != nil || c.DemoScale < 0 || c.DemoScale > 100 {
		return c, graph.Errorf(graph.EINVALID, "EWSI_DEMO_SCALE", "%q is not a scale from 0 (no demo content) to 100", getenv("EWSI_DEMO_SCALE"))
	}
	if c.Neo4jRestarts, err = strconv.Atoi(get("EWSI_NEO4J_RESTARTS", "3")); err != nil || c.Neo4jRestarts < 0 || c.Neo4jRestarts > 100 {
		return c, graph.Errorf(graph.EINVALID, "EWSI_NEO4J_RESTARTS", "%q is not a number of restarts from 0 (none) to 100", getenv("EWSI_NEO4J_RESTARTS"))
	}
	if c.QueryTimeout, err = time.ParseDuration(get("EWSI_QUERY_TIMEOUT", "15s")); err != nil || c.QueryTimeout <= 0 {
		return c, graph.Errorf(graph.EINVALID, "EWSI_QUERY_TIMEOUT", "%q is not a duration such as 15s", getenv("EWSI_QUERY_TIMEOUT"))
	}
	c.EditorToken = get("EWSI_EDITOR_TOKEN", "")
	if c.EditorToken != "" && len(c.EditorToken) < 16 {
		return c, graph.Errorf(graph.EINVALID, "EWSI_EDITOR_TOKEN", "must be at least 16 characters long")
	}
	if c.InsecureCookie, err = strconv.ParseBool(get("EWSI_INSECURE_COOKIE", "false")); err != nil {
		return c, graph.Errorf(graph.EINVALID, "EWSI_INSECURE_COOKIE", "%q is not true or false", getenv("EWSI_INSECURE_COOKIE"))
	}
	if c.SessionCache, err = time.ParseDuration(get("EWSI_SESSION_CACHE", "2s")); err != nil || c.SessionCache < 0 || c.SessionCache > time.Minute {
		return c, graph.Errorf(graph.EINVALID, "EWSI_SESSION_CACHE", "%q is not a duration from 0s (ask Neo4j on every request) to 1m", getenv("EWSI_SESSION_CACHE"))
	}
	if c.SessionCache == 0 {
		c.SessionCache = -1 // auth: never from memory
	}
	if c.TrustForwarded, err = strconv.ParseBool(get("EWSI_TRUST_FORWARDED", "false")); err != nil {
		return c, graph.Errorf(graph.EINVALID, "EWSI_TRUST_FORWARDED", "%q is not true or false", getenv("EWSI_TRUST_FORWARDED"))
	}
	if o := get("EWSI_CORS_ORIGINS", ""); o != "" {
		c.CORSOrigins = strings.Split(o, ",")
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("EWSI_LOG_LEVEL", "info"))); err != nil {
		return c, graph.Errorf(graph.EINVALID, "EWSI_LOG_LEVEL", "%q is not debug, info, warn or error", getenv("EWSI_LOG_LEVEL"))
	}
	switch c.Brand = get("EWSI_BRAND", ""); c.Brand {
	case "", "ec":
	default:
		return c, graph.Errorf(graph.EINVALID, "EWSI_BRAND", "%q is not empty (a neutral site) or ec (the European Commission's logo)", c.Brand)
	}
	if c.Basemap, err = site.ParseBasemap(getenv("EWSI_BASEMAP"), getenv("EWSI_BASEMAP_ATTRIBUTION")); err != nil {
		return c, err
	}
	if c.Edge, err = server.EdgeFromEnv(getenv); err != nil {
		return c, err
	}
	if c.Mail, err = mailFromEnv(get); err != nil {
		return c, err
	}
	return c, nil
}

// mailFromEnv reads where mails go: EWSI_SMTP_URL, or the outbox under the data
// folder; EWSI_MAIL_FROM; EWSI_SITE_URL, which links in mails start with.
func mailFromEnv(get func(k, def string) string) (app.MailConfig, error) {
	c := app.MailConfig{SMTPURL: get("EWSI_SMTP_URL", ""), From: get("EWSI_MAIL_FROM", "EWSI <no-reply@localhost>"),
		SiteURL: strings.TrimSuffix(get("EWSI_SITE_URL", ""), "/")}
	if c.SMTPURL != "" {
		if _, err := notify.ParseSMTPURL(c.SMTPURL); err != nil {
			return c, err
		}
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return c, graph.Errorf(graph.EINVALID, "EWSI_MAIL_FROM", "%q is not an address such as \"EWSI <no-reply@example.org>\"", c.From)
	}
	if c.SiteURL != "" {
		u, err := url.Parse(c.SiteURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return c, graph.Errorf(graph.EINVALID, "EWSI_SITE_URL", "%q is not the site's public address such as https://ewsi.example.org", c.SiteURL)
		}
	}
	return c, nil
}
