// Package feeds writes the feeds the site publishes: Atom feeds (RFC 4287) of
// each content kind narrowed by theme, country and language, and iCalendar
// (RFC 5545) files of one event, of the events of a country or theme, and of
// the funding calls' deadlines. Every answer is kept under the graph's version:
// its ETag names the version, so a reader that already has it gets 304 without
// a read of the store.
package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"ewsi/graph"
)

// Store is what the feeds read: content lists, nodes, themes and countries,
// the calendar's lists, and the graph's version.
type Store interface {
	List(ctx context.Context, k graph.Kind, f graph.Filter, o graph.Order, w graph.Window) ([]graph.Node, int, error)
	Nodes(ctx context.Context, ids []string) (map[string]graph.Node, error)
	Themes(ctx context.Context) ([]*graph.Theme, error)
	Countries(ctx context.Context, eu *bool) ([]*graph.Country, error)
	graph.Calendar
	GraphVersion(ctx context.Context) (string, error)
}

// Config configures the feeds.
type Config struct {
	// SiteURL is the site's public address (EWSI_SITE_URL), which the links
	// and ids of the feeds start with; "" takes the address each request came to.
	SiteURL string
	// Timeout bounds one request's reads; default 15s.
	Timeout time.Duration
	// CacheSize bounds the answers kept (per graph version); default 128.
	CacheSize int
	Log       *slog.Logger
	// Now is the clock (tests); default time.Now.
	Now func() time.Time
}

// Handlers serve the feeds; Routes gives them by ServeMux pattern.
type Handlers struct {
	cfg   Config
	store Store
	cache *lru.Cache[string, answer]
	seen  versionClock
}

// answer is one rendered feed, kept with the graph version it was read at.
type answer struct {
	version  string
	body     []byte
	modified time.Time
}

// versionClock remembers when the current graph version was first seen: the
// Last-Modified of every feed read at that version.
type versionClock struct {
	mu      sync.Mutex
	version string
	at      time.Time
}

func (c *versionClock) since(version string, now time.Time) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.version, c.at = version, now.UTC().Truncate(time.Second)
	}
	return c.at
}

// New makes the feeds' handlers over st.
func New(cfg Config, st Store) (*Handlers, error) {
	if cfg.Timeout == 0 {
		cfg.Timeout = 15 * time.Second
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = 128
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.SiteURL = strings.TrimSuffix(cfg.SiteURL, "/")
	if cfg.SiteURL != "" && !strings.HasPrefix(cfg.SiteURL, "http://") && !strings.HasPrefix(cfg.SiteURL, "https://") {
		return nil, graph.Errorf(graph.EINVALID, "EWSI_SITE_URL", "%q is not an http(s) address", cfg.SiteURL)
	}
	c, err := lru.New[string, answer](cfg.CacheSize)
	if err != nil {
		return nil, err
	}
	return &Handlers{cfg: cfg, store: st, cache: c}, nil
}

// Routes are the feeds by ServeMux pattern (see the README's Feeds section).
func (h *Handlers) Routes() map[string]http.Handler {
	r := map[string]http.Handler{
		"GET /feeds/events.ics":  h.serve(mimeICS, h.eventsICS),
		"GET /feeds/funding.ics": h.serve(mimeICS, h.fundingICS),
		"GET /feeds/event.ics":   h.serve(mimeICS, h.eventICS),
		"GET /events/{file}":     h.serve(mimeICS, h.eventICS),
	}
	for _, k := range atomKinds {
		r["GET /feeds/"+k.path+".atom"] = h.serve(mimeAtom, h.atom(k))
	}
	return r
}

const (
	mimeAtom = "application/atom+xml; charset=utf-8"
	mimeICS  = "text/calendar; charset=utf-8"
)

// request is what a feed's renderer gets: the request's parameters checked,
// the site's address and the day it is.
type request struct {
	*http.Request
	site  string
	today graph.Date
	// since is when the graph's version was first seen: the Last-Modified of
	// the answer, and the time of what has no time of its own
	since time.Time
}

// renderer checks a request's parameters (prepare, which returns the key the
// answer is kept under) and reads and writes the feed (render).
type renderer struct {
	prepare func(r *request) (key string, err error)
	render  func(ctx context.Context, r *request) ([]byte, error)
}

// serve answers a feed: 400 for bad parameters, 304 when the reader has the
// version, else the feed from the cache or read now, under the time bound.
func (h *Handlers) serve(mime string, newRenderer func() renderer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
		defer cancel()
		now := h.cfg.Now()
		req := &request{Request: r, site: h.site(r), today: graph.DateOf(now.UTC())}
		rd := newRenderer()
		key, err := rd.prepare(req)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		key = req.site + "\x00" + req.today.String() + "\x00" + key
		version, err := h.store.GraphVersion(ctx)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		sum := sha256.Sum256([]byte(version + "\x00" + key))
		etag := `W/"` + hex.EncodeToString(sum[:12]) + `"`
		hd := w.Header()
		hd.Set("ETag", etag)
		hd.Set("Cache-Control", "public, max-age=300")
		hd.Set("Content-Type", mime)
		req.since = h.seen.since(version, now)
		if matches(r.Header.Get("If-None-Match"), etag) {
			// the reader has this version: no list is read
			hd.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		a, ok := h.cache.Get(key)
		if !ok || a.version != version {
			body, err := rd.render(ctx, req)
			if err != nil {
				hd.Del("ETag")
				hd.Del("Cache-Control")
				hd.Del("Content-Type")
				h.fail(w, r, err)
				return
			}
			a = answer{version: version, body: body, modified: req.since}
			h.cache.Add(key, a)
		}
		// ServeContent answers If-None-Match (against the ETag set above) and
		// If-Modified-Since with 304, and HEAD and ranges
		http.ServeContent(w, r, "", a.modified, strings.NewReader(string(a.body)))
	})
}

// matches reports whether an If-None-Match header names etag (weakly, as
// RFC 9110 compares for GET), or is "*".
func matches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for v := range strings.SplitSeq(header, ",") {
		v = strings.TrimSpace(v)
		if v == "*" || strings.TrimPrefix(v, "W/") == want {
			return true
		}
	}
	return false
}

// fail answers an error: 400 naming the parameter, 404 for an unknown node,
// 503 when the time ran out, else 500 with a generic message (logged).
func (h *Handlers) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	msg := "internal error"
	switch graph.ErrorCode(err) {
	case graph.EINVALID:
		status, msg = http.StatusBadRequest, graph.ErrorMessage(err)
	case graph.ENOTFOUND:
		status, msg = http.StatusNotFound, graph.ErrorMessage(err)
	default:
		if errors.Is(err, context.DeadlineExceeded) || graph.ErrorCode(err) == graph.ETIMEOUT {
			status, msg = http.StatusServiceUnavailable, "the feed took too long; try again later"
		} else if graph.ErrorCode(err) == graph.EUNAVAIL {
			status, msg = http.StatusServiceUnavailable, "the graph is not available; try again later"
		} else {
			h.cfg.Log.Error("feeds", "path", r.URL.Path, "err", err)
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, msg, status)
}

// site is the configured site address, or the one the request came to.
func (h *Handlers) site(r *http.Request) string {
	if h.cfg.SiteURL != "" {
		return h.cfg.SiteURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
